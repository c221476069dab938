"""Devices enrolled on the LAN (terminals, scoring stations) and the sessions they hold.

Tokens are never stored: only their SHA-256. An enrolment code is one-time and short-lived;
what is kept of it is the key its proof is checked with (see app/services/lan_access.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import UTCDateTime


class LanEnrolmentCode(Base):
    __tablename__ = "lan_enrolment_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proof_key: Mapped[str] = mapped_column(String(64), unique=True)  # hex; derived from the code
    kind: Mapped[str] = mapped_column(String(16))  # terminal | station
    room_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    issued_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LanDevice(Base):
    __tablename__ = "lan_device"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    room_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    code_id: Mapped[int] = mapped_column(ForeignKey("lan_enrolment_code.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LanSession(Base):
    """A candidate's or staff member's log-in on one device."""

    __tablename__ = "lan_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # candidate | staff
    subject: Mapped[str] = mapped_column(String(120), index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("lan_device.id"))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
