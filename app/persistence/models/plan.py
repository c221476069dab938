"""The site, the imported packages, the exam plan, its rooms and sessions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.persistence.models.base import Base
from app.persistence.types import UTCDateTime


class SiteInfo(Base):
    """One row: who this site is. The private keys live in the key file, never here."""

    __tablename__ = "site_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(String(64), unique=True)
    site_name: Mapped[str] = mapped_column(String(200))
    signing_public: Mapped[str] = mapped_column(String(64))  # hex
    encryption_public: Mapped[str] = mapped_column(String(64))  # hex
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExamPackageRecord(Base):
    """An imported exam package (考务数据包); the original file is kept beside the database."""

    __tablename__ = "exam_package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(64), unique=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    issuer_fingerprint: Mapped[str] = mapped_column(String(120))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[str] = mapped_column(String(64))
    stored_as: Mapped[str] = mapped_column(String(500))
    size_bytes: Mapped[int] = mapped_column(Integer)


class ExamPlanRecord(Base):
    __tablename__ = "exam_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("exam_package.id"))
    plan_code: Mapped[str] = mapped_column(String(64), unique=True)
    agency_code: Mapped[str] = mapped_column(String(64))
    agency_name: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(String(8))
    occupation_code: Mapped[str] = mapped_column(String(32))
    occupation_name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer)
    exam_date: Mapped[date] = mapped_column(Date)
    rules: Mapped[dict] = mapped_column(JSON)

    package: Mapped[ExamPackageRecord] = relationship()
    rooms: Mapped[list[Room]] = relationship(back_populates="plan", order_by="Room.code")
    sessions: Mapped[list[ExamSession]] = relationship(
        back_populates="plan", order_by="ExamSession.starts_at"
    )


class Room(Base):
    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[ExamPlanRecord] = relationship(back_populates="rooms")


class ExamSession(Base):
    """A session (场次). State moves planned → open → running ⇄ paused → ended → sealed."""

    __tablename__ = "exam_session"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plan.id"))
    code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), default="planned")
    paper_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    task_codes: Mapped[list] = mapped_column(JSON, default=list)
    room_codes: Mapped[list] = mapped_column(JSON, default=list)

    plan: Mapped[ExamPlanRecord] = relationship(back_populates="sessions")
