"""Queries for practical scoring: tasks with their rubric, score sheets, signatures, examiner keys."""

from __future__ import annotations

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from app.persistence.models import (
    AuditEvent,
    Duty,
    ExaminerKey,
    PracticalTaskRecord,
    RubricItemRecord,
    ScoreResolution,
    ScoreSheet,
    Signature,
    Sitting,
)


def task_by_code(session: Session, plan_id: int, code: str) -> PracticalTaskRecord | None:
    return session.scalar(select(PracticalTaskRecord).where(PracticalTaskRecord.plan_id == plan_id,
                                                             PracticalTaskRecord.code == code))


def rubric(session: Session, task_id: int) -> list[RubricItemRecord]:
    return list(session.scalars(select(RubricItemRecord).where(RubricItemRecord.task_id == task_id)
                                .order_by(RubricItemRecord.position)))


def has_duty(session: Session, staff_id: int, session_id: int, room_id: int) -> bool:
    return session.scalar(select(Duty.id).where(Duty.staff_id == staff_id, Duty.session_id == session_id,
                                                Duty.room_id == room_id)) is not None


def sheets(session: Session, sitting_id: int, task_id: int, *, lock: bool = False) -> list[ScoreSheet]:
    """Every version of every examiner's sheet for one candidate and task, oldest first."""
    query = (select(ScoreSheet).where(ScoreSheet.sitting_id == sitting_id, ScoreSheet.task_id == task_id)
             .order_by(ScoreSheet.examiner_id, ScoreSheet.version))
    return list(session.scalars(query.with_for_update() if lock else query))


def all_sheets(session: Session) -> list[ScoreSheet]:
    return list(session.scalars(select(ScoreSheet).order_by(ScoreSheet.id)))


def signature(session: Session, purpose: str, subject: str) -> Signature | None:
    return session.scalar(select(Signature).where(Signature.purpose == purpose, Signature.subject == subject)
                          .order_by(Signature.id).limit(1))


def signatures(session: Session, purposes: tuple[str, ...]) -> list[Signature]:
    return list(session.scalars(select(Signature).where(Signature.purpose.in_(purposes)).order_by(Signature.id)))


def examiner_key(session: Session, staff_id: int) -> ExaminerKey | None:
    """The staff member's current key: the newest, since a PIN reset issues a new one."""
    return session.scalar(select(ExaminerKey).where(ExaminerKey.staff_id == staff_id)
                          .order_by(ExaminerKey.id.desc()).limit(1))


def resolutions(session: Session, sitting_id: int | None = None, task_id: int | None = None) -> list[ScoreResolution]:
    query = select(ScoreResolution).order_by(ScoreResolution.id)
    if sitting_id is not None:
        query = query.where(ScoreResolution.sitting_id == sitting_id, ScoreResolution.task_id == task_id)
    return list(session.scalars(query))


def audit_events(session: Session, action: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)))


def room_signatures(session: Session, session_id: int, room_id: int, until) -> tuple[list[tuple[int, str]],
                                                                                  list[tuple[int, str]]]:
    """(sheet id, payload SHA-256) of every sheet signed in a room up to `until`, and the same for resolutions."""
    sittings = select(Sitting.id).where(Sitting.session_id == session_id, Sitting.room_id == room_id)
    sheets = session.execute(
        select(ScoreSheet.id, Signature.payload_sha256)
        .join(Signature, Signature.subject == "score_sheet:" + ScoreSheet.id.cast(String))
        .where(ScoreSheet.sitting_id.in_(sittings), Signature.purpose == "score_sheet", Signature.signed_at <= until)
        .order_by(ScoreSheet.id))
    resolutions = session.execute(
        select(ScoreResolution.id, Signature.payload_sha256)
        .join(Signature, Signature.subject == "score_resolution:" + ScoreResolution.id.cast(String))
        .where(ScoreResolution.sitting_id.in_(sittings), Signature.purpose == "resolution",
               Signature.signed_at <= until)
        .order_by(ScoreResolution.id))
    return [tuple(row) for row in sheets], [tuple(row) for row in resolutions]
