"""What the theory service's operations share: the site, the clock, the event signal, throttles,
the opened papers' items (immutable once opened) and the lookups every operation starts with."""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from decimal import Decimal
from types import MappingProxyType

from app.domain.actor import Actor
from app.domain.plan import ExamRules
from app.domain.roles import Role
from app.errors import InvalidState, NotFound, PermissionDenied, Throttled
from app.i18n import tr
from app.persistence import repositories, theory_store
from app.services.authz import require
from app.services.site import Site
from app.services.theory_saves import GroupCommit, Presence
from app.services.theory_signal import RoomSignal
from app.theory.timing import CandidateClock, RoomClock

CONSOLE_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR)
DEFAULT_RULES = ExamRules()
PLAN_SECONDS = 2.0


@dataclass(frozen=True)
class ItemRow:
    id: int
    code: str
    kind: str
    stem: str
    choices: tuple[tuple[str, str], ...]  # (key, text) in the paper's order
    points: Decimal


@dataclass(frozen=True)
class OpenedPaper:
    id: int
    code: str
    title: str
    items: tuple[ItemRow, ...]

    @cached_property
    def by_code(self) -> dict[str, ItemRow]:
        return {item.code: item for item in self.items}

    @property
    def total_points(self) -> Decimal:
        return sum((item.points for item in self.items), Decimal(0))


@dataclass(frozen=True)
class SessionInfo:
    """A plan's session as the candidates' hot path reads it (a copy: never an ORM row)."""

    id: int
    code: str
    kind: str
    title: str
    starts_at: datetime
    paper_code: str | None


@dataclass(frozen=True)
class RoomInfo:
    id: int
    code: str
    name: str
    capacity: int


@dataclass(frozen=True)
class PlanInfo:
    """The current plan with its sessions and rooms, copied out of the session that read it, so it
    can be cached across requests and threads. Session states (planned, running, sealed…) change
    during the day and are deliberately not copied: read them from the database where they matter."""

    id: int
    plan_code: str
    occupation_name: str
    level: int
    rules: MappingProxyType
    sessions: tuple[SessionInfo, ...]
    rooms: tuple[RoomInfo, ...]

    @classmethod
    def of(cls, plan) -> PlanInfo:
        return cls(plan.id, plan.plan_code, plan.occupation_name, plan.level, MappingProxyType(dict(plan.rules or {})),
                   tuple(SessionInfo(s.id, s.code, s.kind, s.title, s.starts_at, s.paper_code) for s in plan.sessions),
                   tuple(RoomInfo(r.id, r.code, r.name, r.capacity) for r in plan.rooms))


class Throttle:
    """At most `limit` failures per key within `window` seconds (kept in memory by this process)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] > self.window:
            failures.popleft()
        return failures

    def wait_seconds(self, key: str) -> int:
        now = time.monotonic()
        with self._lock:
            failures = self._recent(key, now)
            if len(failures) < self.limit:
                return 0
            return max(1, int(self.window - (now - failures[0])) + 1)

    def fail(self, key: str) -> None:
        with self._lock:
            self._recent(key, time.monotonic()).append(time.monotonic())

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def check(self, *keys: str) -> None:
        wait = max((self.wait_seconds(key) for key in keys), default=0)
        if wait:
            raise Throttled(tr("Too many wrong attempts: wait {minutes} minutes and try again.",
                               minutes=max(1, (wait + 59) // 60)))


class TheoryContext:
    def __init__(self, site: Site, clock: Callable[[], datetime], signal: RoomSignal) -> None:
        self.site = site
        self.clock = clock
        self.signal = signal
        self.ticket_throttle = Throttle(5, 600)
        self.device_throttle = Throttle(20, 600)
        self.leave_throttle = Throttle(5, 600)
        self._papers: dict[int, OpenedPaper] = {}
        self._plan: tuple[float, PlanInfo] | None = None
        self._lock = threading.Lock()
        self.presence = Presence()
        self.saves: GroupCommit | None = None  # set by TheoryService (its commit is the candidates' save)

    def current_plan(self, session) -> PlanInfo | None:
        """The current plan with its rooms and sessions as plain values, read from the database at most
        every PLAN_SECONDS (the candidates' hot path does not reload the plan for every save). Never
        an ORM row: those belong to the session that loaded them and expire at its commit."""
        now = time.monotonic()
        with self._lock:
            cached = self._plan
        if cached is not None and now - cached[0] < PLAN_SECONDS:
            return cached[1]
        record = repositories.current_plan(session)
        if record is None:
            return None
        plan = PlanInfo.of(record)
        with self._lock:
            self._plan = (now, plan)
        return plan

    # -- papers --------------------------------------------------------------------------------
    def cached_paper(self, paper_id: int) -> OpenedPaper:
        """The paper from the cache, read in a session of its own the first time (for callers on a
        plain connection: the group commit's writer)."""
        with self._lock:
            cached = self._papers.get(paper_id)
        if cached is not None:
            return cached
        with self.site.db.read() as session:
            return self.paper(session, paper_id)

    def paper(self, session, paper_id: int) -> OpenedPaper:
        with self._lock:
            cached = self._papers.get(paper_id)
        if cached is not None:
            return cached
        record = session.get(theory_store.PaperRecord, paper_id)
        rows = theory_store.items(session, paper_id)
        opened = OpenedPaper(record.id, record.code, record.title, tuple(
            ItemRow(row.id, row.code, row.kind, row.stem,
                    tuple((choice["key"], choice["text"]) for choice in row.choices), row.points)
            for row in rows))
        if opened.items:
            with self._lock:
                self._papers[paper_id] = opened
        return opened

    # -- lookups -------------------------------------------------------------------------------
    def plan_session(self, session, session_code: str):
        plan = repositories.current_plan(session)
        exam_session = plan and repositories.session_by_code(session, plan.id, session_code)
        if not exam_session or exam_session.kind != "theory":
            raise NotFound(tr("There is no theory session {session} in the current plan.", session=session_code))
        return plan, exam_session

    @staticmethod
    def room(plan, room_code: str):
        for room in plan.rooms:
            if room.code == room_code:
                return room
        raise NotFound(tr("There is no room {room} in the current plan.", room=room_code))

    @staticmethod
    def room_by_id(plan, room_id: int):
        return next(room for room in plan.rooms if room.id == room_id)

    def require_console(self, session, actor: Actor, exam_session, room) -> None:
        """Chief proctor anywhere; a proctor only in a room they are on duty in."""
        require(actor, *CONSOLE_ROLES)
        if actor.role is Role.PROCTOR and not theory_store.has_duty(session, actor.staff_id, exam_session.id, room.id):
            raise PermissionDenied(tr("You are not on duty in room {room}.", room=room.name))

    @staticmethod
    def rule(plan, name: str):
        value = (plan.rules or {}).get(name)
        return getattr(DEFAULT_RULES, name) if value is None else value

    def ensure_run(self, session, exam_session, room, *, lock: bool = False):
        return theory_store.ensure_room_run(session, exam_session.id, room.id, f"{secrets.randbelow(10**6):06d}",
                                            lock=lock)

    def candidate_in(self, session, exam_session, ticket_no: str, *, lock: bool = False):
        found = theory_store.sitting_of_ticket(session, exam_session.id, ticket_no, lock=lock)
        if found is None:
            raise NotFound(tr("Ticket {ticket} does not sit session {session}.", ticket=ticket_no,
                              session=exam_session.code))
        return found

    def publish(self, run_id: int, seq: int) -> None:
        self.signal.publish(run_id, seq)


def room_clock(run) -> RoomClock:
    if run is None:
        return RoomClock(None, None)
    finished = tuple((datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in run.pauses or ())
    return RoomClock(run.started_at, run.duration_minutes, run.paused_seconds, run.paused_at, run.ended_at, finished)


def candidate_clock(state) -> CandidateClock:
    if state is None:
        return CandidateClock()
    return CandidateClock(state.time_change_seconds, state.offline_credit_seconds)


def candidate_actor(ticket_no: str, name: str) -> Actor:
    """The candidate as the audit trail names them (not a staff member: no role)."""
    return Actor(staff_no=f"candidate:{ticket_no}", name=name, role=None, roles=frozenset())


def refuse_closed(run, room_name: str) -> None:
    if run is not None and run.phase == "ended":
        raise InvalidState(tr("Room {room} has ended.", room=room_name))
