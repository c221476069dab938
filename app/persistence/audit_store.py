"""Rows of the audit chain. The head row is locked for every append, so seqs never collide."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.chain import GENESIS_HASH, EventRecord, SignedHead
from app.persistence.models import AuditCheckpoint, AuditEvent, AuditHead


def ensure_head(session: Session) -> None:
    if session.get(AuditHead, 1) is None:
        session.add(AuditHead(id=1, seq=0, hash=GENESIS_HASH))
        session.flush()


def lock_head(session: Session) -> AuditHead:
    """The head row, locked until the transaction ends (FOR UPDATE; SQLite writers are serial)."""
    head = session.get(AuditHead, 1, with_for_update=True)
    if head is None:
        ensure_head(session)
        head = session.get(AuditHead, 1, with_for_update=True)
    return head


def append(session: Session, head: AuditHead, record: EventRecord, signature: bytes, signed_at: datetime) -> None:
    session.add(
        AuditEvent(
            seq=record.seq,
            at=record.at,
            actor=record.actor,
            role=record.role,
            action=record.action,
            subject=record.subject,
            before=record.before,
            after=record.after,
            prev_hash=record.prev_hash,
            hash=record.hash,
        )
    )
    head.seq, head.hash, head.signature, head.signed_at = record.seq, record.hash, signature, signed_at
    session.flush()


def add_checkpoint(session: Session, seq: int, head_hash: str, signature: bytes, signed_at: datetime) -> None:
    session.add(AuditCheckpoint(seq=seq, hash=head_hash, signature=signature, signed_at=signed_at))


def iter_events(session: Session, batch: int = 2000) -> Iterator[EventRecord]:
    """Events in seq order, streamed; the cursor is closed even when the reader stops early."""
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch))
    try:
        for (row,) in rows:
            yield _record(row)
    finally:
        rows.close()


def _record(row: AuditEvent) -> EventRecord:
    return EventRecord(
        seq=row.seq, at=row.at, actor=row.actor, role=row.role, action=row.action, subject=row.subject,
        before=row.before, after=row.after, prev_hash=row.prev_hash, hash=row.hash,
    )


def signed_head(session: Session) -> SignedHead | None:
    head = session.get(AuditHead, 1)
    if head is None or head.signature is None:
        return None
    return SignedHead(seq=head.seq, hash=head.hash, signature=head.signature)


def checkpoints(session: Session) -> list[SignedHead]:
    rows = session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.seq))
    return [SignedHead(seq=row.seq, hash=row.hash, signature=row.signature) for row in rows]


def recent_events(session: Session, limit: int = 200) -> list[EventRecord]:
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit))
    return [_record(row) for row in rows]
