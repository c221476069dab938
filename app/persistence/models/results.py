"""Computed results per candidate, with certificate numbers, and the seal of a plan's sessions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import DecimalString, UTCDateTime


class CandidateResult(Base):
    """One candidate's outcome in a plan; recomputed until the seal, never after."""

    __tablename__ = "candidate_result"
    __table_args__ = (UniqueConstraint("plan_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    ticket_no: Mapped[str] = mapped_column(String(32))
    theory_outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    theory_score: Mapped[Decimal | None] = mapped_column(DecimalString, nullable=True)
    practical_outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    practical_score: Mapped[Decimal | None] = mapped_column(DecimalString, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))
    certificate_no: Mapped[str | None] = mapped_column(String(22), nullable=True, unique=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    computed_by: Mapped[str] = mapped_column(String(64))


class ResultsSeal(Base):
    """The sealed results document of a plan, signed by the site, with the audit head it anchors."""

    __tablename__ = "results_seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"), unique=True)
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sealed_by: Mapped[str] = mapped_column(String(64))
    document: Mapped[bytes] = mapped_column(LargeBinary)  # canonical JSON
    document_sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[bytes] = mapped_column(LargeBinary)  # the site's Ed25519 over the document
    audit_seq: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))
    outbox_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # the sync outbox item
