"""What the documents print, as plain values: the services fill these, the writers only lay them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PlanInfo:
    """The exam plan as a ticket shows it."""

    plan_code: str
    agency_name: str
    site_name: str
    occupation_code: str
    occupation_name: str
    level_title: str  # e.g. "四级/中级工"
    late_entry_minutes: int


@dataclass(frozen=True)
class TicketSitting:
    """One session on a candidate's ticket. Instants are timezone-aware."""

    session_code: str
    session_title: str
    starts_at: datetime
    ends_at: datetime
    room_name: str
    room_location: str
    seat_no: int | None  # None: assigned at check-in


@dataclass(frozen=True)
class TicketRow:
    ticket_no: str
    name: str
    gender: str  # "M" or "F"
    id_masked: str
    photo: bytes | None  # JPEG or PNG
    token: str | None  # the issuer-signed QR payload
    sittings: tuple[TicketSitting, ...]


@dataclass(frozen=True)
class SheetHeader:
    """The top of a room's sign-in sheet. Instants are timezone-aware."""

    plan_code: str
    agency_name: str
    site_name: str
    occupation: str  # e.g. "电工（6-31-01-03）"
    level_title: str
    session_code: str
    session_title: str
    starts_at: datetime
    ends_at: datetime
    room_code: str
    room_name: str
    room_location: str
    proctors: tuple[str, ...]
    printed_at: datetime


@dataclass(frozen=True)
class SheetRow:
    seat_no: int | None
    ticket_no: str
    name: str
    gender: str
    status: str  # "expected", "checked_in", "absent", …
    checked_in_at: datetime | None
    photo: bytes | None = None
