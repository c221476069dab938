"""The audit trail in a real database: plain SQL behind the application's back is caught."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.audit.trail import CHECKPOINT_EVERY, AuditTrail, verify_trail
from app.domain.actor import Actor
from app.domain.roles import Role
from app.persistence import Database, audit_store
from app.security import SigningKey, verify_signature

SITE = "TEST-SITE"
KEY = SigningKey.from_seed(b"\x07" * 32)
PROCTOR = Actor(staff_no="P001", name="王丽", role=Role.PROCTOR, roles=frozenset({Role.PROCTOR}))


@pytest.fixture
def chain(database_url):
    db = Database(database_url)
    db.migrate()
    trail = AuditTrail(SITE, KEY.sign)
    for n in range(1, 11):
        with db.transaction() as tx:
            trail.record(tx, PROCTOR, "checkin.confirm", f"candidate:{n:04d}", before={"status": "expected"},
                         after={"status": "checked_in", "seat": n})
    yield db
    db.dispose()


def verify(db):
    with db.read() as session:
        return verify_trail(session, SITE, lambda sig, msg: verify_signature(KEY.public_key, sig, msg))


def sql(db, statement, **params):
    with db.engine.begin() as connection:
        connection.execute(text(statement), params)


def test_intact_trail_verifies(chain):
    report = verify(chain)
    assert report.ok, report.problem
    assert report.events == 10


def test_plain_sql_edit_is_caught(chain):
    sql(chain, "UPDATE audit_event SET after = :after WHERE seq = 4", after='{"seat":99,"status":"checked_in"}')
    report = verify(chain)
    assert report.problem.seq == 4 and "altered" in report.problem.message


def test_deleted_event_is_caught(chain):
    sql(chain, "DELETE FROM audit_event WHERE seq = 6")
    assert verify(chain).problem.seq == 6


def test_reordered_events_are_caught(chain):
    sql(chain, "UPDATE audit_event SET seq = 100 WHERE seq = 3")
    sql(chain, "UPDATE audit_event SET seq = 3 WHERE seq = 4")
    sql(chain, "UPDATE audit_event SET seq = 4 WHERE seq = 100")
    assert verify(chain).problem.seq == 3


def test_truncated_tail_is_caught(chain):
    sql(chain, "DELETE FROM audit_event WHERE seq > 7")
    report = verify(chain)
    assert report.problem.seq == 8 and "cut off" in report.problem.message


def test_truncation_with_a_rewound_head_is_caught_by_the_head_signature(chain):
    sql(chain, "DELETE FROM audit_event WHERE seq > 7")
    with chain.read() as session:
        seventh = session.execute(text("SELECT hash FROM audit_event WHERE seq = 7")).scalar()
    sql(chain, "UPDATE audit_head SET seq = 7, hash = :h", h=seventh)
    assert "altered" in verify(chain).problem.message


def test_concurrent_appends_never_share_a_seq(chain):
    import threading

    trail = AuditTrail(SITE, KEY.sign)
    errors = []

    def writer(n):
        try:
            for i in range(10):
                with chain.transaction() as tx:
                    trail.record(tx, PROCTOR, "seat.move", f"writer:{n}:{i}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify(chain)
    assert report.ok, report.problem
    assert report.events == 50


def test_checkpoints_are_kept(database_url):
    db = Database(database_url)
    db.migrate()
    trail = AuditTrail(SITE, KEY.sign)
    with db.transaction() as tx:
        for n in range(CHECKPOINT_EVERY + 1):
            trail.record(tx, PROCTOR, "x", str(n))
        trail.checkpoint(tx)
    with db.read() as session:
        assert [c.seq for c in audit_store.checkpoints(session)] == [CHECKPOINT_EVERY, CHECKPOINT_EVERY + 1]
    assert verify(db).ok
    db.dispose()


def test_a_locked_site_cannot_write_events(database_url):
    db = Database(database_url)
    db.migrate()
    with pytest.raises(RuntimeError, match="locked"):
        with db.transaction() as tx:
            AuditTrail(SITE, None).record(tx, PROCTOR, "x", "y")
    db.dispose()
