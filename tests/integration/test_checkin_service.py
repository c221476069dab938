"""Check-in decisions against a real database: tickets, cards, faces, late entry, absentees, evidence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from app.domain.roles import Role
from app.errors import InvalidState, NotFound, PermissionDenied
from app.identity.idnumber import make_id_number
from app.identity.tickets import TicketRejected, _b64, _unb64, issue_ticket
from app.persistence import repositories
from app.security import SigningKey
from app.services.auth import AuthService
from app.services.checkin import (
    CheckinRefused,
    CheckinService,
    Decision,
    Evidence,
    Method,
)
from app.services.overview import OverviewService
from app.services.recording import RecordingService
from app.services.site import verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import create_demo_site
from app.video.channel import pending_commands

SESSION = "TH1"


@pytest.fixture
def desk(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=8)
    auth = AuthService(demo.site)
    actors = {}
    for staff_no, (role, secret) in demo.credentials.items():
        actors.setdefault(role, auth.login(staff_no, secret, role))
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        roster = [(c.ticket_no, c.ticket_token) for c, s, es, _ in repositories.roster(session, plan.id)
                  if es.code == SESSION]
    clock = Clock(start - timedelta(minutes=20))
    yield demo, CheckinService(demo.site, clock), actors, clock, roster
    demo.site.close()


def id_number_of(site, admin, ticket):
    return OverviewService(site).reveal_id_number(admin, ticket, "test")


def face_ok(**extra):
    return Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.31,
                    face_same=True, photo_jpeg=b"\xff\xd8\xff\xe0 evidence", **extra)


def test_a_genuine_ticket_and_face_check_in(desk):
    demo, service, actors, clock, roster = desk
    ticket, token = roster[0]
    found = service.scan_ticket(actors[Role.PROCTOR], SESSION, token)
    assert found.ticket_no == ticket and found.status == "expected" and "*" in found.id_masked
    outcome = service.decide(actors[Role.PROCTOR], SESSION, ticket, Decision.CONFIRMED, face_ok())
    assert outcome.decision is Decision.CONFIRMED and not outcome.late and outcome.seat_no == found.seat_no
    with pytest.raises(InvalidState, match="already checked in"):
        service.decide(actors[Role.PROCTOR], SESSION, ticket, Decision.CONFIRMED, face_ok())
    with demo.site.db.read() as session:
        sealed = session.execute(text("SELECT evidence_sealed FROM checkin_record")).scalar()
    assert sealed and b"evidence" not in sealed
    record_id = 1
    assert service.evidence_photo(actors[Role.CHIEF_PROCTOR], record_id).endswith(b"evidence")
    with pytest.raises(PermissionDenied):
        service.evidence_photo(actors[Role.PROCTOR], record_id)
    assert verify_audit(demo.site).ok


def test_bad_tickets_are_refused_with_their_reason(desk):
    demo, service, actors, clock, roster = desk
    proctor = actors[Role.PROCTOR]
    ticket, token = roster[0]
    id_number = id_number_of(demo.site, actors[Role.ADMIN], ticket)
    forged = issue_ticket(SigningKey.generate(), ticket_no=ticket, plan_code="X", sessions=[SESSION],
                          id_number=id_number, valid_from=clock.now - timedelta(days=1),
                          valid_until=clock.now + timedelta(days=1))
    prefix, payload, signature = token.split(".")
    altered = ".".join([prefix, _b64(_unb64(payload).replace(b'"TH1"', b'"TH9"')), signature])
    other_plan = issue_ticket(SigningKey.sample_issuer(), ticket_no=ticket, plan_code="OTHER-PLAN",
                              sessions=[SESSION], id_number=id_number, valid_from=clock.now - timedelta(days=1),
                              valid_until=clock.now + timedelta(days=1))
    unknown = issue_ticket(SigningKey.sample_issuer(), ticket_no="999999999999", plan_code=_plan(demo),
                           sessions=[SESSION], id_number=id_number, valid_from=clock.now - timedelta(days=1),
                           valid_until=clock.now + timedelta(days=1))
    for bad, code in ((forged, "forged"), (altered, "altered"), (other_plan, "other_session"), ("hello", "malformed")):
        with pytest.raises(TicketRejected) as refused:
            service.scan_ticket(proctor, SESSION, bad)
        assert refused.value.code == code, bad
    with pytest.raises(NotFound, match="999999999999"):
        service.scan_ticket(proctor, SESSION, unknown)
    with demo.site.db.read() as session:
        reasons = session.execute(text("SELECT after FROM audit_event WHERE action = 'checkin.ticket_refused'")).scalars()
        assert sum('"forged"' in r or '"altered"' in r or '"malformed"' in r for r in reasons) == 3
    clock.now += timedelta(days=2)
    with pytest.raises(TicketRejected) as refused:
        service.scan_ticket(proctor, SESSION, token)
    assert refused.value.code == "expired"


def _plan(demo):
    with demo.site.db.read() as session:
        return repositories.current_plan(session).plan_code


def test_cards_find_their_holder_and_a_wrong_card_needs_an_override(desk):
    demo, service, actors, clock, roster = desk
    proctor, admin = actors[Role.PROCTOR], actors[Role.ADMIN]
    (first, _), (second, _) = roster[0], roster[1]
    first_id, second_id = id_number_of(demo.site, admin, first), id_number_of(demo.site, admin, second)
    assert service.read_card(proctor, SESSION, first_id.lower()).ticket_no == first
    with pytest.raises(CheckinRefused, match="check digit"):
        service.read_card(proctor, SESSION, first_id[:-1] + ("0" if first_id[-1] != "0" else "1"))
    stranger = make_id_number("110101", date(1988, 1, 1), 7)
    with pytest.raises(NotFound):
        service.read_card(proctor, SESSION, stranger)
    wrong_card = face_ok(card_id_number=second_id)
    with pytest.raises(CheckinRefused, match="someone else"):
        service.decide(proctor, SESSION, first, Decision.CONFIRMED, wrong_card)
    with pytest.raises(CheckinRefused, match="reason"):
        service.decide(proctor, SESSION, first, Decision.OVERRIDDEN, wrong_card)
    outcome = service.decide(proctor, SESSION, first, Decision.OVERRIDDEN, wrong_card, reason="持临时身份证明，已核对")
    assert outcome.decision is Decision.OVERRIDDEN
    assert service.card_matches(second, second_id) and not service.card_matches(second, first_id)


def test_faces_consent_and_the_visual_alternative(desk):
    demo, service, actors, clock, roster = desk
    proctor = actors[Role.PROCTOR]
    (a, _), (b, _), (c, _) = roster[:3]
    mismatch = Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.71,
                        face_same=False)
    with pytest.raises(CheckinRefused, match="does not match"):
        service.decide(proctor, SESSION, a, Decision.CONFIRMED, mismatch)
    rejected = service.decide(proctor, SESSION, a, Decision.REJECTED, mismatch, reason="非本人")
    assert rejected.decision is Decision.REJECTED
    unchecked = Evidence(method=Method.MANUAL, face_consent=False)
    with pytest.raises(CheckinRefused, match="identity not checked"):
        service.decide(proctor, SESSION, b, Decision.CONFIRMED, unchecked)
    visual = Evidence(method=Method.MANUAL, face_consent=False, visual_check=True)
    assert service.decide(proctor, SESSION, b, Decision.CONFIRMED, visual).decision is Decision.CONFIRMED
    assert service.decide(proctor, SESSION, a, Decision.CONFIRMED, face_ok()).decision is Decision.CONFIRMED
    assert [x.ticket_no for x in service.search(proctor, SESSION, c[:8])][:1] != []


def test_late_entry_and_absentees(desk):
    demo, service, actors, clock, roster = desk
    proctor, chief = actors[Role.PROCTOR], actors[Role.CHIEF_PROCTOR]
    (a, _), (b, _) = roster[:2]
    with pytest.raises(InvalidState, match="cut-off"):
        service.mark_absentees(proctor, SESSION)
    service.decide(proctor, SESSION, a, Decision.CONFIRMED, face_ok())
    clock.now = service.cutoff(SESSION) + timedelta(minutes=1)
    with pytest.raises(CheckinRefused) as refused:
        service.decide(proctor, SESSION, b, Decision.CONFIRMED, face_ok())
    assert refused.value.code == "late"
    with pytest.raises(CheckinRefused) as refused:
        service.decide(chief, SESSION, b, Decision.CONFIRMED, face_ok())
    assert refused.value.code == "needs_override"
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        exam_id = repositories.session_by_code(session, plan.id, SESSION).id
        room_code = next(room.code for _, candidate, room in repositories.sittings_of_session(session, exam_id)
                         if candidate.ticket_no == b)
    RecordingService(demo.site, clock).add_camera(actors[Role.ADMIN], "cam-1", room_code, "rtsp://cam.invalid/1")
    late = service.decide(chief, SESSION, b, Decision.OVERRIDDEN, face_ok(), reason="交通事故，持交警证明")
    assert late.late and late.decision is Decision.OVERRIDDEN
    markers = [c for _, c in pending_commands(demo.site.home) if c is not None and c.kind == "marker"]
    assert [(m.room, m.by, m.details["ticket"]) for m in markers] == [(room_code, chief.staff_no, b)]
    absent = service.mark_absentees(proctor, SESSION)
    assert set(absent) == {t for t, _ in roster} - {a, b}
    counts = service.summary(chief, SESSION)
    assert sum(c["checked_in"] for c in counts.values()) == 2
    assert sum(c["absent"] for c in counts.values()) == len(roster) - 2
    assert verify_audit(demo.site).ok


def test_random_seats_are_drawn_from_the_free_ones(desk):
    demo, service, actors, clock, roster = desk
    ticket, _ = roster[0]
    with demo.site.db.transaction() as tx:
        plan = repositories.current_plan(tx)
        plan.rules = {**plan.rules, "random_seats": True}
        tx.execute(text("UPDATE sitting SET seat_no = NULL"))
    outcome = service.decide(actors[Role.PROCTOR], SESSION, ticket, Decision.CONFIRMED, face_ok())
    assert outcome.seat_no is not None and 1 <= outcome.seat_no <= 30


def test_only_the_desk_roles_decide(desk):
    demo, service, actors, clock, roster = desk
    with pytest.raises(PermissionDenied):
        service.decide(actors[Role.EXAMINER], SESSION, roster[0][0], Decision.CONFIRMED, face_ok())
