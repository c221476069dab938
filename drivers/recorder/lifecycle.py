"""What every recorder shares: its thread, stop and record_for, reconnection with backoff, gaps, segment files.

`ReconnectingRecorder` runs one source on one thread until stop(). Each pass of its loop calls the
backend's `_record_once()`, which connects and records until the source ends or stop is asked,
and raises `SourceLost` when the source fails or falls silent: the recorder reports a `Gap` (once
per outage), waits `reconnect_backoff[0]` seconds, doubled after each failure up to
`reconnect_backoff[1]`, and starts again at the shortest wait after a connection that worked.
`_disconnect()` closes what a pass opened. The segment files are written the same way by every
backend: `<camera>-<seq>.ts.part` through HashingFile, renamed to `<camera>-<seq>.ts` once closed,
the folder fsynced, then `on_segment(Segment)`. See docs/video.md.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from app.durable import fsync_directory
from drivers.recorder.hashing import HashingFile

SEGMENT_SUFFIX = ".ts"
PARTIAL_SUFFIX = ".ts.part"


@dataclass(frozen=True)
class Segment:
    """A closed segment: on disk, fsynced, its SHA-256 taken from the bytes written."""

    camera_id: str
    seq: int
    path: Path
    sha256: str
    size: int
    started_at: datetime
    ended_at: datetime
    duration_ms: int
    packets: int
    codec: str


@dataclass(frozen=True)
class Gap:
    """The source stopped sending (or could not be reached) from `started_at`; noticed at `detected_at`."""

    camera_id: str
    started_at: datetime
    detected_at: datetime
    reason: str


def segment_name(camera_id: str, seq: int) -> str:
    return f"{camera_id}-{seq:06d}{SEGMENT_SUFFIX}"


def _now() -> datetime:
    return datetime.now(UTC)


class SourceLost(Exception):
    """A pass ended because the source failed or fell silent: a gap with `reason`.

    `reset_backoff` says the connection worked, so the next attempt comes after the shortest wait.
    """

    def __init__(self, reason: str, *, reset_backoff: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.reset_backoff = reset_backoff


class ReconnectingRecorder:
    """One source, one thread: passes of `_record_once()` with reconnection backoff until stop()."""

    thread_prefix: ClassVar[str] = "recorder"
    # errors that end the thread at once, reported as a gap and kept in `error`, instead of raised
    final_errors: ClassVar[tuple[type[BaseException], ...]] = ()

    def __init__(self, out_dir: str | Path, camera_id: str, segment_seconds: float, *,
                 on_segment: Callable[[Segment], None] | None, on_gap: Callable[[Gap], None] | None,
                 first_seq: int, read_timeout: float, sync_interval: float,
                 reconnect_backoff: tuple[float, float]) -> None:
        self.out_dir = Path(out_dir)
        self.camera_id = camera_id
        self.segment_seconds = segment_seconds
        self.on_segment, self.on_gap = on_segment, on_gap
        self.next_seq = first_seq
        self.read_timeout = read_timeout
        self.sync_interval = sync_interval
        self.reconnect_backoff = reconnect_backoff
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._gap_open = False
        self._last_packet_at = _now()
        self._segment: dict[str, Any] | None = None

    # -- what a backend provides ------------------------------------------------------------------

    def _record_once(self) -> bool:
        """Connect and record until the source ends or stop is asked: True when recording is over.

        Raises SourceLost when the source fails or falls silent.
        """
        raise NotImplementedError

    def _disconnect(self) -> None:
        """Close what a pass opened (its segment, its connection); called again when the thread ends."""

    def _prepare(self) -> None:
        """Run once on the thread before the first pass."""

    def _stop_timeout(self) -> float:
        """How long stop() waits for the thread by default."""
        return self.read_timeout + 10

    # -- control ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"{self.thread_prefix}-{self.camera_id}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Close the open segment and join the thread (a blocked read ends within the read timeout)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout if timeout is not None else self._stop_timeout())
            if not thread.is_alive():
                self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def receiving(self) -> bool:
        """Data arrives on the current connection (False while connecting and after a gap)."""
        return self.running and not self._gap_open and (_now() - self._last_packet_at).total_seconds() < self.read_timeout

    @property
    def last_packet_at(self) -> datetime:
        return self._last_packet_at

    def record_for(self, seconds: float) -> None:
        """Start, record `seconds` of wall-clock time (or until a file source ends), stop."""
        self.start()
        try:
            deadline = time.monotonic() + seconds
            thread = self._thread
            while time.monotonic() < deadline and thread is not None and thread.is_alive():
                self._stop.wait(min(0.2, max(0.0, deadline - time.monotonic())))
        finally:
            self.stop()

    # -- the thread ------------------------------------------------------------------------------

    def _run(self) -> None:
        delay = self.reconnect_backoff[0]
        try:
            self._prepare()
            while not self._stop.is_set():
                try:
                    if self._record_once():
                        return
                    delay = self.reconnect_backoff[0]
                except SourceLost as lost:
                    if lost.reset_backoff:
                        delay = self.reconnect_backoff[0]
                    self._lost(lost.reason)
                finally:
                    self._disconnect()
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2, self.reconnect_backoff[1])
        except self.final_errors as error:  # nothing to retry
            self.error = error
            self._lost(str(error))
        except BaseException as error:  # a bug: keep it for the caller, never lose the closed segments
            self.error = error
            raise
        finally:
            self._disconnect()

    def _lost(self, reason: str) -> None:
        if self._gap_open:
            return
        self._gap_open = True
        if self.on_gap is not None:
            self.on_gap(Gap(self.camera_id, self._last_packet_at, _now(), reason))

    # -- segment files ---------------------------------------------------------------------------

    def _new_segment_file(self) -> dict[str, Any]:
        """The next sequence number and its `.part` file, open for hashed writing."""
        seq = self.next_seq
        self.next_seq += 1
        final = self.out_dir / segment_name(self.camera_id, seq)
        partial = final.with_name(final.stem + PARTIAL_SUFFIX)
        return {"seq": seq, "final": final, "partial": partial, "sink": HashingFile(partial, self.sync_interval)}

    def _publish(self, segment: dict[str, Any], digest: str, duration_ms: int, packets: int, codec: str) -> None:
        """Rename the closed `.part` file to its final name, fsync the folder, report the segment."""
        os.replace(segment["partial"], segment["final"])
        fsync_directory(self.out_dir)
        closed = Segment(self.camera_id, segment["seq"], segment["final"], digest, segment["sink"].size,
                         segment["started_at"], _now(), duration_ms, packets, codec)
        if self.on_segment is not None:
            self.on_segment(closed)
