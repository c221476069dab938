"""Group commit and the in-memory last-seen times (app/services/theory_saves.py), without a database."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from app.services.theory_saves import GroupCommit, Presence

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def test_concurrent_saves_share_commits_and_each_returns_after_its_own():
    committed: list[list[int]] = []
    durable: set[int] = set()
    first_in = threading.Event()
    release = threading.Event()

    def commit(jobs):
        if not committed:  # hold the first commit until the others queued behind it
            first_in.set()
            release.wait(5)
        for job in jobs:
            job.result = job.payload * 10
        durable.update(job.payload for job in jobs)
        committed.append([job.payload for job in jobs])

    group = GroupCommit(commit)
    answers: dict[int, int] = {}

    def save(n):
        answers[n] = group.submit(n)
        assert n in durable  # acknowledged only once the commit holding it has run

    first = threading.Thread(target=save, args=(0,))
    first.start()
    assert first_in.wait(5)
    others = [threading.Thread(target=save, args=(n,)) for n in range(1, 9)]
    for thread in others:
        thread.start()
    deadline = time.monotonic() + 5
    while len(group._queue) < 8 and time.monotonic() < deadline:  # all eight wait behind the first commit
        threading.Event().wait(0.001)
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    assert answers == {n: n * 10 for n in range(9)}
    assert committed[0] == [0] and sorted(committed[1]) == list(range(1, 9))  # one commit for the eight
    assert group.batches == 2 and group.jobs == 9


def test_a_refused_job_fails_alone_and_a_failed_commit_fails_all():
    def commit(jobs):
        for job in jobs:
            if job.payload == "bad":
                job.error = ValueError("refused")
            else:
                job.result = "ok"

    group = GroupCommit(commit)
    assert group.submit("good") == "ok"
    with pytest.raises(ValueError):
        group.submit("bad")

    def broken(jobs):
        for job in jobs:
            job.result = "ok"
        raise OSError("disk full")

    with pytest.raises(OSError):
        GroupCommit(broken).submit("good")  # its result was set, but the commit failed: no ack


def test_presence_keeps_the_latest_time_and_flushes_in_bulk():
    presence = Presence(flush_seconds=3600)
    presence.seen(1, T0)
    presence.seen(1, T0 - timedelta(seconds=5))  # an older, late heartbeat moves nothing back
    presence.seen(2, T0 + timedelta(seconds=1))
    assert presence.last_seen(1, None) == T0
    assert presence.last_seen(1, T0 + timedelta(seconds=9)) == T0 + timedelta(seconds=9)
    written = []
    assert presence.flush(written.append) == 0  # not due yet
    assert presence.flush(written.append, force=True) == 2
    assert written == [{1: T0, 2: T0 + timedelta(seconds=1)}]
    assert presence.flush(written.append, force=True) == 0  # nothing new


def test_presence_keeps_the_times_when_the_write_fails():
    presence = Presence(flush_seconds=0)
    presence.seen(7, T0)

    def failing(seen):
        raise OSError("busy")

    with pytest.raises(OSError):
        presence.flush(failing)
    written = []
    assert presence.flush(written.append) == 1 and written == [{7: T0}]
    presence.forget(7)
    assert presence.last_seen(7, None) is None
