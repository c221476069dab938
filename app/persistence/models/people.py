"""Candidates, their sittings (one candidate in one session), staff and their duties."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.persistence.models.base import Base
from app.persistence.types import UTCDateTime


class Candidate(Base):
    """A candidate (考生). ID number and photo are sealed by the site's field cipher."""

    __tablename__ = "candidate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"))
    ticket_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[str] = mapped_column(String(1))
    id_type: Mapped[str] = mapped_column(String(32))
    id_number_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_index: Mapped[str] = mapped_column(String(64), index=True)
    photo_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    photo_type: Mapped[str] = mapped_column(String(32))
    photo_sha256: Mapped[str] = mapped_column(String(64))
    ticket_token: Mapped[str | None] = mapped_column(Text, nullable=True)

    sittings: Mapped[list[Sitting]] = relationship(back_populates="candidate")


class Sitting(Base):
    """One candidate in one session: room, seat and attendance."""

    __tablename__ = "sitting"
    __table_args__ = (
        UniqueConstraint("candidate_id", "session_id"),
        UniqueConstraint("session_id", "room_id", "seat_no"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_session.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    seat_no: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="expected")
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    candidate: Mapped[Candidate] = relationship(back_populates="sittings")


class Staff(Base):
    """A staff member. Secrets are scrypt hashes; repeated failures lock the account for a while."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    roles: Mapped[str] = mapped_column(String(200))  # comma-separated Role codes
    secret_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    secret_kind: Mapped[str] = mapped_column(String(16), default="password")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    signing_public: Mapped[str | None] = mapped_column(String(64), nullable=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("exam_plan.id"), nullable=True)

    duties: Mapped[list[Duty]] = relationship(back_populates="staff")


class Duty(Base):
    """A staff member's duty in one room of one session."""

    __tablename__ = "staff_duty"
    __table_args__ = (UniqueConstraint("staff_id", "session_id", "room_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_session.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))

    staff: Mapped[Staff] = relationship(back_populates="duties")
