"""Check-in decisions at the door (人证合一), with their evidence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import UTCDateTime


class CheckinRecord(Base):
    """One decision about one sitting. The evidence photo is sealed by the site's field cipher."""

    __tablename__ = "checkin_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"), index=True)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    decision: Mapped[str] = mapped_column(String(16))  # confirmed, rejected, overridden
    method: Mapped[str] = mapped_column(String(16))  # ticket, id_card, manual
    ticket_status: Mapped[str] = mapped_column(String(32))  # valid, not_scanned, or a refusal code
    card_match: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    face_distance: Mapped[str | None] = mapped_column(String(16), nullable=True)
    face_same: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    face_consent: Mapped[bool] = mapped_column(Boolean)
    visual_check: Mapped[bool] = mapped_column(Boolean)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
