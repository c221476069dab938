"""The score sheet PDF for the paper archive, from a real site: marks, signatures, corrections, resolution."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest

from app.domain.roles import Role
from app.errors import KnownError, NotFound, PermissionDenied
from app.persistence import repositories
from app.practical.signing import encode_strokes
from app.reports.score_sheet import decode_handwriting
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.score_sheets import ScoreSheetService
from app.services.scoring import ScoringService
from app.services.site import verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_PIN, DEMO_STAFF_PASSWORD, create_demo_site

pytestmark = pytest.mark.slow  # each test builds a demo site and signs a dozen sheets

SESSION, TASK = "PR1", "T2"
EXAMINERS = ("KW0101", "KW0102", "KW0103")
STROKES = [[[0, 0, 0, 0.2], [12.5, 4, 16, 0.62], [20, 9, 33, 0.9], [26, 2, 50, 0.5]],
           [[30, 0, 400, 0.4], [31, 12, 420, 0.45], [40, 14, 440, 0.7]]]


def marks(a: str, b: str, c: str, deducted: str = "0", veto: str = "0") -> dict[str, str]:
    return {"T2-01": a, "T2-02": b, "T2-03": c, "T2-04": deducted, "T2-05": veto}


@pytest.fixture
def scored(tmp_path, database_url):
    """Ticket 0: three signatures, one corrected. Ticket 1: flagged and resolved by the lead. Ticket 2: 1 of 3."""
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    auth = AuthService(demo.site)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, _, es, _ in repositories.roster(session, plan.id) if es.code == SESSION]
        room = next(r.code for c, _, es, r in repositories.roster(session, plan.id)
                    if es.code == SESSION and c.ticket_no == tickets[0])
    clock = Clock(start + timedelta(hours=1))
    scoring = ScoringService(demo.site, clock, key_params=FAST_FOR_TESTS)
    people = {no: auth.login(no, DEMO_PIN, Role.EXAMINER) for no in EXAMINERS}
    for no, entries in zip(EXAMINERS, (marks("9", "5", "4", "0.5"), marks("8", "5", "5"), marks("10", "4", "5"))):
        scoring.save_draft(people[no], SESSION, tickets[0], TASK, entries)
        scoring.sign(people[no], SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    clock.now += timedelta(minutes=5)
    scoring.save_draft(people["KW0102"], SESSION, tickets[0], TASK, marks("9", "5", "5"), reason="T2-01 重新核对")
    scoring.sign(people["KW0102"], SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    for no, entries in zip(EXAMINERS, (marks("10", "5", "5"), marks("2", "2", "2"), marks("9", "5", "5"))):
        scoring.save_draft(people[no], SESSION, tickets[1], TASK, entries)
        scoring.sign(people[no], SESSION, tickets[1], TASK, DEMO_PIN, STROKES)
    lead = auth.login("KW0100", DEMO_PIN, Role.EXAMINER_LEAD)
    scoring.resolve(lead, SESSION, tickets[1], TASK, Decimal("18.5"), "查看录像，按多数意见", DEMO_PIN, STROKES)
    scoring.save_draft(people["KW0101"], SESSION, tickets[2], TASK, marks("1", "1", "1"))
    scoring.sign(people["KW0101"], SESSION, tickets[2], TASK, DEMO_PIN, STROKES)
    supervisor = auth.login("KW0200", DEMO_STAFF_PASSWORD, Role.SUPERVISOR)
    clock.now += timedelta(minutes=5)
    scoring.countersign_room(supervisor, SESSION, room, DEMO_STAFF_PASSWORD, STROKES)
    yield demo, auth, clock, tickets, room
    demo.site.close()


def test_only_complete_results_are_gathered_with_every_examiners_marks(scored):
    demo, auth, clock, tickets, room = scored
    lead = auth.login("KW0100", DEMO_PIN, Role.EXAMINER_LEAD)
    by_ticket, waiting = ScoreSheetService(demo.site, clock).pages(lead, SESSION)
    assert set(by_ticket) == {tickets[0], tickets[1]} and waiting >= 1
    first = by_ticket[tickets[0]][0]
    assert [s.examiner_no for s in first.sheets] == list(EXAMINERS)
    corrected = first.sheets[1]
    assert corrected.version == 2 and corrected.reason == "T2-01 重新核对" and corrected.entries["T2-01"] == "9"
    assert corrected.history == ((1, "18", corrected.history[0][2], None),)
    assert [s.total for s in first.sheets] == ["17.5", "19", "19"] and first.final == "18.50"
    assert first.sheets[0].signature.strokes == decode_handwriting(encode_strokes(STROKES))
    assert first.countersignature is not None and first.countersignature.covers
    assert first.resolution is None and first.rule == "mean"
    second = by_ticket[tickets[1]][0]
    assert second.flagged and second.resolution is not None and second.final == "18.50"
    assert second.resolution.signature.signer_no == "KW0100" and second.resolution.reason == "查看录像，按多数意见"
    with pytest.raises(PermissionDenied):
        ScoreSheetService(demo.site).pages(auth.login("KW0101", DEMO_PIN, Role.EXAMINER), SESSION)
    with pytest.raises(NotFound):
        ScoreSheetService(demo.site).pages(lead, "TH1")


def test_the_pdf_has_a_page_per_task_with_signatures_and_is_audited(scored, tmp_path):
    demo, auth, clock, tickets, room = scored
    supervisor = auth.login("KW0200", DEMO_STAFF_PASSWORD, Role.SUPERVISOR)
    printed = ScoreSheetService(demo.site, clock).print_session(supervisor, SESSION, tmp_path / "out", room)
    assert [p.name for p in printed.paths] == [f"{SESSION}-{tickets[0]}.pdf", f"{SESSION}-{tickets[1]}.pdf"]
    assert printed.pages == 2 and not list((tmp_path / "out").glob("*.part"))
    assert verify_audit(demo.site).ok
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    words = subprocess.run(["pdftotext", "-layout", str(printed.paths[0]), "-"], capture_output=True, text=True,
                           check=True).stdout
    lead = ScoreSheetService(demo.site, clock).pages(supervisor, SESSION)[0][tickets[0]][0]
    words = words.replace(" ", "").replace("\n", "")
    for expected in ("操作技能考核评分记录表", tickets[0], "T2-04", "18.50", "算术平均", "T2-01 重新核对", "督导员",
                     lead.sheets[0].signature.key_fingerprint, lead.sheets[0].signature.payload_sha256[:32],
                     "共1页"):
        assert expected.replace(" ", "") in words, expected
    resolved = subprocess.run(["pdftotext", str(printed.paths[1]), "-"], capture_output=True, text=True,
                              check=True).stdout
    assert "组长裁定" in resolved and "查看录像" in resolved


def test_nothing_to_print_before_anyone_completes(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=2)
    try:
        admin = AuthService(demo.site).login("admin", "demo-admin", Role.ADMIN)
        with pytest.raises(KnownError, match="complete"):
            ScoreSheetService(demo.site).print_session(admin, SESSION, tmp_path / "out")
        assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    finally:
        demo.site.close()


def test_cli_prints_the_score_sheets_of_a_room(scored, tmp_path, monkeypatch, capsys):
    import argparse

    from app.cli import documents_cmd
    from app.cli.common import common_options
    from app.simulation.demo_site import DEMO_PASSPHRASE

    demo, auth, clock, tickets, room = scored
    monkeypatch.delenv("EXAMSITE_DB", raising=False)
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("EXAMSITE_STAFF_SECRET", DEMO_STAFF_PASSWORD)
    parent = common_options()
    parser = argparse.ArgumentParser(parents=[parent])
    documents_cmd.register(parser.add_subparsers(dest="command", required=True), parent)
    args = parser.parse_args(["documents", "score-sheets", "--home", str(demo.site.home.root), "--staff", "KW0200",
                              "--session", SESSION, "--room", room, "--out", str(tmp_path / "sheets")])
    assert args.run(args) == 0
    assert "2 score sheets of 2 candidates" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [f"{SESSION}-{t}.pdf" for t in tickets[:2]]
