"""Suite-wide harness: offscreen Qt, no leaked threads, and fresh databases on SQLite and PostgreSQL.

Fixtures for everyone:
- ``database_url``: a new empty database per test, once on SQLite (id ``sqlite``) and once on a
  throwaway PostgreSQL cluster (id ``postgres``, marked ``postgres``).
- ``postgres_cluster`` (session): ``.create_database()`` returns the SQLAlchemy URL of a new empty
  database; ``.admin_url`` is the URL of the ``postgres`` maintenance database.
Every test fails if it leaves threads running (mark it ``allow_leaked_threads`` to opt out, with a
reason). Threads started by session-, module- or class-scoped fixtures belong to those fixtures.
"""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import threading  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from support import threads  # noqa: E402
from support.postgres import ClusterUnavailable, PostgresCluster, start_cluster  # noqa: E402

pytest_plugins = ["pytester"]

# Properties are checked, never timings: speed goals live in benchmarks, and a shared CI machine
# makes any per-example deadline flaky.
settings.register_profile("examsite", deadline=None)
settings.load_profile("examsite")

_LONG_LIVED_THREADS: set[threading.Thread] = set()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Threads started while a longer-lived fixture sets up belong to it, not to the test."""
    if fixturedef.scope == "function":
        return (yield)
    before = threads.snapshot()
    try:
        return (yield)
    finally:
        _LONG_LIVED_THREADS.update(threads.snapshot() - before)


@pytest.fixture(autouse=True)
def _no_leaked_threads(request):
    """Fail the test if threads it started are still alive after a short grace period."""
    before = threads.snapshot()
    yield
    if request.node.get_closest_marker("allow_leaked_threads"):
        return
    leaked = threads.leaked_threads(before | _LONG_LIVED_THREADS)
    if leaked:
        pytest.fail(f"test left {len(leaked)} thread(s) running: {threads.describe(leaked)}", pytrace=False)


def pytest_addoption(parser):
    parser.addoption("--hardware", action="store_true", default=False,
                     help="also run the tests that need real devices (USB cameras, ID-card readers, scanners)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--hardware"):
        return
    skip = pytest.mark.skip(reason="needs a real device: run with --hardware")
    for item in items:
        if "hardware" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _core_messages_in_english():
    """Core sentences come out in English unless a test asks for Chinese, so assertions can match them."""
    from app.i18n import language, set_language

    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture(scope="session")
def postgres_cluster() -> PostgresCluster:
    """A PostgreSQL server on 127.0.0.1 for the whole session, removed at the end."""
    try:
        cluster = start_cluster()
    except ClusterUnavailable as reason:
        pytest.skip(str(reason))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=[pytest.param("sqlite", id="sqlite"),
                        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    """The SQLAlchemy URL of a new, empty database: SQLite in tmp_path, or one on the test cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'site.db'}"
    return request.getfixturevalue("postgres_cluster").create_database()
