"""Results, the public list, the room record and the seal against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from app.domain.package import SealedPaper
from app.domain.roles import Role
from app.errors import InvalidState, PermissionDenied
from app.package import open_sealed_paper
from app.persistence import repositories
from app.persistence.models import ExamPlanRecord
from app.results.certificate import parse
from app.results.outcome import Outcome
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.services.results import ResultsService
from app.services.scoring import ScoringService
from app.services.site import verify_audit
from app.services.theory import AnswerSave, IncidentKind, TheoryService, TimeChangeKind
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DEMO_PIN, DEMO_STAFF_PASSWORD, create_demo_site

STROKES = [[[0, 0, 0, 0.5], [12.5, 4, 16, 0.62], [20, 9, 33, 0.7]]]
EXAMINERS = ("KW0101", "KW0102", "KW0103")
NUMBERING = {"category": "S", "agency_code": "0000", "agency_serial": "000123"}


class Day:
    """Four candidates of room R01 through theory and practical: a pass, a theory fail, a cheat, an absentee."""

    def __init__(self, demo):
        self.demo, self.site = demo, demo.site
        auth = AuthService(demo.site)
        login = auth.login
        self.chief = login("KW0002", DEMO_STAFF_PASSWORD, Role.CHIEF_PROCTOR)
        self.proctor = login("KW0003", DEMO_STAFF_PASSWORD, Role.PROCTOR)
        self.chief_as_proctor = login("KW0002", DEMO_STAFF_PASSWORD, Role.PROCTOR)
        self.supervisor = login("KW0200", DEMO_STAFF_PASSWORD, Role.SUPERVISOR)
        self.admin = login("admin", "demo-admin", Role.ADMIN)
        self.examiners = [login(no, DEMO_PIN, Role.EXAMINER) for no in EXAMINERS]
        with demo.site.db.transaction() as tx:
            plan = repositories.current_plan(tx)
            tx.get(ExamPlanRecord, plan.id).rules = {**plan.rules, "certificate_numbering": NUMBERING}
            self.theory_start = repositories.session_by_code(tx, plan.id, "TH1").starts_at
            self.practical_start = repositories.session_by_code(tx, plan.id, "PR1").starts_at
            self.tickets = sorted(c.ticket_no for c, s, es, room in repositories.roster(tx, plan.id)
                                  if es.code == "TH1" and room.code == "R01")[:4]
            self.package_id = plan.package.package_id
            record = repositories.papers(tx, plan.id)[0]
            self.sealed = SealedPaper(record.code, record.title, record.item_count, bytes(record.sealed_blob))
        self.clock = ManualClock(self.theory_start - timedelta(minutes=10))
        self.theory = TheoryService(demo.site, self.clock)
        self.scoring = ScoringService(demo.site, self.clock, key_params=FAST_FOR_TESTS)
        self.results = ResultsService(demo.site, self.clock)

    def check_in(self, session_code, ticket):
        CheckinService(self.site, self.clock).decide(
            self.proctor, session_code, ticket, Decision.CONFIRMED,
            Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.3, face_same=True))

    def run_theory(self):
        """A: all correct; B: half; C: caught cheating; D: absent."""
        from app.services.overview import OverviewService

        overview = OverviewService(self.site)
        a, b, c, _ = self.tickets
        sittings = {}
        for device, ticket in enumerate((a, b, c), start=1):
            self.check_in("TH1", ticket)
            last6 = overview.reveal_id_number(self.admin, ticket, "test")[-6:]
            sittings[ticket] = self.theory.login(ticket, last6, device).sitting_id
        self.theory.change_time(self.proctor, "TH1", b, TimeChangeKind.ACCOMMODATION, 10, "reading glasses")
        self.clock.now += timedelta(minutes=10)
        self.theory.start_room(self.proctor, "TH1", "R01", self.demo.exam_password)
        paper = open_sealed_paper(self.sealed, self.package_id, self.site.keys, self.demo.exam_password)
        key = {item.code: tuple(item.correct) for item in paper.items}
        codes = list(key)
        self.theory.save_answers(sittings[a], 1, [AnswerSave(code, key[code], False, n)
                                                  for n, code in enumerate(codes, start=1)])
        self.theory.save_answers(sittings[b], 2, [AnswerSave(code, key[code] if n <= len(codes) // 3 else (), False, n)
                                                  for n, code in enumerate(codes, start=1)])
        self.theory.pause_room(self.proctor, "TH1", "R01", "power cut")
        self.clock.now += timedelta(minutes=5)
        self.theory.resume_room(self.proctor, "TH1", "R01")
        self.theory.record_incident(self.proctor, "TH1", c, IncidentKind.CHEATING, "phone under the desk")
        free = max(seat.seat_no for seat in self.theory.room_console(self.chief, "TH1", "R01").seats) 
        self.theory.move_candidate(self.proctor, "TH1", b, free, "screen flickers")
        self.clock.now += timedelta(minutes=40)
        self.theory.submit(sittings[a], 1)
        self.clock.now += timedelta(minutes=60)
        self.theory.end_room(self.proctor, "TH1", "R01", "time is up")
        self.theory.grade_session(self.chief, "TH1")

    def run_practical(self, waiting_for_lead=False):
        """A and B score well; C (cheated in theory) too; D is absent again."""
        a, b, c, _ = self.tickets
        self.clock.now = self.practical_start - timedelta(minutes=10)
        for ticket in (a, b, c):
            self.check_in("PR1", ticket)
        self.clock.now = self.practical_start + timedelta(hours=1)
        for ticket in (a, b, c):
            for task, max_score in (("T1", 60), ("T2", 20), ("T3", 20)):
                spread = ticket == b and task == "T1" and waiting_for_lead
                for n, examiner in enumerate(self.examiners):
                    total = int(max_score * 0.8) - (15 * n if spread else 0)
                    marks = full_marks(self.site, task, total)
                    self.scoring.save_draft(examiner, "PR1", ticket, task, marks)
                    self.scoring.sign(examiner, "PR1", ticket, task, DEMO_PIN, STROKES)


def full_marks(site, task_code, total):
    """Marks on the task's score items adding up to `total` (deductions and veto at 0)."""
    from app.persistence import scoring_store

    with site.db.read() as session:
        plan = repositories.current_plan(session)
        task = scoring_store.task_by_code(session, plan.id, task_code)
        items = scoring_store.rubric(session, task.id)
    marks, left = {}, Decimal(total)
    for item in items:
        if item.kind == "score":
            marks[item.code] = str(min(left, item.max_points))
            left -= min(left, item.max_points)
        else:
            marks[item.code] = "0"
    return marks


@pytest.fixture
def day(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=8)
    yield Day(demo)
    demo.site.close()


@pytest.mark.slow
def test_results_follow_the_pass_marks_with_absent_violation_and_certificates(day):
    day.run_theory()
    day.run_practical()
    with pytest.raises(PermissionDenied):
        day.results.compute(day.proctor)
    outcomes = {o.ticket_no: o for o in day.results.compute(day.chief)}
    a, b, c, d = day.tickets
    assert outcomes[a].theory.outcome is Outcome.PASSED and outcomes[a].theory.score == Decimal("100.00")
    assert outcomes[a].practical.score == Decimal("80.00") and outcomes[a].outcome is Outcome.PASSED
    assert outcomes[b].theory.outcome is Outcome.FAILED and outcomes[b].outcome is Outcome.FAILED
    assert outcomes[c].theory.outcome is Outcome.VIOLATION and outcomes[c].outcome is Outcome.VIOLATION
    assert outcomes[d].theory.outcome is Outcome.ABSENT and outcomes[d].outcome is Outcome.ABSENT
    number = parse(outcomes[a].certificate_no)
    assert str(number.prefix) == "S000032000123" and number.level == 4 and number.sequence == 1
    assert {o.certificate_no for o in outcomes.values() if o.ticket_no != a} == {None}
    again = {o.ticket_no: o for o in day.results.compute(day.supervisor)}
    assert again == outcomes and day.results.results(day.admin) == list(outcomes.values())
    assert verify_audit(day.site).ok


@pytest.mark.slow
def test_a_result_waiting_for_the_examiner_lead_is_incomplete(day):
    day.run_theory()
    day.run_practical(waiting_for_lead=True)
    outcomes = {o.ticket_no: o for o in day.results.compute(day.admin)}
    b = day.tickets[1]
    assert outcomes[b].practical.outcome is Outcome.INCOMPLETE and outcomes[b].outcome is Outcome.INCOMPLETE
