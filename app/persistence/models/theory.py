"""Theory papers, their items and the candidates' answers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
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


class TheoryRoom(Base):
    """A theory room's run: waiting → running ⇄ paused → ended, started with the exam password.

    `event_seq` is the room's last event number; appending an event locks this row, so event
    numbers are gap-free and increase in commit order.
    """

    __tablename__ = "theory_room"
    __table_args__ = (UniqueConstraint("session_id", "room_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_session.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    phase: Mapped[str] = mapped_column(String(16), default="waiting")
    paper_id: Mapped[int | None] = mapped_column(ForeignKey("paper.id"), nullable=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0)
    pauses: Mapped[list] = mapped_column(JSON, default=list)  # finished pauses: [start, end] ISO instants
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    event_seq: Mapped[int] = mapped_column(Integer, default=0)
    leave_code: Mapped[str] = mapped_column(String(16))


class TheorySitting(Base):
    """One candidate's theory exam: log-in and terminal, time, revisions, submission and score."""

    __tablename__ = "theory_sitting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"), unique=True)
    seed: Mapped[str] = mapped_column(String(32))  # shuffling seed (hex)
    device_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the terminal logged in now
    logins: Mapped[int] = mapped_column(Integer, default=0)
    logged_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    offline_credit_seconds: Mapped[int] = mapped_column(Integer, default=0)
    time_change_seconds: Mapped[int] = mapped_column(Integer, default=0)
    last_revision: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    submitted_how: Mapped[str | None] = mapped_column(String(16), nullable=True)
    submitted_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    voided: Mapped[bool] = mapped_column(default=False)
    score: Mapped[Decimal | None] = mapped_column(DecimalString, nullable=True)
    max_score: Mapped[Decimal | None] = mapped_column(DecimalString, nullable=True)
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TheoryTimeChange(Base):
    """A per-candidate time change: accommodation, incident credit or adjustment, with reason and actor."""

    __tablename__ = "theory_time_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    theory_sitting_id: Mapped[int] = mapped_column(ForeignKey("theory_sitting.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    seconds: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    staff_no: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class TheoryEvent(Base):
    """A room event for the terminals; `sitting_id` set when it concerns one candidate only."""

    __tablename__ = "theory_event"
    __table_args__ = (UniqueConstraint("theory_room_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    theory_room_id: Mapped[int] = mapped_column(ForeignKey("theory_room.id"))
    seq: Mapped[int] = mapped_column(Integer)
    sitting_id: Mapped[int | None] = mapped_column(ForeignKey("sitting.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class TheoryReport(Base):
    """What a kiosk reported: focus lost, screen changed, a blocked key…"""

    __tablename__ = "theory_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    theory_sitting_id: Mapped[int] = mapped_column(ForeignKey("theory_sitting.id"), index=True)
    device_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    terminal_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
