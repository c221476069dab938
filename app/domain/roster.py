"""Candidates (考生) and staff as the exam package lists them."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.roles import Role


@dataclass(frozen=True)
class SeatAssignment:
    """Where a candidate sits in one session; seat None means 'assign at check-in'."""

    session_code: str
    room_code: str
    seat_no: int | None = None


@dataclass(frozen=True)
class RosterEntry:
    ticket_no: str  # 准考证号
    name: str
    gender: str  # "M" or "F"
    id_type: str  # "resident" (居民身份证), "hmt_residence" (港澳台居民居住证), "foreign_permanent"
    id_number: str  # sensitive: encrypted in the package and at rest
    photo: bytes  # sensitive: roster portrait (JPEG or PNG)
    photo_type: str  # "image/jpeg" or "image/png"
    seats: tuple[SeatAssignment, ...]
    ticket_token: str | None = None  # the issuer-signed QR payload printed on the admission ticket


@dataclass(frozen=True)
class StaffMember:
    staff_no: str
    name: str
    roles: tuple[Role, ...]
    duties: tuple[SeatAssignment, ...] = ()  # (session, room) pairs; seat_no unused
