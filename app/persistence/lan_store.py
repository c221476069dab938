"""Queries for enrolled devices, enrolment codes and LAN log-ins (models in models/lan.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.persistence.models import LanDevice, LanEnrolmentCode, LanSession


def open_codes(session: Session, now: datetime) -> list[LanEnrolmentCode]:
    return list(session.scalars(select(LanEnrolmentCode).where(
        LanEnrolmentCode.used_at.is_(None), LanEnrolmentCode.expires_at > now).with_for_update()))


def active_devices(session: Session) -> list[LanDevice]:
    return list(session.scalars(select(LanDevice).where(LanDevice.revoked_at.is_(None)).order_by(LanDevice.id)))


def device_by_token(session: Session, token_sha256: str) -> LanDevice | None:
    return session.scalars(select(LanDevice).where(LanDevice.token_sha256 == token_sha256)).first()


def login_by_token(session: Session, token_sha256: str) -> LanSession | None:
    return session.scalars(select(LanSession).where(LanSession.token_sha256 == token_sha256)).first()


def revoke_logins(session: Session, now: datetime, *, device_id: int | None = None, kind: str | None = None,
                  subject: str | None = None, keep_sha256: str | None = None) -> int:
    statement = update(LanSession).where(LanSession.revoked_at.is_(None))
    if device_id is not None:
        statement = statement.where(LanSession.device_id == device_id)
    if kind is not None:
        statement = statement.where(LanSession.kind == kind, LanSession.subject == subject)
    if keep_sha256 is not None:
        statement = statement.where(LanSession.token_sha256 != keep_sha256)
    return session.execute(statement.values(revoked_at=now)).rowcount
