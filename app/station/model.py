"""What the examiner station shows and asks for: the practical scoring station seen from its screen.

The station UI (``app/ui/station/``) draws these views and calls a ``StationBackend``. Two
backends implement it: ``LocalStationBackend`` calls ``ScoringService`` directly (a station on the
site host itself) and ``LanStationBackend`` talks to the site host's LAN API from a tablet or PC,
keeping every entry in a local outbox first so a Wi-Fi drop loses nothing. An examiner only ever
sees their own marks until every examiner of that candidate has signed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

Stroke = Sequence[Sequence[float]]  # points (x, y, t_ms, pressure) of one pen-down…pen-up


@dataclass(frozen=True)
class ExaminerView:
    staff_no: str
    name: str
    role: str  # "examiner" | "examiner_lead" | "supervisor"
    key_fingerprint: str | None  # None until the examiner's key is made at the first signature


@dataclass(frozen=True)
class RubricItemView:
    code: str
    description: str
    kind: str  # "score" | "deduction" | "veto"
    max_points: str  # decimal as text
    step: str  # decimal as text
    quick_deductions: tuple[str, ...] = ()  # common deduction amounts offered as buttons


@dataclass(frozen=True)
class TaskView:
    code: str
    title: str
    time_limit_minutes: int
    max_score: str
    items: tuple[RubricItemView, ...]


@dataclass(frozen=True)
class CandidateCard:
    """One candidate in the examiner's list, in the order they are scored."""

    session_code: str
    ticket_no: str
    name: str
    seat_no: str
    room_code: str
    photo_jpeg: bytes | None
    checked_in: str  # "checked_in" | "absent" | "not_yet" | …
    tasks: tuple[str, ...]  # task codes this examiner scores for the candidate
    my_state: dict[str, str]  # by task code: "none" | "draft" | "signed"


@dataclass(frozen=True)
class SheetState:
    """This examiner's newest sheet for one candidate and task (never another examiner's)."""

    session_code: str
    ticket_no: str
    task_code: str
    version: int
    state: str  # "none" | "draft" | "signed"
    entries: dict[str, str]  # item code -> points as text
    total: str
    note: str
    reason: str | None  # the reason of a correction
    signed_at: datetime | None
    pending: int = 0  # changes kept on this station that the site host has not acknowledged yet


@dataclass(frozen=True)
class ResultView:
    """Everyone's signed sheets and the combined score: only once all required examiners signed."""

    ticket_no: str
    task_code: str
    signed: int
    required: int
    complete: bool
    flagged: bool
    final: str | None
    sheets: tuple[SheetState, ...]  # empty until complete


class StationBackend(Protocol):
    """Calls may raise app.errors.KnownError with a sentence for the examiner."""

    def login(self, staff_no: str, pin: str) -> ExaminerView: ...

    def candidates(self) -> list[CandidateCard]: ...

    def task(self, session_code: str, task_code: str) -> TaskView: ...

    def sheet(self, session_code: str, ticket_no: str, task_code: str) -> SheetState: ...

    def save(self, session_code: str, ticket_no: str, task_code: str, entries: dict[str, str],
             note: str = "", reason: str = "") -> SheetState:
        """Keeps the draft (on the station first when remote); a correction of a signed sheet needs a reason."""
        ...

    def add_photo(self, session_code: str, ticket_no: str, task_code: str, jpeg: bytes) -> None: ...

    def sign(self, session_code: str, ticket_no: str, task_code: str, pin: str,
             strokes: Sequence[Stroke]) -> SheetState: ...

    def result(self, session_code: str, ticket_no: str, task_code: str) -> ResultView: ...

    def connected(self) -> bool: ...

    def on_change(self, callback: Callable[[], None]) -> None:
        """Called (on a backend thread) when the connection or the pending count changes."""
        ...

    def logout(self) -> None: ...
