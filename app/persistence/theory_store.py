"""The theory session's tables: rooms' runs, candidates' state, answers, events, reports.

Lock order (PostgreSQL row locks): a room run before any of its candidates. Appending an event
locks the room run, so event numbers are gap-free per room and increase in commit order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.persistence.models import Candidate, Incident, ItemRecord, PaperRecord, Sitting
from app.persistence.models.theory import (
    Answer,
    TheoryEvent,
    TheoryReport,
    TheoryRoom,
    TheorySitting,
    TheoryTimeChange,
)

__all__ = [
    "Answer", "ItemRecord", "PaperRecord", "TheoryEvent", "TheoryReport", "TheoryRoom", "TheorySitting",
    "TheoryTimeChange",
]


def _locked(query, lock: bool):
    return query.with_for_update() if lock else query


def room_run(session: Session, session_id: int, room_id: int, *, lock: bool = False) -> TheoryRoom | None:
    query = select(TheoryRoom).where(TheoryRoom.session_id == session_id, TheoryRoom.room_id == room_id)
    return session.scalar(_locked(query, lock))


def room_run_by_id(session: Session, run_id: int, *, lock: bool = False) -> TheoryRoom | None:
    return session.scalar(_locked(select(TheoryRoom).where(TheoryRoom.id == run_id), lock))


def running_rooms(session: Session) -> list[TheoryRoom]:
    return list(session.scalars(select(TheoryRoom).where(TheoryRoom.phase.in_(("running", "paused")))))


def open_rooms(session: Session) -> list[TheoryRoom]:
    return list(session.scalars(select(TheoryRoom).where(TheoryRoom.phase != "ended")))


def ensure_room_run(session: Session, session_id: int, room_id: int, leave_code: str, *,
                    lock: bool = False) -> TheoryRoom:
    """The room's run, created (waiting) when missing; safe when two transactions race to create it."""
    run = room_run(session, session_id, room_id, lock=lock)
    if run is not None:
        return run
    try:
        with session.begin_nested():
            session.add(TheoryRoom(session_id=session_id, room_id=room_id, phase="waiting", paused_seconds=0,
                                   pauses=[], event_seq=0, leave_code=leave_code))
    except IntegrityError:
        pass
    return room_run(session, session_id, room_id, lock=lock)


def candidate_state(session: Session, sitting_id: int, *, lock: bool = False) -> TheorySitting | None:
    return session.scalar(_locked(select(TheorySitting).where(TheorySitting.sitting_id == sitting_id), lock))


def ensure_candidate_state(session: Session, sitting_id: int, seed: str, *, lock: bool = False) -> TheorySitting:
    """The candidate's theory state, created when missing (race-safe like ensure_room_run)."""
    state = candidate_state(session, sitting_id, lock=lock)
    if state is not None:
        return state
    try:
        with session.begin_nested():
            session.add(TheorySitting(sitting_id=sitting_id, seed=seed, logins=0, offline_credit_seconds=0,
                                      time_change_seconds=0, last_revision=0, answered=0, voided=False))
    except IntegrityError:
        pass
    return candidate_state(session, sitting_id, lock=lock)


# -- the terminals' hot path: prepared statements on plain connections (no ORM bookkeeping) -------
_RUN, _STATE, _ANSWER = TheoryRoom.__table__, TheorySitting.__table__, Answer.__table__
_ANSWER_ROWS = select(_ANSWER.c.sitting_id, _ANSWER.c.item_id, _ANSWER.c.response, _ANSWER.c.flagged,
                      _ANSWER.c.revision).where(_ANSWER.c.sitting_id.in_(bindparam("sitting_ids", expanding=True)),
                                                _ANSWER.c.item_id.in_(bindparam("item_ids", expanding=True)))
_SITTING = Sitting.__table__
_STATES_AND_RUNS = select(_STATE, _RUN).join(_SITTING, _SITTING.c.id == _STATE.c.sitting_id).outerjoin(
    _RUN, and_(_RUN.c.session_id == _SITTING.c.session_id, _RUN.c.room_id == _SITTING.c.room_id)) \
    .where(_STATE.c.sitting_id.in_(bindparam("ids", expanding=True))).order_by(_STATE.c.sitting_id)
_STATES_AND_RUNS_LOCKED = _STATES_AND_RUNS.with_for_update(of=_STATE)
_INSERT_ANSWER = insert(_ANSWER)
_UPDATE_ANSWER = update(_ANSWER).where(_ANSWER.c.sitting_id == bindparam("sid"), _ANSWER.c.item_id == bindparam("iid")) \
    .values(response=bindparam("response"), flagged=bindparam("flagged"), revision=bindparam("revision"),
            saved_at=bindparam("saved_at"))
_UPDATE_STATE = update(_STATE).where(_STATE.c.sitting_id == bindparam("sid")).values(
    answered=bindparam("answered"), last_revision=bindparam("last_revision"), last_seen_at=bindparam("last_seen_at"))
_RECORD_SEEN = update(_STATE).where(_STATE.c.sitting_id == bindparam("sid"),
                                    or_(_STATE.c.last_seen_at.is_(None), _STATE.c.last_seen_at < bindparam("seen"))) \
    .values(last_seen_at=bindparam("seen"))


def states_and_runs(connection: Connection | Session, sitting_ids: Iterable[int], *, lock: bool = False
                    ) -> tuple[dict[int, SimpleNamespace], dict[int, SimpleNamespace | None]]:
    """The candidates' states (locked in sitting order with `lock`) and each one's room run, in one
    query, as plain rows: ({sitting_id: state}, {sitting_id: run or None before the room has one}).
    The group commit's read (locked) and the heartbeat's."""
    states, runs = {}, {}
    query = _STATES_AND_RUNS_LOCKED if lock else _STATES_AND_RUNS
    for row in connection.execute(query, {"ids": sorted(set(sitting_ids))}):
        values = row._mapping
        state = SimpleNamespace(**{column.name: values[column] for column in _STATE.c})
        states[state.sitting_id] = state
        runs[state.sitting_id] = (SimpleNamespace(**{column.name: values[column] for column in _RUN.c})
                                  if values[_RUN.c.id] is not None else None)
    return states, runs


def answer_rows(connection: Connection | Session, sitting_ids: Iterable[int], item_ids: Iterable[int]
                ) -> dict[tuple[int, int], object]:
    """Stored answers (sitting_id, item_id, response, flagged, revision) by (sitting id, item id)."""
    rows = connection.execute(_ANSWER_ROWS, {"sitting_ids": sorted(set(sitting_ids)), "item_ids": sorted(set(item_ids))})
    return {(row.sitting_id, row.item_id): row for row in rows}


def write_saves(connection: Connection | Session, new: list[dict], changed: list[dict], states: list[dict]) -> None:
    """The group commit's writes, one statement each (executemany): `new` answers (sitting_id,
    item_id, response, flagged, revision, saved_at), `changed` answers (the same keys) and the
    candidates' `states` (sitting_id, answered, last_revision, last_seen_at)."""
    if new:
        connection.execute(_INSERT_ANSWER, new)
    if changed:
        connection.execute(_UPDATE_ANSWER, [{"sid": c["sitting_id"], "iid": c["item_id"], "response": c["response"],
                                             "flagged": c["flagged"], "revision": c["revision"],
                                             "saved_at": c["saved_at"]} for c in changed])
    if states:
        connection.execute(_UPDATE_STATE, [{"sid": s["sitting_id"], "answered": s["answered"],
                                            "last_revision": s["last_revision"], "last_seen_at": s["last_seen_at"]}
                                           for s in states])


def record_seen(connection: Connection | Session, seen: dict[int, datetime]) -> None:
    """Move each sitting's last-seen forward to the given time (never back), in one statement (rows
    in sitting order, like every other statement that locks several candidates)."""
    if seen:
        connection.execute(_RECORD_SEEN, [{"sid": sitting_id, "seen": seen[sitting_id]} for sitting_id in sorted(seen)])


def sitting(session: Session, sitting_id: int, *, lock: bool = False) -> Sitting | None:
    return session.scalar(_locked(select(Sitting).where(Sitting.id == sitting_id), lock))


def sittings_at_seat(session: Session, session_id: int, room_id: int, seat_no: int, *, lock: bool = False
                     ) -> list[Sitting]:
    query = select(Sitting).where(Sitting.session_id == session_id, Sitting.room_id == room_id,
                                  Sitting.seat_no == seat_no)
    return list(session.scalars(_locked(query, lock)))


def sittings_in_room(session: Session, session_id: int, room_id: int
                     ) -> list[tuple[Sitting, Candidate, TheorySitting | None]]:
    rows = session.execute(
        select(Sitting, Candidate, TheorySitting)
        .join(Candidate, Candidate.id == Sitting.candidate_id)
        .outerjoin(TheorySitting, TheorySitting.sitting_id == Sitting.id)
        .where(Sitting.session_id == session_id, Sitting.room_id == room_id)
        .order_by(Sitting.seat_no, Candidate.ticket_no))
    return [tuple(row) for row in rows]


# -- events ------------------------------------------------------------------------------------
def append_event(session: Session, run: TheoryRoom, kind: str, at: datetime, data: dict | None = None,
                 sitting_id: int | None = None) -> TheoryEvent:
    """`run` must be locked (room_run(..., lock=True)) in this transaction."""
    run.event_seq += 1
    event = TheoryEvent(theory_room_id=run.id, seq=run.event_seq, sitting_id=sitting_id, kind=kind,
                        data=data or {}, at=at)
    session.add(event)
    return event


def events_after(session: Session, run_id: int, after: int, sitting_id: int | None = None,
                 limit: int = 200) -> list[TheoryEvent]:
    """The run's events after `after`; with `sitting_id`, only room-wide ones and those for that sitting."""
    query = select(TheoryEvent).where(TheoryEvent.theory_room_id == run_id, TheoryEvent.seq > after)
    if sitting_id is not None:
        query = query.where((TheoryEvent.sitting_id.is_(None)) | (TheoryEvent.sitting_id == sitting_id))
    return list(session.scalars(query.order_by(TheoryEvent.seq).limit(limit)))


def event_seq(session: Session, run_id: int) -> int:
    return session.scalar(select(TheoryRoom.event_seq).where(TheoryRoom.id == run_id)) or 0


def event_seqs(session: Session) -> dict[int, int]:
    return dict(session.execute(select(TheoryRoom.id, TheoryRoom.event_seq)).tuples())


# -- items and answers -------------------------------------------------------------------------
def paper_by_code(session: Session, plan_id: int, code: str, *, lock: bool = False) -> PaperRecord | None:
    query = select(PaperRecord).where(PaperRecord.plan_id == plan_id, PaperRecord.code == code)
    return session.scalar(_locked(query, lock))


def items(session: Session, paper_id: int) -> list[ItemRecord]:
    return list(session.scalars(select(ItemRecord).where(ItemRecord.paper_id == paper_id)
                                .order_by(ItemRecord.position)))


def answers(session: Session, sitting_id: int) -> list[Answer]:
    return list(session.scalars(select(Answer).where(Answer.sitting_id == sitting_id)))


def answers_of_sittings(session: Session, sitting_ids: Iterable[int]) -> dict[int, list[Answer]]:
    ids = list(sitting_ids)
    found: dict[int, list[Answer]] = {sitting_id: [] for sitting_id in ids}
    for start in range(0, len(ids), 500):
        for answer in session.scalars(select(Answer).where(Answer.sitting_id.in_(ids[start:start + 500]))):
            found[answer.sitting_id].append(answer)
    return found


def answers_for_items(session: Session, sitting_id: int, item_ids: Iterable[int]) -> dict[int, Answer]:
    query = select(Answer).where(Answer.sitting_id == sitting_id, Answer.item_id.in_(list(item_ids)))
    return {answer.item_id: answer for answer in session.scalars(query)}


# -- the console's badges ----------------------------------------------------------------------
def report_counts(session: Session, state_ids: Iterable[int]) -> Counter:
    """(theory_sitting_id, kind) → number of reports."""
    ids = list(state_ids)
    if not ids:
        return Counter()
    rows = session.execute(select(TheoryReport.theory_sitting_id, TheoryReport.kind, func.count(TheoryReport.id))
                           .where(TheoryReport.theory_sitting_id.in_(ids))
                           .group_by(TheoryReport.theory_sitting_id, TheoryReport.kind))
    return Counter({(state_id, kind): count for state_id, kind, count in rows})


def incident_kinds(session: Session, session_id: int, room_id: int) -> dict[int, set[str]]:
    rows = session.execute(select(Incident.sitting_id, Incident.kind)
                           .where(Incident.session_id == session_id, Incident.room_id == room_id,
                                  Incident.sitting_id.is_not(None)))
    found: dict[int, set[str]] = {}
    for sitting_id, kind in rows:
        found.setdefault(sitting_id, set()).add(kind)
    return found


def time_changes(session: Session, state_id: int) -> list[TheoryTimeChange]:
    return list(session.scalars(select(TheoryTimeChange).where(TheoryTimeChange.theory_sitting_id == state_id)
                                .order_by(TheoryTimeChange.id)))


def moved_sittings(session: Session, run_id: int) -> set[int]:
    return set(session.scalars(select(TheoryEvent.sitting_id).where(TheoryEvent.theory_room_id == run_id,
                                                                   TheoryEvent.kind == "moved")))


def has_duty(session: Session, staff_id: int | None, session_id: int, room_id: int) -> bool:
    from app.persistence.models import Duty

    return staff_id is not None and session.scalar(select(Duty.id).where(
        Duty.staff_id == staff_id, Duty.session_id == session_id, Duty.room_id == room_id)) is not None


def sitting_of_ticket(session: Session, session_id: int, ticket_no: str, *, lock: bool = False
                      ) -> tuple[Sitting, Candidate] | None:
    query = (select(Sitting, Candidate).join(Candidate, Candidate.id == Sitting.candidate_id)
             .where(Sitting.session_id == session_id, Candidate.ticket_no == ticket_no))
    row = session.execute(query.with_for_update(of=Sitting) if lock else query).first()
    return None if row is None else (row[0], row[1])


def sittings_of_ticket(session: Session, ticket_no: str) -> list[tuple[Sitting, Candidate]]:
    rows = session.execute(select(Sitting, Candidate).join(Candidate, Candidate.id == Sitting.candidate_id)
                           .where(Candidate.ticket_no == ticket_no))
    return [(row[0], row[1]) for row in rows]
