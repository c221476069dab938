"""The check-in desk on a demo site: tickets seen by a simulated camera, ID cards, decisions, late entry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.roles import Role
from app.identity.face import compare_faces
from app.identity.tickets import issue_ticket
from app.security import SigningKey
from app.services.checkin import CheckinService, Decision
from app.services.overview import OverviewService
from app.simulation.clock import ManualClock as Clock
from app.ui.desk.demo_queue import id_card, load_queue, ticket_frame
from app.ui.desk.desk_panel import DeskPanel
from drivers.camera import SimulatedCamera
from drivers.face import face_engine
from drivers.idcard import SimulatedCardReader

SESSION = "TH1"
SIM = "desktest"
TIMEOUT = 15_000


def sim_compare(live, roster):
    """The simulated face engine: the demo roster photos are silhouettes, so this says 'no face'."""
    return compare_faces(live, roster, engine=face_engine("sim"))


@pytest.fixture(scope="module")
def queue(demo):
    return load_queue(demo, SESSION)


@pytest.fixture(scope="module")
def session_start(demo):
    from app.services.auth import AuthService

    staff_no, (role, secret) = next(item for item in demo.credentials.items() if item[1][0] == Role.ADMIN)
    admin = AuthService(demo.site).login(staff_no, secret, role)
    plan = OverviewService(demo.site).plan_overview(admin)
    return next(s.starts_at for s in plan.sessions if s.code == SESSION)


@pytest.fixture
def devices():
    camera = SimulatedCamera(fps=15, size=(1280, 720)).register(SIM)
    reader = SimulatedCardReader(name=SIM)
    yield camera, reader
    reader.stop()
    SimulatedCamera.unregister(SIM)


@pytest.fixture
def open_desk(zh_app, demo, qtbot, log_in, session_start):
    """open_desk(role, minutes_before_start=20, devices=True) -> a desk on session TH1, ready."""
    panels = []

    def make(role=Role.PROCTOR, minutes_before_start=20, with_devices=True):
        clock = Clock(session_start - timedelta(minutes=minutes_before_start))
        panel = DeskPanel(demo.site, log_in(role), service=CheckinService(demo.site, clock),
                          camera_spec=f"sim:{SIM}", reader_spec=f"sim:{SIM}", compare=sim_compare,
                          start_devices=with_devices)
        panels.append(panel)
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.session_ready, timeout=TIMEOUT):
            panel.resize(1166, 700)
            panel.show()
        if panel.session_code != SESSION:
            with qtbot.waitSignal(panel.session_ready, timeout=TIMEOUT):
                panel.select_session(SESSION)
        return panel

    yield make
    for panel in panels:
        panel.shutdown()


def status_of(demo, log_in, ticket):
    service = CheckinService(demo.site)
    return service.search(log_in(Role.PROCTOR), SESSION, ticket)[0].status


def test_a_ticket_shown_to_the_camera_fills_the_card_and_a_visual_check_admits(open_desk, devices, queue, qtbot,
                                                                               demo, log_in):
    camera, _ = devices
    panel = open_desk()
    candidate = queue[0]
    with qtbot.waitSignal(panel.face_checked, timeout=TIMEOUT) as face:
        camera.show(ticket_frame(candidate.token))
    assert face.args == ["muted"]
    assert panel.card.name.text() == candidate.name
    assert panel.card.ticket.text() == "有效" and panel.card.ticket.objectName() == "success"
    assert panel.card.roster_photo.has_image and panel.card.capture.has_image
    assert panel.card.face.text().startswith("未比对") and "人工核验" in panel.card.face.text()
    assert not panel.confirm_allowed()
    panel.card.visual_check.setChecked(True)
    assert panel.confirm_allowed()
    with qtbot.waitSignal(panel.decided, timeout=TIMEOUT) as decided:
        QTest.keyClick(panel, Qt.Key.Key_Return)
    outcome = decided.args[0]
    assert outcome.decision is Decision.CONFIRMED and outcome.ticket_no == candidate.ticket_no
    assert panel.banner.kind == "success"
    assert panel.banner.text() == f"{candidate.name} 已检录，{outcome.room_name} {outcome.seat_no} 号座"
    assert status_of(demo, log_in, candidate.ticket_no) == "checked_in"
    assert not panel.decisions.confirm.isEnabled()
    QTest.keyClick(panel, Qt.Key.Key_Escape)
    assert panel.case is None and panel.card.name.text() == "暂无考生"


def test_a_forged_ticket_shows_the_refusal(open_desk, devices, queue, qtbot, session_start):
    camera, _ = devices
    panel = open_desk()
    forged = issue_ticket(SigningKey.generate(), ticket_no=queue[1].ticket_no, plan_code="KH-FAKE",
                          sessions=[SESSION], id_number=queue[1].id_number,
                          valid_from=session_start - timedelta(days=1), valid_until=session_start + timedelta(days=1))
    with qtbot.waitSignal(panel.lookup_refused, timeout=TIMEOUT) as refused:
        camera.show(ticket_frame(forged))
    assert refused.args[0].startswith("伪造的准考证")
    assert panel.banner.kind == "error" and panel.banner.text() == refused.args[0]
    assert panel.card.ticket.objectName() == "error"
    assert panel.case is None and not panel.decisions.confirm.isEnabled()


def test_another_candidates_id_card_does_not_match_and_needs_an_override(open_desk, devices, queue, qtbot):
    _, reader = devices
    panel = open_desk()
    holder, other = queue[2], queue[3]
    with qtbot.waitSignal(panel.face_checked, timeout=TIMEOUT):
        panel.scan_code(holder.token)
    with qtbot.waitSignal(panel.card_checked, timeout=TIMEOUT) as checked:
        reader.insert(id_card(other))
    assert checked.args == [False]
    assert "与名单不一致" in panel.card.card.text() and panel.card.card.objectName() == "error"
    panel.card.visual_check.setChecked(True)
    assert not panel.confirm_allowed() and "身份证与名单不一致" in panel.decisions.hint.text()
    with qtbot.waitSignal(panel.decision_refused, timeout=TIMEOUT) as refused:
        panel.decisions.confirm.click()
    assert refused.args[0].startswith("不能直接确认") and "身份证属于他人" in refused.args[0]
    assert panel.banner.kind == "error"
    panel.decisions.override.click()
    dialog = panel.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.set_reason("持临时身份证明，已核对本人")
    with qtbot.waitSignal(panel.decided, timeout=TIMEOUT) as decided:
        dialog.accept()
    assert decided.args[0].decision is Decision.OVERRIDDEN
    assert panel.banner.kind == "success" and "特殊放行" in panel.banner.text()


def test_an_id_card_alone_finds_its_holder(open_desk, devices, queue, qtbot):
    _, reader = devices
    panel = open_desk()
    candidate = queue[4]
    with qtbot.waitSignal(panel.card_checked, timeout=TIMEOUT) as checked:
        reader.insert(id_card(candidate))
    assert checked.args == [True]
    assert panel.card.name.text() == candidate.name and "与名单一致" in panel.card.card.text()
    assert panel.case.method == "id_card" and panel.card.ticket.text() == "未扫描"


def test_without_consent_no_face_comparison_runs(open_desk, queue, qtbot):
    calls = []
    panel = open_desk(with_devices=False)
    panel.compare = lambda a, b: calls.append((a, b))
    with qtbot.waitSignal(panel.photo_shown, timeout=TIMEOUT):
        panel.scan_code(queue[5].token)
    with qtbot.waitSignal(panel.face_checked, timeout=TIMEOUT) as face:
        panel.card.consent.setChecked(False)
    assert face.args == ["muted"] and "考生未同意人脸核验" in panel.card.face.text()
    assert calls == []  # no live frame and no consent: nothing was compared


def test_late_entry_is_refused_for_a_proctor_and_left_to_the_chief_proctor(open_desk, queue, qtbot):
    late = queue[6]
    proctor_desk = open_desk(minutes_before_start=-20, with_devices=False)
    assert proctor_desk.session_bar.countdown.text() == "已过截止时间"
    with qtbot.waitSignal(proctor_desk.photo_shown, timeout=TIMEOUT):
        proctor_desk.scan_code(late.token)
    proctor_desk.card.visual_check.setChecked(True)
    assert not proctor_desk.decisions.override.isEnabled()
    assert "仅主监考可填写理由后特殊放行" in proctor_desk.decisions.hint.text()
    with qtbot.waitSignal(proctor_desk.decision_refused, timeout=TIMEOUT) as refused:
        proctor_desk.decisions.confirm.click()
    assert "只有主监考" in refused.args[0]
    proctor_desk.shutdown()

    chief_desk = open_desk(Role.CHIEF_PROCTOR, minutes_before_start=-20, with_devices=False)
    with qtbot.waitSignal(chief_desk.photo_shown, timeout=TIMEOUT):
        chief_desk.scan_code(late.token)
    chief_desk.card.visual_check.setChecked(True)
    assert chief_desk.decisions.override.isEnabled()
    dialog = chief_desk.ask_reason(Decision.OVERRIDDEN)
    assert "迟到" in dialog.prompt.text()
    dialog.set_reason("交通事故，持交警证明")
    with qtbot.waitSignal(chief_desk.decided, timeout=TIMEOUT) as decided:
        dialog.accept()
    assert decided.args[0].late and decided.args[0].decision is Decision.OVERRIDDEN


def test_manual_search_finds_by_name(open_desk, queue, qtbot):
    panel = open_desk(with_devices=False)
    wanted = queue[7]
    panel.search_box.text.setText(wanted.name)
    panel.search_box.button.click()
    qtbot.waitUntil(lambda: panel.search_box.results.count() > 0, timeout=TIMEOUT)
    item = next(panel.search_box.results.item(i) for i in range(panel.search_box.results.count())
                if wanted.ticket_no in panel.search_box.results.item(i).text())
    with qtbot.waitSignal(panel.candidate_shown, timeout=TIMEOUT) as shown:
        panel.search_box.results.itemClicked.emit(item)
    assert shown.args == [wanted.ticket_no] and panel.case.method == "manual"


def test_absentees_are_marked_only_after_the_cut_off_and_only_when_confirmed(open_desk, queue, qtbot, demo, log_in):
    early = open_desk(with_devices=False)
    assert not early.session_bar.absent_button.isEnabled()
    early.shutdown()
    desk = open_desk(minutes_before_start=-20, with_devices=False)
    assert desk.session_bar.absent_button.isEnabled()
    questions = []
    desk.ask_to_confirm = lambda question: questions.append(question) or False
    desk.session_bar.absent_button.click()
    assert len(questions) == 1 and status_of(demo, log_in, queue[-1].ticket_no) == "expected"
    desk.ask_to_confirm = lambda question: True
    with qtbot.waitSignal(desk.absentees_marked, timeout=TIMEOUT) as marked:
        desk.session_bar.absent_button.click()
    assert marked.args[0] > 0 and "缺考" in desk.banner.text()
    assert status_of(demo, log_in, queue[-1].ticket_no) == "absent"
