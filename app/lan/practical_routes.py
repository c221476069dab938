"""The practical scoring API for examiner stations (docs/lan-api.md, section Practical).

An examiner logs in on an enrolled station with staff number and PIN and gets a staff token
(header X-Staff-Token). Every other route acts for that examiner only: the paths name a
session, a ticket and a task, never an examiner, so no route can read or write another
examiner's sheet. Signing sends the PIN and the handwritten strokes; the examiner's key stays
sealed in the host's database and is unlocked there. A save may carry the station outbox's id
and sequence number; the host applies each sequence number once.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import asdict
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, Field

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import KnownError, PermissionDenied
from app.i18n import tr
from app.lan.deps import STAFF_TTL, get_access, get_clock, get_site, require_device, require_staff, staff_subject
from app.security import PRODUCTION
from app.services.auth import AuthService
from app.services.lan_access import Device
from app.station.local import MAX_NOTE_CHARS, MAX_PHOTO_BYTES, StationService

router = APIRouter(prefix="/api/v1/practical", tags=["practical"])

Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")]
PathCode = Annotated[str, Path(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")]
OutboxId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
MAX_STROKES, MAX_POINTS = 200, 20_000


# -- bodies -----------------------------------------------------------------------------------
class ExaminerLogin(BaseModel):
    staff_no: str = Field(min_length=1, max_length=64)
    pin: str = Field(min_length=1, max_length=64)


class SaveBody(BaseModel):
    entries: dict[Code, str] = Field(max_length=200, description="item code -> points as decimal text")
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    reason: str = Field(default="", max_length=2000, description="needed for a correction of a signed sheet")
    outbox_id: str | None = Field(default=None, min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    seq: int | None = Field(default=None, ge=1, description="the station outbox's sequence number of this save")


class SignBody(BaseModel):
    pin: str = Field(min_length=1, max_length=64)
    strokes: list[list[list[float]]] = Field(min_length=1, max_length=MAX_STROKES,
                                             description="strokes of points [x, y, t_ms, pressure]")


class PhotoBody(BaseModel):
    jpeg: str = Field(min_length=4, max_length=MAX_PHOTO_BYTES * 4 // 3 + 8, description="base64 of a JPEG")


# -- answers ----------------------------------------------------------------------------------
class ExaminerAnswer(BaseModel):
    staff_no: str
    name: str
    role: str
    key_fingerprint: str | None


class LoginAnswer(BaseModel):
    token: str
    examiner: ExaminerAnswer


class CardAnswer(BaseModel):
    session_code: str
    ticket_no: str
    name: str
    seat_no: str
    room_code: str
    checked_in: str
    tasks: list[str]
    my_state: dict[str, str]


class PhotoAnswer(BaseModel):
    jpeg: str = Field(description="base64 of the roster portrait (JPEG or PNG)")


class PhotoAdded(BaseModel):
    sha256: str


class ItemAnswer(BaseModel):
    code: str
    description: str
    kind: str
    max_points: str
    step: str
    quick_deductions: list[str]


class TaskAnswer(BaseModel):
    code: str
    title: str
    time_limit_minutes: int
    max_score: str
    items: list[ItemAnswer]


class SheetAnswer(BaseModel):
    session_code: str
    ticket_no: str
    task_code: str
    version: int
    state: str
    entries: dict[str, str]
    total: str
    note: str
    reason: str | None
    signed_at: datetime | None


class ResultAnswer(BaseModel):
    ticket_no: str
    task_code: str
    signed: int
    required: int
    complete: bool
    flagged: bool
    final: str | None
    sheets: list[SheetAnswer]


class AppliedAnswer(BaseModel):
    outbox_id: str
    applied: int


# -- dependencies -----------------------------------------------------------------------------
def station_device(device: Annotated[Device, Depends(require_device)]) -> Device:
    if device.kind != "station":
        raise PermissionDenied(tr("Examiners log in on a scoring station, not on a candidate terminal."),
                               code="wrong_device")
    return device


def examiner(actor: Annotated[Actor, Depends(require_staff)],
             device: Annotated[Device, Depends(station_device)]) -> Actor:
    if actor.role is not Role.EXAMINER:
        raise PermissionDenied(tr("Only an examiner logged in on this station may score."), code="role")
    return actor


Examiner = Annotated[Actor, Depends(examiner)]


def service(request: Request) -> StationService:
    key_params = getattr(request.app.state, "scoring_key_params", PRODUCTION)
    return StationService(get_site(request), get_clock(request), key_params)


Service = Annotated[StationService, Depends(service)]


# -- routes -----------------------------------------------------------------------------------
@router.post("/login", response_model=LoginAnswer)
def login(body: ExaminerLogin, request: Request, device: Annotated[Device, Depends(station_device)],
          stations: Service) -> LoginAnswer:
    """Staff number and PIN of an examiner; five wrong PINs lock the account for five minutes."""
    actor = AuthService(get_site(request), get_clock(request)).login(body.staff_no, body.pin, Role.EXAMINER)
    token = get_access(request).issue_session("staff", staff_subject(actor.staff_no, Role.EXAMINER), device.id,
                                              STAFF_TTL)
    return LoginAnswer(token=token, examiner=ExaminerAnswer(**asdict(stations.examiner(actor))))


@router.post("/logout")
def logout(actor: Examiner, request: Request) -> dict:
    """Ends this examiner's log-ins (on every station)."""
    ended = get_access(request).revoke_sessions("staff", staff_subject(actor.staff_no, Role.EXAMINER))
    return {"ended": ended}


@router.get("/me", response_model=ExaminerAnswer)
def me(actor: Examiner, stations: Service) -> ExaminerAnswer:
    return ExaminerAnswer(**asdict(stations.examiner(actor)))


@router.get("/candidates", response_model=list[CardAnswer])
def candidates(actor: Examiner, stations: Service) -> list[CardAnswer]:
    """The examiner's candidates in scoring order; photos come from /candidates/{ticket}/photo."""
    return [CardAnswer(**{k: v for k, v in asdict(card).items() if k != "photo_jpeg"})
            for card in stations.candidates(actor, photos=False)]


@router.get("/candidates/{ticket_no}/photo", response_model=PhotoAnswer)
def candidate_photo(ticket_no: PathCode, actor: Examiner, stations: Service) -> PhotoAnswer:
    return PhotoAnswer(jpeg=base64.b64encode(stations.candidate_photo(actor, ticket_no)).decode("ascii"))


@router.get("/tasks/{session_code}/{task_code}", response_model=TaskAnswer)
def task(session_code: PathCode, task_code: PathCode, actor: Examiner, stations: Service) -> TaskAnswer:
    return TaskAnswer(**asdict(stations.task(actor, session_code, task_code)))


@router.get("/sheets/{session_code}/{ticket_no}/{task_code}", response_model=SheetAnswer)
def sheet(session_code: PathCode, ticket_no: PathCode, task_code: PathCode, actor: Examiner,
          stations: Service) -> SheetAnswer:
    """The caller's own newest sheet: there is no way to name another examiner's."""
    return _sheet(stations.sheet(actor, session_code, ticket_no, task_code))


@router.put("/sheets/{session_code}/{ticket_no}/{task_code}", response_model=SheetAnswer)
def save(session_code: PathCode, ticket_no: PathCode, task_code: PathCode, body: SaveBody, actor: Examiner,
         stations: Service) -> SheetAnswer:
    """Save the caller's draft and note; with outbox_id and seq, a save already applied is ignored."""
    if (body.outbox_id is None) != (body.seq is None):
        raise KnownError(tr("An outbox save needs both its outbox id and its sequence number."), code="malformed")
    replay = (body.outbox_id, body.seq) if body.outbox_id else None
    return _sheet(stations.save(actor, session_code, ticket_no, task_code, body.entries, body.note, body.reason,
                                replay))


@router.get("/outbox/{outbox_id}", response_model=AppliedAnswer)
def applied(outbox_id: OutboxId, actor: Examiner, stations: Service) -> AppliedAnswer:
    """The newest sequence number of this outbox the host has applied."""
    return AppliedAnswer(outbox_id=outbox_id, applied=stations.applied(actor, outbox_id))


@router.post("/sheets/{session_code}/{ticket_no}/{task_code}/sign", response_model=SheetAnswer)
def sign(session_code: PathCode, ticket_no: PathCode, task_code: PathCode, body: SignBody, actor: Examiner,
         stations: Service) -> SheetAnswer:
    """Sign the caller's draft: the PIN unlocks their key here on the host, over the sheet and the strokes."""
    if sum(len(stroke) for stroke in body.strokes) > MAX_POINTS:
        raise KnownError(tr("The handwritten signature has too many points."), code="too_long")
    return _sheet(stations.sign(actor, session_code, ticket_no, task_code, body.pin, body.strokes))


@router.post("/sheets/{session_code}/{ticket_no}/{task_code}/photos", response_model=PhotoAdded)
def add_photo(session_code: PathCode, ticket_no: PathCode, task_code: PathCode, body: PhotoBody,
              actor: Examiner, stations: Service) -> PhotoAdded:
    try:
        jpeg = base64.b64decode(body.jpeg, validate=True)
    except (binascii.Error, ValueError):
        raise KnownError(tr("A workpiece photo must be a JPEG image of at most {mb} MB.",
                            mb=MAX_PHOTO_BYTES // (1024 * 1024)), code="bad_photo") from None
    sha256 = stations.add_photo(actor, session_code, ticket_no, task_code, jpeg)
    return PhotoAdded(sha256=sha256)


@router.get("/results/{session_code}/{ticket_no}/{task_code}", response_model=ResultAnswer)
def result(session_code: PathCode, ticket_no: PathCode, task_code: PathCode, actor: Examiner,
           stations: Service) -> ResultAnswer:
    """How many have signed; every signed sheet and the combined score only once all required have."""
    view = stations.result(actor, session_code, ticket_no, task_code)
    return ResultAnswer(ticket_no=view.ticket_no, task_code=view.task_code, signed=view.signed,
                        required=view.required, complete=view.complete, flagged=view.flagged, final=view.final,
                        sheets=[_sheet(s) for s in view.sheets])


def _sheet(state) -> SheetAnswer:
    data = asdict(state)
    data.pop("pending", None)
    return SheetAnswer(**data)
