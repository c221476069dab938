"""Queries for results, room records and the seal: plain reads of what the day left behind."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persistence.models import (
    AuditEvent,
    Candidate,
    CandidateResult,
    ExamSession,
    Incident,
    ItemRecord,
    ResultsSeal,
    ScoreResolution,
    ScoreSheet,
    Signature,
    Sitting,
    Staff,
)
from app.persistence.models.people import Duty
from app.persistence.models.theory import (
    Answer,
    TheoryEvent,
    TheorySitting,
    TheoryTimeChange,
)

__all__ = ["CandidateResult", "ResultsSeal"]


def sessions(session: Session, plan_id: int, *, lock: bool = False) -> list[ExamSession]:
    query = select(ExamSession).where(ExamSession.plan_id == plan_id).order_by(ExamSession.starts_at, ExamSession.code)
    return list(session.scalars(query.with_for_update() if lock else query))


def candidates(session: Session, plan_id: int) -> list[Candidate]:
    return list(session.scalars(select(Candidate).where(Candidate.plan_id == plan_id).order_by(Candidate.ticket_no)))


def sittings(session: Session, session_id: int) -> list[Sitting]:
    return list(session.scalars(select(Sitting).where(Sitting.session_id == session_id).order_by(Sitting.id)))


def theory_states(session: Session, sitting_ids: list[int]) -> dict[int, TheorySitting]:
    if not sitting_ids:
        return {}
    return {row.sitting_id: row for row in session.scalars(
        select(TheorySitting).where(TheorySitting.sitting_id.in_(sitting_ids)))}


def incidents(session: Session, session_ids: list[int], room_id: int | None = None) -> list[Incident]:
    query = select(Incident).where(Incident.session_id.in_(session_ids)).order_by(Incident.id)
    if room_id is not None:
        query = query.where(Incident.room_id == room_id)
    return list(session.scalars(query))


def results(session: Session, plan_id: int, *, lock: bool = False) -> dict[int, CandidateResult]:
    query = select(CandidateResult).where(CandidateResult.plan_id == plan_id)
    return {row.candidate_id: row for row in session.scalars(query.with_for_update() if lock else query)}


def certificate_numbers(session: Session) -> set[str]:
    return set(session.scalars(select(CandidateResult.certificate_no).where(CandidateResult.certificate_no.is_not(None))))


def seal_of(session: Session, plan_id: int) -> ResultsSeal | None:
    return session.scalar(select(ResultsSeal).where(ResultsSeal.plan_id == plan_id))


def staff_numbers(session: Session) -> dict[int, str]:
    return {staff_id: staff_no for staff_id, staff_no in session.execute(select(Staff.id, Staff.staff_no))}


def staff_on_duty(session: Session, session_id: int, room_id: int) -> list[Staff]:
    return list(session.scalars(select(Staff).join(Duty, Duty.staff_id == Staff.id)
                                .where(Duty.session_id == session_id, Duty.room_id == room_id)
                                .order_by(Staff.staff_no)))


def time_changes(session: Session, state_ids: list[int]) -> list[TheoryTimeChange]:
    if not state_ids:
        return []
    return list(session.scalars(select(TheoryTimeChange).where(TheoryTimeChange.theory_sitting_id.in_(state_ids))
                                .order_by(TheoryTimeChange.id)))


def room_events(session: Session, run_id: int, kind: str) -> list[TheoryEvent]:
    return list(session.scalars(select(TheoryEvent).where(TheoryEvent.theory_room_id == run_id,
                                                          TheoryEvent.kind == kind).order_by(TheoryEvent.seq)))


def audit_events(session: Session, action: str, subject_prefix: str = "") -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.action == action)
    if subject_prefix:
        query = query.where(AuditEvent.subject.startswith(subject_prefix))
    return list(session.scalars(query.order_by(AuditEvent.seq)))


def signatures(session: Session, purpose: str | None = None, subject: str | None = None) -> list[Signature]:
    query = select(Signature).order_by(Signature.id)
    if purpose is not None:
        query = query.where(Signature.purpose == purpose)
    if subject is not None:
        query = query.where(Signature.subject == subject)
    return list(session.scalars(query))


def answers(session: Session, sitting_ids: list[int]) -> list[tuple[int, str, Answer]]:
    """(sitting id, item code, answer) for the given sittings, in a stable order."""
    if not sitting_ids:
        return []
    rows = session.execute(select(Answer.sitting_id, ItemRecord.code, Answer)
                           .join(ItemRecord, ItemRecord.id == Answer.item_id)
                           .where(Answer.sitting_id.in_(sitting_ids)).order_by(Answer.sitting_id, ItemRecord.code))
    return [tuple(row) for row in rows]


def score_sheets(session: Session, sitting_ids: list[int]) -> list[ScoreSheet]:
    if not sitting_ids:
        return []
    return list(session.scalars(select(ScoreSheet).where(ScoreSheet.sitting_id.in_(sitting_ids)).order_by(ScoreSheet.id)))


def resolutions(session: Session, sitting_ids: list[int]) -> list[ScoreResolution]:
    if not sitting_ids:
        return []
    return list(session.scalars(select(ScoreResolution).where(ScoreResolution.sitting_id.in_(sitting_ids))
                                .order_by(ScoreResolution.id)))
