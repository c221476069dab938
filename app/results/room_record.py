"""The room record (考场情况记录表) as plain values, and what a proctor's or supervisor's signature covers.

The content is everything that happened in one room of one session: times (scheduled, start,
pauses, end), attendance, absentees, incidents, seat changes and time changes. A signature covers
the SHA-256 of the canonical JSON of that content, so a later change to any of it (even in plain
SQL) no longer matches the signatures made before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from app.domain.canonical import canonical_json

LABEL = b"examsite room record v1\n"
PURPOSE = "room_record"


@dataclass(frozen=True)
class RecordEntry:
    at: datetime | None
    ticket_no: str
    name: str
    detail: str  # e.g. "作弊：phone", "座位 3 → 12：screen", "+10 分钟（合理便利）：glasses"
    by: str  # staff number


@dataclass(frozen=True)
class RoomSigner:
    role: str  # 监考员 / 督导员
    staff_no: str
    name: str
    signed_at: datetime | None = None
    fingerprint: str | None = None


@dataclass(frozen=True)
class RoomRecord:
    plan_code: str
    agency_name: str
    site_name: str
    occupation: str
    level_title: str
    session_code: str
    session_title: str
    session_kind: str
    room_code: str
    room_name: str
    room_location: str
    scheduled_start: datetime
    scheduled_end: datetime
    started_at: datetime | None
    ended_at: datetime | None
    pauses: tuple[tuple[datetime, datetime | None], ...]
    expected: int
    present: int
    absentees: tuple[RecordEntry, ...]
    incidents: tuple[RecordEntry, ...]
    seat_changes: tuple[RecordEntry, ...]
    time_changes: tuple[RecordEntry, ...]
    signers: tuple[RoomSigner, ...] = ()
    printed_at: datetime | None = None

    @property
    def subject(self) -> str:
        return subject(self.plan_code, self.session_code, self.room_code)


def subject(plan_code: str, session_code: str, room_code: str) -> str:
    return f"{PURPOSE}:{plan_code}:{session_code}:{room_code}"


def _entries(entries: tuple[RecordEntry, ...]) -> list[dict]:
    return [{"at": e.at, "ticket": e.ticket_no, "name": e.name, "detail": e.detail, "by": e.by} for e in entries]


def content(record: RoomRecord) -> dict:
    """What the signatures cover: the record without its signers and print time."""
    return {
        "plan": record.plan_code, "session": record.session_code, "room": record.room_code,
        "scheduled": [record.scheduled_start, record.scheduled_end],
        "started_at": record.started_at, "ended_at": record.ended_at,
        "pauses": [[start, end] for start, end in record.pauses],
        "expected": record.expected, "present": record.present,
        "absentees": _entries(record.absentees), "incidents": _entries(record.incidents),
        "seat_changes": _entries(record.seat_changes), "time_changes": _entries(record.time_changes),
    }


def content_sha256(record: RoomRecord) -> str:
    return hashlib.sha256(canonical_json(content(record))).hexdigest()


def payload(site_id: str, record_subject: str, digest: str, signer_no: str, signed_at: datetime) -> bytes:
    return LABEL + canonical_json({"site": site_id, "subject": record_subject, "content_sha256": digest,
                                   "signer": signer_no, "signed_at": signed_at})
