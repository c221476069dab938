"""Repositories: the services' only way to the tables. They take and give domain values."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.package import ExamPackage
from app.domain.plan import ExamRules
from app.domain.roles import PIN_ROLES
from app.persistence.models import (
    Candidate,
    CheckinRecord,
    Duty,
    ExamPackageRecord,
    ExamPlanRecord,
    ExamSession,
    PaperRecord,
    PracticalTaskRecord,
    Room,
    RubricItemRecord,
    SiteInfo,
    Sitting,
    Staff,
)


class FieldSealer(Protocol):
    """What persistence needs from the security package to seal sensitive columns."""

    def encrypt(self, plaintext: bytes, context: str) -> bytes: ...
    def decrypt(self, blob: bytes, context: str) -> bytes: ...
    def blind_index(self, value: str, context: str) -> str: ...


ID_CONTEXT = "candidate.id_number"
PHOTO_CONTEXT = "candidate.photo"


def rules_to_json(rules: ExamRules) -> dict:
    return {key: (str(value) if isinstance(value, Decimal) else getattr(value, "value", value))
            for key, value in asdict(rules).items()}


def site_info(session: Session) -> SiteInfo | None:
    return session.scalar(select(SiteInfo))


def staff_by_no(session: Session, staff_no: str) -> Staff | None:
    return session.scalar(select(Staff).where(Staff.staff_no == staff_no))


def all_staff(session: Session) -> list[Staff]:
    return list(session.scalars(select(Staff).options(selectinload(Staff.duties)).order_by(Staff.staff_no)))


def current_plan(session: Session) -> ExamPlanRecord | None:
    """The plan of the most recently imported package (a site runs one plan at a time)."""
    return session.scalar(
        select(ExamPlanRecord)
        .options(selectinload(ExamPlanRecord.rooms), selectinload(ExamPlanRecord.sessions),
                 selectinload(ExamPlanRecord.package))
        .order_by(ExamPlanRecord.id.desc())
        .limit(1)
    )


def package_by_id(session: Session, package_id: str) -> ExamPackageRecord | None:
    return session.scalar(select(ExamPackageRecord).where(ExamPackageRecord.package_id == package_id))


def plan_by_code(session: Session, plan_code: str) -> ExamPlanRecord | None:
    return session.scalar(select(ExamPlanRecord).where(ExamPlanRecord.plan_code == plan_code))


def roster(session: Session, plan_id: int) -> list[tuple[Candidate, Sitting, ExamSession, Room]]:
    rows = session.execute(
        select(Candidate, Sitting, ExamSession, Room)
        .join(Sitting, Sitting.candidate_id == Candidate.id)
        .join(ExamSession, ExamSession.id == Sitting.session_id)
        .join(Room, Room.id == Sitting.room_id)
        .where(Candidate.plan_id == plan_id)
        .order_by(ExamSession.starts_at, Room.code, Sitting.seat_no, Candidate.ticket_no)
    )
    return [tuple(row) for row in rows]


def candidate_count(session: Session, plan_id: int) -> int:
    return session.scalar(select(func.count(Candidate.id)).where(Candidate.plan_id == plan_id)) or 0


def candidate_by_ticket(session: Session, ticket_no: str) -> Candidate | None:
    return session.scalar(select(Candidate).where(Candidate.ticket_no == ticket_no))


def existing_tickets(session: Session, tickets: list[str]) -> list[str]:
    """Those of `tickets` that some candidate on this site already holds, sorted."""
    found: set[str] = set()
    for start in range(0, len(tickets), 500):
        chunk = tickets[start:start + 500]
        found.update(session.scalars(select(Candidate.ticket_no).where(Candidate.ticket_no.in_(chunk))))
    return sorted(found)


def candidates_by_id_number(session: Session, index: str) -> list[Candidate]:
    return list(session.scalars(select(Candidate).where(Candidate.id_number_index == index)))


def papers(session: Session, plan_id: int) -> list[PaperRecord]:
    return list(session.scalars(select(PaperRecord).where(PaperRecord.plan_id == plan_id).order_by(PaperRecord.code)))


def tasks(session: Session, plan_id: int) -> list[PracticalTaskRecord]:
    return list(
        session.scalars(
            select(PracticalTaskRecord).where(PracticalTaskRecord.plan_id == plan_id).order_by(PracticalTaskRecord.code)
        )
    )


def store_package(
    session: Session,
    package: ExamPackage,
    sealer: FieldSealer,
    *,
    stored_as: str,
    imported_by: str,
    imported_at: datetime,
    progress=None,
) -> ExamPlanRecord:
    """Insert everything the package holds. The caller's transaction makes it all or nothing."""
    summary = package.summary
    record = ExamPackageRecord(
        package_id=summary.package_id,
        manifest_sha256=package.manifest_sha256,
        issuer_fingerprint=summary.issuer_fingerprint,
        issued_at=summary.issued_at,
        imported_at=imported_at,
        imported_by=imported_by,
        stored_as=stored_as,
        size_bytes=summary.size_bytes,
    )
    plan = package.plan
    plan_row = ExamPlanRecord(
        package=record,
        plan_code=plan.plan_code,
        agency_code=plan.agency_code,
        agency_name=plan.agency_name,
        province_code=plan.province_code,
        occupation_code=plan.occupation_code,
        occupation_name=plan.occupation_name,
        level=int(plan.level),
        exam_date=plan.exam_date,
        rules=rules_to_json(plan.rules),
    )
    session.add(plan_row)
    rooms = {spec.code: Room(plan=plan_row, code=spec.code, name=spec.name, capacity=spec.capacity,
                             location=spec.location) for spec in plan.rooms}
    sessions = {
        spec.code: ExamSession(
            plan=plan_row, code=spec.code, kind=spec.kind.value, title=spec.title, starts_at=spec.starts_at,
            ends_at=spec.ends_at, paper_code=spec.paper_code, task_codes=list(spec.task_codes),
            room_codes=list(spec.room_codes),
        )
        for spec in plan.sessions
    }
    session.add_all([*rooms.values(), *sessions.values()])
    session.flush()
    total = len(package.roster) or 1
    for done, entry in enumerate(package.roster, start=1):
        candidate = Candidate(
            plan_id=plan_row.id,
            ticket_no=entry.ticket_no,
            name=entry.name,
            gender=entry.gender,
            id_type=entry.id_type,
            id_number_sealed=sealer.encrypt(entry.id_number.encode("utf-8"), ID_CONTEXT),
            id_number_index=sealer.blind_index(entry.id_number.upper(), ID_CONTEXT),
            photo_sealed=sealer.encrypt(entry.photo, PHOTO_CONTEXT),
            photo_type=entry.photo_type,
            photo_sha256=hashlib.sha256(entry.photo).hexdigest(),
            ticket_token=entry.ticket_token,
        )
        session.add(candidate)
        session.flush()
        for seat in entry.seats:
            session.add(Sitting(candidate_id=candidate.id, session_id=sessions[seat.session_code].id,
                                room_id=rooms[seat.room_code].id, seat_no=seat.seat_no))
        if progress:
            progress(done, total)
    _store_staff(session, package, plan_row, sessions, rooms)
    for paper in package.papers:
        session.add(PaperRecord(plan_id=plan_row.id, code=paper.code, title=paper.title,
                                item_count=paper.item_count, sealed_blob=paper.blob))
    for task in package.tasks:
        task_row = PracticalTaskRecord(plan_id=plan_row.id, code=task.code, title=task.title,
                                       time_limit_minutes=task.time_limit_minutes, max_score=task.max_score)
        session.add(task_row)
        session.flush()
        for position, item in enumerate(task.rubric, start=1):
            session.add(RubricItemRecord(task_id=task_row.id, position=position, code=item.code,
                                         description=item.description, kind=item.kind.value,
                                         max_points=item.max_points, step=item.step))
    session.flush()
    return plan_row


def _store_staff(session: Session, package: ExamPackage, plan_row, sessions, rooms) -> None:
    for member in package.staff:
        staff = staff_by_no(session, member.staff_no)
        roles = ",".join(role.value for role in member.roles)
        if staff is None:
            staff = Staff(staff_no=member.staff_no, name=member.name, roles=roles, plan_id=plan_row.id,
                          secret_kind="pin" if _pin_only(member.roles) else "password")
            session.add(staff)
        else:
            staff.name, staff.roles, staff.plan_id = member.name, roles, plan_row.id
        session.flush()
        for duty in member.duties:
            session.add(Duty(staff_id=staff.id, session_id=sessions[duty.session_code].id,
                             room_id=rooms[duty.room_code].id))


def _pin_only(roles) -> bool:
    return bool(roles) and all(role in PIN_ROLES for role in roles)


def session_by_code(session: Session, plan_id: int, code: str) -> ExamSession | None:
    return session.scalar(select(ExamSession).where(ExamSession.plan_id == plan_id, ExamSession.code == code))


def sittings_of_session(session: Session, session_id: int) -> list[tuple[Sitting, Candidate, Room]]:
    rows = session.execute(
        select(Sitting, Candidate, Room)
        .join(Candidate, Candidate.id == Sitting.candidate_id)
        .join(Room, Room.id == Sitting.room_id)
        .where(Sitting.session_id == session_id)
        .order_by(Room.code, Sitting.seat_no, Candidate.ticket_no)
    )
    return [tuple(row) for row in rows]


def sitting_for(session: Session, session_id: int, candidate_id: int, *, lock: bool = False) -> Sitting | None:
    query = select(Sitting).where(Sitting.session_id == session_id, Sitting.candidate_id == candidate_id)
    return session.scalar(query.with_for_update() if lock else query)


def taken_seats(session: Session, session_id: int, room_id: int) -> set[int]:
    return set(session.scalars(select(Sitting.seat_no).where(
        Sitting.session_id == session_id, Sitting.room_id == room_id, Sitting.seat_no.is_not(None))))


def checkin_records(session: Session, sitting_id: int) -> list[CheckinRecord]:
    return list(session.scalars(select(CheckinRecord).where(CheckinRecord.sitting_id == sitting_id)
                                .order_by(CheckinRecord.id)))
