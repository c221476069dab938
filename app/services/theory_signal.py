"""Wakes long polls when a room event commits: for blocked threads and for event-loop coroutines.

The service publishes (room run id, newest sequence number) after each commit that appended an
event. Events written by another process (a console on the same database) are found by
`refresh`, which a waiter calls at most every REFRESH_SECONDS per room.
"""

from __future__ import annotations

import asyncio
import threading
import time

REFRESH_SECONDS = 1.0


class RoomSignal:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._seq: dict[int, int] = {}
        self._checked: dict[int, float] = {}
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = set()

    def seq(self, run_id: int) -> int | None:
        with self._lock:
            return self._seq.get(run_id)

    def publish(self, run_id: int, seq: int) -> None:
        """Record that room run `run_id` has events up to `seq`; wake every waiter."""
        with self._lock:
            if seq <= self._seq.get(run_id, -1):
                return
            self._seq[run_id] = seq
            self._changed.notify_all()
            waiters, self._waiters = self._waiters, set()
        for loop, future in waiters:
            if not loop.is_closed():
                loop.call_soon_threadsafe(_wake, future)

    def due_for_refresh(self, run_id: int) -> bool:
        """True (and marks it) when nobody looked in the database for this room within REFRESH_SECONDS."""
        now = time.monotonic()
        with self._lock:
            if now - self._checked.get(run_id, 0.0) < REFRESH_SECONDS:
                return False
            self._checked[run_id] = now
            return True

    def wait(self, run_id: int, after: int, timeout: float) -> bool:
        """Block until the room has a sequence number above `after` or `timeout` passes."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._seq.get(run_id, -1) <= after:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    async def wait_async(self, run_id: int, after: int, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        with self._lock:
            if self._seq.get(run_id, -1) > after:
                return True
            entry = (loop, future)
            self._waiters.add(entry)
        try:
            await asyncio.wait_for(future, timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                self._waiters.discard(entry)
        with self._lock:
            return self._seq.get(run_id, -1) > after


def _wake(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)


