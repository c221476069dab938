"""The schema, its migrations and the column types, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.persistence import Database
from app.persistence.models import Base, ExamPackageRecord, ExamPlanRecord, PracticalTaskRecord


@pytest.fixture
def database(database_url):
    db = Database(database_url)
    db.migrate()
    yield db
    db.dispose()


def test_migrations_reach_head_and_match_the_models(database):
    assert database.revision() == database.head_revision() is not None
    database.require_current()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrate_is_idempotent(database):
    database.migrate()
    assert database.revision() == database.head_revision()


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'site.db'}")
    db.migrate()
    try:
        with db.read() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    finally:
        db.dispose()


def _package(**overrides) -> ExamPackageRecord:
    now = datetime.now(timezone.utc)
    values = dict(package_id="p1", manifest_sha256="0" * 64, issuer_fingerprint="x", issued_at=now, imported_at=now,
                  imported_by="admin", stored_as="p1.espkg", size_bytes=1)
    values.update(overrides)
    return ExamPackageRecord(**values)


def test_instants_come_back_aware_in_utc_and_decimals_exact(database):
    beijing = timezone(timedelta(hours=8))
    issued = datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=beijing)
    with database.transaction() as tx:
        package = _package(issued_at=issued)
        plan = ExamPlanRecord(package=package, plan_code="PLAN", agency_code="A", agency_name="机构", province_code="32",
                              occupation_code="6-31-01-03", occupation_name="电工", level=4, exam_date=date(2026, 11, 23),
                              rules={"pass": "60"})
        tx.add(plan)
        tx.flush()
        tx.add(PracticalTaskRecord(plan_id=plan.id, code="T1", title="任务", time_limit_minutes=60,
                                   max_score=Decimal("33.35")))
    with database.read() as session:
        stored = session.query(ExamPackageRecord).one()
        assert stored.issued_at == issued
        assert stored.issued_at.tzinfo is not None and stored.issued_at.utcoffset() == timedelta(0)
        assert session.query(PracticalTaskRecord).one().max_score == Decimal("33.35")


def test_naive_datetimes_are_refused(database):
    with pytest.raises(Exception, match="naive"):
        with database.transaction() as tx:
            tx.add(_package(issued_at=datetime(2026, 1, 1)))


def test_foreign_keys_are_enforced(database):
    with pytest.raises(Exception):
        with database.transaction() as tx:
            tx.add(PracticalTaskRecord(plan_id=999, code="T", title="t", time_limit_minutes=1, max_score=Decimal(1)))


def test_a_failed_transaction_leaves_nothing(database):
    with pytest.raises(RuntimeError):
        with database.transaction() as tx:
            tx.add(_package())
            tx.flush()
            raise RuntimeError("power cut")
    with database.read() as session:
        assert session.query(ExamPackageRecord).count() == 0


def test_an_unreachable_database_is_a_clear_error(tmp_path):
    from app.persistence import DatabaseError

    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(DatabaseError, match="cannot be reached"):
        with db.read() as session:
            session.execute(text("SELECT 1"))
    db.dispose()
