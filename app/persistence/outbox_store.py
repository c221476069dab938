"""Queries for the outbox (app/services/outbox.py owns the rules)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.persistence.models import OutboxItem


def by_key(session: Session, key: str, *, lock: bool = False) -> OutboxItem | None:
    query = select(OutboxItem).where(OutboxItem.idempotency_key == key)
    return session.scalar(query.with_for_update() if lock else query)


def all_items(session: Session) -> list[OutboxItem]:
    return list(session.scalars(select(OutboxItem).order_by(OutboxItem.id)))


def in_states(session: Session, states: Iterable[str]) -> list[OutboxItem]:
    return list(session.scalars(select(OutboxItem).where(OutboxItem.state.in_(tuple(states))).order_by(OutboxItem.id)))


def due(session: Session, states: Iterable[str], now: datetime | None) -> list[OutboxItem]:
    """Items in `states` whose next attempt is due at `now` (every one of them when `now` is None), oldest first."""
    query = select(OutboxItem).where(OutboxItem.state.in_(tuple(states)))
    if now is not None:
        query = query.where(or_(OutboxItem.next_attempt_at.is_(None), OutboxItem.next_attempt_at <= now))
    return list(session.scalars(query.order_by(OutboxItem.id)))


def add(session: Session, item: OutboxItem) -> OutboxItem:
    session.add(item)
    session.flush()
    return item
