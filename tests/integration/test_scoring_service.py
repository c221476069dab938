"""Practical scoring against a real database: independence, signatures, corrections, aggregation, review."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain.plan import Aggregation
from app.domain.roles import Role
from app.errors import InvalidState, PermissionDenied
from app.persistence import repositories
from app.persistence.models import ExamPlanRecord
from app.practical.rules import ScoringRefused
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.scoring import ScoringService, WrongPin, verify_sheets
from app.services.site import verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_PIN, DEMO_STAFF_PASSWORD, create_demo_site

SESSION, TASK = "PR1", "T2"
STROKES = [[[0, 0, 0, 0.5], [12.5, 4, 16, 0.62], [20, 9, 33, 0.7]], [[30, 0, 400, 0.4], [31, 12, 420, 0.45]]]
EXAMINERS = ("KW0101", "KW0102", "KW0103")


def marks(earned: int, deducted: str = "0", veto: int = 0) -> dict[str, str]:
    """T2: items worth 10 + 5 + 5, a deduction of up to 4 and the veto item."""
    first = min(earned, 10)
    second = min(earned - first, 5)
    return {"T2-01": str(first), "T2-02": str(second), "T2-03": str(earned - first - second),
            "T2-04": deducted, "T2-05": str(veto)}


@pytest.fixture
def scoring(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    auth = AuthService(demo.site)
    people = {no: auth.login(no, DEMO_PIN, Role.EXAMINER) for no in EXAMINERS}
    people["lead"] = auth.login("KW0100", DEMO_PIN, Role.EXAMINER_LEAD)
    people["proctor"] = auth.login("KW0003", demo.credentials["KW0003"][1], Role.PROCTOR)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, _, es, _ in repositories.roster(session, plan.id) if es.code == SESSION]
    service = ScoringService(demo.site, Clock(start + timedelta(hours=1)), key_params=FAST_FOR_TESTS)
    yield demo.site, service, people, tickets
    demo.site.close()


def score(service, people, ticket, totals):
    """Each examiner in turn saves and signs a sheet with the given total."""
    for staff_no, total in zip(EXAMINERS, totals):
        service.save_draft(people[staff_no], SESSION, ticket, TASK, total if isinstance(total, dict) else marks(total))
        service.sign(people[staff_no], SESSION, ticket, TASK, DEMO_PIN, STROKES)


def set_rules(site, **changes):
    with site.db.transaction() as tx:
        plan = repositories.current_plan(tx)
        tx.get(ExamPlanRecord, plan.id).rules = {**plan.rules, **changes}


def test_examiners_sign_independently_and_cannot_read_or_change_each_other(scoring):
    site, service, people, tickets = scoring
    a, b, c = (people[no] for no in EXAMINERS)
    ticket = tickets[0]
    service.save_draft(a, SESSION, ticket, TASK, marks(18, "0.5"))
    signed = service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert signed.state == "signed" and signed.total == Decimal("17.5") and signed.version == 1
    service.save_draft(b, SESSION, ticket, TASK, marks(16))
    assert [s.examiner_no for s in service.sheets(a, SESSION, ticket, TASK)] == ["KW0101"]
    assert [s.examiner_no for s in service.sheets(b, SESSION, ticket, TASK)] == ["KW0102"]
    assert service.sheets(people["lead"], SESSION, ticket, TASK) == []
    with pytest.raises(InvalidState, match="1 of 3"):
        service.result(a, SESSION, ticket, TASK)
    with pytest.raises(ScoringRefused, match="correction needs a reason"):
        service.save_draft(a, SESSION, ticket, TASK, marks(20))
    service.sign(b, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert [s.examiner_no for s in service.sheets(c, SESSION, ticket, TASK)] == []
    service.save_draft(c, SESSION, ticket, TASK, marks(17))
    service.sign(c, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    seen = service.sheets(a, SESSION, ticket, TASK)
    assert {s.examiner_no: s.total for s in seen} == {"KW0101": Decimal("17.5"), "KW0102": 16, "KW0103": 17}
    result = service.result(people["lead"], SESSION, ticket, TASK)
    assert result.final == Decimal("16.83") and not result.combined.flagged
    with pytest.raises(InvalidState, match="no unsigned"):
        service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert verify_sheets(site) is None and verify_audit(site).ok


def test_a_correction_is_a_new_signed_version_and_both_verify(scoring):
    site, service, people, tickets = scoring
    a = people["KW0101"]
    score(service, people, tickets[0], (12, 14, 13))
    corrected = service.save_draft(a, SESSION, tickets[0], TASK, marks(15), reason="  T2-03 was left out  ")
    assert corrected.version == 2 and corrected.reason == "T2-03 was left out" and corrected.supersedes_id
    before = service.result(a, SESSION, tickets[0], TASK)
    assert before.final == Decimal("13.00")
    service.sign(a, SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    mine = [s for s in service.sheets(a, SESSION, tickets[0], TASK) if s.examiner_no == "KW0101"]
    assert [(s.version, s.total, s.state) for s in mine] == [(1, 12, "signed"), (2, 15, "signed")]
    assert service.result(a, SESSION, tickets[0], TASK).final == Decimal("14.00")
    others = [(s.examiner_no, s.version, s.total) for s in service.sheets(a, SESSION, tickets[0], TASK)
              if s.examiner_no != "KW0101"]
    assert others == [("KW0102", 1, 14), ("KW0103", 1, 13)]
    assert verify_sheets(site) is None


@pytest.mark.parametrize("column, value", [("total", "'20'"), ("entries", "replace(entries, '\"T2-01\":\"4\"', '\"T2-01\":\"9\"')"),
                                           ("state", "'draft'")])
def test_a_plain_sql_edit_of_a_signed_sheet_is_caught(scoring, column, value):
    site, service, people, tickets = scoring
    score(service, people, tickets[1], (4, 5, 6))
    assert verify_sheets(site) is None
    with site.db.transaction() as tx:
        sheet_id = tx.execute(text("SELECT min(id) FROM score_sheet")).scalar()
        tx.execute(text(f"UPDATE score_sheet SET {column} = {value} WHERE id = :id"), {"id": sheet_id})
    failure = verify_sheets(site)
    assert failure and f"{sheet_id}" in failure


def test_a_signature_by_a_key_never_enrolled_is_caught(scoring):
    site, service, people, tickets = scoring
    score(service, people, tickets[1], (4, 5, 6))
    with site.db.transaction() as tx:
        tx.execute(text("UPDATE signature SET public_key = :k WHERE id = (SELECT min(id) FROM signature)"),
                   {"k": "00" * 32})
    assert "enrolled key" in verify_sheets(site)


@pytest.mark.parametrize("rule, expected", [(Aggregation.MEAN, "16.83"), (Aggregation.MEDIAN, "16.00"),
                                            (Aggregation.TRIMMED_MEAN, "16.00")])
def test_aggregation_follows_the_plan_rule(scoring, rule, expected):
    site, service, people, tickets = scoring
    set_rules(site, aggregation=rule.value)
    score(service, people, tickets[2], (marks(20, "0.5"), 15, 16))
    result = service.result(people["KW0102"], SESSION, tickets[2], TASK)
    assert result.rule is rule and result.final == Decimal(expected) and result.combined.spread == Decimal("4.5")


def test_a_disagreement_is_flagged_and_resolved_by_the_lead(scoring):
    site, service, people, tickets = scoring
    lead, ticket = people["lead"], tickets[3]
    score(service, people, ticket, (18, 17, marks(19, veto=1)))
    result = service.result(lead, SESSION, ticket, TASK)
    assert result.combined.flagged and result.final is None and result.combined.spread == 18
    assert result.sheets[2].total == 0
    with pytest.raises(PermissionDenied):
        service.resolve(people["KW0101"], SESSION, ticket, TASK, Decimal("17"), "ok", DEMO_PIN, STROKES)
    with pytest.raises(ScoringRefused, match="reason"):
        service.resolve(lead, SESSION, ticket, TASK, Decimal("17"), " ", DEMO_PIN, STROKES)
    with pytest.raises(ScoringRefused, match="between 0 and 20"):
        service.resolve(lead, SESSION, ticket, TASK, Decimal("21"), "video shows no violation", DEMO_PIN, STROKES)
    with pytest.raises(WrongPin):
        service.resolve(lead, SESSION, ticket, TASK, Decimal("17"), "video shows no violation", "000000", STROKES)
    resolved = service.resolve(lead, SESSION, ticket, TASK, Decimal("17.5"), "video shows no violation",
                               DEMO_PIN, STROKES)
    assert resolved.resolved and resolved.final == Decimal("17.5")
    with pytest.raises(InvalidState):
        service.resolve(lead, SESSION, ticket, TASK, Decimal("17"), "again", DEMO_PIN, STROKES)
    assert verify_sheets(site) is None
    with site.db.transaction() as tx:
        tx.execute(text("UPDATE score_resolution SET score = '20'"))
    assert "resolution" in verify_sheets(site)


def test_roles_duties_pins_and_rubric_are_enforced(scoring):
    site, service, people, tickets = scoring
    a, ticket = people["KW0101"], tickets[0]
    with pytest.raises(PermissionDenied):
        service.save_draft(people["proctor"], SESSION, ticket, TASK, marks(10))
    with pytest.raises(PermissionDenied):
        service.sheets(people["proctor"], SESSION, ticket, TASK)
    for bad, code in (({"T2-01": "11"}, "out_of_bounds"), ({"T2-04": "0.3"}, "off_step"),
                      ({"T2-05": "0.5"}, "veto_value"), ({"T9-01": "1"}, "unknown_item"), ({"T2-01": 1.5}, "out_of_bounds")):
        with pytest.raises(ScoringRefused) as refused:
            service.save_draft(a, SESSION, ticket, TASK, bad)
        assert refused.value.code == code
    service.save_draft(a, SESSION, ticket, TASK, {"T2-01": "8"})
    with pytest.raises(ScoringRefused) as refused:
        service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert refused.value.code == "incomplete"
    service.save_draft(a, SESSION, ticket, TASK, marks(8))
    with pytest.raises(WrongPin):
        service.sign(a, SESSION, ticket, TASK, "135791", STROKES)
    with pytest.raises(ScoringRefused):
        service.sign(a, SESSION, ticket, TASK, DEMO_PIN, [])
    with site.db.transaction() as tx:
        tx.execute(text("DELETE FROM staff_duty WHERE staff_id = (SELECT id FROM staff WHERE staff_no = 'KW0102')"))
    with pytest.raises(PermissionDenied, match="not in a room you examine"):
        service.save_draft(people["KW0102"], SESSION, ticket, TASK, marks(8))
    with pytest.raises(PermissionDenied, match="not in a room you examine"):
        service.sheets(people["KW0102"], SESSION, ticket, TASK)
    assert service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES).total == 8


def test_a_deleted_signed_sheet_is_caught_through_the_audit_trail(scoring):
    site, service, people, tickets = scoring
    score(service, people, tickets[1], (4, 5, 6))
    with site.db.transaction() as tx:
        sheet_id = tx.execute(text("SELECT max(id) FROM score_sheet")).scalar()
        tx.execute(text("DELETE FROM signature WHERE subject = :s"), {"s": f"score_sheet:{sheet_id}"})
        tx.execute(text("DELETE FROM score_sheet WHERE id = :id"), {"id": sheet_id})
    failure = verify_sheets(site)
    assert failure and "audit event" in failure and f"{TASK}:KW0103" in failure


def test_wrong_pins_are_audited_and_lock_signing(scoring):
    site, service, people, tickets = scoring
    a, ticket = people["KW0101"], tickets[0]
    service.save_draft(a, SESSION, ticket, TASK, marks(8))
    for _ in range(5):
        with pytest.raises(WrongPin):
            service.sign(a, SESSION, ticket, TASK, "135791", STROKES)
    with pytest.raises(ScoringRefused, match="locked"):
        service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    service.clock.now += timedelta(minutes=6)
    assert service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES).state == "signed"
    with site.db.read() as session:
        assert session.execute(text("SELECT count(*) FROM audit_event WHERE action = 'scoring.wrong_pin'")).scalar() == 5
    assert verify_audit(site).ok


def test_the_supervisor_countersigns_a_room_and_later_tampering_is_caught(scoring):
    site, service, people, tickets = scoring
    supervisor = AuthService(site).login("KW0200", DEMO_STAFF_PASSWORD, Role.SUPERVISOR)
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        room = next(r.code for c, _, es, r in repositories.roster(session, plan.id)
                    if es.code == SESSION and c.ticket_no == tickets[0])
    with pytest.raises(InvalidState):
        service.countersign_room(supervisor, SESSION, room, DEMO_STAFF_PASSWORD, STROKES)
    score(service, people, tickets[0], (12, 14, 13))
    with pytest.raises(PermissionDenied):
        service.countersign_room(people["KW0101"], SESSION, room, DEMO_PIN, STROKES)
    assert service.countersign_room(supervisor, SESSION, room, DEMO_STAFF_PASSWORD, STROKES) == 3
    service.clock.now += timedelta(minutes=1)
    service.save_draft(people["KW0101"], SESSION, tickets[0], TASK, marks(15), reason="recount")
    service.sign(people["KW0101"], SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    assert verify_sheets(site) is None
    with site.db.transaction() as tx:
        tx.execute(text("UPDATE signature SET signed_at = :later WHERE subject = 'score_sheet:1'"),
                   {"later": service.clock.now + timedelta(hours=1)})
    failure = verify_sheets(site)
    assert "countersignature" in failure and f":{SESSION}:{room}" in failure
