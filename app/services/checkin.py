"""Check-in at the door (人证合一): ticket, ID card and face, decided by a proctor and audited.

The desk finds the candidate (ticket QR, ID card or manual search), gathers evidence (ticket
status, whether the card matches the roster, the face comparison or — without consent — the
proctor's own visual check, an evidence photo) and a proctor decides: confirm, reject, or
override a problem with a reason. After the late-entry cut-off only the chief proctor may admit,
with a reason. Every decision is a CheckinRecord and an audit event; the evidence photo is sealed.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import InvalidState, NotFound
from app.i18n import tr
from app.identity.idnumber import validate_id_number
from app.identity.tickets import TicketRejected, check_ticket, read_ticket
from app.persistence import repositories
from app.persistence.models import CheckinRecord
from app.persistence.repositories import ID_CONTEXT
from app.results.sealed import require_not_sealed
from app.services.authz import require
from app.services.checkin_rules import (
    CheckinRefused,
    Decision,
    Evidence,
    Method,
    check_admission,
    local_time,
    need_reason,
    problems_with,
)
from app.services.overview import mask_id_number
from app.services.recording import RecordingService
from app.services.site import Site

__all__ = ["CheckinOutcome", "CheckinRefused", "CheckinService", "Decision", "DeskCandidate", "Evidence", "Method"]

DESK_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR)
EVIDENCE_CONTEXT = "checkin.evidence"
CLOSED_STATES = ("ended", "sealed")


@dataclass(frozen=True)
class DeskCandidate:
    ticket_no: str
    name: str
    gender: str
    id_masked: str
    session_code: str
    room_code: str
    room_name: str
    seat_no: int | None
    status: str
    checked_in_at: datetime | None


@dataclass(frozen=True)
class CheckinOutcome:
    ticket_no: str
    name: str
    decision: Decision
    room_name: str
    seat_no: int | None
    late: bool
    at: datetime


class CheckinService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock

    # -- finding the candidate -------------------------------------------------------------
    def scan_ticket(self, actor: Actor, session_code: str, token: str) -> DeskCandidate:
        """Authenticate a ticket QR and find its holder; TicketRejected says why a ticket is refused."""
        require(actor, *DESK_ROLES)
        try:
            claims = read_ticket(token, self.site.trusted_issuers)
            with self.site.db.read() as session:
                plan, exam_session = self._session(session, session_code)
                check_ticket(claims, plan_code=plan.plan_code, session_code=session_code, now=self.clock())
                return self._desk_candidate(session, exam_session, claims.ticket_no)
        except TicketRejected as refused:
            with self.site.db.transaction() as tx:
                self.site.audit.record(tx, actor, "checkin.ticket_refused", f"session:{session_code}",
                                       after={"reason": refused.code, "token_sha256": _digest(token)})
            raise

    def read_card(self, actor: Actor, session_code: str, id_number: str,
                  id_type: str = "resident") -> DeskCandidate:
        """Find the candidate whose roster ID number is on this card."""
        require(actor, *DESK_ROLES)
        id_number = id_number.strip().upper()
        if id_type in ("resident", "hmt_residence") and not validate_id_number(id_number):
            raise CheckinRefused(tr("The ID number on this card fails its check digit: the card is not genuine "
                                    "or was misread."), code="invalid_id")
        index = self._cipher().blind_index(id_number, ID_CONTEXT)
        with self.site.db.read() as session:
            _, exam_session = self._session(session, session_code)
            for candidate in repositories.candidates_by_id_number(session, index):
                if repositories.sitting_for(session, exam_session.id, candidate.id):
                    return self._desk_candidate(session, exam_session, candidate.ticket_no)
        raise NotFound(tr("Nobody with this ID card sits session {session}.", session=session_code))

    def search(self, actor: Actor, session_code: str, text: str, limit: int = 20) -> list[DeskCandidate]:
        """Manual search by ticket number or name, for the queue without tickets or cards."""
        require(actor, *DESK_ROLES)
        text = text.strip()
        with self.site.db.read() as session:
            _, exam_session = self._session(session, session_code)
            rows = repositories.sittings_of_session(session, exam_session.id)
            found = [c.ticket_no for _, c, _ in rows if text and (c.ticket_no.startswith(text) or text in c.name)]
            return [self._desk_candidate(session, exam_session, ticket) for ticket in found[:limit]]

    def card_matches(self, ticket_no: str, id_number: str) -> bool:
        with self.site.db.read() as session:
            candidate = repositories.candidate_by_ticket(session, ticket_no)
            return candidate is not None and candidate.id_number_index == self._card_index(id_number)

    def cutoff(self, session_code: str) -> datetime:
        with self.site.db.read() as session:
            plan, exam_session = self._session(session, session_code)
            return _cutoff(plan, exam_session)

    # -- deciding --------------------------------------------------------------------------
    def decide(self, actor: Actor, session_code: str, ticket_no: str, decision: Decision, evidence: Evidence,
               reason: str = "") -> CheckinOutcome:
        require(actor, *DESK_ROLES)
        reason, now = reason.strip(), self.clock()
        with self.site.db.transaction() as tx:
            plan, exam_session = self._session(tx, session_code)
            candidate = repositories.candidate_by_ticket(tx, ticket_no)
            sitting = candidate and repositories.sitting_for(tx, exam_session.id, candidate.id, lock=True)
            if not sitting:
                raise NotFound(tr("Ticket {ticket} does not sit session {session}.", ticket=ticket_no,
                                  session=session_code))
            if exam_session.state in CLOSED_STATES:
                raise InvalidState(tr("Session {session} has ended: check-in is closed.", session=session_code))
            if sitting.status == "checked_in":
                raise InvalidState(tr("{name} is already checked in.", name=candidate.name))
            cutoff = _cutoff(plan, exam_session)
            late = now > cutoff
            before = {"status": sitting.status, "seat": sitting.seat_no}
            card_match = (None if evidence.card_id_number is None
                          else self._card_index(evidence.card_id_number) == candidate.id_number_index)
            if decision is Decision.REJECTED:
                need_reason(reason, tr("A rejection needs a reason."))
            else:
                problems = problems_with(evidence, card_match)
                check_admission(actor, decision, problems, late, reason, cutoff)
                if sitting.seat_no is None:
                    sitting.seat_no = self._free_seat(tx, exam_session, sitting, plan.rules)
                sitting.status, sitting.checked_in_at = "checked_in", now
            tx.add(self._record(actor, sitting.id, decision, evidence, card_match, late, reason, now))
            self.site.audit.record(tx, actor, f"checkin.{decision.value}", f"sitting:{session_code}:{ticket_no}",
                                   before=before, after={
                                       "status": sitting.status, "seat": sitting.seat_no, "method": evidence.method,
                                       "ticket": evidence.ticket_status, "face_same": evidence.face_same,
                                       "face_consent": evidence.face_consent, "visual_check": evidence.visual_check,
                                       "late": late, "reason": reason})
            room = _room_of(plan, sitting)
            outcome = CheckinOutcome(ticket_no, candidate.name, decision, room.name, sitting.seat_no, late, now)
        if decision is Decision.OVERRIDDEN or late:  # an exception to the rules: a marker on the room's video
            RecordingService(self.site, self.clock).mark(
                actor, room.code, tr("Admitted by exception: {name}, seat {seat}", name=candidate.name,
                                     seat=sitting.seat_no), at=now, ticket=ticket_no, reason=reason)
        return outcome

    def mark_absentees(self, actor: Actor, session_code: str) -> list[str]:
        """At the cut-off, everyone still expected is absent (缺考). Returns their tickets."""
        require(actor, *DESK_ROLES)
        now = self.clock()
        with self.site.db.transaction() as tx:
            plan, exam_session = self._session(tx, session_code)
            require_not_sealed(exam_session)
            cutoff = _cutoff(plan, exam_session)
            if now <= cutoff:
                raise InvalidState(tr("Absentees can be marked after the late-entry cut-off at {time}.",
                                      time=local_time(cutoff)))
            absent = []
            for sitting, candidate, _ in repositories.sittings_of_session(tx, exam_session.id):
                if sitting.status == "expected":
                    sitting.status = "absent"
                    absent.append(candidate.ticket_no)
            self.site.audit.record(tx, actor, "checkin.absentees", f"session:{session_code}",
                                   after={"absent": absent, "count": len(absent)})
            return absent

    def summary(self, actor: Actor, session_code: str) -> dict[str, Counter]:
        """Per room: how many are expected, checked in, absent."""
        require(actor, *DESK_ROLES, Role.SUPERVISOR, Role.ADMIN)
        with self.site.db.read() as session:
            _, exam_session = self._session(session, session_code)
            counts: dict[str, Counter] = {}
            for sitting, _, room in repositories.sittings_of_session(session, exam_session.id):
                counts.setdefault(room.name, Counter())[sitting.status] += 1
            return counts

    def evidence_photo(self, actor: Actor, record_id: int) -> bytes | None:
        """An evidence photo, for an auditor or the chief proctor; the viewing is audited."""
        require(actor, Role.CHIEF_PROCTOR, Role.SUPERVISOR)
        with self.site.db.transaction() as tx:
            record = tx.get(CheckinRecord, record_id)
            if record is None:
                raise NotFound(tr("No check-in record {record}.", record=record_id))
            self.site.audit.record(tx, actor, "checkin.evidence_viewed", f"checkin:{record_id}")
            sealed = record.evidence_sealed
        return None if sealed is None else self._cipher().decrypt(sealed, EVIDENCE_CONTEXT)

    # -- helpers ---------------------------------------------------------------------------
    def _cipher(self):
        return self.site.require_keys().field_cipher()

    def _card_index(self, id_number: str) -> str:
        return self._cipher().blind_index(id_number.strip().upper(), ID_CONTEXT)

    def _session(self, session, session_code: str):
        plan = repositories.current_plan(session)
        exam_session = plan and repositories.session_by_code(session, plan.id, session_code)
        if not exam_session:
            raise NotFound(tr("There is no session {session} in the current plan.", session=session_code))
        return plan, exam_session

    def _desk_candidate(self, session, exam_session, ticket_no: str) -> DeskCandidate:
        candidate = repositories.candidate_by_ticket(session, ticket_no)
        sitting = candidate and repositories.sitting_for(session, exam_session.id, candidate.id)
        if not sitting:
            raise NotFound(tr("Ticket {ticket} does not sit session {session}.", ticket=ticket_no,
                              session=exam_session.code))
        room = _room_of(exam_session.plan, sitting)
        id_number = self._cipher().decrypt(candidate.id_number_sealed, ID_CONTEXT).decode()
        return DeskCandidate(candidate.ticket_no, candidate.name, candidate.gender, mask_id_number(id_number),
                             exam_session.code, room.code, room.name, sitting.seat_no, sitting.status,
                             sitting.checked_in_at)

    def _free_seat(self, tx, exam_session, sitting, rules: dict) -> int | None:
        room = _room_of(exam_session.plan, sitting)
        free = sorted(set(range(1, room.capacity + 1)) - repositories.taken_seats(tx, exam_session.id, room.id))
        if not free:
            raise InvalidState(tr("Room {room} has no free seat left.", room=room.name))
        return secrets.choice(free) if rules.get("random_seats") else free[0]

    def _record(self, actor, sitting_id, decision, evidence: Evidence, card_match, late, reason, now) -> CheckinRecord:
        sealed = (self._cipher().encrypt(evidence.photo_jpeg, EVIDENCE_CONTEXT)
                  if evidence.photo_jpeg else None)
        distance = None if evidence.face_distance is None else str(round(Decimal(repr(evidence.face_distance)), 4))
        return CheckinRecord(sitting_id=sitting_id, decided_at=now, decided_by=actor.staff_id,
                             decision=decision.value, method=evidence.method.value,
                             ticket_status=evidence.ticket_status,
                             card_match=card_match,
                             face_distance=distance, face_same=evidence.face_same,
                             face_consent=evidence.face_consent, visual_check=evidence.visual_check, late=late,
                             reason=reason, evidence_sealed=sealed)


def _cutoff(plan, exam_session) -> datetime:
    """The late-entry cut-off: the session's start plus the plan's late-entry minutes (default 15)."""
    return exam_session.starts_at + timedelta(minutes=int(plan.rules.get("late_entry_minutes", 15)))


def _digest(token: str) -> str:
    """Identifies a refused ticket code in the audit trail without copying it."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()[:16]


def _room_of(plan, sitting):
    """The room a sitting is in (the plan's rooms are loaded with it)."""
    return next(room for room in plan.rooms if room.id == sitting.room_id)
