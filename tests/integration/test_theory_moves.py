"""Moving a candidate (换机续考) on a real database: the plan the service caches is made of plain
values (a refused operation's rollback cannot detach it), and a seat whose candidate is absent is free."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.roles import Role
from app.errors import InvalidState
from app.persistence import repositories
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.services.overview import OverviewService
from app.services.site import verify_audit
from app.services.theory import AnswerSave, SeatStatus, TheoryService
from app.services.theory_context import PlanInfo
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DEMO_STAFF_PASSWORD, create_demo_site

SESSION = "TH1"


@pytest.fixture
def room(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=6)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, s, es, r in repositories.roster(session, plan.id)
                   if es.code == SESSION and r.code == "R01"]
    clock = ManualClock(start - timedelta(minutes=10))
    auth = AuthService(demo.site)
    proctor = auth.login("KW0003", DEMO_STAFF_PASSWORD, Role.PROCTOR)
    admin = auth.login("admin", "demo-admin", Role.ADMIN)
    overview = OverviewService(demo.site)
    last6 = {t: overview.reveal_id_number(admin, t, "test")[-6:] for t in tickets}
    service = TheoryService(demo.site, clock)
    yield demo, clock, service, proctor, tickets, last6, start
    demo.site.close()


def _check_in(demo, clock, proctor, ticket):
    CheckinService(demo.site, clock).decide(
        proctor, SESSION, ticket, Decision.CONFIRMED,
        Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.3, face_same=True))


def _seats(service, proctor):
    return {seat.ticket_no: seat for seat in service.room_console(proctor, SESSION, "R01").seats if seat.ticket_no}


def test_a_refused_move_does_not_break_the_next_one(room):
    """Regression: the cached plan was an ORM row; the rollback of a refused move expired it and the
    next move failed with DetachedInstanceError."""
    demo, clock, service, proctor, tickets, last6, start = room
    first, second = tickets[:2]
    for n, ticket in enumerate((first, second), start=1):
        _check_in(demo, clock, proctor, ticket)
        service.login(ticket, last6[ticket], n)
    clock.now = start
    service.start_room(proctor, SESSION, "R01", demo.exam_password)
    sitting = service.login(first, last6[first], 1).sitting_id
    item = service.paper_for(sitting).items[0]
    service.save_answers(sitting, 1, [AnswerSave(item.code, (item.choices[0].key,), False, 1)])
    with demo.site.db.read() as session:
        plan = service.ctx.current_plan(session)
    assert isinstance(plan, PlanInfo) and SESSION in {s.code for s in plan.sessions}  # plain values, usable later
    taken = _seats(service, proctor)[second].seat_no
    with pytest.raises(InvalidState):
        service.move_candidate(proctor, SESSION, first, taken, "screen broken")
    free = next(s.seat_no for s in service.room_console(proctor, SESSION, "R01").seats if s.status is SeatStatus.EMPTY)
    moved = service.move_candidate(proctor, SESSION, first, free, "screen broken")
    assert moved.seat_no == free and "moved" in moved.badges
    assert service.state(sitting, 1).answers[item.code].response == (item.choices[0].key,)


def test_a_candidate_moves_to_the_seat_of_an_absent_candidate(room):
    demo, clock, service, proctor, tickets, last6, start = room
    present, busy = tickets[0], tickets[1]
    for n, ticket in enumerate((present, busy), start=1):
        _check_in(demo, clock, proctor, ticket)
        service.login(ticket, last6[ticket], n)
    clock.now = start
    service.start_room(proctor, SESSION, "R01", demo.exam_password)
    clock.now = start + timedelta(minutes=20)  # past the late-entry cut-off
    absent = set(CheckinService(demo.site, clock).mark_absentees(proctor, SESSION))
    assert present not in absent and busy not in absent
    before = _seats(service, proctor)
    away = next(t for t in tickets if t in absent)
    own, absent_seat = before[present].seat_no, before[away].seat_no
    assert before[away].status is SeatStatus.ABSENT
    with pytest.raises(InvalidState):  # a checked-in candidate's seat stays taken
        service.move_candidate(proctor, SESSION, present, before[busy].seat_no, "terminal died")
    moved = service.move_candidate(proctor, SESSION, present, absent_seat, "terminal died")
    assert moved.seat_no == absent_seat and moved.status is not SeatStatus.ABSENT
    after = _seats(service, proctor)
    assert after[away].seat_no == own and after[away].status is SeatStatus.ABSENT  # the seat left behind
    assert after[busy].seat_no == before[busy].seat_no
    assert verify_audit(demo.site).ok
