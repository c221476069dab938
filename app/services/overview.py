"""Read models for the console: the plan, its sessions, rooms, roster and staff at a glance.

ID numbers are shown masked; the full number is revealed one candidate at a time, to roles that
need it, and every reveal is audited (sensitive personal information).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import NotFound
from app.i18n import tr
from app.persistence import repositories
from app.persistence.repositories import ID_CONTEXT, PHOTO_CONTEXT
from app.services.authz import require
from app.services.site import Site

VIEW_ROLES = tuple(Role)  # every role sees the plan; ID numbers stay masked
REVEAL_ROLES = (Role.ADMIN, Role.CHIEF_PROCTOR, Role.PROCTOR)


def mask_id_number(id_number: str) -> str:
    """Keep the region's first 4 and the last 4 characters: enough to compare with a card."""
    if len(id_number) <= 8:
        return "*" * len(id_number)
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


@dataclass(frozen=True)
class SessionRow:
    code: str
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    state: str
    rooms: tuple[str, ...]
    candidates: int


@dataclass(frozen=True)
class RoomRow:
    code: str
    name: str
    capacity: int
    location: str
    seated: int  # sittings placed in this room over all sessions


@dataclass(frozen=True)
class RosterRow:
    ticket_no: str
    name: str
    gender: str
    id_masked: str
    session_code: str
    room_name: str
    seat_no: int | None
    status: str


@dataclass(frozen=True)
class StaffRow:
    staff_no: str
    name: str
    roles: tuple[Role, ...]
    duties: int
    has_secret: bool
    secret_kind: str


@dataclass(frozen=True)
class PlanOverview:
    plan_code: str
    agency_name: str
    occupation_code: str
    occupation_name: str
    level: int
    exam_date: date
    package_id: str
    issuer_fingerprint: str
    imported_at: datetime
    rules: dict
    sessions: tuple[SessionRow, ...]
    rooms: tuple[RoomRow, ...]
    roster: tuple[RosterRow, ...]
    staff: tuple[StaffRow, ...]
    candidates: int
    papers: tuple[str, ...]
    tasks: tuple[str, ...]


class OverviewService:
    def __init__(self, site: Site) -> None:
        self.site = site

    def plan_overview(self, actor: Actor) -> PlanOverview | None:
        require(actor, *VIEW_ROLES)
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            plan = repositories.current_plan(session)
            if plan is None:
                return None
            roster_rows = repositories.roster(session, plan.id)
            per_session = Counter(sitting.session_id for _, sitting, _, _ in roster_rows)
            per_room = Counter(sitting.room_id for _, sitting, _, _ in roster_rows)
            sessions = tuple(
                SessionRow(s.code, s.kind, s.title, s.starts_at, s.ends_at, s.state, tuple(s.room_codes),
                           per_session[s.id])
                for s in plan.sessions
            )
            rooms = tuple(RoomRow(r.code, r.name, r.capacity, r.location, per_room[r.id]) for r in plan.rooms)
            roster = tuple(
                RosterRow(
                    ticket_no=candidate.ticket_no, name=candidate.name, gender=candidate.gender,
                    id_masked=mask_id_number(cipher.decrypt(candidate.id_number_sealed, ID_CONTEXT).decode()),
                    session_code=exam_session.code, room_name=room.name, seat_no=sitting.seat_no,
                    status=sitting.status,
                )
                for candidate, sitting, exam_session, room in roster_rows
            )
            staff = tuple(
                StaffRow(member.staff_no, member.name, tuple(Role(code) for code in member.roles.split(",")),
                         len(member.duties), member.secret_hash is not None, member.secret_kind)
                for member in repositories.all_staff(session)
            )
            return PlanOverview(
                plan_code=plan.plan_code, agency_name=plan.agency_name, occupation_code=plan.occupation_code,
                occupation_name=plan.occupation_name, level=plan.level, exam_date=plan.exam_date,
                package_id=plan.package.package_id, issuer_fingerprint=plan.package.issuer_fingerprint,
                imported_at=plan.package.imported_at, rules=dict(plan.rules), sessions=sessions, rooms=rooms,
                roster=roster, staff=staff, candidates=repositories.candidate_count(session, plan.id),
                papers=tuple(p.code for p in repositories.papers(session, plan.id)),
                tasks=tuple(t.code for t in repositories.tasks(session, plan.id)),
            )

    def reveal_id_number(self, actor: Actor, ticket_no: str, reason: str) -> str:
        """The full ID number of one candidate; audited with the reason given."""
        require(actor, *REVEAL_ROLES)
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.transaction() as tx:
            candidate = self._candidate(tx, ticket_no)
            self.site.audit.record(tx, actor, "candidate.id_revealed", f"candidate:{ticket_no}",
                                   after={"reason": reason})
            return cipher.decrypt(candidate.id_number_sealed, ID_CONTEXT).decode()

    def candidate_photo(self, actor: Actor, ticket_no: str) -> tuple[bytes, str]:
        """The roster portrait (bytes, media type) for identity checks."""
        require(actor, *VIEW_ROLES)
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            candidate = self._candidate(session, ticket_no)
            return cipher.decrypt(candidate.photo_sealed, PHOTO_CONTEXT), candidate.photo_type

    @staticmethod
    def _candidate(session, ticket_no: str):
        candidate = repositories.candidate_by_ticket(session, ticket_no)
        if candidate is None:
            raise NotFound(tr("No candidate has the admission ticket {ticket}.", ticket=ticket_no))
        return candidate
