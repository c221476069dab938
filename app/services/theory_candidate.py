"""The candidate's side of the theory session, as the LAN routes call it (docs/lan-api.md, "Theory").

Every function takes the sitting the route authenticated; nothing here reaches another sitting.
Saves are acknowledged only by returning, which happens after the commit.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time
from collections.abc import Sequence

from app.domain.canonical import canonical_json
from app.errors import InvalidState, KnownError, NotFound, PermissionDenied
from app.i18n import tr
from app.persistence import DatabaseError, repositories, theory_store
from app.persistence.models.theory import Answer, TheoryReport
from app.persistence.repositories import ID_CONTEXT, PHOTO_CONTEXT
from app.services.theory_context import (
    TheoryContext,
    candidate_actor,
    candidate_clock,
    refuse_closed,
    room_clock,
)
from app.services.theory_views import (
    AnswerSave,
    CandidateInfo,
    CandidatePaper,
    CandidatePhase,
    CandidateState,
    ChoiceOut,
    EventBatch,
    HeartbeatOutcome,
    ItemOut,
    LoginResult,
    Receipt,
    RoomEvent,
    SaveOutcome,
    SaveResult,
    StoredAnswer,
    SubmitHow,
    TerminalReport,
)
from app.theory import timing
from app.theory.shuffle import ItemLayout, layout

MAX_BATCH = 200
MAX_REPORTS = 50
REPORT_KINDS = ("focus_lost", "screen_changed", "key_blocked", "other")
SEEN_WRITE_SECONDS = 10  # a heartbeat writes last-seen only when the stored one is older than this
LEVELS_ZH = {1: "一级/高级技师", 2: "二级/技师", 3: "三级/高级工", 4: "四级/中级工", 5: "五级/初级工"}
ROOM_RULES = (
    "Keep your admission ticket and ID card on the desk.",
    "Phones and other electronic devices stay switched off in your bag.",
    "Do not leave the exam terminal or the kiosk screen; every attempt is reported to the proctor.",
    "If the terminal fails, raise your hand: your answers are kept and you continue on another terminal.",
    "Submission is final.",
)


# -- log-in --------------------------------------------------------------------------------------
def login(ctx: TheoryContext, ticket_no: str, id_last6: str, device_id: int) -> LoginResult:
    ticket_no, id_last6 = ticket_no.strip(), "".join(id_last6.split()).upper()
    ticket_key, device_key = f"ticket:{ticket_no}", f"device:{device_id}"
    ctx.ticket_throttle.check(ticket_key)
    ctx.device_throttle.check(device_key)
    cipher = ctx.site.require_keys().field_cipher()
    with ctx.site.db.read() as session:
        found = _theory_sitting_of(session, ticket_no)
        genuine = False
        if found is not None:
            id_number = cipher.decrypt(found[1].id_number_sealed, ID_CONTEXT).decode().strip().upper()
            genuine = len(id_last6) == 6 and hmac.compare_digest(id_number[-6:], id_last6)
    if not genuine:
        ctx.ticket_throttle.fail(ticket_key)
        ctx.device_throttle.fail(device_key)
        with ctx.site.db.transaction() as tx:
            ctx.site.audit.record(tx, candidate_actor(ticket_no, ""), "theory.login_failed", f"device:{device_id}",
                                  after={"ticket": ticket_no[:32]})
        raise PermissionDenied(tr("The admission ticket number or the ID number characters are wrong."),
                               code="login_failed")
    sitting_row, candidate, exam_session = found
    now = ctx.clock()
    with ctx.site.db.transaction() as tx:
        plan = repositories.current_plan(tx)
        room = ctx.room_by_id(plan, sitting_row.room_id)
        run = ctx.ensure_run(tx, exam_session, room, lock=True)
        refuse_closed(run, room.name)
        sitting_row = theory_store.sitting(tx, sitting_row.id, lock=True)
        if sitting_row.status == "absent":
            raise InvalidState(tr("{name} is marked absent from this session.", name=candidate.name))
        if ctx.rule(plan, "login_requires_checkin") and sitting_row.status != "checked_in":
            raise InvalidState(tr("{name} has not been checked in yet: go to the check-in desk first.",
                                  name=candidate.name), code="not_checked_in")
        state = theory_store.ensure_candidate_state(tx, sitting_row.id, secrets.token_hex(16), lock=True)
        previous = state.device_id
        state.last_seen_at = ctx.presence.last_seen(sitting_row.id, state.last_seen_at)
        credited = _credit_offline(ctx, plan, run, state, now) if state.submitted_at is None else 0
        ctx.presence.forget(sitting_row.id)
        state.device_id, state.logins, state.logged_in_at, state.last_seen_at = device_id, state.logins + 1, now, now
        ctx.site.audit.record(tx, candidate_actor(ticket_no, candidate.name), "theory.login",
                              f"sitting:{exam_session.code}:{ticket_no}", after={
                                  "device": device_id, "superseded_device": previous, "logins": state.logins,
                                  "offline_credit_seconds": credited})
        phase = _phase(run, state)
    ctx.ticket_throttle.clear(ticket_key)
    return LoginResult(sitting_row.id, ticket_no, candidate.name, phase,
                       previous if previous not in (None, device_id) else None, credited)


def _theory_sitting_of(session, ticket_no: str):
    """The ticket's sitting in a theory session of the current plan that has not ended (the earliest)."""
    plan = repositories.current_plan(session)
    if plan is None:
        return None
    sessions = {s.id: s for s in plan.sessions if s.kind == "theory"}
    rows = [(sitting, candidate, sessions[sitting.session_id])
            for sitting, candidate in theory_store.sittings_of_ticket(session, ticket_no)
            if sitting.session_id in sessions and candidate.plan_id == plan.id]
    open_rows = [row for row in rows if row[2].state not in ("ended", "sealed")]
    rows = sorted(open_rows or rows, key=lambda row: row[2].starts_at)
    return rows[0] if rows else None


def _credit_offline(ctx: TheoryContext, plan, run, state, now) -> int:
    credit = timing.offline_credit(state.last_seen_at, now, state.offline_credit_seconds,
                                   int(ctx.rule(plan, "offline_credit_max_minutes")), room_clock(run))
    state.offline_credit_seconds += credit
    return credit


def _phase(run, state) -> CandidatePhase:
    if state is not None and state.submitted_at is not None:
        return CandidatePhase.SUBMITTED
    if run is None or run.phase == "waiting":
        return CandidatePhase.WAITING
    return CandidatePhase(run.phase)


# -- what a sitting may read ---------------------------------------------------------------------
class _Sitting:
    """One read of everything about one sitting."""

    def __init__(self, ctx: TheoryContext, session, sitting_id: int, *, lock_state: bool = False) -> None:
        self.sitting = theory_store.sitting(session, sitting_id)
        if self.sitting is None:
            raise NotFound(tr("This sitting does not exist."))
        self.plan = ctx.current_plan(session)
        self.exam_session = next(s for s in self.plan.sessions if s.id == self.sitting.session_id)
        self.room = ctx.room_by_id(self.plan, self.sitting.room_id)
        self.run = theory_store.room_run(session, self.exam_session.id, self.room.id)
        self.state = theory_store.candidate_state(session, sitting_id, lock=lock_state)
        self.candidate = session.get(theory_store.Candidate, self.sitting.candidate_id)
        self.now = ctx.clock()

    @property
    def started(self) -> bool:
        return self.run is not None and self.run.started_at is not None

    def ends_at(self):
        return timing.candidate_end(room_clock(self.run), candidate_clock(self.state), self.now)

    def time_up(self, grace: int = timing.CATCH_UP_GRACE_SECONDS) -> bool:
        return _time_up(self.run, self.state, self.now, grace)

    def require_device(self, device_id: int) -> None:
        _require_device(self.state, device_id)


def candidate_info(ctx: TheoryContext, sitting_id: int) -> CandidateInfo:
    cipher = ctx.site.require_keys().field_cipher()
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        photo = cipher.decrypt(s.candidate.photo_sealed, PHOTO_CONTEXT) if s.candidate.photo_sealed else None
        duration = s.run.duration_minutes if s.run is not None else None
        return CandidateInfo(s.candidate.ticket_no, s.candidate.name, photo, s.candidate.photo_type,
                             s.sitting.seat_no, s.room.code, s.room.name, s.exam_session.code, s.exam_session.title,
                             s.plan.occupation_name, LEVELS_ZH.get(s.plan.level, str(s.plan.level)),
                             tuple(tr(line) for line in ROOM_RULES), s.exam_session.starts_at, duration)


def paper_for(ctx: TheoryContext, sitting_id: int) -> CandidatePaper:
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        if not s.started or s.state is None:
            raise InvalidState(tr("The exam has not started yet."))
        paper = ctx.paper(session, s.run.paper_id)
        placed = layout([ItemLayout(i.code, i.kind, tuple(key for key, _ in i.choices)) for i in paper.items],
                        s.state.seed, shuffle_items=bool(ctx.rule(s.plan, "shuffle_items")),
                        shuffle_options=bool(ctx.rule(s.plan, "shuffle_options")))
    by_code = paper.by_code
    items = []
    for place in placed:
        item = by_code[place.code]
        texts = dict(item.choices)
        items.append(ItemOut(item.code, place.number, item.kind, item.stem, item.points,
                             tuple(ChoiceOut(key, label, texts[key]) for key, label in place.choices)))
    return CandidatePaper(paper.code, paper.title, paper.total_points, tuple(items))


def state(ctx: TheoryContext, sitting_id: int, device_id: int) -> CandidateState:
    _submit_if_time_is_up(ctx, sitting_id)
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        s.require_device(device_id)
        answers: dict[str, StoredAnswer] = {}
        codes: dict[int, str] = {}
        if s.started:
            codes = {item.id: item.code for item in ctx.paper(session, s.run.paper_id).items}
            for answer in theory_store.answers(session, sitting_id):
                answers[codes[answer.item_id]] = StoredAnswer(tuple(answer.response), answer.flagged, answer.revision)
        receipt = _receipt(s, answers, len(codes)) if s.state.submitted_at else None
        earliest = timing.earliest_submit(room_clock(s.run), int(ctx.rule(s.plan, "earliest_submit_minutes")), s.now)
        return CandidateState(_phase(s.run, s.state), s.now, s.run.started_at if s.run else None, s.ends_at(),
                              earliest, bool(s.run and s.run.phase == "paused"),
                              s.run.duration_minutes if s.run else None, answers, s.state.last_revision,
                              s.run.event_seq if s.run else 0, _message(s), receipt)


def _message(s: _Sitting) -> str | None:
    if s.run is not None and s.run.phase == "paused":
        return tr("The proctor has paused the exam: the clock stands still.")
    return None


# -- saving --------------------------------------------------------------------------------------
def _check_saves(paper, saves: Sequence[AnswerSave]) -> None:
    if len(saves) > MAX_BATCH:
        raise KnownError(tr("At most {count} saves per request.", count=MAX_BATCH), code="bad_save")
    items = paper.by_code
    for save in saves:
        item = items.get(save.item_code)
        keys = {key for key, _ in item.choices} if item else set()
        if (item is None or save.revision < 1 or not set(save.response) <= keys
                or len(set(save.response)) != len(save.response)
                or (item.kind != "multiple" and len(save.response) > 1)):
            raise KnownError(tr("Save {revision} does not fit the paper: nothing of this batch was stored.",
                                revision=save.revision), code="bad_save")


def _apply(tx, paper, state, sitting_id: int, saves: Sequence[AnswerSave], now,
           existing: dict | None = None) -> list[SaveResult]:
    """Apply `saves` to the sitting's answers; `existing` (item id → Answer) is read when not given
    and is kept up to date with the answers this call adds."""
    items = paper.by_code
    if existing is None:
        existing = theory_store.answers_for_items(tx, sitting_id, {items[s.item_code].id for s in saves})
    results = []
    for save in saves:
        item = items[save.item_code]
        answer = existing.get(item.id)
        if answer is not None and answer.revision >= save.revision:
            results.append(SaveResult(save.revision, "stale"))
            continue
        response = sorted(set(save.response))
        if answer is None:
            answer = Answer(sitting_id=sitting_id, item_id=item.id, response=response, flagged=save.flagged,
                            revision=save.revision, saved_at=now)
            tx.add(answer)
            existing[item.id] = answer
            state.answered += bool(response)
        else:
            state.answered += bool(response) - bool(answer.response)
            answer.response, answer.flagged, answer.revision, answer.saved_at = (response, save.flagged,
                                                                                 save.revision, now)
        state.last_revision = max(state.last_revision, save.revision)
        results.append(SaveResult(save.revision, "stored"))
    return results


TIME_UP = object()  # a save job's result when the candidate's time is over


def save_answers(ctx: TheoryContext, sitting_id: int, device_id: int, saves: Sequence[AnswerSave]) -> SaveOutcome:
    """Store a batch of saves through the group commit: returns only after the commit that holds it."""
    outcome = ctx.saves.submit((sitting_id, device_id, tuple(saves)))
    if outcome is TIME_UP:
        _submit_if_time_is_up(ctx, sitting_id)
        raise InvalidState(tr("The time is up: the answers were submitted."))
    return outcome


def commit_saves(ctx: TheoryContext, jobs) -> None:
    """The group commit's writer: every job's saves in one transaction (see theory_saves). A job the
    rules refuse gets its error and changes nothing; the others are stored and committed together.
    Plain rows and one executemany per table: the same rules as `_apply`, without ORM bookkeeping."""
    seen = ctx.presence.take()
    try:
        with ctx.site.db.core_transaction() as tx:
            if seen:
                theory_store.record_seen(tx, seen)
            _commit_saves(ctx, tx, [job for job in jobs if job.payload is not None])
    except BaseException:
        if seen:
            ctx.presence.restore(seen)
        raise


def _commit_saves(ctx: TheoryContext, tx, jobs) -> None:
    if not jobs:
        return
    now = ctx.clock()
    states, runs = theory_store.states_and_runs(tx, [job.payload[0] for job in jobs], lock=True)
    ready = []
    for job in jobs:
        sitting_id, device_id, saves = job.payload
        run, state = runs.get(sitting_id), states.get(sitting_id)
        try:
            _require_device(state, device_id)
            if _time_up(run, state, now):
                job.result = TIME_UP
                continue
            paper = _open_for_saves(ctx, run, state)
            _check_saves(paper, saves)
        except KnownError as refused:
            job.error = refused
            continue
        ready.append((job, run, state, paper))
    if not ready:
        return
    stored = theory_store.answer_rows(tx, {job.payload[0] for job, *_ in ready},
                                      {paper.by_code[save.item_code].id
                                       for job, _, _, paper in ready for save in job.payload[2]})
    answers = {key: {"sitting_id": row.sitting_id, "item_id": row.item_id, "response": list(row.response),
                     "flagged": row.flagged, "revision": row.revision} for key, row in stored.items()}
    new: dict[tuple[int, int], dict] = {}
    changed: dict[tuple[int, int], dict] = {}
    tallies: dict[int, dict] = {}
    for job, run, state, paper in ready:
        sitting_id, _, saves = job.payload
        tally = tallies.setdefault(sitting_id, {"sitting_id": sitting_id, "answered": state.answered,
                                                "last_revision": state.last_revision, "last_seen_at": now})
        items, results = paper.by_code, []
        for save in saves:
            key = (sitting_id, items[save.item_code].id)
            answer = answers.get(key)
            if answer is not None and answer["revision"] >= save.revision:
                results.append(SaveResult(save.revision, "stale"))
                continue
            response = sorted(set(save.response))
            tally["answered"] += bool(response) - bool(answer["response"] if answer else False)
            if answer is None:
                answer = answers[key] = new[key] = {"sitting_id": key[0], "item_id": key[1]}
            elif key not in new:
                changed[key] = answer
            answer.update(response=response, flagged=save.flagged, revision=save.revision, saved_at=now)
            tally["last_revision"] = max(tally["last_revision"], save.revision)
            results.append(SaveResult(save.revision, "stored"))
        ends_at = timing.candidate_end(room_clock(run), candidate_clock(state), now)
        job.result = SaveOutcome(tuple(results), tally["last_revision"], _phase(run, state), ends_at, now)
    theory_store.write_saves(tx, list(new.values()), list(changed.values()), list(tallies.values()))


def _require_device(state, device_id: int) -> None:
    if state is None or state.device_id is None:
        raise PermissionDenied(tr("Log in first."), code="login")
    if state.device_id != device_id:
        raise PermissionDenied(tr("This candidate has logged in on another terminal: this terminal's "
                                  "log-in has ended."), code="superseded")


def _time_up(run, state, now, grace: int = timing.CATCH_UP_GRACE_SECONDS) -> bool:
    return (run is not None and run.started_at is not None and state is not None and state.submitted_at is None
            and timing.time_is_up(room_clock(run), candidate_clock(state), now, grace))


def _open_for_saves(ctx: TheoryContext, run, state):
    if run is None or run.started_at is None:
        raise InvalidState(tr("The exam has not started yet."))
    if state.submitted_at is not None:
        raise InvalidState(tr("The answers have been submitted: nothing can be changed."), code="submitted")
    return ctx.cached_paper(run.paper_id)


def _touch(ctx: TheoryContext, s: _Sitting) -> None:
    """The terminal was heard from now. No credit here: a terminal cut off from the LAN kept working
    (its journal holds the answers); only a new log-in after a gap — the terminal died — is credited."""
    s.state.last_seen_at = s.now


# -- submitting ----------------------------------------------------------------------------------
def answers_digest(answers: dict[str, StoredAnswer]) -> str:
    """SHA-256 of the canonical stored answers (items with a response), as on the receipt."""
    body = {code: {"flagged": a.flagged, "response": sorted(a.response)} for code, a in answers.items() if a.response}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def _stored(ctx: TheoryContext, session, s: _Sitting) -> dict[str, StoredAnswer]:
    codes = {item.id: item.code for item in ctx.paper(session, s.run.paper_id).items}
    return {codes[a.item_id]: StoredAnswer(tuple(a.response), a.flagged, a.revision)
            for a in theory_store.answers(session, s.sitting.id)}


def _receipt(s: _Sitting, answers: dict[str, StoredAnswer], total: int) -> Receipt:
    return Receipt(s.candidate.ticket_no, s.candidate.name, s.state.submitted_at,
                   sum(1 for a in answers.values() if a.response), total, s.state.digest,
                   SubmitHow(s.state.submitted_how))


def finish(ctx: TheoryContext, tx, s: _Sitting, how: SubmitHow, by: str, actor) -> Receipt:
    """Submit `s` in `tx` (its state locked): digest, audit. The caller appends any event."""
    answers = _stored(ctx, tx, s)
    s.state.submitted_at, s.state.submitted_how, s.state.submitted_by = s.now, how.value, by
    s.state.digest = answers_digest(answers)
    receipt = _receipt(s, answers, len(ctx.paper(tx, s.run.paper_id).items))
    ctx.site.audit.record(tx, actor, "theory.submit", f"sitting:{s.exam_session.code}:{s.candidate.ticket_no}",
                          after={"how": how.value, "by": by, "answered": receipt.answered, "digest": receipt.digest,
                                 "last_revision": s.state.last_revision})
    return receipt


def submit(ctx: TheoryContext, sitting_id: int, device_id: int, saves: Sequence[AnswerSave] = ()) -> Receipt:
    if _submit_if_time_is_up(ctx, sitting_id):
        return receipt(ctx, sitting_id)
    with ctx.site.db.transaction() as tx:
        s = _Sitting(ctx, tx, sitting_id, lock_state=True)
        s.require_device(device_id)
        if not s.started:
            raise InvalidState(tr("The exam has not started yet."))
        if s.state.submitted_at is not None:
            return _receipt(s, _stored(ctx, tx, s), len(ctx.paper(tx, s.run.paper_id).items))
        earliest = timing.earliest_submit(room_clock(s.run), int(ctx.rule(s.plan, "earliest_submit_minutes")), s.now)
        if s.now < earliest:
            minutes = int((earliest - s.now).total_seconds() // 60) + 1
            raise InvalidState(tr("Submission opens {minutes} minutes from now.", minutes=minutes), code="too_early")
        if saves:
            paper = ctx.paper(tx, s.run.paper_id)
            _check_saves(paper, saves)
            _apply(tx, paper, s.state, sitting_id, saves, s.now)
            tx.flush()
        _touch(ctx, s)
        return finish(ctx, tx, s, SubmitHow.CANDIDATE, f"candidate:{s.candidate.ticket_no}",
                      candidate_actor(s.candidate.ticket_no, s.candidate.name))


def receipt(ctx: TheoryContext, sitting_id: int) -> Receipt:
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        if s.state is None or s.state.submitted_at is None:
            raise InvalidState(tr("The answers have not been submitted yet."))
        return _receipt(s, _stored(ctx, session, s), len(ctx.paper(session, s.run.paper_id).items))


def _submit_if_time_is_up(ctx: TheoryContext, sitting_id: int) -> bool:
    """Submit (how = time) when the candidate's time and the catch-up grace are over; True if submitted now."""
    with ctx.site.db.read() as session:
        if not _Sitting(ctx, session, sitting_id).time_up():
            return False
    from app.services.theory_console import submit_for_time

    return submit_for_time(ctx, sitting_id)


# -- heartbeats and reports ----------------------------------------------------------------------
def heartbeat(ctx: TheoryContext, sitting_id: int, device_id: int,
              reports: Sequence[TerminalReport] = ()) -> HeartbeatOutcome:
    """One read; the last-seen time goes to memory (ctx.presence), flushed for every terminal at once.
    Reports from the terminal (rare) are written at once, in their own transaction."""
    reports = list(reports)[:MAX_REPORTS]
    for _ in range(2):
        with ctx.site.db.core_read() as connection:
            states, runs = theory_store.states_and_runs(connection, [sitting_id])
        state, run = states.get(sitting_id), runs.get(sitting_id)
        now = ctx.clock()
        _require_device(state, device_id)
        if not _time_up(run, state, now):
            break
        _submit_if_time_is_up(ctx, sitting_id)
    if reports:
        with ctx.site.db.transaction() as tx:
            s = _Sitting(ctx, tx, sitting_id, lock_state=True)
            s.require_device(device_id)
            _touch(ctx, s)
            for report in reports:
                kind = report.kind if report.kind in REPORT_KINDS else "other"
                tx.add(TheoryReport(theory_sitting_id=s.state.id, device_id=device_id, kind=kind,
                                    detail=report.detail[:500], reported_at=s.now, terminal_at=report.at))
    else:
        ctx.presence.seen(sitting_id, now)
        if ctx.presence.due():  # no save took the flush along yet: an empty job carries it
            ctx.saves.submit(None)
    return HeartbeatOutcome(now, _phase(run, state), timing.candidate_end(room_clock(run), candidate_clock(state), now),
                            run.event_seq if run else 0)


def flush_presence(ctx: TheoryContext, *, force: bool = False) -> int:
    """Write the last-seen times heard since the last flush (when due, or now with `force`)."""

    def write(seen) -> None:
        with ctx.site.db.transaction() as tx:
            theory_store.record_seen(tx, seen)

    try:
        return ctx.presence.flush(write, force=force)
    except DatabaseError:  # busy: the times stay in memory for the next flush
        return 0


# -- events --------------------------------------------------------------------------------------
def _run_id(ctx: TheoryContext, sitting_id: int) -> int:
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        if s.run is None:
            raise InvalidState(tr("Log in first."), code="login")
        return s.run.id


def events_for(ctx: TheoryContext, sitting_id: int, after: int) -> EventBatch:
    with ctx.site.db.read() as session:
        s = _Sitting(ctx, session, sitting_id)
        if s.run is None:
            return EventBatch((), after, s.now)
        latest = s.run.event_seq
        rows = [row for row in theory_store.events_after(session, s.run.id, after, sitting_id) if row.seq <= latest]
        events = tuple(RoomEvent(row.seq, row.kind, row.at, row.sitting_id, dict(row.data)) for row in rows)
        last = events[-1].seq if len(rows) == 200 else max(after, latest)
        ctx.publish(s.run.id, latest)
        return EventBatch(events, last, s.now)


def _refreshed_seq(ctx: TheoryContext, run_id: int) -> int:
    """The room's newest event number from the database (events another process wrote included)."""
    with ctx.site.db.read() as session:
        seq = theory_store.event_seq(session, run_id)
    ctx.publish(run_id, seq)
    return ctx.signal.seq(run_id)


def _room_seq(ctx: TheoryContext, run_id: int) -> int:
    seq = ctx.signal.seq(run_id)
    if seq is None or ctx.signal.due_for_refresh(run_id):
        seq = _refreshed_seq(ctx, run_id)
    return seq


def wait_for_events(ctx: TheoryContext, sitting_id: int, after: int, wait_seconds: float) -> EventBatch:
    run_id = _run_id(ctx, sitting_id)
    deadline = time.monotonic() + max(0.0, wait_seconds)
    while True:
        seen = _room_seq(ctx, run_id)
        if seen > after:
            batch = events_for(ctx, sitting_id, after)
            if batch.events:
                return batch
            after = batch.last_seq
        left = deadline - time.monotonic()
        if left <= 0:
            return events_for(ctx, sitting_id, after)
        ctx.signal.wait(run_id, max(seen, after), min(left, 1.0))


async def wait_for_events_async(ctx: TheoryContext, sitting_id: int, after: int, wait_seconds: float) -> EventBatch:
    run_id = await asyncio.to_thread(_run_id, ctx, sitting_id)
    deadline = time.monotonic() + max(0.0, wait_seconds)
    while True:
        seen = ctx.signal.seq(run_id)
        if seen is None or ctx.signal.due_for_refresh(run_id):
            seen = await asyncio.to_thread(_refreshed_seq, ctx, run_id)
        if seen > after:
            batch = await asyncio.to_thread(events_for, ctx, sitting_id, after)
            if batch.events:
                return batch
            after = batch.last_seq
        left = deadline - time.monotonic()
        if left <= 0:
            return await asyncio.to_thread(events_for, ctx, sitting_id, after)
        await ctx.signal.wait_async(run_id, max(seen, after), min(left, 1.0))


# -- leaving the kiosk ---------------------------------------------------------------------------
def check_leave_code(ctx: TheoryContext, device_id: int, room_code: str | None, code: str) -> bool:
    key = f"leave:{device_id}"
    ctx.leave_throttle.check(key)
    with ctx.site.db.read() as session:
        plan = repositories.current_plan(session)
        codes = []
        for run in theory_store.open_rooms(session):
            room = ctx.room_by_id(plan, run.room_id) if plan else None
            if room is not None and (room_code is None or room.code == room_code):
                codes.append(run.leave_code)
    ok = any(hmac.compare_digest(candidate.encode(), code.strip().encode()) for candidate in codes)
    if not ok:
        ctx.leave_throttle.fail(key)
    from app.domain.actor import SITE

    with ctx.site.db.transaction() as tx:
        ctx.site.audit.record(tx, SITE, "theory.kiosk_leave" if ok else "theory.kiosk_leave_refused",
                              f"device:{device_id}", after={"room": room_code})
    return ok
