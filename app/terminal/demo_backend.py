"""A demo backend for the candidate kiosk: everything in memory, no journal, no network.

This is NOT the terminal's real backend (``app/terminal/backend.py`` journals every change and
talks to the site host). It implements the same ``TerminalBackend`` interface over a sample
电工 paper so that ``examsite terminal --demo``, the documentation screenshots and the kiosk's
widget tests can run without a site. The proctor's side of the room is played by methods the
real interface does not have (``start_room``, ``pause``, ``extend``, ``force_submit``,
``set_connected``); the clock is any ``() -> datetime`` (a ``ManualClock`` in tests).
"""

from __future__ import annotations

import hashlib
import json
import random
import struct
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app.errors import InvalidState, KnownError, PermissionDenied, Throttled
from app.i18n import tr
from app.package.sample.portrait import portrait_png
from app.package.sample.questions import make_paper
from app.terminal.model import (AnswerView, CandidateView, ChoiceView, ExamState, ItemView, PaperView, Phase,
                                Receipt)

MAX_FAILED_LOGINS = 5
DEMO_PROCTOR_CODE = "246810"
BEIJING = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class DemoCandidate:
    ticket_no: str
    id_last6: str
    name: str
    seat_no: str


DEMO_CANDIDATES = (
    DemoCandidate("2025061404010101", "12003X", "张明远", "01"),
    DemoCandidate("2025061404010102", "281546", "李晓雯", "02"),
    DemoCandidate("2025061404010103", "150021", "王建国", "03"),
)


def room_rules() -> tuple[str, ...]:
    return (
        tr("Check that the name, photo and seat on this screen are yours; tell the proctor at once if not."),
        tr("Phones, smart watches and notes stay in the bag at the front of the room."),
        tr("Do not leave this screen, restart the terminal or touch its cables; every attempt is reported."),
        tr("Each answer is saved on this terminal the moment you choose it; a fault never loses an answer."),
        tr("Raise your hand if the terminal stops working: the proctor moves you to another seat and your time is kept."),
        tr("Submission is final. You may submit from the time shown on the submit button."),
    )


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class DemoTerminalBackend:
    """An in-memory ``TerminalBackend`` with a sample paper (demo and tests only)."""

    def __init__(self, *, clock: Callable[[], datetime] = _utc_now, starts_in: timedelta = timedelta(minutes=3),
                 duration: timedelta = timedelta(minutes=90), earliest_submit: timedelta = timedelta(minutes=30),
                 proctor_code: str = DEMO_PROCTOR_CODE, candidates: tuple[DemoCandidate, ...] = DEMO_CANDIDATES,
                 singles: int = 20, multiples: int = 5, true_false: int = 5, seed: int = 14,
                 tick_seconds: float | None = 1.0) -> None:
        self.clock = clock
        self.duration, self.earliest_submit = duration, earliest_submit
        self.proctor_code = proctor_code
        self.candidates = {c.ticket_no: c for c in candidates}
        self.reports: list[tuple[str, str]] = []  # what the console would have received
        self._lock = threading.RLock()
        self._planned_start = clock() + starts_in
        self._started_at: datetime | None = None
        self._paused_since: datetime | None = None
        self._paused_total = timedelta()
        self._extra = timedelta()
        self._answers: dict[str, AnswerView] = {}
        self._candidate: DemoCandidate | None = None
        self._failed_logins = 0
        self._connected = True
        self._unsynced = 0
        self._message: str | None = None
        self._submitted: Receipt | None = None
        self._closed = False
        self._callbacks: list[Callable[[ExamState], None]] = []
        self._paper = self._make_paper(seed, singles, multiples, true_false)
        self._tick_seconds = tick_seconds
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    @staticmethod
    def _make_paper(seed: int, singles: int, multiples: int, true_false: int) -> PaperView:
        paper = make_paper("DEMO-TH", random.Random(seed), singles=singles, multiples=multiples, true_false=true_false)
        items = []
        for number, item in enumerate(paper.items, start=1):
            image = None
            stem = item.stem
            if number == 2 and item.kind == "single":
                stem = tr("The figure shows two resistors of 10 Ω and 20 Ω in series across a 12 V source. "
                          "What current flows in the circuit?")
                image = circuit_png()
                choices = (ChoiceView("A", "0.4 A"), ChoiceView("B", "1.2 A"), ChoiceView("C", "0.6 A"),
                           ChoiceView("D", "1.8 A"))
            else:
                choices = tuple(ChoiceView(c.key, c.text) for c in item.choices)
            items.append(ItemView(code=item.code, number=number, kind=str(item.kind), stem=stem, choices=choices,
                                  points=str(item.points), image=image))
        return PaperView(code=paper.code, title=paper.title, items=tuple(items))

    # --- the TerminalBackend interface ---------------------------------------------------------

    def login(self, ticket_no: str, id_last6: str) -> CandidateView:
        with self._lock:
            if self._failed_logins >= MAX_FAILED_LOGINS:
                raise Throttled(tr("Too many failed attempts on this terminal. Ask the proctor for help."))
            candidate = self.candidates.get(ticket_no.strip())
            if candidate is None or candidate.id_last6.upper() != id_last6.strip().upper():
                self._failed_logins += 1
                raise KnownError(tr("The admission ticket number and the last 6 characters of the ID number do not "
                                    "match. Check both and try again."), code="login_refused")
            self._failed_logins = 0
            self._candidate = candidate
            view = CandidateView(
                ticket_no=candidate.ticket_no, name=candidate.name,
                photo_jpeg=portrait_png((196, 214, 232)), seat_no=candidate.seat_no, room_name=tr("Theory room 1"),
                session_title=tr("Electrician (level 4) theory exam"), occupation=tr("Electrician"),
                level=tr("Level 4 / intermediate"), rules=room_rules())
        self._notify()
        return view

    def paper(self) -> PaperView:
        with self._lock:
            self._require_login()
            if self._phase() is Phase.WAITING:
                raise InvalidState(tr("The exam has not started yet."))
            return self._paper

    def state(self) -> ExamState:
        with self._lock:
            now = self.clock()
            return ExamState(phase=self._phase(), server_now=now, starts_at=self._started_at or self._planned_start,
                             ends_at=self._ends_at(now), earliest_submit_at=self._earliest(),
                             answers=dict(self._answers), unsynced=self._unsynced, connected=self._connected,
                             message=self._message)

    def answer(self, item_code: str, response: tuple[str, ...], flagged: bool) -> None:
        with self._lock:
            self._require_login()
            if self._phase() is not Phase.RUNNING:
                raise InvalidState(tr("Answers can be changed only while the exam is running."))
            item = next((i for i in self._paper.items if i.code == item_code), None)
            keys = {c.key for c in item.choices} if item else set()
            if item is None or not set(response) <= keys or (item.kind != "multiple" and len(response) > 1):
                raise KnownError(tr("This answer does not fit the question."), code="bad_answer")
            self._answers[item_code] = AnswerView(tuple(sorted(response)), flagged)
            if not self._connected:
                self._unsynced += 1
        self._notify()

    def submit(self) -> Receipt:
        with self._lock:
            self._require_login()
            phase = self._phase()
            if self._submitted is None:
                if phase is Phase.WAITING:
                    raise InvalidState(tr("The exam has not started yet."))
                now = self.clock()
                earliest = self._earliest()
                if earliest is not None and now < earliest:
                    raise InvalidState(tr("Submission opens at {time}.", time=f"{earliest.astimezone(BEIJING):%H:%M}"))
                self._finish("candidate", now)
            receipt = self._submitted
        self._notify()
        return receipt

    def report(self, kind: str, detail: str = "") -> None:
        with self._lock:
            self.reports.append((kind, detail))

    def leave(self, proctor_code: str) -> bool:
        return proctor_code.strip() == self.proctor_code

    def on_change(self, callback: Callable[[ExamState], None]) -> None:
        with self._lock:
            self._callbacks.append(callback)
            if self._tick_seconds and self._ticker is None and not self._closed:
                self._ticker = threading.Thread(target=self._tick, name="demo-terminal-clock", daemon=True)
                self._ticker.start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._callbacks.clear()
        self._stop.set()
        if self._ticker is not None and self._ticker is not threading.current_thread():
            self._ticker.join()

    # --- the proctor's side, for the demo and the tests -----------------------------------------

    def start_room(self) -> None:
        with self._lock:
            if self._started_at is None:
                self._started_at = self.clock()
        self._notify()

    def pause(self, message: str | None = None) -> None:
        with self._lock:
            if self._phase() is Phase.RUNNING:
                self._paused_since = self.clock()
                self._message = message or tr("The proctor has paused the exam. The clock stands still.")
        self._notify()

    def resume(self) -> None:
        with self._lock:
            if self._paused_since is not None:
                self._paused_total += self.clock() - self._paused_since
                self._paused_since = None
                self._message = None
        self._notify()

    def extend(self, minutes: int, message: str | None = None) -> None:
        with self._lock:
            self._extra += timedelta(minutes=minutes)
            self._message = message or tr("The proctor has given you {minutes} more minutes.", minutes=minutes)
        self._notify()

    def force_submit(self) -> None:
        with self._lock:
            if self._submitted is None and self._candidate is not None:
                self._finish("proctor", self.clock())
        self._notify()

    def set_connected(self, connected: bool) -> None:
        with self._lock:
            self._connected = connected
            if connected:
                self._unsynced = 0
        self._notify()

    def notify(self) -> None:
        """Tell the kiosk the state changed (the clock moved in a test)."""
        self._notify()

    # --- inside ----------------------------------------------------------------------------------

    def _require_login(self) -> None:
        if self._candidate is None:
            raise PermissionDenied(tr("Log in first."))

    def _start(self) -> datetime | None:
        if self._started_at is not None:
            return self._started_at
        return self._planned_start if self.clock() >= self._planned_start else None

    def _ends_at(self, now: datetime) -> datetime | None:
        start = self._start() or self._planned_start
        paused = self._paused_total + (now - self._paused_since if self._paused_since else timedelta())
        return start + self.duration + self._extra + paused

    def _earliest(self) -> datetime:
        return (self._start() or self._planned_start) + self.earliest_submit

    def _phase(self) -> Phase:
        if self._submitted is not None:
            return Phase.SUBMITTED
        if self._start() is None:
            return Phase.WAITING
        if self._paused_since is not None:
            return Phase.PAUSED
        now = self.clock()
        if self._candidate is not None and now >= self._ends_at(now):
            self._finish("time", self._ends_at(now))
            return Phase.SUBMITTED
        return Phase.RUNNING

    def _finish(self, how: str, at: datetime) -> None:
        canonical = json.dumps({code: list(a.response) for code, a in sorted(self._answers.items())},
                               separators=(",", ":"), sort_keys=True).encode()
        answered = sum(1 for a in self._answers.values() if a.response)
        self._submitted = Receipt(ticket_no=self._candidate.ticket_no, name=self._candidate.name, submitted_at=at,
                                  answered=answered, total=len(self._paper.items),
                                  digest=hashlib.sha256(canonical).hexdigest(), how=how)
        self._paused_since = None

    def _notify(self) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
            if not callbacks:
                return
            state = self.state()
        for callback in callbacks:
            callback(state)

    def _tick(self) -> None:
        while not self._stop.wait(self._tick_seconds):
            self._notify()



def circuit_png(width: int = 480, height: int = 220) -> bytes:
    """A drawn series circuit (source on the left, two resistors on top) as a small grey PNG."""
    pixels = [bytearray(b"\xff" * width) for _ in range(height)]

    def box(x0: int, y0: int, x1: int, y1: int, value: int = 0) -> None:
        for y in range(max(0, y0), min(height, y1)):
            pixels[y][max(0, x0):min(width, x1)] = bytes([value]) * (min(width, x1) - max(0, x0))

    box(40, 40, 440, 44)  # top wire
    box(40, 176, 440, 180)  # bottom wire
    box(436, 40, 440, 180)  # right wire
    box(40, 40, 44, 96)
    box(40, 124, 44, 180)  # left wire, broken by the source
    box(18, 96, 66, 100)  # the source's long plate
    box(30, 120, 54, 126)  # and its short plate
    for x0 in (130, 280):  # two resistors
        box(x0, 28, x0 + 90, 56)
        box(x0 + 4, 32, x0 + 86, 52, 255)
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
