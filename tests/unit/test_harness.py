"""The suite's own harness: the PostgreSQL cluster, fresh databases and the leaked-thread check."""

from __future__ import annotations

import os
import sqlite3
import textwrap
import threading
from pathlib import Path

import psycopg
import pytest

from support import threads


def _libpq(url: str) -> str:
    """Turn a postgresql+psycopg:// SQLAlchemy URL into a libpq URI."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.mark.postgres
def test_cluster_accepts_connections(postgres_cluster):
    assert postgres_cluster.admin_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    with psycopg.connect(_libpq(postgres_cluster.admin_url)) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        assert conn.execute("SHOW fsync").fetchone() == ("off",)


@pytest.mark.postgres
def test_each_created_database_is_new_and_empty(postgres_cluster):
    first, second = postgres_cluster.create_database(), postgres_cluster.create_database()
    assert first != second
    with psycopg.connect(_libpq(first), autocommit=True) as conn:
        conn.execute("CREATE TABLE marker (id integer)")
    with psycopg.connect(_libpq(second)) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        assert tables.fetchone() == (0,)


_seen_urls: set[str] = set()


@pytest.mark.parametrize("round", [1, 2])
def test_database_url_is_fresh_for_every_test(database_url, round):
    assert database_url not in _seen_urls
    _seen_urls.add(database_url)
    if database_url.startswith("sqlite:///"):
        path = database_url.removeprefix("sqlite:///")
        assert not os.path.exists(path)
        sqlite3.connect(path).close()
    else:
        assert database_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
        with psycopg.connect(_libpq(database_url)) as conn:
            assert conn.execute("SELECT current_database()").fetchone()[0] == database_url.rsplit("/", 1)[1]


def test_qt_runs_offscreen():
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_the_check_names_a_thread_that_outlives_its_test():
    before = threads.snapshot()
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait, name="forgotten-worker", daemon=True)
    worker.start()
    try:
        leaked = threads.leaked_threads(before, grace=0.05)
        assert leaked == [worker]
        assert "forgotten-worker" in threads.describe(leaked)
    finally:
        stop.set()
        worker.join()
    assert threads.leaked_threads(before, grace=0.05) == []


def test_the_check_waits_for_a_thread_that_is_finishing():
    before = threads.snapshot()
    finishing = threading.Event()
    worker = threading.Thread(target=finishing.wait, args=(0.2,), name="finishing-worker")
    worker.start()
    assert threads.leaked_threads(before, grace=5.0) == []
    assert not worker.is_alive()


def test_the_autouse_fixture_fails_a_leaking_test(pytester, monkeypatch):
    """Run a leaking test in a child pytest with this suite's conftest and see it fail."""
    tests_dir = Path(__file__).resolve().parent.parent
    conftest = (tests_dir / "conftest.py").read_text(encoding="utf-8")
    pytester.makeconftest(conftest + "\nthreads.GRACE_SECONDS = 0.2\n")
    pytester.makepyfile(test_leak=textwrap.dedent("""
        import threading

        import pytest

        forever = threading.Event()

        def test_leaks():
            threading.Thread(target=forever.wait, name="leaky", daemon=True).start()

        @pytest.mark.allow_leaked_threads
        def test_leaks_on_purpose():
            threading.Thread(target=forever.wait, name="allowed", daemon=True).start()

        def test_cleans_up():
            done = threading.Thread(target=forever.wait, args=(0.01,), name="tidy")
            done.start()
    """))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(tests_dir), os.environ.get("PYTHONPATH")])))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-o",
                                           "markers=allow_leaked_threads: opt out")
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(["*test left 1 thread(s) running: 'leaky'*"])


def test_qt_warnings_fail_a_test(pytester, pytestconfig):
    """A Qt warning fails the test; showing ordinary windows offscreen does not warn."""
    assert pytestconfig.getini("qt_log_level_fail") == "WARNING"
    pytester.makepyfile(test_qt=textwrap.dedent("""
        import os

        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6 import QtCore, QtWidgets

        def test_windows_are_quiet(qtbot):
            window = QtWidgets.QMainWindow()
            window.setCentralWidget(QtWidgets.QLabel("考点通"))
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)

        def test_warns(qtbot):
            QtCore.qWarning("the camera went away")
    """))
    ignore = [f"qt_log_ignore={pattern}" for pattern in pytestconfig.getini("qt_log_ignore")]
    options = [arg for pattern in ignore for arg in ("-o", pattern)]
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-o", "qt_api=pyside6",
                                           "-o", f"qt_log_level_fail={pytestconfig.getini('qt_log_level_fail')}",
                                           *options)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*the camera went away*"])


def test_missing_server_binaries_give_the_skip_reason(monkeypatch):
    from support import postgres

    monkeypatch.setattr(postgres, "find_server_binaries", lambda: None)
    with pytest.raises(postgres.ClusterUnavailable, match=r"initdb/pg_ctl\) not found: install postgresql"):
        postgres.start_cluster()
