"""Heartbeats keep the last-seen time in memory and write it in bulk; token lookups are cached
and dropped at a revocation (docs/theory.md, "What the candidates' requests cost")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.roles import Role
from app.errors import PermissionDenied
from app.persistence import repositories, theory_store
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.security.tls import enrolment_key, enrolment_proof
from app.services.lan_access import LanAccess
from app.services.overview import OverviewService
from app.services.theory import AnswerSave, SeatStatus, TheoryService
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DEMO_STAFF_PASSWORD, create_demo_site

SESSION = "TH1"


@pytest.fixture
def running(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=6)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        ticket = next(c.ticket_no for c, s, es, r in repositories.roster(session, plan.id)
                      if es.code == SESSION and r.code == "R01")
    clock = ManualClock(start - timedelta(minutes=5))
    auth = AuthService(demo.site)
    proctor = auth.login("KW0003", DEMO_STAFF_PASSWORD, Role.PROCTOR)
    admin = auth.login("admin", "demo-admin", Role.ADMIN)
    last6 = OverviewService(demo.site).reveal_id_number(admin, ticket, "test")[-6:]
    CheckinService(demo.site, clock).decide(
        proctor, SESSION, ticket, Decision.CONFIRMED,
        Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.3, face_same=True))
    service = TheoryService(demo.site, clock)
    sitting = service.login(ticket, last6, 1).sitting_id
    clock.now = start
    service.start_room(proctor, SESSION, "R01", demo.exam_password)
    yield demo, clock, service, proctor, admin, ticket, last6, sitting
    demo.site.close()


def _stored_seen(demo, sitting):
    with demo.site.db.read() as session:
        return theory_store.candidate_state(session, sitting).last_seen_at


def test_heartbeats_are_written_in_bulk_and_the_console_sees_them_at_once(running):
    demo, clock, service, proctor, admin, ticket, last6, sitting = running
    logged_in = _stored_seen(demo, sitting)
    clock.now += timedelta(seconds=30)
    beat = service.heartbeat(sitting, 1)
    assert beat.phase.value == "running"
    assert _stored_seen(demo, sitting) == logged_in  # no write transaction per heartbeat
    seat = next(s for s in service.room_console(proctor, SESSION, "R01").seats if s.ticket_no == ticket)
    assert seat.status is SeatStatus.LOGGED_IN and seat.last_seen_at == clock.now  # not offline: heard 0 s ago
    assert service.flush() == 1
    assert _stored_seen(demo, sitting) == clock.now
    clock.now += timedelta(seconds=40)  # silent for 40 s: offline, from the stored time as well
    seat = next(s for s in service.room_console(proctor, SESSION, "R01").seats if s.ticket_no == ticket)
    assert seat.status is SeatStatus.OFFLINE
    with pytest.raises(PermissionDenied):
        service.heartbeat(sitting, 2)  # another terminal: refused, and nothing noted


def test_a_new_log_in_credits_offline_time_from_the_heartbeat_held_in_memory(running):
    demo, clock, service, proctor, admin, ticket, last6, sitting = running
    clock.now += timedelta(minutes=10)
    service.heartbeat(sitting, 1)  # in memory only (flush not due)
    clock.now += timedelta(minutes=2)
    moved = service.login(ticket, last6, 2)
    assert 90 <= moved.credited_seconds <= 120  # from the heartbeat 2 minutes ago, not the log-in 12 ago
    item = service.paper_for(sitting).items[0]
    saved = service.save_answers(sitting, 2, [AnswerSave(item.code, (item.choices[0].key,), False, 1)])
    assert [r.status for r in saved.results] == ["stored"] and _stored_seen(demo, sitting) == clock.now


def test_a_revoked_device_is_refused_at_once_despite_the_token_cache(running):
    demo, clock, service, proctor, admin, ticket, last6, sitting = running
    chief = AuthService(demo.site).login("KW0002", DEMO_STAFF_PASSWORD, Role.CHIEF_PROCTOR)
    access = LanAccess(demo.site)
    code = access.issue_code(chief, "terminal", "R01")
    proof = enrolment_proof(enrolment_key(code), access.identity.certificate_sha256)
    enrolled = access.enrol(proof, "terminal 1")
    device_id, token = enrolled.device.id, enrolled.token
    assert access.device_for(token).id == device_id
    login = access.issue_session("candidate", f"theory:{sitting}", device_id, timedelta(hours=1))
    assert access.session_for(login, "candidate").device_id == device_id  # now cached
    access.revoke_sessions("candidate", f"theory:{sitting}")
    with pytest.raises(PermissionDenied):
        access.session_for(login, "candidate")
    access.revoke_device(chief, device_id)
    with pytest.raises(PermissionDenied):
        access.device_for(token)
