"""Write audit events inside the caller's transaction, signing the new head each time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from app.audit.chain import EventRecord, ChainReport, event_hash, head_message, verify_chain
from app.domain.actor import Actor
from app.domain.canonical import canonical_json
from app.persistence import audit_store

CHECKPOINT_EVERY = 100


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AuditTrail:
    """Appends events; `sign` is the site's signing function (the site key must be unlocked)."""

    def __init__(
        self, site_id: str, sign: Callable[[bytes], bytes] | None, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.site_id = site_id
        self._sign = sign
        self._clock = clock

    def record(
        self,
        session,
        actor: Actor,
        action: str,
        subject: str,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> EventRecord:
        """Append one event to the chain in `session`'s transaction and re-sign the head."""
        if self._sign is None:
            raise RuntimeError("the site key is locked: unlock the site before changing exam state")
        head = audit_store.lock_head(session)
        at = self._clock()
        seq = head.seq + 1
        before_text = canonical_json(before or {}).decode("utf-8")
        after_text = canonical_json(after or {}).decode("utf-8")
        digest = event_hash(seq, at, actor.staff_no, actor.role_code, action, subject, before_text, after_text, head.hash)
        record = EventRecord(seq, at, actor.staff_no, actor.role_code, action, subject, before_text, after_text,
                             head.hash, digest)
        signature = self._sign(head_message(self.site_id, seq, digest))
        audit_store.append(session, head, record, signature, at)
        if seq % CHECKPOINT_EVERY == 0:
            audit_store.add_checkpoint(session, seq, digest, signature, at)
        return record

    def checkpoint(self, session) -> None:
        """Keep the current head as a permanent signed checkpoint (at seals and on demand)."""
        head = audit_store.lock_head(session)
        if head.seq and head.signature is not None:
            audit_store.add_checkpoint(session, head.seq, head.hash, head.signature, self._clock())


def verify_trail(session, site_id: str, verify: Callable[[bytes, bytes], bool]) -> ChainReport:
    """Verify the whole chain stored in the database reachable through `session`."""
    events = audit_store.iter_events(session)
    try:
        return verify_chain(
            events, audit_store.signed_head(session), audit_store.checkpoints(session), site_id, verify
        )
    finally:
        events.close()
