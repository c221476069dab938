"""An examiner's key after the administrator resets their PIN: a new key, audited as a re-issue."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.domain.roles import Role
from app.persistence import repositories
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.scoring import ScoringService, WrongPin, verify_sheets
from app.services.site import ADMIN_STAFF_NO, verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PIN, create_demo_site

SESSION, TASK = "PR1", "T2"
STROKES = [[[0, 0, 0, 0.5], [10, 4, 16, 0.6]]]
MARKS = {"T2-01": "9", "T2-02": "4", "T2-03": "5", "T2-04": "0", "T2-05": "0"}
NEW_PIN = "135790"


@pytest.fixture
def reissue(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=3)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, _, es, _ in repositories.roster(session, plan.id) if es.code == SESSION]
    clock = Clock(start + timedelta(hours=1))
    yield demo.site, AuthService(demo.site, clock), ScoringService(demo.site, clock, FAST_FOR_TESTS), tickets
    demo.site.close()


def events(site, action):
    with site.db.read() as session:
        rows = session.execute(text("SELECT before, after FROM audit_event WHERE action = :a ORDER BY seq"),
                               {"a": action}).all()
    return [(json.loads(before) if before else None, json.loads(after)) for before, after in rows]


def test_a_pin_reset_issues_a_new_key_and_old_signatures_still_verify(reissue):
    site, auth, scoring, tickets = reissue
    examiner = auth.login("KW0101", DEMO_PIN, Role.EXAMINER)
    scoring.save_draft(examiner, SESSION, tickets[0], TASK, MARKS)
    scoring.sign(examiner, SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    [(_, enrolled)] = events(site, "scoring.key_enrolled")

    admin = auth.login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
    auth.set_secret(admin, "KW0101", NEW_PIN)
    scoring.save_draft(examiner, SESSION, tickets[1], TASK, MARKS)
    with pytest.raises(WrongPin):  # the old PIN is no longer the examiner's PIN
        scoring.sign(examiner, SESSION, tickets[1], TASK, DEMO_PIN, STROKES)
    signed = scoring.sign(examiner, SESSION, tickets[1], TASK, NEW_PIN, STROKES)
    assert signed.state == "signed"

    [(before, after)] = events(site, "scoring.key_reissued")
    assert before["public_key"] == enrolled["public_key"] != after["public_key"]
    with site.db.read() as session:
        keys = session.execute(text("SELECT public_key FROM examiner_key ORDER BY id")).scalars().all()
        used = session.execute(text("SELECT public_key FROM signature ORDER BY id")).scalars().all()
        current = session.execute(text("SELECT signing_public FROM staff WHERE staff_no = 'KW0101'")).scalar()
    assert keys == used == [enrolled["public_key"], after["public_key"]] and current == after["public_key"]
    assert len(events(site, "scoring.key_enrolled")) == 1

    scoring.save_draft(examiner, SESSION, tickets[2], TASK, MARKS)
    scoring.sign(examiner, SESSION, tickets[2], TASK, NEW_PIN, STROKES)  # the new key opens; no third key
    assert len(events(site, "scoring.key_reissued")) == 1
    assert verify_sheets(site) is None and verify_audit(site).ok


def test_a_wrong_pin_never_issues_a_key(reissue):
    site, auth, scoring, tickets = reissue
    examiner = auth.login("KW0102", DEMO_PIN, Role.EXAMINER)
    scoring.save_draft(examiner, SESSION, tickets[0], TASK, MARKS)
    scoring.sign(examiner, SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    scoring.save_draft(examiner, SESSION, tickets[1], TASK, MARKS)
    with pytest.raises(WrongPin):
        scoring.sign(examiner, SESSION, tickets[1], TASK, NEW_PIN, STROKES)
    with site.db.read() as session:
        assert session.execute(text("SELECT count(*) FROM examiner_key")).scalar() == 1
    assert events(site, "scoring.key_reissued") == [] and len(events(site, "scoring.wrong_pin")) == 1
