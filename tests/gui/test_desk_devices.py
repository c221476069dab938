"""The desk's devices: a camera that drops and comes back, scanner guns on the keyboard, the demo desk."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.roles import Role
from app.services.checkin import CheckinService
from app.simulation.clock import ManualClock as Clock
from app.ui.console.window import ConsoleWindow
from app.ui.desk.demo_queue import load_queue
from app.ui.desk.desk_panel import DeskPanel
from drivers.camera import SimulatedCamera
from drivers.idcard import SimulatedCardReader

SIM = "desktest"


TIMEOUT = 15_000


@pytest.fixture
def desk(zh_app, demo, qtbot, log_in):
    camera = SimulatedCamera(fps=15, size=(640, 360)).register(SIM)
    reader = SimulatedCardReader(name=SIM)
    clock = Clock()
    panel = DeskPanel(demo.site, log_in(Role.PROCTOR), service=CheckinService(demo.site, clock),
                      camera_spec=f"sim:{SIM}", reader_spec=f"sim:{SIM}")
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sessions_loaded, timeout=TIMEOUT):
        panel.resize(1166, 700)
        panel.show()
    clock.now = panel.session_bar.sessions[panel.session_bar.choice.currentIndex()].starts_at - timedelta(minutes=20)
    yield panel, camera, reader
    panel.shutdown()
    reader.stop()
    SimulatedCamera.unregister(SIM)


def test_an_unplugged_camera_shows_its_state_and_comes_back_live(desk, qtbot):
    panel, camera, _ = desk
    qtbot.waitUntil(lambda: panel.view.state == "live", timeout=TIMEOUT)
    assert panel.view.overlay_text() == ""
    with qtbot.waitSignal(panel.camera_state_changed, check_params_cb=lambda state: state == "lost", timeout=TIMEOUT):
        camera.unplug()
    assert panel.view.overlay_text() == "摄像头已断开，正在重新连接…"
    assert panel.camera_status.objectName() == "error" and "断开" in panel.camera_status.text()
    panel.search_box.text.setText("26")  # the desk keeps working without the camera
    panel.search_box.button.click()
    qtbot.waitUntil(lambda: panel.search_box.results.count() > 0, timeout=TIMEOUT)
    with qtbot.waitSignal(panel.camera_state_changed, check_params_cb=lambda state: state == "live", timeout=TIMEOUT):
        camera.replug()
    assert panel.view.overlay_text() == "" and panel.view.image is not None


def test_the_reader_reports_ready(desk, qtbot):
    panel, _, _ = desk
    qtbot.waitUntil(lambda: panel.reader_status.text().startswith("读卡器：就绪"), timeout=TIMEOUT)


class KeyClock:
    """Key times for the wedge filter, advanced by the test instead of by waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self, _event) -> float:
        return self.now


def type_keys(widget, text: str, clock: KeyClock, gap: float, enter: bool = True) -> None:
    for char in text:
        clock.now += gap
        QTest.keyClick(widget, char)
    if enter:
        clock.now += gap
        QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_scanner_gun_typing_fast_is_a_scan(desk, qtbot, demo):
    panel, _, _ = desk
    clock = KeyClock()
    panel.wedge._clock = clock
    token = load_queue(demo, panel.session_code)[0].token
    panel.search_box.text.setFocus()
    with qtbot.waitSignal(panel.scanned, timeout=TIMEOUT) as scanned:
        type_keys(panel.search_box.text, token, clock, gap=0.008)
    assert scanned.args == [token]
    assert panel.search_box.text.text() == ""  # the scanner's keys never reached the search box
    qtbot.waitUntil(lambda: panel.case is not None, timeout=TIMEOUT)
    assert panel.case.method == "ticket" and panel.card.ticket.text() == "有效"


def test_a_person_typing_slowly_is_not_a_scan(desk, qtbot):
    panel, _, _ = desk
    clock = KeyClock()
    panel.wedge._clock = clock
    panel.search_box.text.setFocus()
    with qtbot.assertNotEmitted(panel.scanned):
        type_keys(panel.search_box.text, "263200", clock, gap=0.25, enter=False)
        qtbot.waitUntil(lambda: panel.search_box.text.text() == "263200", timeout=TIMEOUT)
    clock.now += 0.3
    QTest.keyClick(panel.search_box.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.search_box.results.count() > 0, timeout=TIMEOUT)


def test_the_demo_console_opens_on_the_desk_and_its_button_brings_the_next_candidate(zh_app, demo, qtbot, log_in):
    window = ConsoleWindow(demo.site, log_in(Role.CHIEF_PROCTOR), demo=demo)
    qtbot.addWidget(window)
    try:
        window.show()
        desk = window.desk_panel
        assert window.panels.currentWidget() is desk and window.navigation.item(0).text() == "检录"
        assert desk.demo_controls is not None and desk.demo_controls.next_button.text() == "演示：下一位考生"
        qtbot.waitUntil(lambda: desk.demo_controls.next_button.isEnabled(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: desk.view.state == "live", timeout=TIMEOUT)
        faces = []
        desk.face_checked.connect(faces.append)
        with qtbot.waitSignal(desk.candidate_shown, timeout=TIMEOUT) as shown:
            desk.demo_controls.next_button.click()
        assert shown.args == [desk.demo_controls.current.ticket_no]
        qtbot.waitUntil(lambda: faces != [], timeout=TIMEOUT)
        assert faces == ["success"]  # the demo's people wear the simulated engine's faces
        with qtbot.waitSignal(desk.card_checked, timeout=TIMEOUT) as checked:
            desk.demo_controls.card_button.click()
        assert checked.args == [True]
    finally:
        window.close()
    assert not desk.devices.running
