"""The proctor's room console: start with the exam password, pause, resume, time changes, moves,
forced submission, incidents, the end of the room, and the live seat map. Every change checks the
actor's role and duty and writes the audit trail in its transaction; events wake the terminals."""

from __future__ import annotations

import json
import secrets

from app.domain.actor import SITE, Actor
from app.domain.package import SealedPaper
from app.domain.roles import Role
from app.errors import InvalidState, KnownError
from app.i18n import tr
from app.package import open_sealed_paper
from app.persistence import theory_store
from app.persistence.models import Incident, ItemRecord
from app.persistence.models.theory import TheoryTimeChange
from app.results.sealed import require_not_sealed
from app.services.authz import require
from app.services.theory_candidate import _Sitting, finish
from app.services.theory_context import TheoryContext, candidate_clock, room_clock
from app.services.theory_views import (
    IncidentKind,
    Receipt,
    RoomConsoleView,
    RoomEvent,
    RoomPhase,
    SeatStatus,
    SeatView,
    SubmitHow,
    TimeChangeKind,
)
from app.theory import timing

ANSWER_KEY_CONTEXT = "theory.answer_key"
VIEW_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR, Role.ADMIN)
MAX_TIME_CHANGE_MINUTES = 240


def _need(text: str, sentence: str) -> str:
    text = (text or "").strip()
    if not text:
        raise KnownError(sentence, code="reason")
    return text


class _Room:
    """The console's context in a write transaction: plan, session, room, and the locked room run."""

    def __init__(self, ctx: TheoryContext, tx, actor: Actor, session_code: str, room_code: str) -> None:
        self.plan, self.exam_session = ctx.plan_session(tx, session_code)
        require_not_sealed(self.exam_session)
        self.room = ctx.room(self.plan, room_code)
        ctx.require_console(tx, actor, self.exam_session, self.room)
        self.run = ctx.ensure_run(tx, self.exam_session, self.room, lock=True)
        self.now = ctx.clock()
        self.subject = f"room:{session_code}:{room_code}"


def _room_of_ticket(ctx: TheoryContext, session_code: str, ticket_no: str) -> str:
    with ctx.site.db.read() as session:
        plan, exam_session = ctx.plan_session(session, session_code)
        sitting, _ = ctx.candidate_in(session, exam_session, ticket_no)
        return ctx.room_by_id(plan, sitting.room_id).code


def _event(ctx: TheoryContext, tx, run, kind: str, now, data: dict | None = None, sitting_id: int | None = None):
    return theory_store.append_event(tx, run, kind, now, json.loads(json.dumps(data or {}, default=str)), sitting_id)


# -- the room's run ------------------------------------------------------------------------------
def start_room(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str,
               exam_password: str) -> RoomConsoleView:
    keys = ctx.site.require_keys()
    with ctx.site.db.read() as session:
        plan, exam_session = ctx.plan_session(session, session_code)
        room = ctx.room(plan, room_code)
        ctx.require_console(session, actor, exam_session, room)
        record = theory_store.paper_by_code(session, plan.id, exam_session.paper_code or "")
        if record is None:
            raise InvalidState(tr("Session {session} has no theory paper in the package.", session=session_code))
        sealed = SealedPaper(record.code, record.title, record.item_count, bytes(record.sealed_blob))
        package_id = plan.package.package_id
    try:
        paper = open_sealed_paper(sealed, package_id, keys, exam_password)
    except KnownError as refused:
        with ctx.site.db.transaction() as tx:
            ctx.site.audit.record(tx, actor, "theory.start_refused", f"room:{session_code}:{room_code}",
                                  after={"reason": refused.code})
        raise
    cipher = keys.field_cipher()
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        if r.run.phase != "waiting":
            raise InvalidState(tr("Room {room} has already been started.", room=r.room.name))
        record = theory_store.paper_by_code(tx, r.plan.id, paper.code, lock=True)
        if record.state == "sealed":
            for position, item in enumerate(paper.items, start=1):
                tx.add(ItemRecord(paper_id=record.id, position=position, code=item.code, kind=item.kind.value,
                                  stem=item.stem, choices=[{"key": c.key, "text": c.text} for c in item.choices],
                                  answer_key_sealed=cipher.encrypt(json.dumps(list(item.correct)).encode(),
                                                                   ANSWER_KEY_CONTEXT),
                                  points=item.points))
            record.state, record.opened_at = "opened", r.now
        r.run.phase, r.run.started_at, r.run.started_by = "running", r.now, actor.staff_no
        r.run.paper_id, r.run.duration_minutes = record.id, paper.duration_minutes
        if r.exam_session.state in ("planned", "open"):
            r.exam_session.state = "running"
        _event(ctx, tx, r.run, "started", r.now, {"starts_at": r.now.isoformat()})
        ctx.site.audit.record(tx, actor, "theory.room_started", r.subject, after={
            "paper": paper.code, "items": len(paper.items), "duration_minutes": paper.duration_minutes})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    return room_console(ctx, actor, session_code, room_code)


def pause_room(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str, reason: str) -> RoomConsoleView:
    reason = _need(reason, tr("A pause needs a reason."))
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        if r.run.phase != "running":
            raise InvalidState(tr("Room {room} is not running.", room=r.room.name))
        r.run.phase, r.run.paused_at = "paused", r.now
        _event(ctx, tx, r.run, "paused", r.now, {"at": r.now.isoformat()})
        ctx.site.audit.record(tx, actor, "theory.room_paused", r.subject, after={"reason": reason})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    return room_console(ctx, actor, session_code, room_code)


def resume_room(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str) -> RoomConsoleView:
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        if r.run.phase != "paused":
            raise InvalidState(tr("Room {room} is not paused.", room=r.room.name))
        paused = int((r.now - r.run.paused_at).total_seconds())
        r.run.pauses = [*(r.run.pauses or []), [r.run.paused_at.isoformat(), r.now.isoformat()]]
        r.run.phase, r.run.paused_at, r.run.paused_seconds = "running", None, r.run.paused_seconds + paused
        _event(ctx, tx, r.run, "resumed", r.now, {"paused_seconds": paused})
        ctx.site.audit.record(tx, actor, "theory.room_resumed", r.subject, after={"paused_seconds": paused})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    return room_console(ctx, actor, session_code, room_code)


def end_room(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str, reason: str = "") -> RoomConsoleView:
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        if r.run.phase not in ("running", "paused"):
            raise InvalidState(tr("Room {room} is not running.", room=r.room.name))
        if r.run.paused_at is not None:
            r.run.paused_seconds += int((r.now - r.run.paused_at).total_seconds())
            r.run.pauses = [*(r.run.pauses or []), [r.run.paused_at.isoformat(), r.now.isoformat()]]
            r.run.paused_at = None
        submitted = []
        for sitting, candidate, state in theory_store.sittings_in_room(tx, r.exam_session.id, r.room.id):
            if state is None or state.submitted_at is not None or state.logged_in_at is None:
                continue
            s = _Sitting(ctx, tx, sitting.id, lock_state=True)
            how = SubmitHow.TIME if s.time_up(0) else SubmitHow.PROCTOR
            if how is SubmitHow.PROCTOR:
                reason = _need(reason, tr("Candidates still have time left: ending the room needs a reason."))
            finish(ctx, tx, s, how, actor.staff_no, actor)
            submitted.append(candidate.ticket_no)
        r.run.phase, r.run.ended_at = "ended", r.now
        _event(ctx, tx, r.run, "ended", r.now)
        ctx.site.audit.record(tx, actor, "theory.room_ended", r.subject, after={"submitted": submitted,
                                                                              "reason": reason})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    return room_console(ctx, actor, session_code, room_code)


# -- one candidate -------------------------------------------------------------------------------
def _candidate(ctx: TheoryContext, tx, r: _Room, ticket_no: str) -> _Sitting:
    sitting, _ = ctx.candidate_in(tx, r.exam_session, ticket_no, lock=True)
    theory_store.ensure_candidate_state(tx, sitting.id, secrets.token_hex(16), lock=True)
    return _Sitting(ctx, tx, sitting.id, lock_state=True)


def change_time(ctx: TheoryContext, actor: Actor, session_code: str, ticket_no: str, kind: TimeChangeKind,
                minutes: int, reason: str):
    kind = TimeChangeKind(kind)
    reason = _need(reason, tr("A time change needs a reason."))
    minutes = int(minutes)
    if minutes == 0 or abs(minutes) > MAX_TIME_CHANGE_MINUTES or (kind is not TimeChangeKind.ADJUSTMENT and minutes < 0):
        raise KnownError(tr("A time change is between 1 and {most} minutes; only an adjustment may take time away.",
                            most=MAX_TIME_CHANGE_MINUTES), code="minutes")
    room_code = _room_of_ticket(ctx, session_code, ticket_no)
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        s = _candidate(ctx, tx, r, ticket_no)
        if s.state.submitted_at is not None:
            raise InvalidState(tr("{name} has already submitted.", name=s.candidate.name))
        if r.run.phase == "ended":
            raise InvalidState(tr("Room {room} has ended.", room=r.room.name))
        tx.add(TheoryTimeChange(theory_sitting_id=s.state.id, kind=kind.value, seconds=minutes * 60, reason=reason,
                                staff_no=actor.staff_no, at=r.now))
        s.state.time_change_seconds += minutes * 60
        ends_at = s.ends_at()
        _event(ctx, tx, r.run, "time_changed", r.now, {"change": kind.value, "minutes": minutes,
                                                        "ends_at": ends_at.isoformat() if ends_at else None},
               sitting_id=s.sitting.id)
        ctx.site.audit.record(tx, actor, "theory.time_changed", f"sitting:{session_code}:{ticket_no}",
                              after={"kind": kind.value, "minutes": minutes, "reason": reason,
                                     "total_seconds": s.state.time_change_seconds})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    return ends_at


def move_candidate(ctx: TheoryContext, actor: Actor, session_code: str, ticket_no: str, seat_no: int,
                   reason: str) -> SeatView:
    reason = _need(reason, tr("A move needs a reason."))
    room_code = _room_of_ticket(ctx, session_code, ticket_no)
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        s = _candidate(ctx, tx, r, ticket_no)
        if not 1 <= int(seat_no) <= r.room.capacity:
            raise KnownError(tr("Room {room} has seats 1 to {count}.", room=r.room.name, count=r.room.capacity),
                             code="seat")
        seat_no, before = int(seat_no), s.sitting.seat_no
        there = [other for other in theory_store.sittings_at_seat(tx, r.exam_session.id, r.room.id, seat_no, lock=True)
                 if other.id != s.sitting.id]
        if any(other.status != "absent" for other in there):
            raise InvalidState(tr("Seat {seat} is taken.", seat=seat_no))
        absent = there[0] if there else None
        if absent is not None:  # nobody sits there today: the absent candidate takes the seat left behind
            absent.seat_no = None
            tx.flush()
        s.sitting.seat_no = seat_no
        tx.flush()
        if absent is not None:
            absent.seat_no = before
        _event(ctx, tx, r.run, "moved", r.now, {"seat_no": seat_no}, sitting_id=s.sitting.id)
        ctx.site.audit.record(tx, actor, "theory.moved", f"sitting:{session_code}:{ticket_no}",
                              before={"seat": before}, after={
                                  "seat": seat_no, "reason": reason,
                                  "absent_moved_to": None if absent is None else before,
                                  "absent_sitting": None if absent is None else absent.id})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    view = room_console(ctx, actor, session_code, room_code)
    return next(seat for seat in view.seats if seat.ticket_no == ticket_no)


def force_submit(ctx: TheoryContext, actor: Actor, session_code: str, ticket_no: str, reason: str) -> Receipt:
    reason = _need(reason, tr("A forced submission needs a reason."))
    room_code = _room_of_ticket(ctx, session_code, ticket_no)
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        s = _candidate(ctx, tx, r, ticket_no)
        if not s.started:
            raise InvalidState(tr("The exam has not started yet."))
        if s.state.submitted_at is not None:
            raise InvalidState(tr("{name} has already submitted.", name=s.candidate.name))
        receipt = finish(ctx, tx, s, SubmitHow.PROCTOR, actor.staff_no, actor)
        _event(ctx, tx, r.run, "submitted", r.now, {"how": "proctor"}, sitting_id=s.sitting.id)
        ctx.site.audit.record(tx, actor, "theory.force_submit", f"sitting:{session_code}:{ticket_no}",
                              after={"reason": reason})
        run_id, seq = r.run.id, r.run.event_seq
    ctx.publish(run_id, seq)
    return receipt


def record_incident(ctx: TheoryContext, actor: Actor, session_code: str, ticket_no: str, kind: IncidentKind,
                    note: str) -> int:
    kind = IncidentKind(kind)
    note = _need(note, tr("An incident needs a note."))
    room_code = _room_of_ticket(ctx, session_code, ticket_no)
    with ctx.site.db.transaction() as tx:
        r = _Room(ctx, tx, actor, session_code, room_code)
        s = _candidate(ctx, tx, r, ticket_no)
        incident = Incident(session_id=r.exam_session.id, room_id=r.room.id, sitting_id=s.sitting.id, kind=kind.value,
                            note=note, recorded_by=actor.staff_id, recorded_at=r.now)
        tx.add(incident)
        tx.flush()
        if kind is IncidentKind.WARNING:
            _event(ctx, tx, r.run, "warning", r.now, {"note": note}, sitting_id=s.sitting.id)
        else:
            s.state.voided = True
            if s.state.submitted_at is None and s.started:
                finish(ctx, tx, s, SubmitHow.VOID, actor.staff_no, actor)
                _event(ctx, tx, r.run, "submitted", r.now, {"how": "void"}, sitting_id=s.sitting.id)
        ctx.site.audit.record(tx, actor, "theory.incident", f"sitting:{session_code}:{ticket_no}",
                              after={"incident": incident.id, "kind": kind.value, "note": note})
        run_id, seq, incident_id = r.run.id, r.run.event_seq, incident.id
    ctx.publish(run_id, seq)
    return incident_id


def submit_for_time(ctx: TheoryContext, sitting_id: int) -> bool:
    """Submit one candidate whose time (and the catch-up grace) is over. True if this call submitted."""
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        exam_session, room = s.exam_session, s.room
    with ctx.site.db.transaction() as tx:
        run = ctx.ensure_run(tx, exam_session, room, lock=True)
        s = _Sitting(ctx, tx, sitting_id, lock_state=True)
        if not s.time_up():
            return False
        finish(ctx, tx, s, SubmitHow.TIME, "site", SITE)
        _event(ctx, tx, run, "submitted", s.now, {"how": "time"}, sitting_id=sitting_id)
        run_id, seq = run.id, run.event_seq
    ctx.publish(run_id, seq)
    return True


def sweep(ctx: TheoryContext) -> list[str]:
    due = []
    with ctx.site.db.read() as session:
        for run in theory_store.running_rooms(session):
            for sitting, candidate, state in theory_store.sittings_in_room(session, run.session_id, run.room_id):
                if state is not None and state.submitted_at is None and timing.time_is_up(
                        room_clock(run), candidate_clock(state), ctx.clock(), timing.CATCH_UP_GRACE_SECONDS):
                    due.append((sitting.id, candidate.ticket_no))
    return [ticket for sitting_id, ticket in due if submit_for_time(ctx, sitting_id)]


# -- the seat map --------------------------------------------------------------------------------
def _status(sitting, state, run, now, seen) -> SeatStatus:
    if sitting.status == "absent":
        return SeatStatus.ABSENT
    if state is not None and state.submitted_at is not None:  # also a proctor's submission for one never logged in
        return SeatStatus.SUBMITTED
    if state is None or state.logged_in_at is None:
        return SeatStatus.CHECKED_IN if sitting.status == "checked_in" else SeatStatus.EXPECTED
    if seen is None or (now - seen).total_seconds() > timing.OFFLINE_AFTER_SECONDS:
        return SeatStatus.OFFLINE
    if run is not None and run.started_at is not None and state.answered:
        return SeatStatus.ANSWERING
    return SeatStatus.LOGGED_IN


def room_console(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str) -> RoomConsoleView:
    require(actor, *VIEW_ROLES)
    with ctx.site.db.read() as session:
        plan, exam_session = ctx.plan_session(session, session_code)
        room = ctx.room(plan, room_code)
        if actor.role is Role.PROCTOR:
            ctx.require_console(session, actor, exam_session, room)
        run = theory_store.room_run(session, exam_session.id, room.id)
        now = ctx.clock()
        total = len(ctx.paper(session, run.paper_id).items) if run is not None and run.paper_id else 0
        rows = theory_store.sittings_in_room(session, exam_session.id, room.id)
        reports = theory_store.report_counts(session, [state.id for _, _, state in rows if state is not None])
        incidents = theory_store.incident_kinds(session, exam_session.id, room.id)
        moved = theory_store.moved_sittings(session, run.id) if run is not None else set()
        seats: dict[int | None, list[SeatView]] = {}
        for sitting, candidate, state in rows:
            badges = sorted(incidents.get(sitting.id, set()))
            if state is not None:
                badges += [kind for kind in ("focus_lost", "screen_changed", "key_blocked", "other")
                           if reports.get((state.id, kind))]
                if state.time_change_seconds:
                    badges.append("time_changed")
            if sitting.id in moved:
                badges.append("moved")
            seen = ctx.presence.last_seen(sitting.id, state.last_seen_at) if state else None  # heartbeats in memory
            seats.setdefault(sitting.seat_no, []).append(SeatView(
                sitting.seat_no, _status(sitting, state, run, now, seen), candidate.ticket_no, candidate.name,
                state.answered if state else 0, total,
                timing.candidate_end(room_clock(run), candidate_clock(state), now) if run else None,
                seen, state.device_id if state else None,
                (state.time_change_seconds // 60) if state else 0, state.offline_credit_seconds if state else 0,
                SubmitHow(state.submitted_how) if state and state.submitted_how else None,
                bool(state and state.voided), tuple(badges)))
        views = []
        for seat_no in range(1, room.capacity + 1):
            views.extend(seats.pop(seat_no, None) or [SeatView(seat_no, SeatStatus.EMPTY)])
        for leftover in seats.values():
            views.extend(leftover)
        counts: dict[str, int] = {}
        for view in views:
            counts[view.status.value] = counts.get(view.status.value, 0) + 1
        show_code = actor.role in (Role.PROCTOR, Role.CHIEF_PROCTOR)
        return RoomConsoleView(
            exam_session.code, room.code, room.name, RoomPhase(run.phase) if run else RoomPhase.WAITING,
            exam_session.starts_at, run.started_at if run else None, run.paused_at if run else None,
            run.paused_seconds if run else 0, run.duration_minutes if run else None,
            run.leave_code if run and show_code else None, run.event_seq if run else 0, tuple(views), counts)


def room_events(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str, after: int = 0) -> list[RoomEvent]:
    require(actor, *VIEW_ROLES)
    with ctx.site.db.read() as session:
        plan, exam_session = ctx.plan_session(session, session_code)
        room = ctx.room(plan, room_code)
        run = theory_store.room_run(session, exam_session.id, room.id)
        if run is None:
            return []
        return [RoomEvent(row.seq, row.kind, row.at, row.sitting_id, dict(row.data))
                for row in theory_store.events_after(session, run.id, after, limit=10_000)]

