"""Theory papers, their items and the candidates' answers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import DecimalString, UTCDateTime


class PaperRecord(Base):
    """A paper as imported: sealed until the exam password opens it at the start."""

    __tablename__ = "paper"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"))
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    item_count: Mapped[int] = mapped_column(Integer)
    sealed_blob: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16), default="sealed")
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ItemRecord(Base):
    """An item of an opened paper. The answer key is sealed at rest and never leaves the host."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("paper_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("paper.id"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    stem: Mapped[str] = mapped_column(Text)
    choices: Mapped[list] = mapped_column(JSON)
    answer_key_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    points: Mapped[Decimal] = mapped_column(DecimalString)


class Answer(Base):
    """A candidate's latest response to one item; `revision` orders saves from terminals."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("sitting_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    response: Mapped[list] = mapped_column(JSON)
    flagged: Mapped[bool] = mapped_column(default=False)
    revision: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
