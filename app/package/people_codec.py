"""roster.json, the sealed personal members, and staff.json.

The roster travels without ID numbers and photos; each candidate's are in ``personal/<ticket>.bin``,
sealed to the site's encryption key with HPKE, the package id and ticket number bound into the
HPKE info so that a blob cannot be moved to another candidate or package.
"""

from __future__ import annotations

import base64
import binascii

from app.domain.canonical import canonical_json
from app.domain.plan import ExamPlan
from app.domain.roles import Role
from app.domain.roster import RosterEntry, SeatAssignment, StaffMember
from app.i18n import tr
from app.package.errors import Malformed
from app.package.fields import Fields, parse_json, unique, wrong

GENDERS = ("M", "F")
ID_TYPES = ("resident", "hmt_residence", "foreign_permanent")
PHOTO_TYPES = ("image/jpeg", "image/png")


def personal_member(ticket_no: str) -> str:
    return f"personal/{ticket_no}.bin"


def personal_info(package_id: str, ticket_no: str) -> bytes:
    return b"examsite personal v1\x00" + canonical_json({"package_id": package_id, "ticket_no": ticket_no})


def personal_to_bytes(entry: RosterEntry) -> bytes:
    return canonical_json({"ticket_no": entry.ticket_no, "id_number": entry.id_number,
                           "photo_type": entry.photo_type, "photo": base64.b64encode(entry.photo).decode("ascii")})


def personal_from_bytes(data: bytes, ticket_no: str) -> tuple[str, bytes, str]:
    """(id_number, photo, photo_type) from an opened personal member."""
    fields = Fields(parse_json(data))
    if fields.text("ticket_no") != ticket_no:
        raise wrong("ticket_no")
    try:
        photo = base64.b64decode(fields.text("photo", max_length=64 << 20), validate=True)
    except binascii.Error:
        raise wrong("photo") from None
    photo_type = fields.text("photo_type")
    if photo_type not in PHOTO_TYPES:
        raise wrong("photo_type")
    return fields.text("id_number", max_length=40), photo, photo_type


def _seats_to_json(seats) -> list[dict]:
    return [{"session_code": s.session_code, "room_code": s.room_code, "seat_no": s.seat_no} for s in seats]


def roster_to_json(roster) -> dict:
    return {"candidates": [{
        "ticket_no": e.ticket_no, "name": e.name, "gender": e.gender, "id_type": e.id_type,
        "personal": personal_member(e.ticket_no), "seats": _seats_to_json(e.seats),
    } for e in roster]}


def roster_from_json(data: Fields, plan: ExamPlan) -> list[tuple[RosterEntry, str]]:
    """Roster entries with empty sensitive fields, each with the name of its personal member."""
    entries = []
    for c in data.objects("candidates"):
        ticket = c.text("ticket_no", code=True)
        gender, id_type = c.text("gender"), c.text("id_type")
        if gender not in GENDERS:
            raise wrong(c.path("gender"))
        if id_type not in ID_TYPES:
            raise wrong(c.path("id_type"))
        if c.text("personal") != personal_member(ticket):
            raise wrong(c.path("personal"))
        seats = tuple(SeatAssignment(session_code=s.text("session_code", code=True),
                                     room_code=s.text("room_code", code=True),
                                     seat_no=s.integer("seat_no", minimum=1, maximum=10_000, optional=True))
                      for s in c.objects("seats"))
        entry = RosterEntry(ticket_no=ticket, name=c.text("name", max_length=100), gender=gender, id_type=id_type,
                            id_number="", photo=b"", photo_type="", seats=seats)
        entries.append((entry, personal_member(ticket)))
    unique((entry.ticket_no for entry, _ in entries), tr("ticket"))
    _check_seats([entry for entry, _ in entries], plan)
    return entries


def _check_seats(roster: list[RosterEntry], plan: ExamPlan) -> None:
    sessions = {session.code: session for session in plan.sessions}
    capacity = {room.code: room.capacity for room in plan.rooms}
    taken = set()
    for entry in roster:
        unique((seat.session_code for seat in entry.seats), tr("session"))
        for seat in entry.seats:
            session = sessions.get(seat.session_code)
            if session is None or seat.room_code not in session.room_codes:
                raise Malformed(tr("ticket {ticket} is seated in a session or room the plan does not have",
                                   ticket=entry.ticket_no))
            if seat.seat_no is None:
                continue
            place = (seat.session_code, seat.room_code, seat.seat_no)
            if seat.seat_no > capacity[seat.room_code] or place in taken:
                raise Malformed(tr("ticket {ticket} has seat {seat} in room {room}, which is taken or does not exist",
                                   ticket=entry.ticket_no, seat=seat.seat_no, room=seat.room_code))
            taken.add(place)


def staff_to_json(staff) -> dict:
    return {"staff": [{
        "staff_no": m.staff_no, "name": m.name, "roles": [role.value for role in m.roles],
        "duties": [{"session_code": d.session_code, "room_code": d.room_code} for d in m.duties],
    } for m in staff]}


def staff_from_json(data: Fields, plan: ExamPlan) -> tuple[StaffMember, ...]:
    sessions = {session.code: session for session in plan.sessions}
    staff = []
    for m in data.objects("staff"):
        roles = []
        for index, value in enumerate(m.items("roles")):
            try:
                roles.append(Role(value))
            except ValueError:
                raise wrong(f"{m.path('roles')}[{index}]") from None
        if not roles:
            raise wrong(m.path("roles"))
        duties = tuple(SeatAssignment(session_code=d.text("session_code", code=True),
                                      room_code=d.text("room_code", code=True)) for d in m.objects("duties"))
        member = StaffMember(staff_no=m.text("staff_no", code=True), name=m.text("name", max_length=100),
                             roles=tuple(roles), duties=duties)
        for duty in duties:
            session = sessions.get(duty.session_code)
            if session is None or duty.room_code not in session.room_codes:
                raise Malformed(tr("staff member {staff} has a duty in a session or room the plan does not have",
                                   staff=member.staff_no))
        staff.append(member)
    unique((member.staff_no for member in staff), tr("staff number"))
    return tuple(staff)
