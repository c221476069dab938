"""Results of the current plan: per candidate theory and practical outcomes, certificate numbers,
and the public list (公示) with masked names and ID numbers.

`compute` reads what grading and scoring stored (TheoryService.grade_session's scores on the
candidates' theory state; ScoringService's combined practical results), applies the plan's pass
marks (app.results.outcome), numbers the certificates of those who passed when the province
delegates numbering (app.results.certificate), stores one CandidateResult per candidate and
writes the audit trail in the same transaction. Nothing changes once the plan is sealed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.plan import Level
from app.domain.roles import Role
from app.errors import InvalidState, KnownError, NotFound, PermissionDenied
from app.i18n import tr
from app.persistence import repositories, results_store, theory_store
from app.persistence.models import Candidate, CandidateResult, Signature
from app.persistence.repositories import ID_CONTEXT
from app.practical.signing import encode_strokes, sign_payload
from app.results import certificate, room_record
from app.results.masking import mask_id_number, mask_name
from app.results.outcome import (
    Outcome,
    SubjectFacts,
    SubjectResult,
    overall,
    pass_mark,
    subject_result,
)
from app.results.room_record import RecordEntry, RoomRecord, RoomSigner
from app.results.sealed import require_not_sealed
from app.services.authz import require
from app.services.scoring import ScoringService
from app.services.site import Site

RESULT_ROLES = (Role.CHIEF_PROCTOR, Role.SUPERVISOR, Role.ADMIN)
VOIDING = frozenset({"void_subject", "cheating"})


@dataclass(frozen=True)
class CandidateOutcome:
    ticket_no: str
    name: str
    theory: SubjectResult | None  # None: the candidate sits no theory session
    practical: SubjectResult | None
    outcome: Outcome
    certificate_no: str | None


@dataclass(frozen=True)
class PublicRow:
    ticket_no: str
    name: str  # masked
    id_number: str  # masked
    theory: str  # score, or 缺考/违纪/待定, or "—"
    practical: str
    outcome: str  # 合格 / 不合格 / 缺考 / 违纪 / 待定
    certificate_no: str


@dataclass(frozen=True)
class PublicList:
    plan_code: str
    agency_name: str
    site_name: str
    occupation: str
    level_title: str
    exam_date: str
    rows: tuple[PublicRow, ...]
    published_at: datetime


@dataclass(frozen=True)
class PrintedList:
    path: Path
    count: int
    pages: int | None


def subject_text(result: SubjectResult | None) -> str:
    if result is None:
        return "—"
    if result.outcome in (Outcome.PASSED, Outcome.FAILED):
        return format(result.score, "f")
    if result.outcome is Outcome.VIOLATION:
        return f"0（{Outcome.VIOLATION.title_zh}）"
    return result.outcome.title_zh


class ResultsService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock

    # -- computing -------------------------------------------------------------------------
    def compute(self, actor: Actor) -> list[CandidateOutcome]:
        """Compute and store every candidate's outcome in the current plan (audited)."""
        require(actor, *RESULT_ROLES)
        now = self.clock()
        with self.site.db.transaction() as tx:
            plan = _plan(tx)
            sessions = results_store.sessions(tx, plan.id, lock=True)
            for exam_session in sessions:
                require_not_sealed(exam_session)
            outcomes = self._gather(tx, plan, sessions)
            stored = results_store.results(tx, plan.id, lock=True)
            outcomes = self._number(tx, plan, outcomes, stored)
            candidates = {c.ticket_no: c for c in results_store.candidates(tx, plan.id)}
            for item in outcomes:
                candidate = candidates[item.ticket_no]
                row = stored.get(candidate.id)
                if row is None:
                    row = CandidateResult(plan_id=plan.id, candidate_id=candidate.id, ticket_no=item.ticket_no)
                    tx.add(row)
                row.theory_outcome = item.theory.outcome.value if item.theory else None
                row.theory_score = item.theory.score if item.theory else None
                row.practical_outcome = item.practical.outcome.value if item.practical else None
                row.practical_score = item.practical.score if item.practical else None
                row.outcome, row.certificate_no = item.outcome.value, item.certificate_no
                row.computed_at, row.computed_by = now, actor.staff_no
            tx.flush()
            counts: dict[str, int] = {}
            for item in outcomes:
                counts[item.outcome.value] = counts.get(item.outcome.value, 0) + 1
            self.site.audit.record(tx, actor, "results.computed", f"plan:{plan.plan_code}", after={
                "counts": counts, "certificates": sum(1 for item in outcomes if item.certificate_no),
                "results": {item.ticket_no: [item.outcome.value, _score(item.theory), _score(item.practical)]
                            for item in outcomes}})
        return outcomes

    def results(self, actor: Actor) -> list[CandidateOutcome]:
        """The stored results (as last computed), in ticket order."""
        require(actor, *RESULT_ROLES)
        with self.site.db.read() as session:
            plan = _plan(session)
            names = {c.id: c.name for c in results_store.candidates(session, plan.id)}
            rows = sorted(results_store.results(session, plan.id).values(), key=lambda r: r.ticket_no)
            return [stored_outcome(row, names[row.candidate_id]) for row in rows]

    def state(self, actor: Actor) -> dict:
        """Whether results are computed and the plan sealed, for the console."""
        require(actor, *RESULT_ROLES)
        with self.site.db.read() as session:
            plan = _plan(session)
            seal = results_store.seal_of(session, plan.id)
            stored = results_store.results(session, plan.id)
            return {"plan": plan.plan_code, "computed": len(stored),
                    "computed_at": max((r.computed_at for r in stored.values()), default=None),
                    "sealed_at": seal.sealed_at if seal else None,
                    "document_sha256": seal.document_sha256 if seal else None,
                    "outbox_key": seal.outbox_key if seal else None}

    # -- the public list -------------------------------------------------------------------
    def public_list(self, actor: Actor) -> PublicList:
        """The rows of the public list (公示): names and ID numbers masked, outcomes as printed."""
        require(actor, *RESULT_ROLES)
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            plan = _plan(session)
            stored = results_store.results(session, plan.id)
            if not stored:
                raise InvalidState(tr("Compute the results first."))
            rows = []
            for candidate in results_store.candidates(session, plan.id):
                row = stored.get(candidate.id)
                if row is None:
                    continue
                item = stored_outcome(row, candidate.name)
                id_number = cipher.decrypt(candidate.id_number_sealed, ID_CONTEXT).decode()
                rows.append(PublicRow(candidate.ticket_no, mask_name(candidate.name), mask_id_number(id_number),
                                      subject_text(item.theory), subject_text(item.practical),
                                      item.outcome.title_zh, item.certificate_no or ""))
            return PublicList(plan.plan_code, plan.agency_name, self.site.config.site_name,
                              f"{plan.occupation_name}（{plan.occupation_code}）", Level(plan.level).title_zh,
                              plan.exam_date.isoformat(), tuple(rows), self.clock())

    def print_public_list(self, actor: Actor, out_path: str | Path, fmt: str = "pdf") -> PrintedList:
        """Write the public list as PDF or XLSX; audited, moved into place only after the event commits."""
        from app.reports.public_list import public_list_pdf, public_list_xlsx

        if fmt not in ("pdf", "xlsx"):
            raise KnownError(tr("The format must be pdf or xlsx."), code="format")
        listing = self.public_list(actor)
        out = Path(out_path)
        render = public_list_pdf if fmt == "pdf" else public_list_xlsx
        pages = publish(self.site, actor, out, lambda part: render(listing, part), "results.public_list_printed",
                        f"plan:{listing.plan_code}", {"format": fmt, "rows": len(listing.rows)})
        return PrintedList(out, len(listing.rows), pages if fmt == "pdf" else None)

    # -- helpers ---------------------------------------------------------------------------
    def _gather(self, session, plan, sessions) -> list[CandidateOutcome]:
        theory_mark = pass_mark(plan.rules, "theory_pass_mark")
        practical_mark = pass_mark(plan.rules, "practical_pass_mark")
        scoring = ScoringService(self.site, self.clock)
        voided: dict[int, set[str]] = {}
        for incident in results_store.incidents(session, [s.id for s in sessions]):
            if incident.sitting_id is not None:
                voided.setdefault(incident.sitting_id, set()).add(incident.kind)
        facts: dict[int, dict[str, SubjectFacts]] = {}
        for exam_session in sessions:
            sittings = results_store.sittings(session, exam_session.id)
            states = results_store.theory_states(session, [s.id for s in sittings]) if exam_session.kind == "theory" else {}
            for sitting in sittings:
                present = sitting.status == "checked_in"
                violation = bool(voided.get(sitting.id, set()) & VOIDING)
                if exam_session.kind == "theory":
                    state = states.get(sitting.id)
                    violation = violation or bool(state and state.voided)
                    graded = state is not None and state.graded_at is not None and state.max_score
                    fact = SubjectFacts(present, state.score if graded else None,
                                        state.max_score if graded else Decimal(100), violation)
                else:
                    fact = self._practical_facts(session, scoring, exam_session, sitting, present, violation)
                facts.setdefault(sitting.candidate_id, {}).setdefault(exam_session.kind, fact)
        out = []
        for candidate in results_store.candidates(session, plan.id):
            mine = facts.get(candidate.id, {})
            theory = subject_result(mine["theory"], theory_mark) if "theory" in mine else None
            practical = subject_result(mine["practical"], practical_mark) if "practical" in mine else None
            out.append(CandidateOutcome(candidate.ticket_no, candidate.name, theory, practical,
                                        overall([s for s in (theory, practical) if s is not None]), None))
        return out

    @staticmethod
    def _practical_facts(session, scoring: ScoringService, exam_session, sitting, present: bool,
                         violation: bool) -> SubjectFacts:
        if not present or violation:
            return SubjectFacts(present, None, Decimal(100), violation)
        candidate = session.get(Candidate, sitting.candidate_id)
        total, most = Decimal(0), Decimal(0)
        for task_code in exam_session.task_codes or []:
            try:  # the scoring rules themselves, read inside this transaction (no role: the caller checked)
                ctx = scoring._context(session, exam_session.code, candidate.ticket_no, task_code)
                result = scoring._result(session, ctx)
            except InvalidState:
                return SubjectFacts(True, None)
            if result.final is None:
                return SubjectFacts(True, None)
            total += result.final
            most += ctx.task.max_score
        return SubjectFacts(True, total, most or Decimal(100))

    def _number(self, session, plan, outcomes: list[CandidateOutcome], stored) -> list[CandidateOutcome]:
        """Keep the numbers already given; number the newly passed when the province delegates numbering."""
        prefix = certificate.prefix_from_rules(plan.rules, plan.province_code)
        by_ticket = {row.ticket_no: row.certificate_no for row in stored.values()}
        if prefix is None:
            return outcomes
        kept = {t: n for t, n in by_ticket.items() if n}
        need = [item for item in outcomes if item.outcome is Outcome.PASSED and not kept.get(item.ticket_no)]
        taken = results_store.certificate_numbers(session)
        fresh = iter(certificate.generate(prefix, plan.exam_date.year, plan.level, taken, len(need)))
        numbered = {item.ticket_no: next(fresh) for item in need}
        return [CandidateOutcome(item.ticket_no, item.name, item.theory, item.practical, item.outcome,
                                 (kept.get(item.ticket_no) or numbered.get(item.ticket_no))
                                 if item.outcome is Outcome.PASSED else None)
                for item in outcomes]


def stored_outcome(row: CandidateResult, name: str) -> CandidateOutcome:
    def subject(outcome: str | None, score: Decimal | None) -> SubjectResult | None:
        return None if outcome is None else SubjectResult(Outcome(outcome), score)

    return CandidateOutcome(row.ticket_no, name, subject(row.theory_outcome, row.theory_score),
                            subject(row.practical_outcome, row.practical_score), Outcome(row.outcome),
                            row.certificate_no)


def publish(site: Site, actor: Actor, out: Path, render: Callable[[Path], int], action: str, target: str,
            after: dict) -> int:
    """Render beside `out`, audit, then move into place: a file at `out` has always been audited."""
    part = out.with_name(out.name + ".part")
    try:
        result = render(part)
        with site.db.transaction() as tx:
            site.audit.record(tx, actor, action, target, after=after)
        os.replace(part, out)
    except OSError as exc:
        raise KnownError(tr("Cannot write {path}: {reason}", path=out, reason=exc.strerror or exc),
                         code="write") from exc
    finally:
        part.unlink(missing_ok=True)
    return result


def _plan(session):
    plan = repositories.current_plan(session)
    if plan is None:
        raise NotFound(tr("No exam package has been imported yet."))
    return plan


def _score(result: SubjectResult | None) -> str | None:
    return None if result is None or result.score is None else format(result.score, "f")


# -- the room record ---------------------------------------------------------------------------
RECORD_READ_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR, Role.ADMIN)
RECORD_SIGN_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR)
INCIDENT_TITLES = {"warning": "警告", "void_subject": "本科目成绩无效", "cheating": "作弊"}
TIME_CHANGE_TITLES = {"accommodation": "合理便利", "incident_credit": "故障补时", "adjustment": "时间调整"}
SIGNER_TITLES = {Role.PROCTOR.value: "监考员", Role.CHIEF_PROCTOR.value: "监考员", Role.SUPERVISOR.value: "督导员"}


class RoomRecordService:
    """The room record of one room in one session: gathered from the day's rows, printed, signed."""

    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now, key_params=None) -> None:
        self.site = site
        self.clock = clock
        self.key_params = key_params

    def record(self, actor: Actor, session_code: str, room_code: str) -> RoomRecord:
        require(actor, *RECORD_READ_ROLES)
        with self.site.db.read() as session:
            return gather_room_record(session, self.site.config.site_name, session_code, room_code, self.clock())

    def print(self, actor: Actor, session_code: str, room_code: str, out_path: str | Path) -> PrintedList:
        from app.reports.room_record import room_record_pdf

        record = self.record(actor, session_code, room_code)
        out = Path(out_path)
        pages = publish(self.site, actor, out, lambda part: room_record_pdf(record, part),
                        "results.room_record_printed", f"room:{session_code}:{room_code}",
                        {"content_sha256": room_record.content_sha256(record),
                         "signed": sum(1 for s in record.signers if s.signed_at)})
        return PrintedList(out, record.expected, pages)

    def sign(self, actor: Actor, session_code: str, room_code: str, secret: str,
             strokes: Sequence[Sequence[Sequence[float]]] = ()) -> RoomRecord:
        """Sign the room record as it stands with the signer's own key, unlocked by their password
        (made the first time, as for the supervisor's countersignature). A proctor signs only a room
        they are on duty in; a theory room must have ended; nothing is signed once sealed."""
        require(actor, *RECORD_SIGN_ROLES)
        handwriting = encode_strokes(strokes) if strokes else None
        scoring = ScoringService(self.site, self.clock, **({"key_params": self.key_params} if self.key_params else {}))
        with scoring._pin_attempt(actor, f"room:{session_code}:{room_code}"), self.site.db.transaction() as tx:
            record = gather_room_record(tx, self.site.config.site_name, session_code, room_code, self.clock())
            plan = _plan(tx)
            exam_session = repositories.session_by_code(tx, plan.id, session_code)
            require_not_sealed(exam_session)
            room = next(r for r in plan.rooms if r.code == room_code)
            if actor.role is Role.PROCTOR and not results_store_has_duty(tx, actor, exam_session.id, room.id):
                raise PermissionDenied(tr("You are not on duty in room {room}.", room=room.name))
            if exam_session.kind == "theory" and record.ended_at is None:
                raise InvalidState(tr("Room {room} has not ended: its record cannot be signed yet.", room=room.name))
            digest = room_record.content_sha256(record)
            for signature in results_store.signatures(tx, room_record.PURPOSE, record.subject):
                if signature.signer_id == actor.staff_id and _signed_digest(tx, signature) == digest:
                    raise InvalidState(tr("You have already signed this room record."))
            key = scoring._unlock(tx, actor, secret)  # the signer's own key (scoring's enrolment and audit)
            now = self.clock()
            payload = room_record.payload(self.site.config.site_id, record.subject, digest, actor.staff_no, now)
            payload_sha256, signature = sign_payload(key, payload)
            tx.add(Signature(purpose=room_record.PURPOSE, subject=record.subject, signer_id=actor.staff_id,
                             payload_sha256=payload_sha256, public_key=key.public_key.hex(), signature=signature,
                             handwriting=handwriting, signed_at=now))
            self.site.audit.record(tx, actor, "results.room_record_signed", f"room:{session_code}:{room_code}", after={
                "content_sha256": digest, "payload_sha256": payload_sha256, "key": key.fingerprint})
            tx.flush()
            return gather_room_record(tx, self.site.config.site_name, session_code, room_code, now)


def results_store_has_duty(session, actor: Actor, session_id: int, room_id: int) -> bool:
    return any(staff.id == actor.staff_id for staff in results_store.staff_on_duty(session, session_id, room_id))


def _signed_digest(session, signature: Signature) -> str | None:
    """The content digest a room-record signature covered, from its audit event."""
    for event in results_store.audit_events(session, "results.room_record_signed"):
        after = json.loads(event.after)
        if after.get("payload_sha256") == signature.payload_sha256:
            return after.get("content_sha256")
    return None


def gather_room_record(session, site_name: str, session_code: str, room_code: str, now: datetime) -> RoomRecord:
    """Everything the room record shows, read from the rows as they are now."""
    plan = _plan(session)
    exam_session = repositories.session_by_code(session, plan.id, session_code)
    room = next((r for r in plan.rooms if r.code == room_code), None)
    if exam_session is None or room is None or room_code not in (exam_session.room_codes or []):
        raise NotFound(tr("Session {session} has no room {room}.", session=session_code, room=room_code))
    staff = {s.id: s for s in repositories.all_staff(session)}
    rows = [(sitting, candidate) for sitting, candidate, r in repositories.sittings_of_session(session, exam_session.id)
            if r.id == room.id]
    by_sitting = {sitting.id: (sitting, candidate) for sitting, candidate in rows}
    by_ticket = {candidate.ticket_no: candidate for _, candidate in rows}
    absentees = tuple(RecordEntry(None, c.ticket_no, c.name, "缺考" if s.status == "absent" else "未签到", "")
                      for s, c in rows if s.status != "checked_in")
    incidents = tuple(
        RecordEntry(i.recorded_at, by_sitting[i.sitting_id][1].ticket_no if i.sitting_id in by_sitting else "",
                    by_sitting[i.sitting_id][1].name if i.sitting_id in by_sitting else "",
                    f"{INCIDENT_TITLES.get(i.kind, i.kind)}：{i.note}", staff[i.recorded_by].staff_no)
        for i in results_store.incidents(session, [exam_session.id], room.id))
    run = theory_store.room_run(session, exam_session.id, room.id) if exam_session.kind == "theory" else None
    moved_at: dict[int, list[datetime]] = {}  # the room's own clock; the audit trail keeps the reason
    for event in results_store.room_events(session, run.id, "moved") if run is not None else []:
        moved_at.setdefault(event.sitting_id, []).append(event.at)
    moves = []
    for event in results_store.audit_events(session, "theory.moved", f"sitting:{session_code}:"):
        ticket = event.subject.rsplit(":", 1)[1]
        if ticket in by_ticket:
            before, after = json.loads(event.before), json.loads(event.after)
            sitting_id = next(s.id for s, c in rows if c.ticket_no == ticket)
            times = moved_at.get(sitting_id) or [event.at]
            moves.append(RecordEntry(times.pop(0) if len(times) > 1 else times[0], ticket, by_ticket[ticket].name,
                                     f"座位 {before.get('seat')} → {after.get('seat')}：{after.get('reason', '')}",
                                     event.actor))
    started = ended = None
    pauses: tuple = ()
    time_changes: tuple = ()
    if exam_session.kind == "theory":
        if run is not None:
            started, ended = run.started_at, run.ended_at
            pauses = tuple((datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in run.pauses or ())
            if run.paused_at is not None:
                pauses += ((run.paused_at, None),)
        states = results_store.theory_states(session, list(by_sitting))
        ticket_of_state = {state.id: by_sitting[sitting_id][1] for sitting_id, state in states.items()}
        time_changes = tuple(
            RecordEntry(change.at, ticket_of_state[change.theory_sitting_id].ticket_no,
                        ticket_of_state[change.theory_sitting_id].name,
                        f"{change.seconds // 60:+d} 分钟（{TIME_CHANGE_TITLES.get(change.kind, change.kind)}）：{change.reason}",
                        change.staff_no)
            for change in results_store.time_changes(session, list(ticket_of_state)))
    signers = _signers(session, staff, exam_session, room, room_record.subject(plan.plan_code, session_code, room_code))
    return RoomRecord(
        plan.plan_code, plan.agency_name, site_name, f"{plan.occupation_name}（{plan.occupation_code}）",
        Level(plan.level).title_zh, exam_session.code, exam_session.title, exam_session.kind, room.code, room.name,
        room.location, exam_session.starts_at, exam_session.ends_at, started, ended, pauses, len(rows),
        sum(1 for s, _ in rows if s.status == "checked_in"), absentees, incidents, tuple(moves), time_changes,
        signers, now)


def _signers(session, staff, exam_session, room, record_subject: str) -> tuple[RoomSigner, ...]:
    """Proctors and supervisors on duty in the room (and anyone else who signed), with their signatures."""
    signed = {s.signer_id: s for s in results_store.signatures(session, room_record.PURPOSE, record_subject)}
    people = [s for s in results_store.staff_on_duty(session, exam_session.id, room.id)
              if set(s.roles.split(",")) & set(SIGNER_TITLES)]
    people += [staff[signer_id] for signer_id in signed if signer_id not in {p.id for p in people}]
    out = []
    for person in sorted(people, key=lambda p: (Role.SUPERVISOR.value in p.roles.split(","), p.staff_no)):
        role = "督导员" if Role.SUPERVISOR.value in person.roles.split(",") else "监考员"
        signature = signed.get(person.id)
        out.append(RoomSigner(role, person.staff_no, person.name, signature.signed_at if signature else None,
                              fingerprint(signature.public_key) if signature else None))
    return tuple(out)


def fingerprint(public_key_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:16]
