"""Printed documents: admission tickets (准考证) for sites that print them, and each room's sign-in sheet.

Both carry personal information (roster photos, masked ID numbers), so every call checks the
role and writes an audit event. The document is written beside `out_path` first and moved into
place only after its event is committed: a file at `out_path` has always been audited.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.plan import Level
from app.domain.roles import Role
from app.errors import KnownError, NotFound
from app.i18n import tr
from app.persistence import document_queries, repositories
from app.persistence.repositories import ID_CONTEXT, PHOTO_CONTEXT
from app.reports import (
    PlanInfo,
    SheetHeader,
    SheetRow,
    TicketRow,
    TicketSitting,
    sign_in_sheet_pdf,
    sign_in_sheet_xlsx,
    tickets_pdf,
)
from app.services.authz import require
from app.services.overview import mask_id_number
from app.services.site import Site

TICKET_ROLES = (Role.ADMIN, Role.CHIEF_PROCTOR)
SHEET_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR, Role.ADMIN)
FORMATS = ("pdf", "xlsx")
_PROCTORS = {Role.PROCTOR.value, Role.CHIEF_PROCTOR.value}


@dataclass(frozen=True)
class PrintedDocument:
    path: Path
    count: int  # tickets, or candidates on the sheet
    pages: int | None  # PDF pages; None for a spreadsheet


class DocumentService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock

    def tickets(self, actor: Actor, out_path: str | Path, session_code: str | None = None) -> PrintedDocument:
        """Admission tickets of every candidate (or of those sitting `session_code`) as one PDF."""
        require(actor, *TICKET_ROLES)
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            plan = self._plan(session)
            if session_code is not None:
                self._session(session, plan, session_code)
            info = PlanInfo(plan.plan_code, plan.agency_name, self.site.config.site_name, plan.occupation_code,
                            plan.occupation_name, Level(plan.level).title_zh,
                            int(plan.rules.get("late_entry_minutes", 15)))
            tickets = _ticket_rows(repositories.roster(session, plan.id), cipher, session_code)
        out = Path(out_path)
        pages = self._publish(actor, out, lambda part: tickets_pdf(tickets, part, plan_info=info),
                              "documents.tickets_printed", f"plan:{plan.plan_code}",
                              {"count": len(tickets), "session": session_code, "file": out.name})
        return PrintedDocument(out, len(tickets), pages)

    def sign_in_sheet(self, actor: Actor, session_code: str, room_code: str, out_path: str | Path,
                      fmt: str = "pdf") -> PrintedDocument:
        """The sign-in sheet (签到表) of one room in one session, as PDF (with photos) or XLSX."""
        require(actor, *SHEET_ROLES)
        if fmt not in FORMATS:
            raise KnownError(tr("Unknown document format {format}: use pdf or xlsx.", format=fmt), code="format")
        cipher = self.site.require_keys().field_cipher()
        with self.site.db.read() as session:
            plan = self._plan(session)
            exam_session = self._session(session, plan, session_code)
            room = next((r for r in plan.rooms if r.code == room_code and r.code in exam_session.room_codes), None)
            if room is None:
                raise NotFound(tr("Room {room} is not used in session {session}.", room=room_code,
                                  session=session_code))
            rows = [
                SheetRow(sitting.seat_no, candidate.ticket_no, candidate.name, candidate.gender, sitting.status,
                         sitting.checked_in_at,
                         cipher.decrypt(candidate.photo_sealed, PHOTO_CONTEXT) if fmt == "pdf" else None)
                for sitting, candidate, seated_in in repositories.sittings_of_session(session, exam_session.id)
                if seated_in.id == room.id
            ]
            rows.sort(key=lambda row: (row.seat_no is None, row.seat_no or 0, row.ticket_no))
            proctors = tuple(member.name for member in document_queries.staff_on_duty(session, exam_session.id, room.id)
                             if _PROCTORS & set(member.roles.split(",")))
            header = SheetHeader(
                plan.plan_code, plan.agency_name, self.site.config.site_name,
                f"{plan.occupation_name}（{plan.occupation_code}）", Level(plan.level).title_zh, exam_session.code,
                exam_session.title, exam_session.starts_at, exam_session.ends_at, room.code, room.name, room.location,
                proctors, self.clock())
        out = Path(out_path)
        writer = sign_in_sheet_pdf if fmt == "pdf" else sign_in_sheet_xlsx
        result = self._publish(actor, out, lambda part: writer(rows, part, header=header),
                               "documents.sign_in_sheet_printed", f"room:{session_code}:{room_code}", {
                                   "format": fmt, "count": len(rows), "file": out.name,
                                   "checked_in": sum(1 for row in rows if row.status == "checked_in"),
                                   "absent": sum(1 for row in rows if row.status == "absent")})
        return PrintedDocument(out, len(rows), result if fmt == "pdf" else None)

    # -- helpers ---------------------------------------------------------------------------
    def _publish(self, actor: Actor, out: Path, render: Callable[[Path], int], action: str, target: str,
                 after: dict) -> int:
        """Render to a side file, audit, then move the file into place; nothing is left behind on failure."""
        part = out.with_name(out.name + ".part")
        try:
            result = render(part)
            with self.site.db.transaction() as tx:
                self.site.audit.record(tx, actor, action, target, after=after)
            os.replace(part, out)
        except OSError as exc:
            raise KnownError(tr("Cannot write {path}: {reason}", path=out, reason=exc.strerror or exc),
                             code="write") from exc
        finally:
            part.unlink(missing_ok=True)
        return result

    @staticmethod
    def _plan(session):
        plan = repositories.current_plan(session)
        if plan is None:
            raise NotFound(tr("No exam package has been imported yet."))
        return plan

    @staticmethod
    def _session(session, plan, session_code: str):
        exam_session = repositories.session_by_code(session, plan.id, session_code)
        if exam_session is None:
            raise NotFound(tr("There is no session {session} in the current plan.", session=session_code))
        return exam_session


def _ticket_rows(roster, cipher, session_code: str | None) -> list[TicketRow]:
    """One ticket per candidate, in order of their first room and seat, listing their sessions."""
    sittings: dict[int, list[TicketSitting]] = {}
    holders = {}
    for candidate, sitting, exam_session, room in roster:
        if session_code is not None and exam_session.code != session_code:
            continue
        holders.setdefault(candidate.id, candidate)
        sittings.setdefault(candidate.id, []).append(TicketSitting(
            exam_session.code, exam_session.title, exam_session.starts_at, exam_session.ends_at, room.name,
            room.location, sitting.seat_no))
    return [
        TicketRow(candidate.ticket_no, candidate.name, candidate.gender,
                  mask_id_number(cipher.decrypt(candidate.id_number_sealed, ID_CONTEXT).decode()),
                  cipher.decrypt(candidate.photo_sealed, PHOTO_CONTEXT), candidate.ticket_token,
                  tuple(sittings[key]))
        for key, candidate in holders.items()
    ]
