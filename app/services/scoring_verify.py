"""Re-checking practical scoring's signatures against the rows as they are now (`examsite verify`).

Every signed score sheet and every resolution must carry a signature that matches its stored
rows, made by a key whose enrolment for that staff member is in the site-signed audit trail; and
every signature the audit trail says was made must still be there. So an edit, a deletion or a
re-signing with a new key made behind the service's back is named.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from app.domain.paper import PracticalTask
from app.i18n import tr
from app.persistence import repositories, scoring_store
from app.persistence.models import (
    Candidate,
    ExamPlanRecord,
    ExamSession,
    PracticalTaskRecord,
    ScoreResolution,
    ScoreSheet,
    Signature,
    Sitting,
    Staff,
)
from app.practical.signing import (
    ResolutionContent,
    SheetContent,
    check_signature,
    countersign_payload,
    digest,
    resolution_payload,
    sheet_payload,
)
from app.services.site import Site

SHEET, RESOLUTION, COUNTERSIGN = "score_sheet", "resolution", "countersign"


def verify_sheets(site: Site) -> str | None:
    """Re-check every score sheet and resolution signature against the stored rows.

    Returns a sentence naming the first failure, or None. A signature must match the rows as they
    are now, be made by a key whose enrolment is in the signed audit trail for that staff member,
    every signed sheet must have one, and every signing the audit trail records must still exist.
    Run it together with the audit chain's own check (app.services.site.verify_audit).
    """
    with site.db.read() as session:
        enrolled: dict[str, set[str]] = {}
        for event in [*scoring_store.audit_events(session, "scoring.key_enrolled"),
                      *scoring_store.audit_events(session, "scoring.key_reissued")]:
            enrolled.setdefault(event.actor, set()).add(json.loads(event.after).get("public_key", ""))
        for sheet in scoring_store.all_sheets(session):
            signature = scoring_store.signature(session, SHEET, f"{SHEET}:{sheet.id}")
            if sheet.state != "signed" and signature is None:
                continue
            problem = _sheet_problem(session, site.config.site_id, sheet, signature, enrolled)
            if problem:
                return tr("Score sheet {sheet} fails verification: {problem}", sheet=sheet.id, problem=problem)
        known_sheets = {sheet.id for sheet in scoring_store.all_sheets(session)}
        for signature in scoring_store.signatures(session, (SHEET,)):
            if int(signature.subject.rsplit(":", 1)[1]) not in known_sheets:
                return tr("Score sheet {sheet} fails verification: {problem}", sheet=signature.subject.rsplit(":", 1)[1],
                          problem=tr("the signed sheet is missing."))
        for row in scoring_store.resolutions(session):
            problem = _resolution_problem(session, site.config.site_id, row, enrolled)
            if problem:
                return tr("Score resolution {resolution} fails verification: {problem}", resolution=row.id,
                          problem=problem)
        for signature in scoring_store.signatures(session, (COUNTERSIGN,)):
            problem = _countersign_problem(session, site.config.site_id, signature, enrolled)
            if problem:
                return tr("The countersignature of {room} fails verification: {problem}",
                          room=signature.subject.removeprefix("room:"), problem=problem)
        kept = {signature.payload_sha256
                for signature in scoring_store.signatures(session, (SHEET, RESOLUTION, COUNTERSIGN))}
        for action in ("scoring.signed", "scoring.resolved", "scoring.countersigned"):
            for event in scoring_store.audit_events(session, action):
                if json.loads(event.after).get("payload_sha256") not in kept:
                    return tr("The signature recorded in audit event {seq} ({subject}) is missing.",
                              seq=event.seq, subject=event.subject)
    return None


def _sheet_problem(session, site_id: str, sheet: ScoreSheet, signature: Signature | None,
                   enrolled: dict[str, set[str]]) -> str | None:
    if signature is None:
        return tr("it is marked signed but has no signature.")
    if sheet.state != "signed" or sheet.signed_at is None:
        return tr("it has a signature but is no longer marked signed.")
    examiner = session.get(Staff, sheet.examiner_id)
    if signature.signer_id != sheet.examiner_id or signature.public_key not in enrolled.get(examiner.staff_no, ()):
        return tr("it was not signed by its examiner's enrolled key.")
    ctx = _stored_context(session, sheet.sitting_id, sheet.task_id)
    try:
        entries = json.loads(sheet.entries)
    except ValueError:
        return tr("its entries are unreadable.")
    try:
        payload = sheet_payload(sheet_content(site_id, ctx, examiner.staff_no, sheet, signature.handwriting or b"",
                                         supersedes_digest(session, sheet), entries))
    except (TypeError, ArithmeticError, AttributeError):
        return tr("its entries are unreadable.")
    if not check_signature(signature.public_key, signature.signature, payload, signature.payload_sha256):
        return tr("its marks, total or handwriting differ from what the examiner signed.")
    return None


def _countersign_problem(session, site_id: str, signature: Signature, enrolled: dict[str, set[str]]) -> str | None:
    supervisor = session.get(Staff, signature.signer_id)
    if signature.public_key not in enrolled.get(supervisor.staff_no, ()):
        return tr("it was not signed by the supervisor's enrolled key.")
    _, plan_code, session_code, room_code = signature.subject.split(":", 3)
    plan = repositories.plan_by_code(session, plan_code)
    exam_session = plan and repositories.session_by_code(session, plan.id, session_code)
    room = next((r for r in plan.rooms if r.code == room_code), None) if plan else None
    if exam_session is None or room is None:
        return tr("its room is not in the plan.")
    sheets, resolutions = scoring_store.room_signatures(session, exam_session.id, room.id, signature.signed_at)
    payload = countersign_payload(site_id, plan.plan_code, session_code, room_code, supervisor.staff_no,
                                  signature.signed_at, sheets, resolutions)
    if not check_signature(signature.public_key, signature.signature, payload, signature.payload_sha256):
        return tr("the room's signed sheets differ from what the supervisor countersigned.")
    return None


def _resolution_problem(session, site_id: str, row: ScoreResolution, enrolled: dict[str, set[str]]) -> str | None:
    signature = scoring_store.signature(session, RESOLUTION, f"score_resolution:{row.id}")
    if signature is None:
        return tr("it has no signature.")
    lead = session.get(Staff, row.resolved_by)
    if signature.signer_id != row.resolved_by or signature.public_key not in enrolled.get(lead.staff_no, ()):
        return tr("it was not signed by the examiner lead's enrolled key.")
    ctx = _stored_context(session, row.sitting_id, row.task_id)
    covered = []
    for sheet_id in json.loads(row.sheet_ids):
        sheet_signature = scoring_store.signature(session, SHEET, f"{SHEET}:{sheet_id}")
        covered.append((sheet_id, sheet_signature.payload_sha256 if sheet_signature else ""))
    payload = resolution_payload(ResolutionContent(site_id, ctx.plan.plan_code, ctx.ticket_no, ctx.task.code,
                                                   lead.staff_no, row.score, row.reason, covered, row.resolved_at))
    if not check_signature(signature.public_key, signature.signature, payload, signature.payload_sha256):
        return tr("its score or reason differ from what the examiner lead signed.")
    return None


@dataclass
class _Stored:
    plan: ExamPlanRecord
    ticket_no: str
    task: PracticalTask


def _stored_context(session, sitting_id: int, task_id: int) -> _Stored:
    sitting = session.get(Sitting, sitting_id)
    exam_session = session.get(ExamSession, sitting.session_id)
    record = session.get(PracticalTaskRecord, task_id)
    task = PracticalTask(code=record.code, title=record.title, time_limit_minutes=record.time_limit_minutes,
                         max_score=record.max_score, rubric=())
    return _Stored(session.get(ExamPlanRecord, exam_session.plan_id),
                   session.get(Candidate, sitting.candidate_id).ticket_no, task)


def sheet_content(site_id: str, ctx, examiner_no: str, sheet: ScoreSheet, handwriting: bytes,
             supersedes_sha256: str | None, entries: Mapping[str, object] | None = None) -> SheetContent:
    marks = json.loads(sheet.entries) if entries is None else entries
    return SheetContent(site_id=site_id, plan_code=ctx.plan.plan_code, ticket_no=ctx.ticket_no,
                        task_code=ctx.task.code, examiner_no=examiner_no, version=sheet.version,
                        entries={code: Decimal(value) for code, value in marks.items()}, total=sheet.total,
                        signed_at=sheet.signed_at, handwriting_sha256=digest(handwriting),
                        supersedes_id=sheet.supersedes_id, supersedes_sha256=supersedes_sha256, reason=sheet.reason)


def supersedes_digest(session, sheet: ScoreSheet) -> str | None:
    if sheet.supersedes_id is None:
        return None
    previous = scoring_store.signature(session, SHEET, f"{SHEET}:{sheet.supersedes_id}")
    return previous.payload_sha256 if previous else ""
