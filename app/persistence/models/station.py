"""What an examiner keeps beside their marks at the station: a note, workpiece photos, replay marks.

A note and the photos belong to one examiner's scoring of one candidate on one task; they are
not part of the signed sheet. A photo is sealed by the site's field cipher like a check-in
evidence photo. `StationReplay` remembers the last sequence number applied from each station
outbox, so a save replayed after a Wi-Fi drop is applied once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.persistence.models.base import Base
from app.persistence.types import UTCDateTime


class StationNote(Base):
    __tablename__ = "station_note"
    __table_args__ = (UniqueConstraint("sitting_id", "task_id", "examiner_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("practical_task.id"))
    examiner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WorkpiecePhoto(Base):
    __tablename__ = "workpiece_photo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("practical_task.id"))
    examiner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    photo_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    photo_sha256: Mapped[str] = mapped_column(String(64))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StationReplay(Base):
    """The newest sequence number applied from one station outbox (one examiner on one station)."""

    __tablename__ = "station_replay"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outbox_id: Mapped[str] = mapped_column(String(64), unique=True)
    examiner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    last_seq: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


def note_for(session: Session, sitting_id: int, task_id: int, examiner_id: int) -> StationNote | None:
    return session.scalar(select(StationNote).where(StationNote.sitting_id == sitting_id,
                                                    StationNote.task_id == task_id,
                                                    StationNote.examiner_id == examiner_id))


def photos_for(session: Session, sitting_id: int, task_id: int, examiner_id: int) -> list[WorkpiecePhoto]:
    return list(session.scalars(select(WorkpiecePhoto).where(WorkpiecePhoto.sitting_id == sitting_id,
                                                             WorkpiecePhoto.task_id == task_id,
                                                             WorkpiecePhoto.examiner_id == examiner_id)
                                .order_by(WorkpiecePhoto.id)))


def replay_for(session: Session, outbox_id: str, *, lock: bool = False) -> StationReplay | None:
    query = select(StationReplay).where(StationReplay.outbox_id == outbox_id)
    return session.scalar(query.with_for_update() if lock else query)
