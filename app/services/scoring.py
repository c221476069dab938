"""Practical scoring: independent examiners, signed score sheets, corrections, aggregation, review.

An examiner saves draft marks for a candidate of their room, then signs the sheet with their PIN
(which unlocks their own Ed25519 key) and their handwritten signature: the sheet becomes
immutable. A correction is a new version with a reason, signed again; the old one stays. Until
the plan's number of examiners have signed for a candidate and task, each examiner reads only
their own sheets. Then the scores are combined by the plan's rule; a spread over the threshold
waits for the examiner lead's signed resolution. `verify_sheets` re-checks every signature
against the stored rows, so an edit made behind the service's back is found.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.canonical import canonical_json
from app.domain.paper import PracticalTask, RubricItem, RubricItemKind
from app.domain.plan import Aggregation
from app.domain.roles import Role
from app.errors import InvalidState, NotFound, PermissionDenied
from app.i18n import tr
from app.persistence import repositories, scoring_store
from app.persistence.models import (
    ExaminerKey,
    ExamPlanRecord,
    ExamSession,
    ScoreResolution,
    ScoreSheet,
    Signature,
    Sitting,
    Staff,
)
from app.practical.rules import Combined, ScoringRefused, combine, round_score, task_total, validate_entries
from app.results.sealed import require_not_sealed
from app.practical.signing import (
    ResolutionContent,
    countersign_payload,
    encode_strokes,
    resolution_payload,
    sheet_payload,
    sign_payload,
)
from app.security import PRODUCTION, ScryptParams, SigningKey, WrongPin, open_examiner_key, seal_examiner_key
from app.security import verify_secret
from app.services.auth import LOCK_MINUTES, MAX_FAILURES
from app.services.authz import require
from app.services.scoring_verify import COUNTERSIGN, RESOLUTION, SHEET, sheet_content, supersedes_digest, verify_sheets
from app.services.site import Site

__all__ = ["ScoringRefused", "ScoringService", "SheetView", "TaskResult", "WrongPin", "verify_sheets"]

READ_ROLES = (Role.EXAMINER, Role.EXAMINER_LEAD, Role.SUPERVISOR)



@dataclass(frozen=True)
class SheetView:
    sheet_id: int
    ticket_no: str
    task_code: str
    examiner_no: str
    version: int
    state: str  # draft or signed
    entries: dict[str, Decimal]
    total: Decimal
    reason: str | None
    supersedes_id: int | None
    signed_at: datetime | None


@dataclass(frozen=True)
class TaskResult:
    """One candidate's task once every required examiner has signed."""

    ticket_no: str
    task_code: str
    rule: Aggregation
    combined: Combined
    resolved: bool
    final: Decimal | None  # None while a flagged disagreement waits for the examiner lead
    sheets: tuple[SheetView, ...]  # the newest signed version of each examiner's sheet


@dataclass
class _Context:
    plan: ExamPlanRecord
    exam_session: ExamSession
    ticket_no: str
    sitting: Sitting
    task_id: int
    task: PracticalTask


class ScoringService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now,
                 key_params: ScryptParams = PRODUCTION) -> None:
        self.site = site
        self.clock = clock
        self.key_params = key_params

    # -- examiners -------------------------------------------------------------------------
    def save_draft(self, actor: Actor, session_code: str, ticket_no: str, task_code: str,
                   entries: Mapping[str, object], reason: str = "") -> SheetView:
        """Keep the examiner's marks so far. Once signed, only a correction with a reason may follow."""
        with self.site.db.transaction() as tx:
            return self.save_draft_in(tx, actor, session_code, ticket_no, task_code, entries, reason)

    def save_draft_in(self, tx, actor: Actor, session_code: str, ticket_no: str, task_code: str,
                      entries: Mapping[str, object], reason: str = "") -> SheetView:
        """`save_draft` inside the caller's transaction (a station stores its note and replay mark with it)."""
        require(actor, Role.EXAMINER)
        reason = reason.strip()
        ctx = self._context(tx, session_code, ticket_no, task_code)
        require_not_sealed(ctx.exam_session)
        self._check_duty(tx, actor, ctx)
        marks = validate_entries(ctx.task, entries, complete=False)
        mine = [s for s in scoring_store.sheets(tx, ctx.sitting.id, ctx.task_id, lock=True)
                if s.examiner_id == actor.staff_id]
        latest = mine[-1] if mine else None
        if latest is None or latest.state == "signed":
            if latest is not None and not reason:
                raise ScoringRefused(tr("A signed score sheet cannot be changed: a correction needs a reason."),
                                     code="needs_reason")
            latest = ScoreSheet(sitting_id=ctx.sitting.id, task_id=ctx.task_id, examiner_id=actor.staff_id,
                                version=latest.version + 1 if latest else 1, state="draft",
                                supersedes_id=latest.id if latest else None, reason=reason or None,
                                entries="{}", total=Decimal(0))
            tx.add(latest)
        elif latest.supersedes_id is not None and reason:
            latest.reason = reason
        latest.entries = _entries_text(marks)
        latest.total = task_total(ctx.task, marks)
        tx.flush()
        self.site.audit.record(tx, actor, "scoring.draft_saved", _subject(ctx, actor.staff_no),
                               after={"sheet": latest.id, "version": latest.version,
                                      "correction": latest.supersedes_id is not None})
        return _view(latest, ctx, actor.staff_no)

    def sign(self, actor: Actor, session_code: str, ticket_no: str, task_code: str, pin: str,
             strokes: Sequence[Sequence[Sequence[float]]]) -> SheetView:
        """Sign the examiner's draft with their PIN-unlocked key and handwriting; it is immutable after."""
        require(actor, Role.EXAMINER)
        handwriting = encode_strokes(strokes)
        with self._pin_attempt(actor, f"score:{session_code}:{ticket_no}:{task_code}"), \
                self.site.db.transaction() as tx:
            ctx = self._context(tx, session_code, ticket_no, task_code)
            require_not_sealed(ctx.exam_session)
            self._check_duty(tx, actor, ctx)
            mine = [s for s in scoring_store.sheets(tx, ctx.sitting.id, ctx.task_id, lock=True)
                    if s.examiner_id == actor.staff_id]
            sheet = mine[-1] if mine else None
            if sheet is None or sheet.state != "draft":
                raise InvalidState(tr("There is no unsigned score sheet to sign."))
            marks = validate_entries(ctx.task, json.loads(sheet.entries), complete=True)
            key = self._unlock(tx, actor, pin)
            now = self.clock()
            sheet.total, sheet.state, sheet.signed_at = task_total(ctx.task, marks), "signed", now
            payload = sheet_payload(sheet_content(self.site.config.site_id, ctx, actor.staff_no, sheet, handwriting,
                                                  supersedes_digest(tx, sheet)))
            payload_sha256, signature = sign_payload(key, payload)
            tx.add(Signature(purpose=SHEET, subject=f"{SHEET}:{sheet.id}", signer_id=actor.staff_id,
                             payload_sha256=payload_sha256, public_key=key.public_key.hex(), signature=signature,
                             handwriting=handwriting, signed_at=now))
            self.site.audit.record(tx, actor, "scoring.signed", _subject(ctx, actor.staff_no), after={
                "sheet": sheet.id, "version": sheet.version, "payload_sha256": payload_sha256,
                "key": key.fingerprint, "reason": sheet.reason})
            return _view(sheet, ctx, actor.staff_no)

    # -- reading ---------------------------------------------------------------------------
    def sheets(self, actor: Actor, session_code: str, ticket_no: str, task_code: str) -> list[SheetView]:
        """Independence: before every required examiner has signed, an examiner sees only their own sheets
        and the lead and supervisor see none; afterwards everyone sees every signed sheet."""
        require(actor, *READ_ROLES)
        with self.site.db.read() as session:
            ctx = self._context(session, session_code, ticket_no, task_code)
            if actor.role is Role.EXAMINER:
                self._check_duty(session, actor, ctx)
            rows = scoring_store.sheets(session, ctx.sitting.id, ctx.task_id)
            complete = self._complete(ctx, rows)
            names = _staff_numbers(session, rows)
            return [_view(s, ctx, names[s.examiner_id]) for s in rows
                    if s.examiner_id == actor.staff_id and actor.role is Role.EXAMINER
                    or complete and s.state == "signed"]

    def result(self, actor: Actor, session_code: str, ticket_no: str, task_code: str) -> TaskResult:
        """The combined score once every required examiner has signed; flagged if they disagree too much."""
        require(actor, *READ_ROLES)
        with self.site.db.read() as session:
            ctx = self._context(session, session_code, ticket_no, task_code)
            if actor.role is Role.EXAMINER:
                self._check_duty(session, actor, ctx)
            return self._result(session, ctx)

    # -- the examiner lead -----------------------------------------------------------------
    def resolve(self, actor: Actor, session_code: str, ticket_no: str, task_code: str, score: Decimal,
                reason: str, pin: str, strokes: Sequence[Sequence[Sequence[float]]]) -> TaskResult:
        """The examiner lead decides a flagged disagreement, with a reason, signed by their own key."""
        require(actor, Role.EXAMINER_LEAD)
        reason, handwriting = reason.strip(), encode_strokes(strokes)
        if not reason:
            raise ScoringRefused(tr("A resolution needs a reason."), code="needs_reason")
        with self._pin_attempt(actor, f"score:{session_code}:{ticket_no}:{task_code}"), \
                self.site.db.transaction() as tx:
            ctx = self._context(tx, session_code, ticket_no, task_code)
            require_not_sealed(ctx.exam_session)
            current = self._result(tx, ctx)
            if not current.combined.flagged or current.resolved:
                raise InvalidState(tr("The examiners' scores need no resolution."))
            score = Decimal(score)
            if not score.is_finite() or score < 0 or score > ctx.task.max_score or round_score(score) != score:
                raise ScoringRefused(tr("The score must be between 0 and {max}, to 0.01 at most.",
                                        max=ctx.task.max_score), code="out_of_bounds")
            key = self._unlock(tx, actor, pin)
            now = self.clock()
            covered = [(s.sheet_id, scoring_store.signature(tx, SHEET, f"{SHEET}:{s.sheet_id}").payload_sha256)
                       for s in current.sheets]
            row = ScoreResolution(sitting_id=ctx.sitting.id, task_id=ctx.task_id, score=score, reason=reason,
                                  sheet_ids=canonical_json([sheet_id for sheet_id, _ in covered]).decode(),
                                  resolved_by=actor.staff_id, resolved_at=now)
            tx.add(row)
            tx.flush()
            payload = resolution_payload(ResolutionContent(self.site.config.site_id, ctx.plan.plan_code, ticket_no,
                                                           task_code, actor.staff_no, score, reason, covered, now))
            payload_sha256, signature = sign_payload(key, payload)
            tx.add(Signature(purpose=RESOLUTION, subject=f"score_resolution:{row.id}", signer_id=actor.staff_id,
                             payload_sha256=payload_sha256, public_key=key.public_key.hex(), signature=signature,
                             handwriting=handwriting, signed_at=now))
            self.site.audit.record(tx, actor, "scoring.resolved", f"score:{session_code}:{ticket_no}:{task_code}",
                                   before={"combined": current.combined.score, "spread": current.combined.spread},
                                   after={"score": score, "reason": reason, "payload_sha256": payload_sha256})
            tx.flush()
            return self._result(tx, ctx)

    # -- the supervisor --------------------------------------------------------------------
    def countersign_room(self, actor: Actor, session_code: str, room_code: str, secret: str,
                         strokes: Sequence[Sequence[Sequence[float]]]) -> int:
        """The supervisor countersigns every sheet and resolution signed in a room so far; returns how many.

        `secret` is the supervisor's own password; it unlocks (the first time: makes) their signing key.
        """
        require(actor, Role.SUPERVISOR)
        handwriting = encode_strokes(strokes)
        with self._pin_attempt(actor, f"room:{session_code}:{room_code}"), self.site.db.transaction() as tx:
            plan = repositories.current_plan(tx)
            exam_session = plan and repositories.session_by_code(tx, plan.id, session_code)
            room = next((r for r in plan.rooms if r.code == room_code), None) if plan else None
            if not exam_session or exam_session.kind != "practical" or room is None:
                raise NotFound(tr("Session {session} has no practical room {room}.", session=session_code,
                                  room=room_code))
            require_not_sealed(exam_session)
            key = self._unlock(tx, actor, secret)
            now = self.clock()
            sheets, resolutions = scoring_store.room_signatures(tx, exam_session.id, room.id, now)
            if not sheets:
                raise InvalidState(tr("No score sheet has been signed in room {room} yet.", room=room_code))
            payload = countersign_payload(self.site.config.site_id, plan.plan_code, session_code, room_code,
                                          actor.staff_no, now, sheets, resolutions)
            payload_sha256, signature = sign_payload(key, payload)
            tx.add(Signature(purpose=COUNTERSIGN, subject=f"room:{plan.plan_code}:{session_code}:{room_code}",
                             signer_id=actor.staff_id,
                             payload_sha256=payload_sha256, public_key=key.public_key.hex(), signature=signature,
                             handwriting=handwriting, signed_at=now))
            self.site.audit.record(tx, actor, "scoring.countersigned", f"room:{session_code}:{room_code}", after={
                "sheets": len(sheets), "resolutions": len(resolutions), "payload_sha256": payload_sha256})
            return len(sheets) + len(resolutions)

    # -- helpers ---------------------------------------------------------------------------
    def _context(self, session, session_code: str, ticket_no: str, task_code: str) -> _Context:
        plan = repositories.current_plan(session)
        exam_session = plan and repositories.session_by_code(session, plan.id, session_code)
        if not exam_session or exam_session.kind != "practical" or task_code not in (exam_session.task_codes or []):
            raise NotFound(tr("Session {session} has no practical task {task}.", session=session_code, task=task_code))
        candidate = repositories.candidate_by_ticket(session, ticket_no)
        sitting = candidate and repositories.sitting_for(session, exam_session.id, candidate.id)
        if not sitting:
            raise NotFound(tr("Ticket {ticket} does not sit session {session}.", ticket=ticket_no,
                              session=session_code))
        if sitting.status == "absent":
            raise InvalidState(tr("{name} was absent from this session.", name=candidate.name))
        record = scoring_store.task_by_code(session, plan.id, task_code)
        if record is None:
            raise NotFound(tr("Session {session} has no practical task {task}.", session=session_code, task=task_code))
        rubric = tuple(RubricItem(code=r.code, description=r.description, kind=RubricItemKind(r.kind),
                                  max_points=r.max_points, step=r.step) for r in scoring_store.rubric(session, record.id))
        task = PracticalTask(code=record.code, title=record.title, time_limit_minutes=record.time_limit_minutes,
                             max_score=record.max_score, rubric=rubric)
        return _Context(plan, exam_session, ticket_no, sitting, record.id, task)

    def _check_duty(self, session, actor: Actor, ctx: _Context) -> None:
        if not scoring_store.has_duty(session, actor.staff_id, ctx.exam_session.id, ctx.sitting.room_id):
            raise PermissionDenied(tr("Candidate {ticket} is not in a room you examine.", ticket=ctx.ticket_no))

    def _required(self, ctx: _Context) -> int:
        return int(ctx.plan.rules.get("examiner_count", 3))

    def _complete(self, ctx: _Context, rows: list[ScoreSheet]) -> bool:
        return len({s.examiner_id for s in rows if s.state == "signed"}) >= self._required(ctx)

    def _result(self, session, ctx: _Context) -> TaskResult:
        rows = scoring_store.sheets(session, ctx.sitting.id, ctx.task_id)
        if not self._complete(ctx, rows):
            signed = len({s.examiner_id for s in rows if s.state == "signed"})
            raise InvalidState(tr("{signed} of {required} examiners have signed: the result is not ready.",
                                  signed=signed, required=self._required(ctx)))
        newest: dict[int, ScoreSheet] = {}
        for sheet in rows:
            if sheet.state == "signed":
                newest[sheet.examiner_id] = sheet
        names = _staff_numbers(session, rows)
        views = tuple(_view(s, ctx, names[s.examiner_id]) for s in sorted(newest.values(), key=lambda s: s.id))
        rule = Aggregation(ctx.plan.rules.get("aggregation", "mean"))
        combined = combine([v.total for v in views], rule, Decimal(ctx.plan.rules.get("discrepancy_threshold", "10")))
        ids = [v.sheet_id for v in views]
        resolution = next((r for r in reversed(scoring_store.resolutions(session, ctx.sitting.id, ctx.task_id))
                           if json.loads(r.sheet_ids) == ids), None)
        if resolution is not None:
            return TaskResult(ctx.ticket_no, ctx.task.code, rule, combined, True, resolution.score, views)
        return TaskResult(ctx.ticket_no, ctx.task.code, rule, combined, False,
                          None if combined.flagged else combined.score, views)

    @contextmanager
    def _pin_attempt(self, actor: Actor, subject: str) -> Iterator[None]:
        """A wrong PIN counts towards the same lock as failed log-ins, and is audited."""
        try:
            yield
        except WrongPin:
            now = self.clock()
            with self.site.db.transaction() as tx:
                staff = tx.get(Staff, actor.staff_id)
                staff.failed_attempts += 1
                locked = staff.failed_attempts >= MAX_FAILURES
                if locked:
                    staff.locked_until, staff.failed_attempts = now + timedelta(minutes=LOCK_MINUTES), 0
                self.site.audit.record(tx, actor, "scoring.wrong_pin", subject, after={"locked": locked})
            raise

    def _unlock(self, tx, actor: Actor, pin: str) -> SigningKey:
        """The examiner's own key; made and sealed under their PIN the first time they sign."""
        staff = tx.get(Staff, actor.staff_id)
        if staff is not None and staff.locked_until and staff.locked_until > self.clock():
            raise ScoringRefused(tr("Too many wrong PINs: signing is locked for a few minutes."), code="locked")
        if staff is None or not staff.secret_hash or not verify_secret(pin, staff.secret_hash):
            raise WrongPin()
        staff.failed_attempts = 0
        row = scoring_store.examiner_key(tx, staff.id)
        if row is not None:
            try:
                return open_examiner_key(row.sealed_private, pin, staff.staff_no)
            except WrongPin:
                pass  # the PIN is right but was reset since the key was sealed: issue a new key below
        key = SigningKey.generate()
        tx.add(ExaminerKey(staff_id=staff.id, public_key=key.public_key.hex(), created_at=self.clock(),
                           sealed_private=seal_examiner_key(key, pin, staff.staff_no, self.key_params)))
        staff.signing_public = key.public_key.hex()
        if row is None:
            self.site.audit.record(tx, actor, "scoring.key_enrolled", f"staff:{staff.staff_no}",
                                   after={"public_key": key.public_key.hex(), "fingerprint": key.fingerprint})
        else:
            self.site.audit.record(tx, actor, "scoring.key_reissued", f"staff:{staff.staff_no}",
                                   before={"public_key": row.public_key},
                                   after={"public_key": key.public_key.hex(), "fingerprint": key.fingerprint})
        return key


def _entries_text(marks: Mapping[str, Decimal]) -> str:
    return canonical_json(dict(marks)).decode("utf-8")


def _staff_numbers(session, rows: list[ScoreSheet]) -> dict[int, str]:
    return {staff_id: session.get(Staff, staff_id).staff_no for staff_id in {s.examiner_id for s in rows}}


def _subject(ctx: _Context, staff_no: str) -> str:
    return f"score_sheet:{ctx.exam_session.code}:{ctx.ticket_no}:{ctx.task.code}:{staff_no}"


def _view(sheet: ScoreSheet, ctx, examiner_no: str) -> SheetView:
    return SheetView(sheet.id, ctx.ticket_no, ctx.task.code, examiner_no, sheet.version, sheet.state,
                     {code: Decimal(value) for code, value in json.loads(sheet.entries).items()}, sheet.total,
                     sheet.reason, sheet.supersedes_id, sheet.signed_at)
