"""Score sheets for the paper archive: the signed practical scores of a session, read-only, as PDF.

Only complete results are printed (every required examiner has signed), so printing never shows
one examiner's marks to anyone before independence ends; the examiner lead, the supervisor and
the administrator may print. The data is read from the rows as they are; the signatures on the
page (handwriting, key fingerprint, payload SHA-256) are the stored ones, checked by `examsite
verify`. Each printing is an audit event, and a file in the output folder has always been audited.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.plan import Aggregation, Level
from app.domain.roles import Role
from app.errors import KnownError, NotFound
from app.i18n import tr
from app.persistence import repositories, scoring_store
from app.persistence.models import Staff
from app.practical.rules import combine
from app.reports.score_sheet import (
    Countersignature,
    ExaminerSheet,
    Resolution,
    RubricLine,
    ScoreSheetPage,
    SignatureMark,
    decode_handwriting,
    score_sheets_pdf,
)
from app.security import fingerprint
from app.services.authz import require
from app.services.scoring_verify import COUNTERSIGN, RESOLUTION, SHEET
from app.services.site import Site

PRINT_ROLES = (Role.EXAMINER_LEAD, Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class PrintedScoreSheets:
    paths: tuple[Path, ...]  # one PDF per candidate
    pages: int  # candidate × task pages printed
    waiting: int  # candidate × task results not complete yet (not printed)


class ScoreSheetService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock

    def pages(self, actor: Actor, session_code: str, room_code: str | None = None
              ) -> tuple[dict[str, list[ScoreSheetPage]], int]:
        """The complete results of a practical session (or one room) by ticket, and how many wait."""
        require(actor, *PRINT_ROLES)
        now = self.clock()
        by_ticket: dict[str, list[ScoreSheetPage]] = {}
        waiting = 0
        with self.site.db.read() as session:
            plan = repositories.current_plan(session)
            if plan is None:
                raise NotFound(tr("No exam package has been imported yet."))
            exam_session = repositories.session_by_code(session, plan.id, session_code)
            if exam_session is None or exam_session.kind != "practical":
                raise NotFound(tr("There is no practical session {session} in the current plan.",
                                  session=session_code))
            if room_code is not None and room_code not in (exam_session.room_codes or []):
                raise NotFound(tr("Room {room} is not used in session {session}.", room=room_code,
                                  session=session_code))
            rules = plan.rules or {}
            required = int(rules.get("examiner_count", 3))
            rule = Aggregation(rules.get("aggregation", "mean"))
            threshold = Decimal(str(rules.get("discrepancy_threshold", "10")))
            tasks = [t for t in (scoring_store.task_by_code(session, plan.id, code)
                                 for code in exam_session.task_codes or []) if t is not None]
            rubrics = {t.id: scoring_store.rubric(session, t.id) for t in tasks}
            countersigns = [s for s in scoring_store.signatures(session, (COUNTERSIGN,))
                            if s.subject.startswith(f"room:{plan.plan_code}:{session_code}:")]
            staff: dict[int, Staff] = {}

            def person(staff_id: int) -> Staff:
                if staff_id not in staff:
                    staff[staff_id] = session.get(Staff, staff_id)
                return staff[staff_id]

            def mark(signature) -> SignatureMark:
                who = person(signature.signer_id)
                return SignatureMark(who.staff_no, who.name, signature.signed_at,
                                     fingerprint(bytes.fromhex(signature.public_key)), signature.payload_sha256,
                                     decode_handwriting(signature.handwriting))

            rows = sorted(repositories.sittings_of_session(session, exam_session.id),
                          key=lambda r: (r[2].code, r[0].seat_no is None, r[0].seat_no or 0, r[1].ticket_no))
            for sitting, candidate, room in rows:
                if room_code is not None and room.code != room_code:
                    continue
                for task in tasks:
                    sheets = scoring_store.sheets(session, sitting.id, task.id)
                    newest = {}
                    for sheet in sheets:
                        if sheet.state == "signed":
                            newest[sheet.examiner_id] = sheet
                    if len(newest) < required:
                        waiting += 0 if sitting.status == "absent" else 1
                        continue
                    examiners = []
                    for sheet in sorted(newest.values(), key=lambda s: person(s.examiner_id).staff_no):
                        signature = scoring_store.signature(session, SHEET, f"{SHEET}:{sheet.id}")
                        if signature is None:
                            raise KnownError(tr("Score sheet {sheet} is marked signed but has no signature; "
                                                "run examsite verify.", sheet=sheet.id), code="unsigned")
                        history = tuple((s.version, _text(s.total), s.signed_at, s.reason) for s in sheets
                                        if s.examiner_id == sheet.examiner_id and s.version < sheet.version)
                        examiners.append(ExaminerSheet(
                            person(sheet.examiner_id).staff_no, person(sheet.examiner_id).name, sheet.version,
                            {code: _text(Decimal(v)) for code, v in json.loads(sheet.entries).items()},
                            _text(sheet.total), sheet.reason, mark(signature), history))
                    combined = combine([Decimal(s.total) for s in newest.values()], rule, threshold)
                    ids = [s.id for s in sorted(newest.values(), key=lambda s: s.id)]
                    decided = next((r for r in reversed(scoring_store.resolutions(session, sitting.id, task.id))
                                    if json.loads(r.sheet_ids) == ids), None)
                    resolution = None
                    if decided is not None:
                        signature = scoring_store.signature(session, RESOLUTION, f"score_resolution:{decided.id}")
                        if signature is not None:
                            resolution = Resolution(_text(decided.score, places=True), decided.reason, mark(signature))
                    final = (decided.score if decided is not None
                             else None if combined.flagged else combined.score)
                    room_signs = [s for s in countersigns
                                  if s.subject == f"room:{plan.plan_code}:{session_code}:{room.code}"]
                    counter = None
                    if room_signs:
                        latest = room_signs[-1]
                        last_signed = max(e.signature.signed_at for e in examiners)
                        counter = Countersignature(mark(latest), latest.signed_at >= last_signed)
                    by_ticket.setdefault(candidate.ticket_no, []).append(ScoreSheetPage(
                        site_name=self.site.config.site_name, plan_code=plan.plan_code,
                        agency_name=plan.agency_name, occupation=f"{plan.occupation_name}（{plan.occupation_code}）",
                        level_title=Level(plan.level).title_zh, session_code=exam_session.code,
                        session_title=exam_session.title, starts_at=exam_session.starts_at, room_code=room.code,
                        room_name=room.name, ticket_no=candidate.ticket_no, candidate_name=candidate.name,
                        seat_no=sitting.seat_no, task_code=task.code, task_title=task.title,
                        time_limit_minutes=task.time_limit_minutes, max_score=_text(task.max_score),
                        rubric=tuple(RubricLine(r.code, r.description, r.kind, _text(r.max_points), _text(r.step))
                                     for r in rubrics[task.id]),
                        sheets=tuple(examiners), rule=rule.value, combined=_text(combined.score, places=True),
                        spread=_text(combined.spread), threshold=_text(threshold), flagged=combined.flagged,
                        final=None if final is None else _text(final, places=True), resolution=resolution,
                        countersignature=counter, printed_at=now))
        return by_ticket, waiting

    def print_session(self, actor: Actor, session_code: str, out_dir: str | Path,
                      room_code: str | None = None) -> PrintedScoreSheets:
        """One PDF per candidate (a page per task) in `out_dir`, named SESSION-TICKET.pdf."""
        by_ticket, waiting = self.pages(actor, session_code, room_code)
        if not by_ticket:
            raise KnownError(tr("No candidate of session {session} has a complete, signed result yet.",
                                session=session_code), code="nothing_to_print")
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KnownError(tr("Cannot write {path}: {reason}", path=out, reason=exc.strerror or exc),
                             code="write") from exc
        parts: list[tuple[Path, Path]] = []
        try:
            for ticket, pages in by_ticket.items():
                final = out / f"{session_code}-{ticket}.pdf"
                part = final.with_name(final.name + ".part")
                parts.append((part, final))
                score_sheets_pdf(pages, part)
            count = sum(len(pages) for pages in by_ticket.values())
            with self.site.db.transaction() as tx:
                self.site.audit.record(tx, actor, "documents.score_sheets_printed",
                                       f"session:{session_code}" + (f":{room_code}" if room_code else ""),
                                       after={"candidates": len(by_ticket), "pages": count, "waiting": waiting,
                                              "folder": out.name})
            for part, final in parts:
                os.replace(part, final)
        except OSError as exc:
            raise KnownError(tr("Cannot write {path}: {reason}", path=out, reason=exc.strerror or exc),
                             code="write") from exc
        finally:
            for part, _ in parts:
                part.unlink(missing_ok=True)
        return PrintedScoreSheets(tuple(final for _, final in parts), count, waiting)


def _text(value, places: bool = False) -> str:
    value = Decimal(value)
    if places:
        return f"{value:.2f}"
    return "0" if not value else format(value.normalize(), "f")
