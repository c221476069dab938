"""Video recording: the site's camera registry and the operator controls of a room's recording."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import UTCDateTime


class Camera(Base):
    """A camera of the site, watching one room. `kind`: rtsp, usb, file or sim."""

    __tablename__ = "camera"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    camera_id: Mapped[str] = mapped_column(String(64), unique=True)
    room_code: Mapped[str] = mapped_column(String(32), index=True)
    main_url: Mapped[str] = mapped_column(String(500))
    sub_url: Mapped[str] = mapped_column(String(500), default="")
    kind: Mapped[str] = mapped_column(String(16))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RecordingControl(Base):
    """An operator's control of one room's recording in one session: stop (with a reason), start, seal."""

    __tablename__ = "recording_control"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_code: Mapped[str] = mapped_column(String(64))
    session_code: Mapped[str] = mapped_column(String(32), index=True)
    room_code: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))  # stop, start, seal
    by_staff: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)


def cameras(session: Session, enabled_only: bool = False) -> list[Camera]:
    query = select(Camera).order_by(Camera.room_code, Camera.camera_id)
    if enabled_only:
        query = query.where(Camera.enabled.is_(True))
    return list(session.scalars(query))


def camera_by_id(session: Session, camera_id: str) -> Camera | None:
    return session.scalars(select(Camera).where(Camera.camera_id == camera_id)).first()


def recording_controls(session: Session) -> list[RecordingControl]:
    return list(session.scalars(select(RecordingControl).order_by(RecordingControl.at, RecordingControl.id)))
