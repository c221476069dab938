"""Leaked-thread detection: a test must stop every thread it starts.

A thread that is still alive after the test, and was not alive before it, is a leak. Threads
that are shutting down get a short grace period, spent in ``Thread.join(timeout)`` rather than in
sleeps. Threads created by foreign code calling into Python (``_DummyThread``) cannot be joined
and are ignored, as are the long-lived pools named in ``KNOWN_POOLS``.
"""

from __future__ import annotations

import re
import threading
import time

GRACE_SECONDS = 2.0

# Name patterns of threads that live for the whole process by design. Add one only with a reason.
KNOWN_POOLS: tuple[re.Pattern[str], ...] = ()


def snapshot() -> frozenset[threading.Thread]:
    return frozenset(threading.enumerate())


def _ignorable(thread: threading.Thread) -> bool:
    return isinstance(thread, threading._DummyThread) or any(p.search(thread.name) for p in KNOWN_POOLS)


def leaked_threads(before: frozenset[threading.Thread], grace: float | None = None) -> list[threading.Thread]:
    """Return the threads started since ``before`` that are still alive after the grace period."""
    deadline = time.monotonic() + (GRACE_SECONDS if grace is None else grace)
    survivors = []
    for thread in threading.enumerate():
        if thread in before or thread is threading.current_thread() or _ignorable(thread):
            continue
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            survivors.append(thread)
    return survivors


def describe(threads: list[threading.Thread]) -> str:
    return ", ".join(f"{t.name!r} (daemon={t.daemon}, target={getattr(t, '_target', None)!r})" for t in threads)
