"""The theory session against a real database: start, log-in, saves, time, submission, console, grading."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain.roles import Role
from app.errors import InvalidState, KnownError, PermissionDenied, Throttled
from app.package import open_sealed_paper
from app.persistence import repositories
from app.domain.package import SealedPaper
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.services.overview import OverviewService
from app.services.recording import RecordingService
from app.services.site import verify_audit
from app.services.theory import (
    AnswerSave,
    CandidatePhase,
    IncidentKind,
    SeatStatus,
    SubmitHow,
    TerminalReport,
    TheoryService,
    TimeChangeKind,
)
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DEMO_STAFF_PASSWORD, create_demo_site
from app.video.channel import pending_commands

SESSION = "TH1"


class Exam:
    def __init__(self, demo, clock, service, tickets):
        self.demo, self.clock, self.service, self.tickets = demo, clock, service, tickets
        auth = AuthService(demo.site)
        self.chief = auth.login("KW0002", DEMO_STAFF_PASSWORD, Role.CHIEF_PROCTOR)
        self.proctor = auth.login("KW0003", DEMO_STAFF_PASSWORD, Role.PROCTOR)
        self.other_proctor = auth.login("KW0005", DEMO_STAFF_PASSWORD, Role.PROCTOR)
        self.admin = auth.login("admin", "demo-admin", Role.ADMIN)
        self.supervisor = auth.login("KW0200", DEMO_STAFF_PASSWORD, Role.SUPERVISOR)
        overview = OverviewService(demo.site)
        self.last6 = {t: overview.reveal_id_number(self.admin, t, "test")[-6:] for t in tickets}

    def check_in(self, ticket):
        CheckinService(self.demo.site, self.clock).decide(
            self.proctor, SESSION, ticket, Decision.CONFIRMED,
            Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.3,
                     face_same=True))

    def login(self, ticket, device):
        return self.service.login(ticket, self.last6[ticket], device)

    def start(self):
        return self.service.start_room(self.proctor, SESSION, "R01", self.demo.exam_password)

    def key(self):
        """The answer key, opened the way the host opens it (the test plays the examiner)."""
        with self.demo.site.db.read() as session:
            plan = repositories.current_plan(session)
            record = repositories.papers(session, plan.id)[0]
            sealed = SealedPaper(record.code, record.title, record.item_count, bytes(record.sealed_blob))
            package_id = plan.package.package_id
        paper = open_sealed_paper(sealed, package_id, self.demo.site.keys, self.demo.exam_password)
        return {item.code: item for item in paper.items}


@pytest.fixture
def exam(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=8)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, s, es, room in repositories.roster(session, plan.id)
                   if es.code == SESSION and room.code == "R01"]
    clock = ManualClock(start - timedelta(minutes=10))
    yield Exam(demo, clock, TheoryService(demo.site, clock), tickets)
    demo.site.close()


def test_login_needs_check_in_and_the_right_id_characters_and_is_throttled(exam):
    first, second = exam.tickets[:2]
    with pytest.raises(InvalidState) as refused:
        exam.login(first, 1)
    assert refused.value.code == "not_checked_in"
    exam.check_in(first)
    with pytest.raises(PermissionDenied) as refused:
        exam.service.login(first, "000000" if exam.last6[first] != "000000" else "111111", 1)
    assert refused.value.code == "login_failed"
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            exam.service.login(first, "ABCDEF", 1)
    with pytest.raises(Throttled):
        exam.login(first, 1)  # even the right characters wait now
    exam.check_in(second)
    result = exam.login(second, 2)
    assert result.phase is CandidatePhase.WAITING and result.superseded_device_id is None
    assert exam.service.candidate_info(result.sitting_id).name == result.name
    with pytest.raises(InvalidState):
        exam.service.paper_for(result.sitting_id)


def test_start_opens_the_paper_and_the_paper_carries_no_key(exam):
    a, b = exam.tickets[:2]
    for ticket in (a, b):
        exam.check_in(ticket)
    one, two = exam.login(a, 1), exam.login(b, 2)
    with pytest.raises(KnownError):
        exam.service.start_room(exam.proctor, SESSION, "R01", "00000000")
    with pytest.raises(PermissionDenied):
        exam.service.start_room(exam.other_proctor, SESSION, "R01", exam.demo.exam_password)
    view = exam.start()
    assert view.phase.value == "running" and view.duration_minutes == 90
    with pytest.raises(InvalidState):
        exam.start()
    paper = exam.service.paper_for(one.sitting_id)
    key = exam.key()
    assert len(paper.items) == len(key) == 100
    assert "correct" not in repr(paper) and paper == exam.service.paper_for(one.sitting_id)
    other = exam.service.paper_for(two.sitting_id)
    assert [i.code for i in paper.items] != [i.code for i in other.items]  # shuffled per candidate
    assert [i.kind for i in paper.items] == sorted((i.kind for i in paper.items), key=["single", "multiple",
                                                                                       "truefalse"].index)
    for item in paper.items:
        assert sorted(c.key for c in item.choices) == sorted(c.key for c in key[item.code].choices)
    with exam.demo.site.db.read() as session:
        sealed = session.execute(text("SELECT answer_key_sealed FROM item")).scalars().all()
    assert len(sealed) == 100
    events = exam.service.events_for(one.sitting_id, 0)
    assert [e.kind for e in events.events] == ["started"]


def _running(exam, count=2):
    results = []
    for index, ticket in enumerate(exam.tickets[:count]):
        exam.check_in(ticket)
        results.append(exam.login(ticket, index + 1))
    exam.clock.now += timedelta(minutes=10)
    exam.start()
    return results


def test_saves_are_ordered_by_revision_and_replays_change_nothing(exam):
    (one, _) = _running(exam)
    paper = exam.service.paper_for(one.sitting_id)
    single = next(i for i in paper.items if i.kind == "single")
    multiple = next(i for i in paper.items if i.kind == "multiple")
    keys = [c.key for c in multiple.choices]
    outcome = exam.service.save_answers(one.sitting_id, 1, [
        AnswerSave(single.code, (single.choices[0].key,), False, 1),
        AnswerSave(multiple.code, tuple(keys[:2]), True, 2),
        AnswerSave(single.code, (single.choices[1].key,), False, 3)])
    assert [r.status for r in outcome.results] == ["stored", "stored", "stored"] and outcome.last_revision == 3
    late = exam.service.save_answers(one.sitting_id, 1, [AnswerSave(single.code, (single.choices[2].key,), False, 1)])
    assert [r.status for r in late.results] == ["stale"]
    state = exam.service.state(one.sitting_id, 1)
    assert state.answers[single.code].response == (single.choices[1].key,)
    assert state.answers[multiple.code].flagged and state.last_revision == 3
    with pytest.raises(KnownError) as bad:
        exam.service.save_answers(one.sitting_id, 1, [AnswerSave(single.code, ("A", "B"), False, 9)])
    assert bad.value.code == "bad_save"
    with pytest.raises(KnownError):
        exam.service.save_answers(one.sitting_id, 1, [AnswerSave("NOPE", (), False, 9)])
    with pytest.raises(PermissionDenied):
        exam.service.save_answers(one.sitting_id, 2, [AnswerSave(single.code, (), False, 9)])
    assert exam.service.state(one.sitting_id, 1).last_revision == 3


def test_earliest_submission_then_a_final_idempotent_receipt(exam):
    (one, _) = _running(exam)
    paper = exam.service.paper_for(one.sitting_id)
    item = paper.items[0]
    with pytest.raises(InvalidState) as early:
        exam.service.submit(one.sitting_id, 1)
    assert early.value.code == "too_early"
    exam.clock.now += timedelta(minutes=31)
    receipt = exam.service.submit(one.sitting_id, 1, [AnswerSave(item.code, (item.choices[0].key,), False, 1)])
    assert receipt.how is SubmitHow.CANDIDATE and receipt.answered == 1 and receipt.total == 100
    assert len(receipt.digest) == 64
    assert exam.service.submit(one.sitting_id, 1) == receipt == exam.service.receipt(one.sitting_id)
    with pytest.raises(InvalidState):
        exam.service.save_answers(one.sitting_id, 1, [AnswerSave(item.code, (), False, 2)])
    assert exam.service.state(one.sitting_id, 1).phase is CandidatePhase.SUBMITTED


def test_pauses_time_changes_and_offline_credit_move_the_end(exam):
    one, two = _running(exam)
    start_end = exam.service.state(one.sitting_id, 1).ends_at
    exam.service.pause_room(exam.proctor, SESSION, "R01", "power")
    exam.clock.now += timedelta(minutes=5)
    exam.service.resume_room(exam.proctor, SESSION, "R01")
    assert exam.service.state(one.sitting_id, 1).ends_at == start_end + timedelta(minutes=5)
    with pytest.raises(KnownError):
        exam.service.change_time(exam.proctor, SESSION, exam.tickets[0], TimeChangeKind.ACCOMMODATION, 10, "")
    with pytest.raises(KnownError):
        exam.service.change_time(exam.proctor, SESSION, exam.tickets[0], TimeChangeKind.ACCOMMODATION, -10, "x")
    new_end = exam.service.change_time(exam.proctor, SESSION, exam.tickets[0], TimeChangeKind.ACCOMMODATION, 10,
                                       "low vision")
    assert new_end == start_end + timedelta(minutes=15)
    # the terminal dies; 3 minutes later the candidate logs in on another terminal (换机续考)
    exam.service.heartbeat(one.sitting_id, 1)
    exam.clock.now += timedelta(minutes=3)
    moved = exam.login(exam.tickets[0], 7)
    assert moved.superseded_device_id == 1 and 150 <= moved.credited_seconds <= 180
    with pytest.raises(PermissionDenied) as gone:
        exam.service.heartbeat(one.sitting_id, 1)
    assert gone.value.code == "superseded"
    state = exam.service.state(one.sitting_id, 7)
    assert state.ends_at == new_end + timedelta(seconds=moved.credited_seconds)
    # the credit is capped by the plan (10 minutes)
    exam.clock.now += timedelta(minutes=30)
    again = exam.login(exam.tickets[0], 8)
    assert moved.credited_seconds + again.credited_seconds == 600
    kinds = [e.kind for e in exam.service.events_for(one.sitting_id, 0).events]
    assert kinds == ["started", "paused", "resumed", "time_changed"]
    assert [e.kind for e in exam.service.events_for(two.sitting_id, 0).events] == ["started", "paused", "resumed"]


def test_time_up_submits_at_the_next_request_and_by_the_sweep(exam):
    one, two = _running(exam)
    end = exam.service.state(one.sitting_id, 1).ends_at
    exam.clock.now = end + timedelta(seconds=60)
    item = exam.service.paper_for(one.sitting_id).items[0]
    exam.service.save_answers(one.sitting_id, 1, [AnswerSave(item.code, (item.choices[0].key,), False, 1)])  # grace
    exam.clock.now = end + timedelta(minutes=3)
    with pytest.raises(InvalidState):
        exam.service.save_answers(one.sitting_id, 1, [AnswerSave(item.code, (), False, 2)])
    receipt = exam.service.receipt(one.sitting_id)
    assert receipt.how is SubmitHow.TIME and receipt.answered == 1
    assert exam.service.sweep() == [exam.tickets[1]]
    assert exam.service.sweep() == []
    assert exam.service.receipt(two.sitting_id).how is SubmitHow.TIME


def test_console_operations_seat_map_and_grading(exam):
    results = _running(exam, count=4)
    key = exam.key()
    paper = exam.service.paper_for(results[0].sitting_id)
    perfect = [AnswerSave(i.code, tuple(key[i.code].correct), False, n) for n, i in enumerate(paper.items, start=1)]
    exam.service.save_answers(results[0].sitting_id, 1, perfect)
    half = [AnswerSave(i.code, tuple(key[i.code].correct) if n % 2 else (), False, n)
            for n, i in enumerate(paper.items, start=1)]
    exam.service.save_answers(results[1].sitting_id, 2, half)
    exam.service.heartbeat(results[2].sitting_id, 3, [TerminalReport("focus_lost", "alt-tab")])
    exam.service.record_incident(exam.proctor, SESSION, exam.tickets[2], IncidentKind.WARNING, "talking")
    exam.service.record_incident(exam.proctor, SESSION, exam.tickets[3], IncidentKind.CHEATING, "phone")
    free = next(seat.seat_no for seat in exam.service.room_console(exam.chief, SESSION, "R01").seats
                if seat.status is SeatStatus.EMPTY)
    moved = exam.service.move_candidate(exam.proctor, SESSION, exam.tickets[1], free, "screen broken")
    assert moved.seat_no == free and "moved" in moved.badges
    receipt = exam.service.force_submit(exam.proctor, SESSION, exam.tickets[1], "asked to leave")
    assert receipt.how is SubmitHow.PROCTOR
    view = exam.service.room_console(exam.proctor, SESSION, "R01")
    by_ticket = {seat.ticket_no: seat for seat in view.seats if seat.ticket_no}
    assert by_ticket[exam.tickets[0]].status is SeatStatus.ANSWERING and by_ticket[exam.tickets[0]].answered == 100
    assert by_ticket[exam.tickets[1]].status is SeatStatus.SUBMITTED
    assert {"warning", "focus_lost"} <= set(by_ticket[exam.tickets[2]].badges)
    assert by_ticket[exam.tickets[3]].voided and by_ticket[exam.tickets[3]].submitted_how is SubmitHow.VOID
    assert view.leave_code and exam.service.room_console(exam.supervisor, SESSION, "R01").leave_code is None
    assert sum(view.counts.values()) == 30
    with pytest.raises(PermissionDenied):
        exam.service.room_console(exam.other_proctor, SESSION, "R01")
    exam.clock.now += timedelta(minutes=40)
    exam.service.submit(results[0].sitting_id, 1)
    with pytest.raises(KnownError):
        exam.service.end_room(exam.proctor, SESSION, "R01")  # time left: a reason is needed
    exam.service.end_room(exam.proctor, SESSION, "R01", "fire drill")
    with pytest.raises(PermissionDenied):
        exam.service.grade_room(exam.proctor, SESSION, "R01")
    scores = {s.ticket_no: s for s in exam.service.grade_room(exam.chief, SESSION, "R01")}
    total = sum((item.points for item in key.values()), Decimal(0))
    assert scores[exam.tickets[0]].score == total == scores[exam.tickets[0]].max_score
    expected_half = sum((i.points for n, i in enumerate(paper.items, start=1) if n % 2), Decimal(0))
    assert scores[exam.tickets[1]].score == expected_half
    assert scores[exam.tickets[3]].score == 0 and scores[exam.tickets[3]].voided
    stats = {s.item_code: s for s in exam.service.item_statistics(exam.supervisor, SESSION, "R01")}
    answered_by_both = next(i.code for n, i in enumerate(paper.items, start=1) if n % 2)
    assert stats[answered_by_both].difficulty == Decimal("0.667")  # two of three non-void candidates
    assert verify_audit(exam.demo.site).ok
    assert exam.service.grade_room(exam.chief, SESSION, "R01") == list(scores.values())


def test_a_waiting_terminal_hears_a_pause_within_two_seconds(exam):
    (one, _) = _running(exam)
    after = exam.service.events_for(one.sitting_id, 0).last_seq
    got = {}

    def wait():
        started = time.monotonic()
        got["batch"] = exam.service.wait_for_events(one.sitting_id, after, 10)
        got["seconds"] = time.monotonic() - started - 0.3

    waiter = threading.Thread(target=wait)
    pause = threading.Timer(0.3, exam.service.pause_room, (exam.proctor, SESSION, "R01", "smoke"))
    waiter.start()
    pause.start()  # the waiter is blocked by then
    waiter.join(5)
    pause.join(5)
    assert [e.kind for e in got["batch"].events] == ["paused"] and got["seconds"] < 2


def test_an_incident_becomes_a_marker_on_the_rooms_video(exam):
    _running(exam, count=2)
    RecordingService(exam.demo.site, exam.clock).add_camera(exam.admin, "cam-r01", "R01", "rtsp://cam.invalid/r01")
    incident = exam.service.record_incident(exam.proctor, SESSION, exam.tickets[1], IncidentKind.WARNING, "talking")
    markers = [c for _, c in pending_commands(exam.demo.site.home) if c is not None and c.kind == "marker"]
    assert [(m.room, m.by, m.details["incident"], m.details["ticket"]) for m in markers] == [
        ("R01", exam.proctor.staff_no, str(incident), exam.tickets[1])]
