"""The host's database upkeep: background WAL checkpoints (SQLite), connections opened ahead,
and dead pooled connections replaced after an idle spell (PostgreSQL)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time

import pytest
from sqlalchemy import text

from app.persistence import Database
from app.persistence import database as database_module


def _wait_until(condition, timeout: float = 10.0) -> None:
    deadline, tick = time.monotonic() + timeout, threading.Event()
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        tick.wait(0.02)


def test_commits_checkpoint_by_themselves_unless_the_host_checkpoints_in_the_background(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'site.db'}")
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
        database.checkpoint_in_background(interval=0.05)
        with database.engine.connect() as connection:  # pooled connections were reopened without it
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        with database.core_transaction() as connection:
            connection.execute(text("CREATE TABLE mark (note TEXT)"))
            connection.execute(text("INSERT INTO mark VALUES ('in the WAL first')"))

        def in_the_main_file() -> bool:
            """A copy of the database file alone (no -wal beside it) holds the row once checkpointed."""
            copy = tmp_path / "copy.db"
            shutil.copyfile(tmp_path / "site.db", copy)
            reader = sqlite3.connect(copy)
            try:
                return reader.execute("SELECT count(*) FROM sqlite_master WHERE name = 'mark'").fetchone()[0] == 1
            finally:
                reader.close()
                copy.unlink()

        _wait_until(in_the_main_file)
    finally:
        database.dispose()
    assert not any(thread.name == "wal-checkpoint" for thread in threading.enumerate())


def test_checkpoints_in_the_background_are_only_for_a_file_database(tmp_path):
    memory = Database("sqlite:///:memory:")
    memory.checkpoint_in_background()
    assert not any(thread.name == "wal-checkpoint" for thread in threading.enumerate())
    memory.dispose()


def test_warm_opens_the_pool_ahead(database_url):
    database = Database(database_url)
    try:
        database.warm(3)
        assert database.engine.pool.checkedin() == 3
        with database.core_read() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_connection_killed_while_idle_is_replaced_before_use(postgres_cluster, monkeypatch):
    """PostgreSQL restarted or a connection dropped while the pool held it: the next transaction
    after an idle spell pings first and gets a fresh connection instead of an error."""
    url = postgres_cluster.create_database()
    database, admin = Database(url), Database(url)
    try:
        database.warm(1)
        with database.core_read() as connection:
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        with admin.core_read() as connection:
            assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
        monkeypatch.setattr(database_module, "IDLE_PING_SECONDS", 0.0)
        with database.core_read() as connection:
            assert connection.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    finally:
        database.dispose()
        admin.dispose()
