"""The theory exam's LAN routes for candidate terminals (docs/lan-api.md, "Theory").

A candidate token (header X-Candidate-Token) is bound to one sitting and one device: every route
after log-in serves that sitting only, and no route takes a ticket or sitting id. Nothing here
ever puts an answer key into a response. Saves answer only after their transaction committed.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from app.errors import PermissionDenied
from app.i18n import tr
from app.lan.deps import get_access, require_device
from app.services.lan_access import Device
from app.services.theory import (
    AnswerSave,
    CandidateInfo,
    EventBatch,
    Receipt,
    TerminalReport,
    TheoryService,
)

router = APIRouter(prefix="/api/v1/theory", tags=["theory"])

CANDIDATE_HEADER = "X-Candidate-Token"
CANDIDATE_TTL = timedelta(hours=12)
MAX_WAIT = 30
_create_lock = threading.Lock()


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def theory(request: Request) -> TheoryService:
    """The app's one TheoryService (its event signal and throttles are shared by all requests)."""
    state = request.app.state
    service = getattr(state, "theory", None)
    if service is None:
        with _create_lock:
            service = getattr(state, "theory", None)
            if service is None:
                service = state.theory = TheoryService(state.site, state.clock)
    return service


async def terminal(device: Annotated[Device, Depends(require_device)]) -> Device:
    if device.kind != "terminal":
        raise PermissionDenied(tr("Only candidate terminals take the theory exam."), code="wrong_device")
    return device


def subject_of(sitting_id: int) -> str:
    return f"theory:{sitting_id}"


@dataclass(frozen=True, slots=True)
class Sitting:
    sitting_id: int
    device_id: int


async def candidate(request: Request, device: Annotated[Device, Depends(terminal)]) -> Sitting:
    """Like require_device: on the event loop when the candidate token's lookup is in memory
    (LanAccess), in a worker thread when it must be read from the database."""
    token = request.headers.get(CANDIDATE_HEADER, "").strip()
    if not token:
        raise PermissionDenied(tr("Log in first."), code="login")
    access = get_access(request)
    login = access.cached_session(token, "candidate") or await run_in_threadpool(access.session_for, token,
                                                                                  "candidate")
    kind, _, sitting = login.subject.partition(":")
    if login.device_id != device.id or kind != "theory" or not sitting.isdigit():
        raise PermissionDenied(tr("This log-in has ended: log in again."), code="login")
    return Sitting(sitting_id=int(sitting), device_id=device.id)


Service = Annotated[TheoryService, Depends(theory)]
Candidate = Annotated[Sitting, Depends(candidate)]
Terminal = Annotated[Device, Depends(terminal)]


# -- bodies --------------------------------------------------------------------------------------
class LoginBody(BaseModel):
    ticket_no: str = Field(min_length=1, max_length=32)
    id_last6: str = Field(min_length=1, max_length=12)


class SaveBody(BaseModel):
    item_code: str = Field(min_length=1, max_length=32)
    response: list[str] = Field(default_factory=list, max_length=26)
    flagged: bool = False
    revision: int = Field(ge=1)

    def value(self) -> AnswerSave:
        return AnswerSave(self.item_code, tuple(self.response), self.flagged, self.revision)


class SavesBody(BaseModel):
    saves: list[SaveBody] = Field(default_factory=list, max_length=200)


class ReportBody(BaseModel):
    kind: str = Field(min_length=1, max_length=32)
    detail: str = Field(default="", max_length=500)
    at: datetime | None = None


class HeartbeatBody(BaseModel):
    reports: list[ReportBody] = Field(default_factory=list, max_length=50)


class LeaveBody(BaseModel):
    code: str = Field(min_length=1, max_length=16)


# -- JSON shapes ---------------------------------------------------------------------------------
def info_json(info: CandidateInfo) -> dict:
    return {"ticket_no": info.ticket_no, "name": info.name,
            "photo": base64.b64encode(info.photo).decode("ascii") if info.photo else None,
            "photo_type": info.photo_type, "seat_no": info.seat_no, "room_code": info.room_code,
            "room_name": info.room_name, "session_code": info.session_code, "session_title": info.session_title,
            "occupation": info.occupation, "level": info.level, "rules": list(info.rules),
            "planned_start": iso(info.planned_start), "duration_minutes": info.duration_minutes}


def receipt_json(receipt: Receipt | None) -> dict | None:
    if receipt is None:
        return None
    return {"ticket_no": receipt.ticket_no, "name": receipt.name, "submitted_at": iso(receipt.submitted_at),
            "answered": receipt.answered, "total": receipt.total, "digest": receipt.digest, "how": receipt.how.value}


def events_json(batch: EventBatch) -> dict:
    return {"events": [{"seq": e.seq, "kind": e.kind, "at": iso(e.at), "data": e.data} for e in batch.events],
            "last_seq": batch.last_seq, "server_now": iso(batch.server_now)}


# -- routes --------------------------------------------------------------------------------------
@router.post("/login")
def login(body: LoginBody, request: Request, service: Service, device: Terminal) -> dict:
    result = service.login(body.ticket_no, body.id_last6, device.id)
    access = get_access(request)
    access.revoke_sessions("candidate", subject_of(result.sitting_id))
    token = access.issue_session("candidate", subject_of(result.sitting_id), device.id, CANDIDATE_TTL)
    expires = service.ctx.clock() + CANDIDATE_TTL
    return {"token": token, "expires_at": iso(expires), "phase": result.phase.value,
            "candidate": info_json(service.candidate_info(result.sitting_id))}


@router.get("/time")
def server_time(service: Service, device: Terminal) -> dict:
    return {"server_now": iso(service.ctx.clock())}


@router.get("/me")
def me(service: Service, sitting: Candidate) -> dict:
    return info_json(service.candidate_info(sitting.sitting_id))


@router.get("/paper")
def paper(service: Service, sitting: Candidate) -> dict:
    delivered = service.paper_for(sitting.sitting_id)
    return {"code": delivered.code, "title": delivered.title, "total_points": str(delivered.total_points),
            "items": [{"code": item.code, "number": item.number, "kind": item.kind, "stem": item.stem,
                       "points": str(item.points),
                       "choices": [{"key": c.key, "label": c.label, "text": c.text} for c in item.choices]}
                      for item in delivered.items]}


@router.get("/state")
def state(service: Service, sitting: Candidate) -> dict:
    now = service.state(sitting.sitting_id, sitting.device_id)
    return {"phase": now.phase.value, "server_now": iso(now.server_now), "starts_at": iso(now.starts_at),
            "ends_at": iso(now.ends_at), "earliest_submit_at": iso(now.earliest_submit_at), "paused": now.paused,
            "duration_minutes": now.duration_minutes,
            "answers": {code: {"response": list(a.response), "flagged": a.flagged, "revision": a.revision}
                        for code, a in now.answers.items()},
            "last_revision": now.last_revision, "event_seq": now.event_seq, "message": now.message,
            "receipt": receipt_json(now.receipt)}


@router.put("/answers")
def save_answers(body: SavesBody, service: Service, sitting: Candidate) -> JSONResponse:
    """Answers after the commit that holds the saves (group commit: app/services/theory_saves.py)."""
    outcome = service.save_answers(sitting.sitting_id, sitting.device_id, [save.value() for save in body.saves])
    return JSONResponse({"results": [{"revision": r.revision, "status": r.status} for r in outcome.results],
                         "last_revision": outcome.last_revision, "server_now": iso(outcome.server_now),
                         "ends_at": iso(outcome.ends_at), "phase": outcome.phase.value})


@router.post("/submit")
def submit(body: SavesBody, service: Service, sitting: Candidate) -> dict:
    return receipt_json(service.submit(sitting.sitting_id, sitting.device_id, [s.value() for s in body.saves]))


@router.get("/receipt")
def receipt(service: Service, sitting: Candidate) -> dict:
    return receipt_json(service.receipt(sitting.sitting_id))


@router.post("/heartbeat")
def heartbeat(body: HeartbeatBody, service: Service, sitting: Candidate) -> JSONResponse:
    reports = [TerminalReport(r.kind, r.detail, r.at if r.at is None or r.at.tzinfo else
                              r.at.replace(tzinfo=timezone.utc)) for r in body.reports]
    beat = service.heartbeat(sitting.sitting_id, sitting.device_id, reports)
    return JSONResponse({"server_now": iso(beat.server_now), "phase": beat.phase.value, "ends_at": iso(beat.ends_at),
                         "event_seq": beat.event_seq})


@router.get("/events")
async def events(service: Service, sitting: Candidate, after: Annotated[int, Query(ge=0)] = 0,
                 wait: Annotated[float, Query(ge=0, le=MAX_WAIT)] = 25) -> dict:
    """Long poll: holds no worker thread while it waits."""
    return events_json(await service.wait_for_events_async(sitting.sitting_id, after, wait))


@router.post("/leave")
def leave(body: LeaveBody, service: Service, device: Terminal) -> dict:
    return {"ok": service.check_leave_code(device.id, device.room_code, body.code)}
