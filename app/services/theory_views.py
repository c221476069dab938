"""What the theory service gives and takes: plain frozen values, no database rows.

Re-exported by app.services.theory; the LAN routes turn them into JSON (docs/lan-api.md) and the
room console (Qt) draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class RoomPhase(StrEnum):
    """A theory room's run state: waiting → running ⇄ paused → ended."""

    WAITING = "waiting"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class CandidatePhase(StrEnum):
    """Where one candidate stands (the terminal's `phase`)."""

    WAITING = "waiting"
    RUNNING = "running"
    PAUSED = "paused"
    SUBMITTED = "submitted"
    ENDED = "ended"


class TimeChangeKind(StrEnum):
    """The three kinds of per-candidate time change; each needs a reason and is audited."""

    ACCOMMODATION = "accommodation"  # 合理便利: granted in advance (e.g. a disability)
    INCIDENT_CREDIT = "incident_credit"  # time lost to an incident (terminal failure, power)
    ADJUSTMENT = "adjustment"  # a correction, positive or negative


class IncidentKind(StrEnum):
    WARNING = "warning"  # 警告: recorded and shown to the candidate
    VOID_SUBJECT = "void_subject"  # 本科目成绩无效: the candidate is submitted and scores nothing
    CHEATING = "cheating"  # 作弊: as void_subject, recorded as cheating


class SubmitHow(StrEnum):
    CANDIDATE = "candidate"
    PROCTOR = "proctor"
    TIME = "time"  # the end of the candidate's time (at the next request, or the sweep)
    VOID = "void"  # an incident voided the subject


class SeatStatus(StrEnum):
    """A seat on the room console's map."""

    EMPTY = "empty"  # nobody is seated here
    EXPECTED = "expected"  # a candidate is seated here but not checked in
    ABSENT = "absent"
    CHECKED_IN = "checked_in"
    LOGGED_IN = "logged_in"  # logged in, the room has not started or nothing answered yet
    ANSWERING = "answering"  # answered n of N
    OFFLINE = "offline"  # logged in, no contact for OFFLINE_AFTER seconds
    SUBMITTED = "submitted"


@dataclass(frozen=True)
class AnswerSave:
    """One change made on a terminal. `response` holds original choice keys; `revision` grows per candidate."""

    item_code: str
    response: tuple[str, ...]
    flagged: bool
    revision: int


@dataclass(frozen=True)
class SaveResult:
    revision: int
    status: str  # "stored" | "stale"


@dataclass(frozen=True)
class SaveOutcome:
    """Returned only after the batch committed: every listed revision is durable."""

    results: tuple[SaveResult, ...]
    last_revision: int
    phase: CandidatePhase
    ends_at: datetime | None
    server_now: datetime


@dataclass(frozen=True)
class StoredAnswer:
    response: tuple[str, ...]
    flagged: bool
    revision: int


@dataclass(frozen=True)
class Receipt:
    ticket_no: str
    name: str
    submitted_at: datetime
    answered: int
    total: int
    digest: str  # SHA-256 hex of the canonical stored answers (docs/lan-api.md, /submit)
    how: SubmitHow


@dataclass(frozen=True)
class LoginResult:
    sitting_id: int
    ticket_no: str
    name: str
    phase: CandidatePhase
    superseded_device_id: int | None  # the device this log-in took the candidate from (换机续考)
    credited_seconds: int  # offline time credited back by this log-in


@dataclass(frozen=True)
class CandidateInfo:
    """The waiting room: who, where, which exam, the rules."""

    ticket_no: str
    name: str
    photo: bytes | None
    photo_type: str
    seat_no: int | None
    room_code: str
    room_name: str
    session_code: str
    session_title: str
    occupation: str
    level: str
    rules: tuple[str, ...]
    planned_start: datetime
    duration_minutes: int | None  # known once the paper is open


@dataclass(frozen=True)
class ChoiceOut:
    key: str  # the original key: what a response carries
    label: str  # what the screen shows (A, B, … in display order; T/F)
    text: str


@dataclass(frozen=True)
class ItemOut:
    code: str
    number: int  # 1-based, in this candidate's order
    kind: str  # single | multiple | truefalse
    stem: str
    points: Decimal
    choices: tuple[ChoiceOut, ...]


@dataclass(frozen=True)
class CandidatePaper:
    """A candidate's paper without any key: the only paper shape that leaves the service."""

    code: str
    title: str
    total_points: Decimal
    items: tuple[ItemOut, ...]


@dataclass(frozen=True)
class CandidateState:
    phase: CandidatePhase
    server_now: datetime
    starts_at: datetime | None
    ends_at: datetime | None
    earliest_submit_at: datetime | None
    paused: bool
    duration_minutes: int | None
    answers: dict[str, StoredAnswer]
    last_revision: int
    event_seq: int
    message: str | None
    receipt: Receipt | None


@dataclass(frozen=True)
class TerminalReport:
    kind: str  # focus_lost | screen_changed | key_blocked | other
    detail: str = ""
    at: datetime | None = None  # the terminal's time; the host's time is kept beside it


@dataclass(frozen=True)
class HeartbeatOutcome:
    server_now: datetime
    phase: CandidatePhase
    ends_at: datetime | None
    event_seq: int


@dataclass(frozen=True)
class RoomEvent:
    seq: int
    kind: str  # started paused resumed time_changed submitted warning moved ended
    at: datetime
    sitting_id: int | None  # None: for the whole room
    data: dict


@dataclass(frozen=True)
class EventBatch:
    events: tuple[RoomEvent, ...]
    last_seq: int
    server_now: datetime


@dataclass(frozen=True)
class SeatView:
    seat_no: int | None
    status: SeatStatus
    ticket_no: str | None = None
    name: str | None = None
    answered: int = 0
    total: int = 0
    ends_at: datetime | None = None
    last_seen_at: datetime | None = None
    device_id: int | None = None
    time_change_minutes: int = 0  # sum of the candidate's time changes
    offline_credit_seconds: int = 0
    submitted_how: SubmitHow | None = None
    voided: bool = False
    badges: tuple[str, ...] = ()  # warning, cheating, void_subject, focus_lost, key_blocked, screen_changed, moved, time_changed


@dataclass(frozen=True)
class RoomConsoleView:
    """The proctor's seat map of one room, with live status."""

    session_code: str
    room_code: str
    room_name: str
    phase: RoomPhase
    planned_start: datetime
    started_at: datetime | None
    paused_at: datetime | None
    paused_seconds: int
    duration_minutes: int | None
    leave_code: str | None  # the code that lets a kiosk close; shown to proctors only
    event_seq: int
    seats: tuple[SeatView, ...]
    counts: dict[str, int] = field(default_factory=dict)  # SeatStatus value → seats


@dataclass(frozen=True)
class CandidateScore:
    ticket_no: str
    name: str
    room_code: str
    score: Decimal  # 0 when voided
    max_score: Decimal
    correct: int
    answered: int
    total: int
    voided: bool
    submitted_how: SubmitHow | None


@dataclass(frozen=True)
class ItemStatistics:
    """Difficulty = mean score ratio (proportion correct); discrimination = upper-27 % minus lower-27 %."""

    item_code: str
    kind: str
    points: Decimal
    candidates: int
    difficulty: Decimal | None
    discrimination: Decimal | None
