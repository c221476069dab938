"""The recorder process: one `SegmentRecorder` per camera that must be recording, apart from the GUI.

    python -m app.video.recorder_process --home HOME     (EXAMSITE_PASSPHRASE in the environment)
    examsite video recorder --home HOME

It follows HOME/video/recorder/desired.json (written by the supervisor from the recording
service's decision), applies the commands in HOME/video/recorder/commands/ (markers, operator
actions, stops, seals) and rewrites status.json about once a second. It is the only writer of
every manifest: each camera's session directory HOME/video/<plan>/<session>/<room>/<camera>/ has
one manifest, appended from this process only (segment and gap callbacks on the recorder threads,
commands on the main thread, under one lock per manifest).

A directory that already holds a manifest is resumed (`Manifest.resume`: the partial segment of a
killed recorder is adopted as `recovered`, then an action "recorder restarted"); a sealed one is
never recorded into again. SIGTERM stops every camera cleanly (segments closed, not sealed).
See docs/video.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.video.channel import Assignment, Command, pending_commands, read_desired, set_aside
from app.video.manifest import HEAD_FILE, MANIFEST_FILE, Manifest
from app.video.status import (
    RECONNECTING,
    RECORDING,
    SILENT,
    SILENT_AFTER,
    STOPPED,
    CameraStatus,
    recorder_dir,
    write_status,
)

PASSPHRASE_ENV = "EXAMSITE_PASSPHRASE"
STATUS_EVERY = 1.0
RATE_WINDOW = 5.0
PENDING_FOR = 30.0
RETRY_START = 10.0  # a marker for a room not open yet waits this long before it is set aside

log = logging.getLogger("examsite.recorder")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Book:
    """One camera directory's manifest and the lock that keeps its appends in order."""

    manifest: Manifest
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_seq: int = 1


@dataclass
class Running:
    assignment: Assignment
    recorder: object  # drivers.recorder.SegmentRecorder
    book: Book
    state: str = RECONNECTING
    since: datetime = field(default_factory=_now)
    closed_bytes: int = 0
    closed_packets: int = 0
    gaps: int = 0
    last_segment_at: datetime | None = None
    samples: deque = field(default_factory=lambda: deque(maxlen=16))


class RecorderProcess:
    """The body of the process; `step()` once per poll, `shutdown()` at the end. Testable in-process."""

    def __init__(self, home: str | Path, sign: Callable[[bytes], bytes], public_key: bytes, *,
                 read_timeout: float = 6.0, open_timeout: float = 5.0,
                 reconnect_backoff: tuple[float, float] = (0.5, 4.0)) -> None:
        self.home = Path(home)
        self.sign = sign
        self.public_key = bytes(public_key)
        self.read_timeout = read_timeout
        self.open_timeout = open_timeout
        self.reconnect_backoff = reconnect_backoff
        self.running: dict[str, Running] = {}
        self.books: dict[Path, Book] = {}
        self.halted: dict[tuple[str, str, str], datetime] = {}  # rooms stopped or sealed by a command, and when
        self.sealed: set[tuple[str, str, str]] = set()
        self._status_at = 0.0
        self._retry_at: dict[str, float] = {}

    # -- one turn -------------------------------------------------------------------------------

    def step(self) -> None:
        commands = pending_commands(self.home)  # listed before desired: a stop or seal is seen before its effect
        desired = read_desired(self.home)
        wanted = {a.key: a for a in desired or [] if self._may_record(a)}
        for key, assignment in wanted.items():
            if key not in self.running and time.monotonic() >= self._retry_at.get(key, 0.0):
                try:
                    self._start(assignment)
                except Exception:  # one camera's bug or bad directory must not stop the others
                    log.exception("cannot start %s; trying again in %s s", key, RETRY_START)
                    self._retry_at[key] = time.monotonic() + RETRY_START
        for path, command in commands:
            self._apply(path, command)
        if desired is not None:
            for key in [key for key in self.running if key not in wanted]:
                self._stop(key)
        if time.monotonic() - self._status_at >= STATUS_EVERY:
            self.write_status()

    def _may_record(self, assignment: Assignment) -> bool:
        if assignment.room_key in self.sealed:
            return False
        halted = self.halted.get(assignment.room_key)
        return halted is None or assignment.since > halted

    # -- cameras --------------------------------------------------------------------------------

    def _book(self, assignment: Assignment) -> Book | None:
        directory = Path(assignment.directory)
        book = self.books.get(directory)
        if book is not None:
            return None if book.manifest.sealed else book
        if (directory / MANIFEST_FILE).exists():
            if b'"sealed":true' in (directory / HEAD_FILE).read_bytes():
                self.sealed.add(assignment.room_key)
                return None
            try:
                manifest, next_seq = Manifest.resume(directory, self.sign, self.public_key, by="recorder")
            except ValueError as error:
                log.error("cannot resume %s: %s", directory, error)
                return None
            log.info("resumed %s at segment %d", directory, next_seq)
        else:
            manifest = Manifest.create(directory, assignment.key, self.sign, self.public_key, camera=assignment.camera_id,
                                       room=assignment.room, plan=assignment.plan, exam_session=assignment.session,
                                       source_kind=assignment.kind, signer_kind="site",
                                       segment_seconds=str(assignment.segment_seconds))
            next_seq = 1
        book = Book(manifest, next_seq=next_seq)
        self.books[directory] = book
        return book

    def _start(self, assignment: Assignment) -> None:
        from drivers.recorder import chosen_backend, make_recorder  # PyAV is loaded only here

        book = self._book(assignment)
        if book is None:
            return
        with book.lock:
            book.manifest.add_action(action="recording started", by=assignment.started_by, camera=assignment.camera_id)
            book.manifest.sign_head()
        entry = Running(assignment, None, book)
        # network cameras and files are copied (PyAV, or ffmpeg when configured); USB cameras are encoded
        encoded = chosen_backend(assignment.source)[0] == "encode"
        options = {} if encoded else {"open_timeout": self.open_timeout}
        recorder = make_recorder(
            assignment.source, assignment.directory, assignment.camera_id, assignment.segment_seconds,
            first_seq=book.next_seq, on_segment=lambda s: self._segment(entry, s),
            on_gap=lambda g: self._gap(entry, g), read_timeout=self.read_timeout,
            reconnect_backoff=self.reconnect_backoff, **options)
        entry.recorder = recorder
        self.running[assignment.key] = entry
        recorder.start()
        log.info("recording %s from %s", assignment.key, recorder.description)

    def _segment(self, entry: Running, segment) -> None:
        with entry.book.lock:
            entry.book.manifest.add_segment(
                camera=segment.camera_id, seq=segment.seq, file=segment.path.name, sha256=segment.sha256,
                size=segment.size, duration_ms=segment.duration_ms, started_at=segment.started_at,
                ended_at=segment.ended_at, codec=segment.codec)
            entry.book.next_seq = segment.seq + 1
        entry.closed_bytes += segment.size
        entry.closed_packets += segment.packets
        entry.last_segment_at = segment.ended_at

    def _gap(self, entry: Running, gap) -> None:
        with entry.book.lock:
            entry.book.manifest.add_gap(camera=gap.camera_id, started_at=gap.started_at,
                                        detected_at=gap.detected_at, reason=gap.reason)
        entry.gaps += 1

    def _stop(self, key: str) -> Running:
        entry = self.running.pop(key)
        entry.recorder.stop()
        entry.book.next_seq = max(entry.book.next_seq, entry.recorder.next_seq)
        log.info("stopped %s", key)
        return entry

    # -- commands -------------------------------------------------------------------------------

    def _apply(self, path: Path, command: Command | None) -> None:
        if command is None:
            set_aside(path)
            return
        room = command.room_key
        keys = [key for key, entry in self.running.items() if entry.assignment.room_key == room]
        books = [self.running[key].book for key in keys] or [
            book for book in self.books.values() if _room_of(book) == room and not book.manifest.sealed]
        if not books:
            if command.kind == "marker" and (_now() - command.at).total_seconds() < PENDING_FOR:
                return  # the room may open in a moment: try again at the next step
            log.warning("command %s for %s: no open manifest", command.kind, "/".join(room))
            set_aside(path)
            if command.kind in ("stop", "seal"):
                self.halted[room] = command.at
                if command.kind == "seal":
                    self.sealed.add(room)
            return
        if command.kind in ("stop", "seal"):
            self.halted[room] = command.at
            for key in keys:
                self._stop(key)
        for book in books:
            with book.lock:
                if command.kind == "marker":
                    book.manifest.add_marker(label=command.label, by=command.by, at=command.at, **command.details)
                elif command.kind == "action":
                    book.manifest.add_action(action=command.label, by=command.by, at=command.at,
                                             reason=command.reason, **command.details)
                elif command.kind == "stop":
                    book.manifest.add_action(action="recording stopped", by=command.by, at=command.at,
                                             reason=command.reason, **command.details)
                elif command.kind == "seal":
                    book.manifest.add_action(action="room sealed", by=command.by, at=command.at, **command.details)
                    book.manifest.seal()
                if not book.manifest.sealed:
                    book.manifest.sign_head()
        if command.kind == "seal":
            self.sealed.add(room)
        path.unlink(missing_ok=True)

    # -- status ---------------------------------------------------------------------------------

    def camera_states(self) -> list[CameraStatus]:
        now, tick = _now(), time.monotonic()
        cameras = []
        for entry in self.running.values():
            recorder = entry.recorder
            open_bytes, open_packets = recorder.open_segment
            total = entry.closed_bytes + open_bytes
            entry.samples.append((tick, total))
            while len(entry.samples) > 2 and tick - entry.samples[0][0] > RATE_WINDOW:
                entry.samples.popleft()
            first_tick, first_total = entry.samples[0]
            rate = (total - first_total) / (tick - first_tick) if tick > first_tick else 0.0
            if not recorder.running:
                state = STOPPED
            elif not recorder.receiving:
                state = RECONNECTING
            elif (now - recorder.last_packet_at).total_seconds() >= SILENT_AFTER:
                state = SILENT
            else:
                state = RECORDING
            if state != entry.state:
                entry.state, entry.since = state, now
            a = entry.assignment
            cameras.append(CameraStatus(camera_id=a.camera_id, room=a.room, session=a.session, state=state,
                                        since=entry.since, last_segment_at=entry.last_segment_at, bytes=total,
                                        gaps=entry.gaps, rate=round(rate, 1), directory=Path(a.directory),
                                        packets=entry.closed_packets + open_packets))
        return cameras

    def write_status(self) -> None:
        self._status_at = time.monotonic()
        write_status(self.home, os.getpid(), self.camera_states())

    def shutdown(self) -> None:
        for key in list(self.running):
            self._stop(key)
        write_status(self.home, os.getpid(), [])


def _room_of(book: Book) -> tuple[str, str, str]:
    plan, session, room, _ = book.manifest.session.split("/", 3)
    return (plan, session, room)


def run(home: str | Path, passphrase: str, poll: float = 0.25, stop: threading.Event | None = None) -> int:
    """The process's main loop until SIGTERM / SIGINT (or `stop` is set)."""
    from app.security import SiteKeys
    from app.services.home import SiteHome

    site_home = SiteHome(Path(home))
    keys = SiteKeys.load(site_home.keys_path, passphrase)
    stop = stop or threading.Event()
    process = RecorderProcess(home, keys.sign, keys.public.signing_public)
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    log.info("recorder process %d started for %s", os.getpid(), home)
    try:
        while not stop.is_set():
            process.step()
            stop.wait(poll)
    finally:
        process.shutdown()
        log.info("recorder process %d stopped", os.getpid())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="examsite-recorder", description="the site's recorder process")
    parser.add_argument("--home", required=True, type=Path)
    parser.add_argument("--poll", type=float, default=0.25)
    args = parser.parse_args(argv)
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if not passphrase:
        print(f"{PASSPHRASE_ENV} must hold the site passphrase: the recorder signs the manifests", file=sys.stderr)
        return 2
    folder = recorder_dir(args.home)
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(folder / "recorder.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return run(args.home, passphrase, args.poll)


if __name__ == "__main__":
    sys.exit(main())
