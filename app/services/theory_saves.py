"""Group commit for the terminals' saves, and the terminals' last-seen times kept in memory.

Group commit: many terminals save at once, and each commit costs an fsync (SQLite
synchronous=FULL; PostgreSQL's WAL flush). The saves that arrive while a commit is under way wait
in a queue; when that commit ends, one of their request threads becomes the writer, takes the
whole queue and commits it in one transaction. Only one thread writes saves at a time (the
writer role passes from thread to thread, no thread of its own to start or stop), and every
request returns only after the commit that holds its saves: an acknowledgement is never sent
for a save that is not durable. If that commit fails, every request in it fails and none is
acknowledged.

Last seen: a heartbeat only says "this terminal is alive". Writing that to the database would
cost a write transaction and an fsync per heartbeat; instead it is kept here and written for
all terminals at once, in one UPDATE, at most every FLUSH_SECONDS. That UPDATE rides in the
group commit's next transaction (the writer takes it when due; a heartbeat that finds it due
while no save is coming sends an empty job), so it never competes with the saves for the
database's write lock (SQLite) or the candidates' rows (PostgreSQL). After a crash of the host
the database's last-seen times are at most FLUSH_SECONDS (plus one heartbeat interval) old, so a
candidate's offline credit at the next log-in can be that much larger; offline detection
(OFFLINE_AFTER_SECONDS = 20) is not affected.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

FLUSH_SECONDS = 5.0


class Job:
    """One request's share of a group commit: the writer fills in `result` or `error`."""

    __slots__ = ("payload", "result", "error", "done")

    def __init__(self, payload: Any) -> None:
        self.payload = payload
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False


class GroupCommit:
    """`submit(payload)` blocks until the commit holding it ended; `commit(jobs)` (given at
    construction) runs in one writer thread at a time and must set each job's result or error
    (or raise: then every job of the batch fails with that exception)."""

    def __init__(self, commit: Callable[[list[Job]], None], max_batch: int = 500) -> None:
        self._commit = commit
        self._max_batch = max_batch
        self._changed = threading.Condition(threading.Lock())
        self._queue: list[Job] = []
        self._writing = False
        self.batches = 0
        self.jobs = 0

    def submit(self, payload: Any) -> Any:
        job, batch = Job(payload), None
        with self._changed:
            self._queue.append(job)
            while self._writing and not job.done:
                self._changed.wait()
            if not job.done:  # nobody is writing: this thread writes the queue, its own job included
                self._writing = True
                batch, self._queue = self._queue[:self._max_batch], self._queue[self._max_batch:]
        if batch is not None:
            self._write(batch)
        if job.error is not None:
            raise job.error
        return job.result

    def _write(self, batch: list[Job]) -> None:
        try:
            self._commit(batch)
        except BaseException as exc:  # noqa: BLE001 - every request of the batch gets the failure
            for each in batch:
                each.error, each.result = exc, None
        finally:
            with self._changed:
                for each in batch:
                    each.done = True
                self._writing = False
                self.batches += 1
                self.jobs += len(batch)
                self._changed.notify_all()


class Presence:
    """The last time each sitting's terminal was heard from, kept in memory and flushed in bulk."""

    def __init__(self, flush_seconds: float = FLUSH_SECONDS) -> None:
        self.flush_seconds = flush_seconds
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._seen: dict[int, datetime] = {}
        self._dirty: dict[int, datetime] = {}
        self._flushed = time.monotonic()

    def seen(self, sitting_id: int, at: datetime) -> None:
        with self._lock:
            if sitting_id not in self._seen or self._seen[sitting_id] < at:
                self._seen[sitting_id] = self._dirty[sitting_id] = at

    def last_seen(self, sitting_id: int, stored: datetime | None) -> datetime | None:
        """The later of what the database holds and what this process heard."""
        with self._lock:
            heard = self._seen.get(sitting_id)
        if heard is None or (stored is not None and stored >= heard):
            return stored
        return heard

    def forget(self, sitting_id: int) -> None:
        with self._lock:
            self._seen.pop(sitting_id, None)
            self._dirty.pop(sitting_id, None)

    def due(self) -> bool:
        return time.monotonic() - self._flushed >= self.flush_seconds

    def take(self, *, force: bool = False) -> dict[int, datetime] | None:
        """The pending times to write now (when due, or with `force`), or None; the caller writes
        them and gives them back with `restore` if its transaction fails."""
        if not (force or self.due()):
            return None
        with self._lock:
            dirty, self._dirty = self._dirty, {}
            self._flushed = time.monotonic()
        return dirty or None

    def restore(self, dirty: dict[int, datetime]) -> None:
        """Times whose write failed: kept for the next flush (unless newer ones arrived since)."""
        with self._lock:
            for sitting_id, at in dirty.items():
                if self._dirty.get(sitting_id) is None or self._dirty[sitting_id] < at:
                    self._dirty[sitting_id] = at

    def flush(self, write: Callable[[dict[int, datetime]], None], *, force: bool = False) -> int:
        """Write the pending times with `write` (one transaction) when due; at most one flush at a
        time, and a caller that finds one under way does not wait for it. Returns how many."""
        if not (force or self.due()) or not self._flushing.acquire(blocking=force):
            return 0
        try:
            dirty = self.take(force=True)
            if not dirty:
                return 0
            try:
                write(dirty)
            except BaseException:
                self.restore(dirty)
                raise
            return len(dirty)
        finally:
            self._flushing.release()
