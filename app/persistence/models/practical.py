"""Practical tasks, their rubric, examiners' score sheets and signatures."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import DecimalString, UTCDateTime


class PracticalTaskRecord(Base):
    __tablename__ = "practical_task"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"))
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    time_limit_minutes: Mapped[int] = mapped_column(Integer)
    max_score: Mapped[Decimal] = mapped_column(DecimalString)


class RubricItemRecord(Base):
    __tablename__ = "rubric_item"
    __table_args__ = (UniqueConstraint("task_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("practical_task.id"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    max_points: Mapped[Decimal] = mapped_column(DecimalString)
    step: Mapped[Decimal] = mapped_column(DecimalString)


class ScoreSheet(Base):
    """One examiner's marks for one candidate on one task; a signed sheet is never edited."""

    __tablename__ = "score_sheet"
    __table_args__ = (UniqueConstraint("sitting_id", "task_id", "examiner_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("practical_task.id"))
    examiner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    entries: Mapped[str] = mapped_column(Text)  # canonical JSON of the marks
    total: Mapped[Decimal] = mapped_column(DecimalString)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("score_sheet.id"), nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Signature(Base):
    """A cryptographic signature over a canonical payload, with the handwritten strokes it covers."""

    __tablename__ = "signature"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))  # score_sheet, resolution, countersign, room_record
    subject: Mapped[str] = mapped_column(String(100))  # e.g. "score_sheet:42"
    signer_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(String(64))  # hex
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    handwriting: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExaminerKey(Base):
    """An examiner's own Ed25519 key: the public half in clear, the seed sealed under their PIN.

    After a PIN reset a new key is issued: a staff member may have several rows, the newest current.
    """

    __tablename__ = "examiner_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(64))  # hex
    sealed_private: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ScoreResolution(Base):
    """The examiner lead's signed decision on a flagged disagreement; a later correction needs a new one."""

    __tablename__ = "score_resolution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("practical_task.id"))
    score: Mapped[Decimal] = mapped_column(DecimalString)
    reason: Mapped[str] = mapped_column(Text)
    sheet_ids: Mapped[str] = mapped_column(Text)  # canonical JSON list of the sheets it decides over
    resolved_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    resolved_at: Mapped[datetime] = mapped_column(UTCDateTime)
