"""Queries for printed documents (tickets, sign-in sheets) that the general repositories lack."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persistence.models import Duty, Staff


def staff_on_duty(session: Session, session_id: int, room_id: int) -> list[Staff]:
    """The staff with a duty in this room during this session, by staff number."""
    return list(session.scalars(
        select(Staff).join(Duty, Duty.staff_id == Staff.id)
        .where(Duty.session_id == session_id, Duty.room_id == room_id)
        .order_by(Staff.staff_no)
    ))
