"""What an examiner's signature covers: the canonical encoding of a score sheet or a resolution.

A payload is a fixed label line followed by canonical JSON (app.domain.canonical): sorted keys,
Decimals as plain strings, instants in UTC with microseconds. A score sheet's payload names the
site, plan, candidate ticket, task, examiner staff number, version, every entry, the total, the
instant of signing, the SHA-256 of the handwritten signature strokes, and for a correction the
superseded sheet (its id and the SHA-256 of its signed payload) with the reason. The signature is
Ed25519 by the examiner's own key over the whole payload.

Handwriting is kept as vectors: a list of strokes, each a list of points ``[x, y, t, pressure]``
(x, y in pad pixels, t in milliseconds from the first touch, pressure 0..1). `encode_strokes`
gives the bytes that are stored and hashed.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.domain.canonical import canonical_json
from app.i18n import tr
from app.practical.rules import ScoringRefused
from app.security import SigningKey, verify_signature

SHEET_LABEL = b"examsite score sheet v1\n"
RESOLUTION_LABEL = b"examsite score resolution v1\n"
COUNTERSIGN_LABEL = b"examsite room countersignature v1\n"
MAX_POINTS = 20_000


@dataclass(frozen=True)
class SheetContent:
    site_id: str
    plan_code: str
    ticket_no: str
    task_code: str
    examiner_no: str
    version: int
    entries: Mapping[str, Decimal]
    total: Decimal
    signed_at: datetime
    handwriting_sha256: str
    supersedes_id: int | None = None
    supersedes_sha256: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ResolutionContent:
    site_id: str
    plan_code: str
    ticket_no: str
    task_code: str
    lead_no: str
    score: Decimal
    reason: str
    sheets: Sequence[tuple[int, str]]  # (sheet id, SHA-256 of its signed payload), in id order
    resolved_at: datetime


def sheet_payload(content: SheetContent) -> bytes:
    return SHEET_LABEL + canonical_json({
        "site": content.site_id, "plan": content.plan_code, "ticket": content.ticket_no, "task": content.task_code,
        "examiner": content.examiner_no, "version": content.version,
        "entries": {code: Decimal(value) for code, value in content.entries.items()},
        "total": Decimal(content.total), "signed_at": content.signed_at,
        "handwriting_sha256": content.handwriting_sha256,
        "supersedes": None if content.supersedes_id is None else {
            "sheet": content.supersedes_id, "payload_sha256": content.supersedes_sha256},
        "reason": content.reason,
    })


def resolution_payload(content: ResolutionContent) -> bytes:
    return RESOLUTION_LABEL + canonical_json({
        "site": content.site_id, "plan": content.plan_code, "ticket": content.ticket_no, "task": content.task_code,
        "lead": content.lead_no, "score": Decimal(content.score), "reason": content.reason,
        "sheets": [{"sheet": sheet_id, "payload_sha256": digest} for sheet_id, digest in content.sheets],
        "resolved_at": content.resolved_at,
    })


def countersign_payload(site_id: str, plan_code: str, session_code: str, room_code: str, supervisor_no: str,
                        signed_at: datetime, sheets: Sequence[tuple[int, str]],
                        resolutions: Sequence[tuple[int, str]]) -> bytes:
    """The supervisor's countersignature of a room: every signed sheet and resolution in it so far."""
    return COUNTERSIGN_LABEL + canonical_json({
        "site": site_id, "plan": plan_code, "session": session_code, "room": room_code,
        "supervisor": supervisor_no, "signed_at": signed_at,
        "sheets": [{"sheet": sheet_id, "payload_sha256": sha} for sheet_id, sha in sheets],
        "resolutions": [{"resolution": row_id, "payload_sha256": sha} for row_id, sha in resolutions],
    })


def encode_strokes(strokes: Sequence[Sequence[Sequence[float]]]) -> bytes:
    """The stored form of a handwritten signature; ScoringRefused if there is nothing to keep."""
    points = 0
    clean = []
    for stroke in strokes:
        line = []
        for point in stroke:
            if len(point) != 4 or not all(_finite(v) for v in point):
                raise ScoringRefused(tr("The handwritten signature is damaged."), code="bad_strokes")
            line.append([round(float(v), 3) for v in point])
        points += len(line)
        if line:
            clean.append(line)
    if points < 2 or points > MAX_POINTS:
        raise ScoringRefused(tr("Please sign by hand on the pad first."), code="no_handwriting")
    return json.dumps({"v": 1, "strokes": clean}, separators=(",", ":"), sort_keys=True).encode("ascii")


def digest(data: bytes) -> str:
    return hashlib.sha256(bytes(data)).hexdigest()


def sign_payload(key: SigningKey, payload: bytes) -> tuple[str, bytes]:
    """(SHA-256 of the payload, Ed25519 signature of the payload)."""
    return digest(payload), key.sign(payload)


def check_signature(public_key_hex: str, signature: bytes, payload: bytes, payload_sha256: str) -> bool:
    try:
        public = bytes.fromhex(public_key_hex)
    except ValueError:
        return False
    return digest(payload) == payload_sha256 and verify_signature(public, bytes(signature), payload)


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
