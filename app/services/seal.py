"""The seal: a plan's sessions become read-only and their results leave the site as one signed document.

`SealService.seal` (chief proctor or administrator, with the plan code typed as confirmation)
checks the stored results still match what grading and scoring hold now and that none is still
incomplete, marks every session of the plan `sealed` (every writer calls
app.results.sealed.require_not_sealed), builds the canonical results document (results,
attendance, theory answers and scores, score sheets, resolutions, every signature, incidents,
the room records' digests, the audit-chain head and checkpoints, the video manifests' signed
heads), signs it with the site key, stores it, audits the seal and keeps a checkpoint of the
audit chain, and queues the document for the platform through the sync outbox (signed again
and HPKE-sealed to the platform key by app.sync.envelope) when a platform is configured.

`verify_seals` is what `examsite verify` adds: the stored document is the signed one, its seal
event is in the audit trail, its sessions are still sealed, and every section rebuilt from the
database now equals the sealed one, so a change made with plain SQL after the seal is named.
It also re-checks every room-record signature against the record as it is now.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.canonical import canonical_json
from app.domain.roles import Role
from app.errors import InvalidState, KnownError
from app.i18n import tr
from app.persistence import audit_store, repositories, results_store, theory_store
from app.persistence.models import ResultsSeal
from app.practical.signing import check_signature
from app.results import room_record
from app.results.outcome import Outcome
from app.results.sealed import SEALED
from app.services.authz import require
from app.services.results import ResultsService, _plan, gather_room_record
from app.services.site import Site

SEAL_ROLES = (Role.CHIEF_PROCTOR, Role.ADMIN)
FORMAT = "examsite-results-document"
LABEL = b"examsite sealed results v1\n"


@dataclass(frozen=True)
class SealOutcome:
    plan_code: str
    sealed_at: datetime
    document_sha256: str
    size: int
    audit_seq: int
    outbox_key: str | None  # None when no platform is configured yet


class SealService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now,
                 enqueue: Callable[..., str] | None = None) -> None:
        """`enqueue(tx, actor, document, plan_code=, session_code=)` queues the document for the platform;
        by default the sync outbox's `enqueue_results` when a platform is configured."""
        self.site = site
        self.clock = clock
        self._enqueue = enqueue

    def seal(self, actor: Actor, confirm: str) -> SealOutcome:
        require(actor, *SEAL_ROLES)
        keys = self.site.require_keys()
        results = ResultsService(self.site, self.clock)
        enqueue = self._enqueue or _outbox_enqueue(self.site, self.clock)
        with self.site.db.transaction() as tx:
            plan = _plan(tx)
            if confirm.strip() != plan.plan_code:
                raise KnownError(tr("Type the plan code {plan} to confirm the seal.", plan=plan.plan_code),
                                 code="confirm")
            if results_store.seal_of(tx, plan.id) is not None:
                raise InvalidState(tr("Plan {plan} is already sealed.", plan=plan.plan_code))
            sessions = results_store.sessions(tx, plan.id, lock=True)
            for exam_session in sessions:
                for room in plan.rooms:
                    run = theory_store.room_run(tx, exam_session.id, room.id)
                    if run is not None and run.phase in ("running", "paused"):
                        raise InvalidState(tr("Room {room} of session {session} is still running.", room=room.name,
                                              session=exam_session.code))
            stored = results_store.results(tx, plan.id, lock=True)
            fresh = results._gather(tx, plan, sessions)
            if not stored:
                raise InvalidState(tr("Compute the results first."))
            waiting = [item.ticket_no for item in fresh if item.outcome is Outcome.INCOMPLETE]
            if waiting:
                raise InvalidState(tr("{count} results are still incomplete (first: {ticket}).", count=len(waiting),
                                      ticket=waiting[0]))
            tickets = {row.ticket_no: row for row in stored.values()}
            for item in fresh:
                row = tickets.get(item.ticket_no)
                if row is None or row.outcome != item.outcome.value or row.theory_score != _score(item.theory) \
                        or row.practical_score != _score(item.practical):
                    raise InvalidState(tr("The results changed since they were computed: compute them again."))
            now = self.clock()
            for exam_session in sessions:
                exam_session.state = SEALED
            tx.flush()
            head = audit_store.signed_head(tx)
            document = {
                "format": FORMAT, "version": 1, "site": self.site.config.site_id, "plan": plan.plan_code,
                "sessions": [s.code for s in sessions], "sealed_at": now, "sealed_by": actor.staff_no,
                "sections": sections(tx, self.site, plan),
                "audit": {"head": {"seq": head.seq, "hash": head.hash} if head else None,
                          "checkpoints": [{"seq": c.seq, "hash": c.hash} for c in audit_store.checkpoints(tx)]},
                "video": video_heads(self.site.home.root),
            }
            body = canonical_json(document)
            digest = hashlib.sha256(body).hexdigest()
            row = ResultsSeal(plan_id=plan.id, sealed_at=now, sealed_by=actor.staff_no, document=body,
                              document_sha256=digest, signature=keys.sign(LABEL + body),
                              audit_seq=head.seq if head else 0, audit_hash=head.hash if head else "")
            tx.add(row)
            tx.flush()
            session_codes = "+".join(s.code for s in sessions)
            row.outbox_key = enqueue(tx, actor, document, plan_code=plan.plan_code, session_code=session_codes) \
                if enqueue else None
            self.site.audit.record(tx, actor, "results.sealed", f"plan:{plan.plan_code}", after={
                "document_sha256": digest, "size": len(body), "sessions": [s.code for s in sessions],
                "audit_seq": row.audit_seq, "outbox": row.outbox_key})
            self.site.audit.checkpoint(tx)
            return SealOutcome(plan.plan_code, now, digest, len(body), row.audit_seq, row.outbox_key)

    def document(self, actor: Actor) -> dict | None:
        """The sealed document of the current plan, or None before the seal."""
        require(actor, *SEAL_ROLES, Role.SUPERVISOR)
        with self.site.db.read() as session:
            row = results_store.seal_of(session, _plan(session).id)
            return None if row is None else json.loads(row.document)


def _outbox_enqueue(site: Site, clock) -> Callable[..., str] | None:
    """The sync outbox's enqueue when a platform is configured; None (the seal stays local) otherwise."""
    from app.services.outbox import OutboxService

    outbox = OutboxService(site, clock)
    try:
        outbox.link()
    except KnownError:
        return None
    return outbox.enqueue_results


def _score(result) -> Any:
    return None if result is None else result.score


# -- the document's sections ------------------------------------------------------------------------

def sections(session, site: Site, plan) -> dict[str, dict[str, Any]]:
    """Everything the seal freezes, keyed so that a difference names what changed. Values are plain JSON."""
    sessions = results_store.sessions(session, plan.id)
    staff = results_store.staff_numbers(session)
    tickets = {c.id: c.ticket_no for c in results_store.candidates(session, plan.id)}
    rooms = {r.id: r.code for r in plan.rooms}
    out: dict[str, dict[str, Any]] = {name: {} for name in (
        "results", "attendance", "theory", "answers", "score_sheets", "resolutions", "signatures", "incidents",
        "room_records")}
    for row in results_store.results(session, plan.id).values():
        out["results"][row.ticket_no] = {
            "theory": [row.theory_outcome, row.theory_score], "practical": [row.practical_outcome, row.practical_score],
            "outcome": row.outcome, "certificate_no": row.certificate_no}
    sitting_ids, who = [], {}
    for exam_session in sessions:
        sittings = results_store.sittings(session, exam_session.id)
        for sitting in sittings:
            key = f"{exam_session.code}:{tickets[sitting.candidate_id]}"
            who[sitting.id] = key
            sitting_ids.append(sitting.id)
            out["attendance"][key] = {"room": rooms.get(sitting.room_id), "seat": sitting.seat_no,
                                      "status": sitting.status, "checked_in_at": sitting.checked_in_at}
        if exam_session.kind == "theory":
            for sitting_id, state in results_store.theory_states(session, [s.id for s in sittings]).items():
                out["theory"][who[sitting_id]] = {
                    "submitted_at": state.submitted_at, "how": state.submitted_how, "digest": state.digest,
                    "voided": state.voided, "score": state.score, "max_score": state.max_score,
                    "time_change_seconds": state.time_change_seconds}
        for room_code in exam_session.room_codes or []:
            record = gather_room_record(session, site.config.site_name, exam_session.code, room_code, utc_now())
            out["room_records"][record.subject] = room_record.content_sha256(record)
    for sitting_id, item_code, answer in results_store.answers(session, sitting_ids):
        out["answers"][f"{who[sitting_id]}:{item_code}"] = {"response": answer.response, "flagged": answer.flagged,
                                                            "revision": answer.revision}
    sheet_ids, resolution_ids = set(), set()
    for sheet in results_store.score_sheets(session, sitting_ids):
        sheet_ids.add(sheet.id)
        out["score_sheets"][str(sheet.id)] = {
            "sitting": who[sheet.sitting_id], "task": sheet.task_id, "examiner": staff.get(sheet.examiner_id),
            "version": sheet.version, "state": sheet.state, "entries": sheet.entries, "total": sheet.total,
            "reason": sheet.reason, "supersedes": sheet.supersedes_id, "signed_at": sheet.signed_at}
    for resolution in results_store.resolutions(session, sitting_ids):
        resolution_ids.add(resolution.id)
        out["resolutions"][str(resolution.id)] = {
            "sitting": who[resolution.sitting_id], "task": resolution.task_id, "score": resolution.score,
            "reason": resolution.reason, "sheets": resolution.sheet_ids, "by": staff.get(resolution.resolved_by),
            "at": resolution.resolved_at}
    for signature in results_store.signatures(session):
        if not _of_plan(signature.subject, plan.plan_code, sheet_ids, resolution_ids):
            continue
        out["signatures"][str(signature.id)] = {
            "purpose": signature.purpose, "subject": signature.subject, "signer": staff.get(signature.signer_id),
            "payload_sha256": signature.payload_sha256, "public_key": signature.public_key,
            "signature": bytes(signature.signature).hex(),
            "handwriting_sha256": hashlib.sha256(bytes(signature.handwriting)).hexdigest()
            if signature.handwriting else None, "signed_at": signature.signed_at}
    for incident in results_store.incidents(session, [s.id for s in sessions]):
        out["incidents"][str(incident.id)] = {
            "sitting": who.get(incident.sitting_id), "room": rooms.get(incident.room_id), "kind": incident.kind,
            "note": incident.note, "by": staff.get(incident.recorded_by), "at": incident.recorded_at}
    return json.loads(canonical_json(out))


def _of_plan(subject: str, plan_code: str, sheet_ids: set[int], resolution_ids: set[int]) -> bool:
    kind, _, rest = subject.partition(":")
    if kind == "score_sheet":
        return rest.isdigit() and int(rest) in sheet_ids
    if kind == "score_resolution":
        return rest.isdigit() and int(rest) in resolution_ids
    return rest.startswith(f"{plan_code}:") or f":{plan_code}:" in subject


def video_heads(home_root: Path) -> list[dict]:
    """The signed head of every video manifest under HOME/video, as the recorder wrote it."""
    from app.video.manifest import HEAD_FILE

    root = Path(home_root) / "video"
    heads = []
    for path in sorted(root.rglob(HEAD_FILE)) if root.exists() else []:
        try:
            head = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            head = {"damaged": True}
        heads.append({"directory": str(path.parent.relative_to(root)), "head": head})
    return heads


# -- verification ------------------------------------------------------------------------------------

def verify_seals(site: Site) -> str | None:
    """A sentence naming the first problem with a sealed document or a room-record signature, or None."""
    with site.db.read() as session:
        problem = _room_record_problem(session, site)
        if problem:
            return problem
        sealed_events = {json.loads(e.after).get("document_sha256")
                         for e in results_store.audit_events(session, "results.sealed")}
        plans = {plan.id: plan for plan in _plans(session)}
        seals = {plan_id: results_store.seal_of(session, plan_id) for plan_id in plans}
        for digest in sealed_events:
            if digest not in {row.document_sha256 for row in seals.values() if row is not None}:
                return tr("The sealed results document {digest} recorded in the audit trail is missing.",
                          digest=str(digest)[:16])
        for plan_id, row in seals.items():
            if row is None:
                continue
            plan = plans[plan_id]
            body = bytes(row.document)
            if hashlib.sha256(body).hexdigest() != row.document_sha256 or row.document_sha256 not in sealed_events:
                return tr("The sealed results of plan {plan} are not the document that was sealed.", plan=plan.plan_code)
            if not site.verify_site_signature(bytes(row.signature), LABEL + body):
                return tr("The site's signature on the sealed results of plan {plan} is not valid.", plan=plan.plan_code)
            document = json.loads(body)
            for exam_session in results_store.sessions(session, plan.id):
                if exam_session.code in document["sessions"] and exam_session.state != SEALED:
                    return tr("Session {session} was sealed but is no longer marked sealed.", session=exam_session.code)
            now = sections(session, site, plan)
            problem = _difference(document["sections"], now)
            if problem:
                return tr("Sealed results of plan {plan} differ from the database: {what} was changed after the seal.",
                          plan=plan.plan_code, what=problem)
    return None


def _plans(session):
    plan = repositories.current_plan(session)
    return [plan] if plan is not None else []


def _difference(sealed: dict, now: dict) -> str | None:
    for section in sorted(set(sealed) | set(now)):
        before, after = sealed.get(section, {}), now.get(section, {})
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                what = "added" if key not in before else "removed" if key not in after else "changed"
                return f"{section} {key} ({what})"
    return None


def _room_record_problem(session, site: Site) -> str | None:
    """Every room-record signature must match the record as it is now."""
    staff = results_store.staff_numbers(session)
    digests = {json.loads(e.after).get("payload_sha256") for e in results_store.audit_events(
        session, "results.room_record_signed")}
    for signature in results_store.signatures(session, room_record.PURPOSE):
        _, plan_code, session_code, room_code = signature.subject.split(":", 3)
        record = gather_room_record(session, site.config.site_name, session_code, room_code, utc_now())
        payload = room_record.payload(site.config.site_id, signature.subject, room_record.content_sha256(record),
                                      staff.get(signature.signer_id, ""), signature.signed_at)
        if signature.payload_sha256 not in digests or not check_signature(
                signature.public_key, bytes(signature.signature), payload, signature.payload_sha256):
            return tr("The room record of {room} (session {session}) no longer matches the signature of {signer}.",
                      room=room_code, session=session_code, signer=staff.get(signature.signer_id, "?"))
    return None
