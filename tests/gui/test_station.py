"""The examiner station on a real demo site: entry rules, veto, signing, corrections, independence."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.domain.roles import Role
from app.persistence import repositories
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.scoring import ScoringService
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_PIN
from app.station.local import LocalStationBackend
from app.ui.station.signature_pad import SignaturePad, strokes_png
from app.ui.station.window import StationWindow

SESSION, TASK = "PR1", "T2"
TIMEOUT = 15_000
OTHER = {"T2-01": "9", "T2-02": "4", "T2-03": "3", "T2-04": "1.5", "T2-05": "0"}  # 14.5: a total nobody else gives


@pytest.fixture(scope="module")
def clock(demo):
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
    return Clock(start + timedelta(minutes=40))


@pytest.fixture
def station(zh_app, demo, qtbot, clock):
    """station(staff_no) -> a station window logged in as that examiner, its first sheet on screen."""
    windows = []

    def make(staff_no="KW0101"):
        window = StationWindow(LocalStationBackend(demo.site, clock, key_params=FAST_FOR_TESTS), "test")
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1280, 800)
        window.show()
        window.login_page.staff.setText(staff_no)
        for digit in DEMO_PIN:
            window.login_page.keypad.keys[digit].click()
        with qtbot.waitSignal(window.panel.loaded, timeout=TIMEOUT):
            with qtbot.waitSignal(window.logged_in, timeout=TIMEOUT):
                window.login_page.keypad.keys["ok"].click()
        return window

    yield make
    for window in windows:
        window.close()


def open_sheet(qtbot, window, index: int, task: str = TASK):
    card = window.candidates.cards[index]
    with qtbot.waitSignal(window.panel.loaded, timeout=TIMEOUT):
        window.panel.open(card, task)
    return window.panel


def type_into(row, text: str) -> None:
    row.field.setFocus()
    row.field.selectAll()
    QTest.keyClicks(row.field, text)
    QTest.keyClick(row.field, Qt.Key.Key_Return)


def mark_all(panel, values: dict[str, str]) -> None:
    for code, value in values.items():
        row = panel.rows[code]
        if row.veto is not None:
            row.veto.setChecked(value != "0")
        else:
            type_into(row, value)


def sign_through_dialog(qtbot, panel, pin=DEMO_PIN, strokes=True):
    with qtbot.waitSignal(panel.sign_dialog_opened, timeout=TIMEOUT) as opened:
        panel.sign_button.click()
    dialog = opened.args[0]
    dialog.to_pad.click()
    if strokes:
        draw(dialog.pad, [(20, 40), (60, 20), (100, 60), (140, 30)])
    return dialog


def draw(pad, points) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]), 5)
    for point in points[1:]:
        QTest.mouseMove(pad, QPoint(*point), 16)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]), 16)


def other_examiner_signs(demo, clock, staff_no, ticket, entries=OTHER):
    actor = AuthService(demo.site).login(staff_no, DEMO_PIN, Role.EXAMINER)
    scoring = ScoringService(demo.site, clock, key_params=FAST_FOR_TESTS)
    scoring.save_draft(actor, SESSION, ticket, TASK, entries)
    scoring.sign(actor, SESSION, ticket, TASK, DEMO_PIN, [[[0, 0, 0, 0.5], [9, 9, 20, 0.5]]])


# -- the signature pad --------------------------------------------------------------------------

def test_the_pad_records_pen_points_with_time_and_pressure_and_mouse_points_too(zh_app, qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 200)
    pad.show()
    pen = QPointingDevice("test pen", 7, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)
    events = [(QEvent.Type.TabletPress, 10, 20, 0.2, 5000), (QEvent.Type.TabletMove, 40, 30, 0.55, 5016),
              (QEvent.Type.TabletMove, 80, 35, 0.9, 5033), (QEvent.Type.TabletRelease, 90, 36, 0.4, 5050)]
    with qtbot.waitSignal(pad.changed, timeout=TIMEOUT):
        for kind, x, y, pressure, stamp in events:
            held = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
            event = QTabletEvent(kind, pen, QPointF(x, y), QPointF(x, y), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                                 Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, held)
            event.setTimestamp(stamp)
            QApplication.sendEvent(pad, event)
    assert pad.strokes() == [[[10.0, 20.0, 0.0, 0.2], [40.0, 30.0, 16.0, 0.55], [80.0, 35.0, 33.0, 0.9],
                              [90.0, 36.0, 50.0, 0.4]]]
    with qtbot.waitSignal(pad.changed, timeout=TIMEOUT):
        draw(pad, [(200, 100), (230, 120), (260, 90)])
    second = pad.strokes()[1]
    assert [p[:2] for p in second] == [[200.0, 100.0], [230.0, 120.0], [260.0, 90.0]]
    assert all(p[3] == 0.5 for p in second)  # a mouse has no pressure
    times = [p[2] for stroke in pad.strokes() for p in stroke]
    assert times == sorted(times) and second[0][2] >= 50  # one clock for the whole signature, never backwards
    assert pad.devices == {"pen", "mouse"} and pad.is_signed()
    png = strokes_png(pad.strokes(), 240, 90)
    assert png.startswith(b"\x89PNG") and len(png) > 500
    with qtbot.waitSignal(pad.changed, timeout=TIMEOUT):
        pad.clear()
    assert pad.strokes() == [] and not pad.is_signed()


# -- entry -----------------------------------------------------------------------------------------

def test_entries_out_of_bounds_or_off_step_are_refused_with_a_message(station, qtbot):
    window = station()
    panel = open_sheet(qtbot, window, 1)
    row = panel.rows["T2-01"]  # 0..10 in steps of 1
    with qtbot.waitSignal(panel.message_shown, timeout=TIMEOUT) as shown:
        type_into(row, "11")
    assert "T2-01" in shown.args[0] and row.value == "" and row.field.text() == "" and not panel.message.isHidden()
    with qtbot.waitSignal(panel.message_shown, timeout=TIMEOUT) as shown:
        type_into(row, "7.5")
    assert "T2-01" in shown.args[0] and row.value == ""
    type_into(row, "7")
    assert row.value == "7" and panel.message.isHidden()
    for _ in range(5):
        row.plus.click()
    assert row.value == "10"  # the stepper stops at the item's maximum
    deduction = panel.rows["T2-04"]  # 0..4 in steps of 0.5
    deduction.quick[0].click()
    deduction.quick[0].click()
    assert deduction.value == "1"
    assert panel.total.text().replace(" ", "").endswith("9/20")


def test_a_marked_veto_item_zeroes_the_total(station, qtbot):
    window = station()
    panel = open_sheet(qtbot, window, 2)
    mark_all(panel, {"T2-01": "10", "T2-02": "5", "T2-03": "5"})
    assert "20 / 20" in panel.total.text() and panel.sign_button.isEnabled()
    veto = panel.rows["T2-05"]
    veto.veto.click()
    assert veto.value == "1" and not veto.warning.isHidden()
    assert "0 / 20" in panel.total.text() and panel.total.objectName() == "totalVetoed"
    veto.veto.click()
    assert "20 / 20" in panel.total.text() and veto.warning.isHidden()


# -- signing ---------------------------------------------------------------------------------------

def test_signing_needs_strokes_and_the_pin_and_leaves_the_sheet_read_only(station, qtbot):
    window = station()
    panel = open_sheet(qtbot, window, 3)
    mark_all(panel, {"T2-01": "8", "T2-02": "5", "T2-03": "4"})
    dialog = sign_through_dialog(qtbot, panel, strokes=False)
    assert not dialog.to_pin.isEnabled()
    draw(dialog.pad, [(20, 40), (60, 20), (100, 60)])
    assert dialog.to_pin.isEnabled()
    dialog.to_pin.click()
    for digit in "24681":
        dialog.keypad.keys[digit].click()
    assert not dialog.sign_button.isEnabled()
    dialog.keypad.keys["9"].click()
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=TIMEOUT)  # a wrong PIN: the dialog stays
    assert panel.sheet.state == "draft" and dialog.pin.text() == ""
    for digit in DEMO_PIN:
        dialog.keypad.keys[digit].click()
    with qtbot.waitSignal(panel.signed, timeout=TIMEOUT) as signed:
        dialog.sign_button.click()
    assert signed.args[0].state == "signed" and signed.args[0].total == "17"
    qtbot.waitUntil(lambda: panel.sheet.state == "signed" and not panel.busy, timeout=TIMEOUT)
    assert all(row.read_only for row in panel.rows.values()) and panel.note.isReadOnly()
    assert not panel.save_button.isEnabled() and not panel.sign_button.isEnabled()
    assert not panel.correct_button.isHidden()
    row = panel.rows["T2-01"]
    row.plus.click()
    type_into(row, "2")
    assert row.value == "8"  # nothing changes on a signed sheet
    qtbot.waitUntil(lambda: window.candidates.cards[3].my_state.get(TASK) == "signed", timeout=TIMEOUT)


def test_a_correction_needs_a_reason_and_makes_a_new_version(station, qtbot):
    window = station()
    panel = open_sheet(qtbot, window, 4)
    mark_all(panel, {"T2-01": "9", "T2-02": "5", "T2-03": "5"})
    dialog = sign_through_dialog(qtbot, panel)
    dialog.to_pin.click()
    dialog.pin.setText(DEMO_PIN)
    with qtbot.waitSignal(panel.signed, timeout=TIMEOUT):
        dialog.sign_button.click()
    qtbot.waitUntil(lambda: not panel.busy, timeout=TIMEOUT)
    reason = panel.ask_correction()
    ok = reason.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no correction
    with qtbot.waitSignal(panel.message_shown, timeout=TIMEOUT):
        panel.start_correction("   ")
    assert not panel.editable()
    reason.set_reason("T2-03 漏扣")
    assert ok.isEnabled()
    ok.click()
    assert panel.editable() and panel.correction_reason == "T2-03 漏扣"
    type_into(panel.rows["T2-03"], "3")
    with qtbot.waitSignal(panel.saved, timeout=TIMEOUT) as saved:
        panel.save_button.click()
    assert saved.args[0].version == 2 and saved.args[0].state == "draft" and saved.args[0].reason == "T2-03 漏扣"
    assert panel.sheet.entries["T2-03"] == "3"


# -- independence ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_another_examiners_marks_are_never_shown_before_every_examiner_signed(station, qtbot, demo, clock):
    window = station("KW0101")
    ticket = window.candidates.cards[5].ticket_no
    other_examiner_signs(demo, clock, "KW0102", ticket)
    panel = open_sheet(qtbot, window, 5)
    assert panel.sheet.state == "none" and panel.entries() == {"T2-04": "0", "T2-05": "0"}

    def everything_on_screen() -> str:
        from PySide6.QtWidgets import QLabel, QLineEdit

        texts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
        texts += [field.text() for field in window.findChildren(QLineEdit) if field.isVisible()]
        return "\n".join(texts)

    assert "1.5" not in everything_on_screen() and panel.result_box.isHidden()
    mark_all(panel, {"T2-01": "10", "T2-02": "5", "T2-03": "5"})
    dialog = sign_through_dialog(qtbot, panel)
    dialog.to_pin.click()
    dialog.pin.setText(DEMO_PIN)
    with qtbot.waitSignal(panel.result_shown, timeout=TIMEOUT) as shown:
        dialog.sign_button.click()
    result = shown.args[0]
    assert not result.complete and result.signed == 2 and result.sheets == ()
    assert "2" in panel.result_text.text()
    assert "14.5" not in everything_on_screen() and "1.5" not in everything_on_screen()
    other_examiner_signs(demo, clock, "KW0103", ticket, {**OTHER, "T2-01": "10", "T2-02": "5", "T2-03": "5",
                                                         "T2-04": "0"})
    with qtbot.waitSignal(panel.result_shown, timeout=TIMEOUT) as shown:
        panel.reload()
    assert shown.args[0].complete and "<b>" in panel.result_text.text()
    assert "14.5" in panel.result_text.text() and "18.17" in panel.result_text.text()  # (20 + 14.5 + 20) / 3


def test_a_workpiece_photo_from_the_camera_is_kept_with_the_sheet(station, qtbot):
    from drivers.camera import SimulatedCamera

    from app.ui.station.photo_dialog import PhotoDialog

    window = station()
    panel = open_sheet(qtbot, window, 6)
    SimulatedCamera(fps=15, size=(640, 360)).register("stationtest")
    dialog = PhotoDialog(window, camera_spec="sim:stationtest")
    try:
        qtbot.waitUntil(dialog.shoot.isEnabled, timeout=TIMEOUT)
        with qtbot.waitSignal(dialog.captured, timeout=TIMEOUT) as captured:
            dialog.shoot.click()
        jpeg = captured.args[0]
        assert jpeg.startswith(b"\xff\xd8") and dialog.camera is None  # the camera thread has ended
    finally:
        dialog.stop_camera()
        SimulatedCamera.unregister("stationtest")
    with qtbot.waitSignal(panel.message_shown, timeout=TIMEOUT):
        panel.add_photo(jpeg)
    assert "1" in panel.banner_text.text()
    photos = window.backend.service.photos(window.backend.actor, SESSION, panel.card.ticket_no, TASK)
    assert photos == [jpeg]
