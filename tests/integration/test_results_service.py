"""Results, the public list, the room record and the seal against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from app.domain.package import SealedPaper
from app.domain.roles import Role
from app.errors import InvalidState, KnownError, PermissionDenied
from app.package import open_sealed_paper
from app.persistence import repositories
from app.persistence.models import Answer, CandidateResult, ExamPlanRecord, ExamSession, Incident, ScoreSheet
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


@pytest.mark.slow
def test_room_record_public_list_seal_and_verify_catching_plain_sql(day, tmp_path):
    from app.services.results import RoomRecordService
    from app.services.seal import SealService, verify_seals

    day.run_theory()
    day.run_practical()
    a, b, c, d = day.tickets
    records = RoomRecordService(day.site, day.clock, key_params=FAST_FOR_TESTS)
    record = records.record(day.supervisor, "TH1", "R01")
    assert record.started_at and record.ended_at and len(record.pauses) == 1
    assert {e.ticket_no for e in record.absentees} >= {d} and record.present == 3
    assert [e.ticket_no for e in record.incidents] == [c] and "作弊" in record.incidents[0].detail
    assert [e.ticket_no for e in record.seat_changes] == [b] and "screen flickers" in record.seat_changes[0].detail
    assert [e.ticket_no for e in record.time_changes] == [b] and "+10 分钟（合理便利）" in record.time_changes[0].detail
    assert {s.staff_no for s in record.signers} == {"KW0002", "KW0003", "KW0200"}
    with pytest.raises(PermissionDenied):
        records.sign(day.admin, "TH1", "R01", "demo-admin")
    records.sign(day.proctor, "TH1", "R01", DEMO_STAFF_PASSWORD)
    with pytest.raises(InvalidState, match="already signed"):
        records.sign(day.proctor, "TH1", "R01", DEMO_STAFF_PASSWORD)
    signed = records.sign(day.supervisor, "TH1", "R01", DEMO_STAFF_PASSWORD, STROKES)
    assert {s.staff_no for s in signed.signers if s.signed_at} == {"KW0003", "KW0200"}
    printed = records.print(day.chief, "TH1", "R01", tmp_path / "record.pdf")
    assert printed.pages >= 1 and printed.path.read_bytes().startswith(b"%PDF")
    assert verify_seals(day.site) is None

    seal = SealService(day.site, day.clock, enqueue=None)
    with pytest.raises(InvalidState, match="Compute the results first"):
        seal.seal(day.chief, _plan_code(day))
    day.results.compute(day.chief)
    listing = day.results.print_public_list(day.chief, tmp_path / "list.xlsx", "xlsx")
    sheet = load_workbook(listing.path).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert a in values and "合格" in values and "缺考" in values and not any(
        name in values for name in _names(day))
    assert day.results.print_public_list(day.chief, tmp_path / "list.pdf").pages >= 1
    with pytest.raises(KnownError, match="confirm"):
        seal.seal(day.chief, "nope")
    sealed = seal.seal(day.chief, _plan_code(day))
    assert sealed.outbox_key is None and len(sealed.document_sha256) == 64
    document = seal.document(day.supervisor)
    assert document["sections"]["results"][a]["certificate_no"].startswith("S000032000123")
    assert f"TH1:{a}" in document["sections"]["theory"] and document["audit"]["head"]["seq"] == sealed.audit_seq
    assert verify_seals(day.site) is None and verify_audit(day.site).ok

    with pytest.raises(InvalidState, match="sealed"):
        day.theory.record_incident(day.proctor, "TH1", a, IncidentKind.WARNING, "late note")
    with pytest.raises(InvalidState, match="sealed"):
        day.theory.grade_session(day.chief, "TH1")
    with pytest.raises(InvalidState, match="sealed"):
        day.scoring.save_draft(day.examiners[0], "PR1", a, "T1", full_marks(day.site, "T1", 10), reason="later")
    with pytest.raises(InvalidState, match="sealed"):
        day.results.compute(day.admin)
    with pytest.raises(InvalidState, match="sealed"):
        records.sign(day.chief_as_proctor, "TH1", "R01", DEMO_STAFF_PASSWORD)
    with pytest.raises(InvalidState, match="already sealed"):
        seal.seal(day.chief, _plan_code(day))

    edits = [
        ("UPDATE candidate_result SET theory_score = '99.00' WHERE ticket_no = :t", b, f"results {b}"),
        ("UPDATE answer SET response = '[\"Z\"]' WHERE id = (SELECT min(a.id) FROM answer a JOIN sitting s "
         "ON s.id = a.sitting_id JOIN candidate c ON c.id = s.candidate_id WHERE c.ticket_no = :t)", b, f"answers TH1:{b}:"),
        ("UPDATE score_sheet SET total = '19' WHERE id = (SELECT min(id) FROM score_sheet)", None, "score_sheets"),
        ("UPDATE incident SET note = 'nothing happened'", None, "room record of R01"),
        ("UPDATE exam_session SET state = 'ended' WHERE code = 'PR1'", None, "no longer marked sealed"),
    ]
    for statement, ticket, named in edits:
        with day.site.db.transaction() as tx:
            backup = _snapshot(tx)
            tx.execute(text(statement), {"t": ticket} if ticket else {})
        problem = verify_seals(day.site)
        assert problem is not None and named in problem, (statement, problem)
        with day.site.db.transaction() as tx:
            _restore(tx, backup)
        assert verify_seals(day.site) is None


WATCHED = {CandidateResult: "theory_score", Answer: "response", ScoreSheet: "total", Incident: "note",
           ExamSession: "state"}


def _snapshot(tx):
    return {(model, row.id): getattr(row, column) for model, column in WATCHED.items()
            for row in tx.scalars(select(model))}


def _restore(tx, backup):
    for (model, row_id), value in backup.items():
        row = tx.get(model, row_id)
        if getattr(row, WATCHED[model]) != value:
            setattr(row, WATCHED[model], value)


def _plan_code(day):
    with day.site.db.read() as session:
        return repositories.current_plan(session).plan_code


def _names(day):
    with day.site.db.read() as session:
        plan = repositories.current_plan(session)
        return {c.name for c, *_ in repositories.roster(session, plan.id)}


def test_the_seal_hands_its_document_to_the_outbox_sealed_to_the_platform(day):
    """With a platform configured the sealed document is queued in the same transaction, and only the
    platform's key opens it, signed by this site, equal to the stored document."""
    import json

    from app.security import SiteKeys
    from app.services.outbox import OutboxService
    from app.services.seal import SealService
    from app.sync.envelope import open_results
    from app.sync.link import PlatformLink

    platform = SiteKeys.generate("PLATFORM", "platform")
    OutboxService(day.site).configure(day.admin, PlatformLink("http://127.0.0.1:9", platform.public.signing_public,
                                                               platform.public.encryption_public))
    day.results.compute(day.admin)
    sealed = SealService(day.site, day.clock).seal(day.admin, _plan_code(day))
    item = OutboxService(day.site).item(sealed.outbox_key)
    assert item.state == "queued" and item.kind == "results"
    assert day.results.state(day.supervisor)["outbox_key"] == sealed.outbox_key
    blob = (day.site.home.root / "outbox" / f"{sealed.outbox_key}.esr").read_bytes()
    opened = open_results(blob, platform.open_sealed, lambda site_id: day.site.public.signing_public)
    with day.site.db.read() as session:
        stored = session.execute(text("SELECT document FROM results_seal")).scalar()
    assert opened.document == json.loads(bytes(stored))
