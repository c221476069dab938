"""The room console on a demo site's real database: the seat map, starting, pausing, time changes, moves,
forced submission and incidents, each going through TheoryService and into the audit trail."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.domain.roles import Role
from app.services.site import verify_audit
from app.services.theory import IncidentKind, RoomPhase, SeatStatus, TheoryService, TimeChangeKind
from app.ui.console.room_panel import RoomPanel

SESSION, ROOM = "TH1", "R01"
TIMEOUT = 15_000


def audit_events(site, action):
    with site.db.read() as session:
        rows = session.execute(text("SELECT subject, role, after FROM audit_event WHERE action = :a ORDER BY seq"),
                               {"a": action}).all()
    return [(subject, role, json.loads(after)) for subject, role, after in rows]


@pytest.fixture
def open_panel(zh_app, demo, qtbot, log_in):
    def make(role=Role.PROCTOR):
        panel = RoomPanel(demo.site, log_in(role), service=TheoryService(demo.site))
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda: panel.view is not None and panel.view.room_code == ROOM, timeout=TIMEOUT)
        panel.resize(1166, 700)
        return panel

    return make


def act(qtbot, panel, ask, fill):
    """Open the panel's dialog with `ask`, fill it, accept, and return the service's answer."""
    ask()
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(panel.acted, timeout=TIMEOUT) as acted:
        dialog.accept()
    with qtbot.waitSignal(panel.refreshed, timeout=TIMEOUT):
        pass
    return acted.args


def test_the_seat_map_shows_who_sits_where(open_panel, demo):
    panel = open_panel()
    view = panel.view
    assert panel.where() == (SESSION, ROOM) and view.phase is RoomPhase.WAITING
    assert len(panel.seat_map.tiles) == len([s for s in view.seats if s.seat_no is not None])
    seated = [s for s in view.seats if s.ticket_no]
    first = seated[0]
    tile = panel.seat_map.tiles[first.seat_no]
    assert first.name in tile.text() and tile.property("status") == first.status.value
    assert str(sum(1 for s in view.seats if s.status is not SeatStatus.EMPTY)) in panel.counts.text()
    assert panel.start_button.isEnabled() and not panel.pause_button.isEnabled()
    panel.seat_map.select_seat(first.seat_no)
    assert panel.selected.ticket_no == first.ticket_no and first.ticket_no in panel.facts.text()


def test_a_supervisor_watches_without_actions(open_panel):
    panel = open_panel(Role.SUPERVISOR)
    seated = next(s for s in panel.view.seats if s.ticket_no)
    panel.seat_map.select_seat(seated.seat_no)
    buttons = (panel.start_button, panel.pause_button, panel.time_button, panel.move_button, panel.incident_button,
               panel.submit_button)
    assert not any(button.isEnabled() for button in buttons)


@pytest.mark.slow
def test_the_proctors_actions_reach_the_service_and_the_audit_trail(open_panel, demo, qtbot):
    panel = open_panel()
    panel.ask_start()
    panel.dialog.password.setText("not-the-password")
    with qtbot.waitSignal(panel.action_refused, timeout=TIMEOUT) as refused:
        panel.dialog.accept()
    assert refused.args[0] == panel.banner.text() and panel.banner.objectName() == "error"
    assert len(audit_events(demo.site, "theory.start_refused")) == 1

    act(qtbot, panel, panel.ask_start, lambda d: d.password.setText(demo.exam_password))
    assert panel.view.phase is RoomPhase.RUNNING and panel.banner.objectName() == "success"
    assert panel.pause_button.isEnabled() and not panel.start_button.isEnabled()
    assert panel.view.leave_code and panel.view.leave_code in panel.leave_code.text()

    act(qtbot, panel, panel.ask_pause, lambda d: d.set_reason("停电，等待恢复"))
    assert panel.view.phase is RoomPhase.PAUSED and panel.resume_button.isEnabled()
    with qtbot.waitSignal(panel.acted, timeout=TIMEOUT):
        panel.resume_button.click()
    qtbot.waitUntil(lambda: panel.view.phase is RoomPhase.RUNNING, timeout=TIMEOUT)

    seated = [s for s in panel.view.seats if s.ticket_no]
    first, second, third = seated[:3]
    panel.seat_map.select_seat(first.seat_no)

    def time_change(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(TimeChangeKind.ACCOMMODATION))
        dialog.minutes.setValue(15)
        assert not dialog.ok.isEnabled()  # a reason is needed
        dialog.set_reason("视力障碍，合理便利")

    act(qtbot, panel, panel.ask_time_change, time_change)
    changed = next(s for s in panel.view.seats if s.ticket_no == first.ticket_no)
    assert changed.time_change_minutes == 15
    subject, role, after = audit_events(demo.site, "theory.time_changed")[-1]
    assert subject == f"sitting:{SESSION}:{first.ticket_no}" and role == "proctor"
    assert "视力障碍，合理便利" in json.dumps(after, ensure_ascii=False)

    free = next(s.seat_no for s in panel.view.seats if s.status is SeatStatus.EMPTY)
    panel.seat_map.select_seat(second.seat_no)

    def move(dialog):
        dialog.seat.setCurrentIndex(dialog.seat.findData(free))
        dialog.set_reason("考试机故障，换机续考")

    act(qtbot, panel, panel.ask_move, move)
    assert next(s for s in panel.view.seats if s.ticket_no == second.ticket_no).seat_no == free
    assert audit_events(demo.site, "theory.moved")[-1][0] == f"sitting:{SESSION}:{second.ticket_no}"

    panel.seat_map.select_seat(third.seat_no)

    def warn(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentKind.WARNING))
        dialog.set_reason("左顾右盼，口头警告")

    act(qtbot, panel, panel.ask_incident, warn)
    assert "warning" in next(s for s in panel.view.seats if s.ticket_no == third.ticket_no).badges
    assert audit_events(demo.site, "theory.incident")[-1][0] == f"sitting:{SESSION}:{third.ticket_no}"

    panel.seat_map.select_seat(first.seat_no)
    args = act(qtbot, panel, panel.ask_force_submit, lambda d: d.set_reason("考生身体不适，申请提前结束"))
    assert args[0] == "submit" and args[1].how == "proctor"
    submitted = next(s for s in panel.view.seats if s.ticket_no == first.ticket_no)
    assert submitted.submitted_how == "proctor"  # (the read model keeps a never-checked-in seat "expected")
    assert not panel.submit_button.isEnabled()  # nothing more to force
    assert audit_events(demo.site, "theory.force_submit")[-1][1] == "proctor"

    panel.seat_map.select_seat(third.seat_no)
    panel.ask_incident()
    panel.dialog.kind.setCurrentIndex(panel.dialog.kind.findData(IncidentKind.CHEATING))
    assert panel.dialog.consequence.objectName() == "error"  # the dialog says it cannot be undone
    panel.dialog.reject()
    assert len(audit_events(demo.site, "theory.incident")) == 1  # cancelling recorded nothing
    assert verify_audit(demo.site).ok
