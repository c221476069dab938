"""What the candidate kiosk shows and asks for: the terminal's core, seen from its screen.

The kiosk (``app/ui/terminal/``) draws these views and calls a ``TerminalBackend``; it never
talks HTTP itself. The real backend (``app/terminal/backend.py``) journals every change on the
terminal's disk (encrypted, fsync) before ``answer`` returns and replicates the journal to the
site host's LAN API; it keeps working when the LAN is gone and catches up when it returns.
No view ever holds an answer key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Phase(StrEnum):
    """Where the candidate's exam stands, as the site host last said (or the terminal inferred)."""

    WAITING = "waiting"  # logged in, the room has not started
    RUNNING = "running"
    PAUSED = "paused"  # the proctor paused the room: the clock stands still
    SUBMITTED = "submitted"  # by the candidate, by the proctor, or at the end of time
    ENDED = "ended"  # the room was closed


@dataclass(frozen=True)
class ChoiceView:
    key: str  # "A", "B", … ; "T"/"F" for true/false; as this candidate sees them (maybe shuffled)
    text: str


@dataclass(frozen=True)
class ItemView:
    code: str
    number: int  # 1-based position in this candidate's paper
    kind: str  # "single" | "multiple" | "truefalse"
    stem: str
    choices: tuple[ChoiceView, ...]
    points: str  # decimal as text, e.g. "1" or "2.5"
    image: bytes | None = None  # PNG/JPEG shown under the stem, when the item has one


@dataclass(frozen=True)
class PaperView:
    code: str
    title: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class CandidateView:
    ticket_no: str
    name: str
    photo_jpeg: bytes | None
    seat_no: str
    room_name: str
    session_title: str
    occupation: str
    level: str
    rules: tuple[str, ...]  # lines of the room rules (考场规则), in the UI language


@dataclass(frozen=True)
class AnswerView:
    response: tuple[str, ...] = ()  # chosen keys; empty = unanswered
    flagged: bool = False


@dataclass(frozen=True)
class ExamState:
    phase: Phase
    server_now: datetime  # the site host's clock, corrected for this terminal's offset
    starts_at: datetime | None  # planned or actual start of the room
    ends_at: datetime | None  # this candidate's end: start + duration + their own time changes
    earliest_submit_at: datetime | None
    answers: dict[str, AnswerView] = field(default_factory=dict)  # by item code
    unsynced: int = 0  # journaled changes the site host has not acknowledged yet
    connected: bool = True  # the LAN API answered recently
    message: str | None = None  # a notice from the proctor (pause, extension, warning)

    @property
    def seconds_left(self) -> float | None:
        if self.ends_at is None:
            return None
        return max(0.0, (self.ends_at - self.server_now).total_seconds())


@dataclass(frozen=True)
class Receipt:
    """Shown after submission: what the site host holds for this candidate."""

    ticket_no: str
    name: str
    submitted_at: datetime
    answered: int
    total: int
    digest: str  # SHA-256 of the canonical answers as the site host stored them (first 16 hex shown)
    how: str  # "candidate" | "proctor" | "time"


class TerminalBackend(Protocol):
    """The kiosk's only way to the exam. Calls may raise app.errors.KnownError with a sentence
    for the candidate (wrong ticket, not checked in, too many attempts, …)."""

    def login(self, ticket_no: str, id_last6: str) -> CandidateView: ...

    def paper(self) -> PaperView:
        """This candidate's paper (shuffled when the plan allows); only once the room has started."""
        ...

    def state(self) -> ExamState: ...

    def answer(self, item_code: str, response: tuple[str, ...], flagged: bool) -> None:
        """Returns only once the change is durable in the terminal's journal."""
        ...

    def submit(self) -> Receipt: ...

    def report(self, kind: str, detail: str = "") -> None:
        """A kiosk event for the console: "focus_lost", "screen_changed", "key_blocked", …"""
        ...

    def leave(self, proctor_code: str) -> bool:
        """True when the proctor code lets the kiosk close."""
        ...

    def on_change(self, callback: Callable[[ExamState], None]) -> None:
        """Called (on a backend thread) whenever the state changes: room events, sync, clock."""
        ...

    def close(self) -> None: ...
