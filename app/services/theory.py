"""The theory exam on the site host (无纸化机考): the room console, the candidates' terminals, grading.

One `TheoryService` per process holds what must be shared between requests: the room-event
signal (long polls wake when an event commits), the log-in throttles and a cache of opened
papers. Console operations take an `Actor` and check its role and duty, and write the audit trail
in the same transaction; candidate operations take the sitting the LAN route authenticated
(its candidate token is bound to one sitting and one device) and never see another sitting.
How the session works: docs/theory.md. The HTTP contract: docs/lan-api.md, "Theory".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.services import theory_candidate, theory_console, theory_grading
from app.services.recording import RecordingService
from app.services.site import Site
from app.services.theory_context import TheoryContext
from app.services.theory_saves import GroupCommit
from app.services.theory_signal import RoomSignal
from app.services.theory_views import (
    AnswerSave,
    CandidateInfo,
    CandidatePaper,
    CandidatePhase,
    CandidateScore,
    CandidateState,
    ChoiceOut,
    EventBatch,
    HeartbeatOutcome,
    IncidentKind,
    ItemOut,
    ItemStatistics,
    LoginResult,
    Receipt,
    RoomConsoleView,
    RoomEvent,
    RoomPhase,
    SaveOutcome,
    SaveResult,
    SeatStatus,
    SeatView,
    StoredAnswer,
    SubmitHow,
    TerminalReport,
    TimeChangeKind,
)

__all__ = [
    "AnswerSave", "CandidateInfo", "CandidatePaper", "CandidatePhase", "CandidateScore", "CandidateState",
    "ChoiceOut", "EventBatch", "HeartbeatOutcome", "IncidentKind", "ItemOut", "ItemStatistics", "LoginResult",
    "Receipt", "RoomConsoleView", "RoomEvent", "RoomPhase", "RoomSignal", "SaveOutcome", "SaveResult",
    "SeatStatus", "SeatView", "StoredAnswer", "SubmitHow", "TerminalReport", "TheoryService", "TimeChangeKind",
]


class TheoryService:
    """The theory session. Thread-safe; share one instance per process (the LAN app keeps one)."""

    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now, signal: RoomSignal | None = None) -> None:
        self.ctx = TheoryContext(site, clock, signal or RoomSignal())
        self.ctx.saves = GroupCommit(partial(theory_candidate.commit_saves, self.ctx))

    @property
    def signal(self) -> RoomSignal:
        return self.ctx.signal

    # -- the room console (proctors) -------------------------------------------------------
    def start_room(self, actor: Actor, session_code: str, room_code: str, exam_password: str) -> RoomConsoleView:
        """Start a room with the exam password (开考密码): opens the sealed paper (the first room of
        the session stores its items; later rooms check the password again), fixes the start and
        the duration, and tells the room's terminals. Proctor on duty in the room, or chief proctor.
        WrongExamPassword-style KnownError (code "exam_password") when the password is wrong."""
        return theory_console.start_room(self.ctx, actor, session_code, room_code, exam_password)

    def pause_room(self, actor: Actor, session_code: str, room_code: str, reason: str) -> RoomConsoleView:
        """Stop the clock for the whole room (needs a reason). Every candidate's end moves by the pause."""
        return theory_console.pause_room(self.ctx, actor, session_code, room_code, reason)

    def resume_room(self, actor: Actor, session_code: str, room_code: str) -> RoomConsoleView:
        return theory_console.resume_room(self.ctx, actor, session_code, room_code)

    def end_room(self, actor: Actor, session_code: str, room_code: str, reason: str = "") -> RoomConsoleView:
        """Close the room: everyone not yet submitted is submitted (how = time if their time is up,
        proctor otherwise; a reason is needed then). Later log-ins and saves are refused."""
        return theory_console.end_room(self.ctx, actor, session_code, room_code, reason)

    def change_time(self, actor: Actor, session_code: str, ticket_no: str, kind: TimeChangeKind, minutes: int,
                    reason: str) -> datetime | None:
        """Give (or, for an adjustment, take) minutes to one candidate; returns their new end
        (None before the start). Accommodations may be given before the start."""
        return theory_console.change_time(self.ctx, actor, session_code, ticket_no, kind, minutes, reason)

    def move_candidate(self, actor: Actor, session_code: str, ticket_no: str, seat_no: int, reason: str) -> SeatView:
        """Move a candidate to another free seat of the same room. Their terminal session is
        revoked at the next log-in on the new seat's terminal (换机续考); answers and time stay."""
        return theory_console.move_candidate(self.ctx, actor, session_code, ticket_no, seat_no, reason)

    def force_submit(self, actor: Actor, session_code: str, ticket_no: str, reason: str) -> Receipt:
        """Submit for the candidate now (how = proctor), ignoring the earliest-submission rule."""
        return theory_console.force_submit(self.ctx, actor, session_code, ticket_no, reason)

    def record_incident(self, actor: Actor, session_code: str, ticket_no: str, kind: IncidentKind,
                        note: str) -> int:
        """Record an incident with a note (an Incident row + audit event). A warning is shown on
        the candidate's terminal; void_subject and cheating also submit the candidate (how = void)
        and their theory score becomes void. Returns the incident id. The incident also becomes a
        marker on the room's video when the room is being recorded."""
        incident_id = theory_console.record_incident(self.ctx, actor, session_code, ticket_no, kind, note)
        room_code = theory_console._room_of_ticket(self.ctx, session_code, ticket_no)
        RecordingService(self.ctx.site, self.ctx.clock).mark(actor, room_code, f"{IncidentKind(kind).value}: {ticket_no} {note}".strip(),
                                                         incident=str(incident_id), ticket=ticket_no)
        return incident_id

    def room_console(self, actor: Actor, session_code: str, room_code: str) -> RoomConsoleView:
        """The seat map with live status. Proctors on duty, chief proctor, supervisor, admin."""
        return theory_console.room_console(self.ctx, actor, session_code, room_code)

    def room_events(self, actor: Actor, session_code: str, room_code: str, after: int = 0) -> list[RoomEvent]:
        """The room's events after `after` (all of them, also those addressed to one candidate)."""
        return theory_console.room_events(self.ctx, actor, session_code, room_code, after)

    def sweep(self) -> list[str]:
        """Submit (how = time) everyone whose time plus the catch-up grace is over; the host calls
        this periodically. Returns the tickets submitted."""
        return theory_console.sweep(self.ctx)

    # -- the candidates' terminals (LAN routes) --------------------------------------------
    def login(self, ticket_no: str, id_last6: str, device_id: int) -> LoginResult:
        """Admission ticket + the last 6 characters of the ID number. Only after check-in unless the
        plan's login_requires_checkin is false. Throttled per ticket and per device (Throttled).
        A log-in on another device supersedes the previous one; offline time is credited."""
        return theory_candidate.login(self.ctx, ticket_no, id_last6, device_id)

    def candidate_info(self, sitting_id: int) -> CandidateInfo:
        return theory_candidate.candidate_info(self.ctx, sitting_id)

    def paper_for(self, sitting_id: int) -> CandidatePaper:
        """The candidate's paper, shuffled by their seed when the plan allows; never any key.
        InvalidState before the room starts."""
        return theory_candidate.paper_for(self.ctx, sitting_id)

    def state(self, sitting_id: int, device_id: int) -> CandidateState:
        return theory_candidate.state(self.ctx, sitting_id, device_id)

    def save_answers(self, sitting_id: int, device_id: int, saves: Sequence[AnswerSave]) -> SaveOutcome:
        """Store a batch; returns only after the commit. A save whose revision is not above the
        stored one for that item is `stale` and changes nothing."""
        return theory_candidate.save_answers(self.ctx, sitting_id, device_id, saves)

    def submit(self, sitting_id: int, device_id: int, saves: Sequence[AnswerSave] = ()) -> Receipt:
        """Final submission by the candidate (idempotent: a second call returns the same receipt).
        KnownError code "too_early" before the earliest submission time."""
        return theory_candidate.submit(self.ctx, sitting_id, device_id, saves)

    def receipt(self, sitting_id: int) -> Receipt:
        return theory_candidate.receipt(self.ctx, sitting_id)

    def heartbeat(self, sitting_id: int, device_id: int, reports: Sequence[TerminalReport] = ()) -> HeartbeatOutcome:
        """The terminal is alive; reports (focus lost, blocked keys…) go to the room console."""
        return theory_candidate.heartbeat(self.ctx, sitting_id, device_id, reports)

    def flush(self) -> int:
        """Write the terminals' last-seen times kept in memory now (the host calls this when it stops)."""
        return theory_candidate.flush_presence(self.ctx, force=True)

    def events_for(self, sitting_id: int, after: int) -> EventBatch:
        """The room events after `after` that concern this candidate, without waiting."""
        return theory_candidate.events_for(self.ctx, sitting_id, after)

    def wait_for_events(self, sitting_id: int, after: int, wait_seconds: float) -> EventBatch:
        """Long poll (blocking): as soon as a concerning event exists, else after `wait_seconds`."""
        return theory_candidate.wait_for_events(self.ctx, sitting_id, after, wait_seconds)

    async def wait_for_events_async(self, sitting_id: int, after: int, wait_seconds: float) -> EventBatch:
        """The same long poll for an event loop: waiting holds no thread."""
        return await theory_candidate.wait_for_events_async(self.ctx, sitting_id, after, wait_seconds)

    def check_leave_code(self, device_id: int, room_code: str | None, code: str) -> bool:
        """Whether `code` is the leave code of the device's room (any running room when None). Throttled."""
        return theory_candidate.check_leave_code(self.ctx, device_id, room_code, code)

    # -- grading ---------------------------------------------------------------------------
    def grade_session(self, actor: Actor, session_code: str) -> list[CandidateScore]:
        """Grade every submitted candidate of the session and store the theory scores (audited).
        Admin or chief proctor. Regrading gives the same scores."""
        return theory_grading.grade_session(self.ctx, actor, session_code)

    def grade_room(self, actor: Actor, session_code: str, room_code: str) -> list[CandidateScore]:
        return theory_grading.grade_room(self.ctx, actor, session_code, room_code)

    def item_statistics(self, actor: Actor, session_code: str, room_code: str) -> list[ItemStatistics]:
        """Difficulty and discrimination (upper-27 % minus lower-27 %) of every item in one room,
        over its graded, non-void candidates."""
        return theory_grading.item_statistics(self.ctx, actor, session_code, room_code)
