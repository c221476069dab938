"""The examiner station on the site host itself, and the host-side station service the LAN API uses.

`StationService` turns `ScoringService` and the plan into the views of `app.station.model` for one
logged-in examiner: their candidates (the rooms of their practical duties, in seat order, with
photo and check-in status), the rubric, their own newest sheet with its note, saving (optionally
with an outbox sequence number, applied once), workpiece photos (sealed like check-in evidence),
signing and the result. `LocalStationBackend` is a `StationBackend` over it for a station that
runs on the host.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import InvalidState, KnownError, NotFound, PermissionDenied
from app.i18n import tr
from app.persistence import repositories, scoring_store
from app.persistence.models import ExaminerKey, ExamSession, ScoreSheet, Staff, StationNote, StationReplay
from app.persistence.models import WorkpiecePhoto
from app.persistence.models.station import note_for, photos_for, replay_for
from app.persistence.repositories import PHOTO_CONTEXT
from app.security import PRODUCTION, ScryptParams, fingerprint
from app.services.auth import AuthService
from app.services.authz import require
from app.services.scoring import READ_ROLES, ScoringService, SheetView
from app.services.site import Site
from app.station.model import (
    CandidateCard,
    ExaminerView,
    ResultView,
    RubricItemView,
    SheetState,
    Stroke,
    TaskView,
)

PHOTO_CONTEXT_WORKPIECE = "station.workpiece_photo"
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_NOTE_CHARS = 2000
QUICK_MULTIPLES = (1, 2, 4)
CHECKIN_STATES = {"expected": "not_yet"}


class StationService:
    """What every examiner station asks the site host, for one logged-in examiner at a time."""

    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now,
                 key_params: ScryptParams = PRODUCTION) -> None:
        self.site = site
        self.clock = clock
        self.scoring = ScoringService(site, clock, key_params)

    # -- who and whom ----------------------------------------------------------------------
    def examiner(self, actor: Actor) -> ExaminerView:
        require(actor, *READ_ROLES)
        with self.site.db.read() as session:
            key = scoring_store.examiner_key(session, actor.staff_id)
            return _examiner_view(actor, key)

    def candidates(self, actor: Actor, *, photos: bool = True) -> list[CandidateCard]:
        """The candidates of the examiner's practical duties: by session start, room, seat."""
        require(actor, Role.EXAMINER)
        cipher = self.site.require_keys().field_cipher() if photos else None
        cards = []
        with self.site.db.read() as session:
            plan = repositories.current_plan(session)
            staff = session.get(Staff, actor.staff_id)
            if plan is None or staff is None:
                return []
            rooms: dict[int, set[int]] = {}
            for duty in staff.duties:
                rooms.setdefault(duty.session_id, set()).add(duty.room_id)
            sessions = sorted((s for s in (session.get(ExamSession, sid) for sid in rooms)
                               if s is not None and s.plan_id == plan.id and s.kind == "practical"),
                              key=lambda s: (s.starts_at, s.code))
            for exam_session in sessions:
                tasks = {code: scoring_store.task_by_code(session, plan.id, code)
                         for code in exam_session.task_codes or []}
                for sitting, candidate, room in repositories.sittings_of_session(session, exam_session.id):
                    if room.id not in rooms[exam_session.id]:
                        continue
                    state = {}
                    for code, record in tasks.items():
                        mine = [s for s in scoring_store.sheets(session, sitting.id, record.id)
                                if s.examiner_id == actor.staff_id] if record else []
                        state[code] = mine[-1].state if mine else "none"
                    cards.append(CandidateCard(
                        session_code=exam_session.code, ticket_no=candidate.ticket_no, name=candidate.name,
                        seat_no="" if sitting.seat_no is None else str(sitting.seat_no), room_code=room.code,
                        photo_jpeg=cipher.decrypt(candidate.photo_sealed, PHOTO_CONTEXT) if cipher else None,
                        checked_in=CHECKIN_STATES.get(sitting.status, sitting.status),
                        tasks=tuple(tasks), my_state=state))
        return cards

    def candidate_photo(self, actor: Actor, ticket_no: str) -> bytes:
        """One candidate's roster portrait, for a candidate of the examiner's own list only."""
        require(actor, Role.EXAMINER)
        if ticket_no not in {card.ticket_no for card in self.candidates(actor, photos=False)}:
            raise PermissionDenied(tr("Candidate {ticket} is not in a room you examine.", ticket=ticket_no))
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            candidate = repositories.candidate_by_ticket(session, ticket_no)
            return cipher.decrypt(candidate.photo_sealed, PHOTO_CONTEXT)

    # -- the rubric ------------------------------------------------------------------------
    def task(self, actor: Actor, session_code: str, task_code: str) -> TaskView:
        require(actor, *READ_ROLES)
        with self.site.db.read() as session:
            plan = repositories.current_plan(session)
            exam_session = plan and repositories.session_by_code(session, plan.id, session_code)
            record = plan and scoring_store.task_by_code(session, plan.id, task_code)
            if not exam_session or task_code not in (exam_session.task_codes or []) or record is None:
                raise NotFound(tr("Session {session} has no practical task {task}.", session=session_code,
                                  task=task_code))
            items = tuple(RubricItemView(code=r.code, description=r.description, kind=r.kind,
                                         max_points=_text(r.max_points), step=_text(r.step),
                                         quick_deductions=_quick(r.kind, r.max_points, r.step))
                          for r in scoring_store.rubric(session, record.id))
            return TaskView(code=record.code, title=record.title, time_limit_minutes=record.time_limit_minutes,
                            max_score=_text(record.max_score), items=items)

    # -- the examiner's own sheet ----------------------------------------------------------
    def sheet(self, actor: Actor, session_code: str, ticket_no: str, task_code: str) -> SheetState:
        require(actor, Role.EXAMINER)
        mine = [s for s in self.scoring.sheets(actor, session_code, ticket_no, task_code)
                if s.examiner_no == actor.staff_no]
        latest = mine[-1] if mine else None
        with self.site.db.read() as session:
            note = self._note(session, actor, latest)
        return _state(session_code, ticket_no, task_code, latest, note)

    def save(self, actor: Actor, session_code: str, ticket_no: str, task_code: str, entries: Mapping[str, object],
             note: str = "", reason: str = "", replay: tuple[str, int] | None = None) -> SheetState:
        """Keep the examiner's draft and note. With `replay` (outbox id, sequence number) a save the
        host has already applied is ignored, so a station may send its outbox again after a drop."""
        require(actor, Role.EXAMINER)
        note = (note or "").strip()
        if len(note) > MAX_NOTE_CHARS:
            raise KnownError(tr("A note is at most {count} characters.", count=MAX_NOTE_CHARS), code="too_long")
        with self.site.db.transaction() as tx:
            mark = None
            if replay is not None:
                outbox_id, seq = replay
                mark = replay_for(tx, outbox_id, lock=True)
                if mark is not None and mark.examiner_id != actor.staff_id:
                    raise PermissionDenied(tr("This station outbox belongs to another examiner."))
                if mark is not None and seq <= mark.last_seq:
                    mark = "applied"
            if mark != "applied":
                view = self.scoring.save_draft_in(tx, actor, session_code, ticket_no, task_code, entries, reason)
                row = tx.get(ScoreSheet, view.sheet_id)
                stored = note_for(tx, row.sitting_id, row.task_id, actor.staff_id)
                if stored is None:
                    tx.add(StationNote(sitting_id=row.sitting_id, task_id=row.task_id, examiner_id=actor.staff_id,
                                       note=note, updated_at=self.clock()))
                elif stored.note != note:
                    stored.note, stored.updated_at = note, self.clock()
                if replay is not None:
                    if mark is None:
                        tx.add(StationReplay(outbox_id=replay[0], examiner_id=actor.staff_id, last_seq=replay[1],
                                             updated_at=self.clock()))
                    else:
                        mark.last_seq, mark.updated_at = replay[1], self.clock()
        return self.sheet(actor, session_code, ticket_no, task_code)

    def applied(self, actor: Actor, outbox_id: str) -> int:
        """The newest sequence number the host applied from this outbox (0 if none)."""
        require(actor, Role.EXAMINER)
        with self.site.db.read() as session:
            mark = replay_for(session, outbox_id)
            if mark is not None and mark.examiner_id != actor.staff_id:
                raise PermissionDenied(tr("This station outbox belongs to another examiner."))
            return 0 if mark is None else mark.last_seq

    def add_photo(self, actor: Actor, session_code: str, ticket_no: str, task_code: str, jpeg: bytes) -> str:
        """Keep a workpiece photo (sealed); returns its SHA-256. The same photo twice is kept once."""
        require(actor, Role.EXAMINER)
        jpeg = bytes(jpeg)
        if not jpeg.startswith(b"\xff\xd8") or len(jpeg) > MAX_PHOTO_BYTES:
            raise KnownError(tr("A workpiece photo must be a JPEG image of at most {mb} MB.",
                                mb=MAX_PHOTO_BYTES // (1024 * 1024)), code="bad_photo")
        sha256 = hashlib.sha256(jpeg).hexdigest()
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.transaction() as tx:
            ctx = self.scoring._context(tx, session_code, ticket_no, task_code)
            self.scoring._check_duty(tx, actor, ctx)
            if any(p.photo_sha256 == sha256 for p in photos_for(tx, ctx.sitting.id, ctx.task_id, actor.staff_id)):
                return sha256
            tx.add(WorkpiecePhoto(sitting_id=ctx.sitting.id, task_id=ctx.task_id, examiner_id=actor.staff_id,
                                  photo_sealed=cipher.encrypt(jpeg, PHOTO_CONTEXT_WORKPIECE), photo_sha256=sha256,
                                  taken_at=self.clock()))
            self.site.audit.record(tx, actor, "station.photo_added",
                                   f"score_sheet:{session_code}:{ticket_no}:{task_code}:{actor.staff_no}",
                                   after={"sha256": sha256, "bytes": len(jpeg)})
        return sha256

    def photos(self, actor: Actor, session_code: str, ticket_no: str, task_code: str) -> list[bytes]:
        """The examiner's own workpiece photos for one candidate and task, oldest first."""
        require(actor, Role.EXAMINER)
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            ctx = self.scoring._context(session, session_code, ticket_no, task_code)
            self.scoring._check_duty(session, actor, ctx)
            return [cipher.decrypt(p.photo_sealed, PHOTO_CONTEXT_WORKPIECE)
                    for p in photos_for(session, ctx.sitting.id, ctx.task_id, actor.staff_id)]

    def sign(self, actor: Actor, session_code: str, ticket_no: str, task_code: str, pin: str,
             strokes: Sequence[Stroke]) -> SheetState:
        require(actor, Role.EXAMINER)
        if not strokes or not any(len(stroke) for stroke in strokes):
            raise KnownError(tr("Sign on the pad before confirming."), code="no_handwriting")
        self.scoring.sign(actor, session_code, ticket_no, task_code, pin, strokes)
        return self.sheet(actor, session_code, ticket_no, task_code)

    def result(self, actor: Actor, session_code: str, ticket_no: str, task_code: str) -> ResultView:
        """How many have signed; once all have, every signed sheet and the combined score."""
        require(actor, *READ_ROLES)
        try:
            done = self.scoring.result(actor, session_code, ticket_no, task_code)
        except InvalidState:
            with self.site.db.read() as session:
                ctx = self.scoring._context(session, session_code, ticket_no, task_code)
                rows = scoring_store.sheets(session, ctx.sitting.id, ctx.task_id)
                signed = len({s.examiner_id for s in rows if s.state == "signed"})
                required = self.scoring._required(ctx)
            return ResultView(ticket_no, task_code, signed, required, False, False, None, ())
        sheets = tuple(_state(session_code, ticket_no, task_code, view, "") for view in done.sheets)
        return ResultView(ticket_no, task_code, len(done.sheets), len(done.sheets), True, done.combined.flagged,
                          None if done.final is None else _text(done.final, places=True), sheets)

    @staticmethod
    def _note(session, actor: Actor, latest: SheetView | None) -> str:
        if latest is None:
            return ""
        row = session.get(ScoreSheet, latest.sheet_id)
        stored = note_for(session, row.sitting_id, row.task_id, actor.staff_id)
        return stored.note if stored else ""


class LocalStationBackend:
    """A `StationBackend` on the site host: every call goes straight to the services."""

    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now, *,
                 key_params: ScryptParams = PRODUCTION) -> None:
        self.service = StationService(site, clock, key_params)
        self.auth = AuthService(site, clock)
        self.actor: Actor | None = None
        self._callbacks: list[Callable[[], None]] = []

    def login(self, staff_no: str, pin: str) -> ExaminerView:
        self.actor = self.auth.login(staff_no, pin, Role.EXAMINER)
        return self.service.examiner(self.actor)

    def candidates(self) -> list[CandidateCard]:
        return self.service.candidates(self._who())

    def task(self, session_code: str, task_code: str) -> TaskView:
        return self.service.task(self._who(), session_code, task_code)

    def sheet(self, session_code: str, ticket_no: str, task_code: str) -> SheetState:
        return self.service.sheet(self._who(), session_code, ticket_no, task_code)

    def save(self, session_code: str, ticket_no: str, task_code: str, entries: dict[str, str],
             note: str = "", reason: str = "") -> SheetState:
        return self.service.save(self._who(), session_code, ticket_no, task_code, entries, note, reason)

    def add_photo(self, session_code: str, ticket_no: str, task_code: str, jpeg: bytes) -> None:
        self.service.add_photo(self._who(), session_code, ticket_no, task_code, jpeg)

    def sign(self, session_code: str, ticket_no: str, task_code: str, pin: str,
             strokes: Sequence[Stroke]) -> SheetState:
        return self.service.sign(self._who(), session_code, ticket_no, task_code, pin, strokes)

    def result(self, session_code: str, ticket_no: str, task_code: str) -> ResultView:
        return self.service.result(self._who(), session_code, ticket_no, task_code)

    def connected(self) -> bool:
        return True

    def on_change(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)  # a station on the host is never offline and never has a backlog

    def logout(self) -> None:
        self.actor = None

    def _who(self) -> Actor:
        if self.actor is None:
            raise PermissionDenied(tr("Log in with your staff number and PIN first."))
        return self.actor


def _examiner_view(actor: Actor, key: ExaminerKey | None) -> ExaminerView:
    return ExaminerView(staff_no=actor.staff_no, name=actor.name, role=actor.role_code,
                        key_fingerprint=fingerprint(bytes.fromhex(key.public_key)) if key else None)


def _state(session_code: str, ticket_no: str, task_code: str, view: SheetView | None, note: str) -> SheetState:
    if view is None:
        return SheetState(session_code, ticket_no, task_code, 0, "none", {}, "0", note, None, None)
    return SheetState(session_code, ticket_no, task_code, view.version, view.state,
                      {code: _text(value) for code, value in view.entries.items()}, _text(view.total), note,
                      view.reason, view.signed_at)


def _text(value: Decimal, places: bool = False) -> str:
    """A decimal as plain text ("10", "0.5"); a combined score keeps its two places ("16.80")."""
    value = Decimal(value)
    return f"{value:.2f}" if places else format(value.normalize(), "f") if value else "0"


def _quick(kind: str, max_points: Decimal, step: Decimal) -> tuple[str, ...]:
    if kind != "deduction":
        return ()
    return tuple(dict.fromkeys(_text(step * k) for k in QUICK_MULTIPLES if step * k <= max_points))

