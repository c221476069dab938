"""Hashing and verification of the audit chain. Pure functions: no database, no keys held.

Each event's hash is SHA-256 over the canonical JSON of all its fields and the previous event's
hash, so editing, deleting, inserting or reordering any event breaks the chain from that point.
The chain's head (last seq and hash) is signed by the site key after every append, and kept as
signed checkpoints, so cutting off the newest events shows too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from app.domain.canonical import canonical_json
from app.i18n import tr

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class EventRecord:
    seq: int
    at: datetime
    actor: str
    role: str
    action: str
    subject: str
    before: str  # canonical JSON text, exactly as stored
    after: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class SignedHead:
    seq: int
    hash: str
    signature: bytes


def event_hash(
    seq: int, at: datetime, actor: str, role: str, action: str, subject: str, before: str, after: str, prev_hash: str
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "role": role,
        "action": action,
        "subject": subject,
        "before": before,
        "after": after,
        "prev": prev_hash,
    }
    return hashlib.sha256(canonical_json(body)).hexdigest()


def head_message(site_id: str, seq: int, head_hash: str) -> bytes:
    """The exact bytes the site signs for a head or a checkpoint."""
    return canonical_json({"kind": "examsite.audit.head", "site": site_id, "seq": seq, "hash": head_hash})


@dataclass(frozen=True)
class AuditProblem:
    seq: int | None
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ChainReport:
    events: int
    head_seq: int
    head_hash: str
    problem: AuditProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_chain(
    events: Iterable[EventRecord],
    head: SignedHead | None,
    checkpoints: Iterable[SignedHead],
    site_id: str,
    verify: Callable[[bytes, bytes], bool],
) -> ChainReport:
    """Walk the chain in seq order and report the first problem found.

    `verify(signature, message)` checks a signature against the site's public key.
    """
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    hashes: dict[int, str] = {}
    problem: AuditProblem | None = None
    for event in events:
        problem = _check_event(event, expected_seq, prev_hash)
        if problem:
            break
        hashes[event.seq] = event.hash
        expected_seq, prev_hash, count = event.seq + 1, event.hash, count + 1
    last_seq = expected_seq - 1
    if problem is None:
        problem = _check_head(head, last_seq, prev_hash, site_id, verify)
    if problem is None:
        problem = _check_checkpoints(checkpoints, hashes, last_seq, site_id, verify)
    return ChainReport(events=count, head_seq=last_seq, head_hash=prev_hash, problem=problem)


def _check_event(event: EventRecord, expected_seq: int, prev_hash: str) -> AuditProblem | None:
    if event.seq != expected_seq:
        if event.seq > expected_seq:
            return AuditProblem(
                expected_seq,
                tr("Audit event {seq} is missing: the chain jumps from {prev} to {next}.",
                   seq=expected_seq, prev=expected_seq - 1, next=event.seq),
            )
        return AuditProblem(event.seq, tr("Audit event {seq} appears twice or out of order.", seq=event.seq))
    recomputed = event_hash(
        event.seq, event.at, event.actor, event.role, event.action, event.subject, event.before, event.after,
        event.prev_hash,
    )
    if recomputed != event.hash:
        return AuditProblem(event.seq, tr("Audit event {seq} was altered after it was written.", seq=event.seq))
    if event.prev_hash != prev_hash:
        return AuditProblem(
            event.seq,
            tr("Audit event {seq} does not follow event {prev}: events were inserted, deleted or reordered.",
               seq=event.seq, prev=event.seq - 1),
        )
    return None


def _check_head(
    head: SignedHead | None, last_seq: int, last_hash: str, site_id: str, verify: Callable[[bytes, bytes], bool]
) -> AuditProblem | None:
    if head is None:
        if last_seq == 0:
            return None
        return AuditProblem(last_seq, tr("The audit trail has no signed head: it cannot be trusted."))
    if not verify(head.signature, head_message(site_id, head.seq, head.hash)):
        return AuditProblem(head.seq, tr("The signed head of the audit trail was altered."))
    if head.seq > last_seq:
        return AuditProblem(
            last_seq + 1,
            tr("The audit trail was cut off: events {first} to {last} are missing.", first=last_seq + 1, last=head.seq),
        )
    if head.seq < last_seq:
        return AuditProblem(
            head.seq + 1,
            tr("Audit event {seq} was added without the site key (it is past the signed head).", seq=head.seq + 1),
        )
    if head.hash != last_hash:
        return AuditProblem(last_seq, tr("Audit event {seq} does not match the signed head.", seq=last_seq))
    return None


def _check_checkpoints(
    checkpoints: Iterable[SignedHead],
    hashes: dict[int, str],
    last_seq: int,
    site_id: str,
    verify: Callable[[bytes, bytes], bool],
) -> AuditProblem | None:
    for checkpoint in checkpoints:
        if not verify(checkpoint.signature, head_message(site_id, checkpoint.seq, checkpoint.hash)):
            return AuditProblem(checkpoint.seq, tr("Audit checkpoint at event {seq} was altered.", seq=checkpoint.seq))
        if checkpoint.seq > last_seq:
            return AuditProblem(
                last_seq + 1,
                tr("The audit trail was cut off: events {first} to {last} are missing.",
                   first=last_seq + 1, last=checkpoint.seq),
            )
        if hashes.get(checkpoint.seq) != checkpoint.hash:
            return AuditProblem(
                checkpoint.seq, tr("Audit event {seq} does not match its signed checkpoint.", seq=checkpoint.seq)
            )
    return None
