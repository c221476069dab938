"""Routes every device uses: health, server time, enrolment and staff log-in."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from app import __version__
from app.domain.roles import Role
from app.errors import KnownError
from app.i18n import tr
from app.lan.deps import STAFF_TTL, get_access, get_clock, get_site, require_device, staff_subject
from app.services.auth import AuthService
from app.services.lan_access import Device

router = APIRouter(prefix="/api/v1")


class Health(BaseModel):
    ok: bool
    site_id: str
    version: str
    certificate_sha256: str


class ServerTime(BaseModel):
    now: datetime


class EnrolRequest(BaseModel):
    proof: str = Field(min_length=64, max_length=64, description="HMAC proof over the host's certificate")
    name: str = Field(min_length=1, max_length=100, description="how the console shows this device")


class EnrolAnswer(BaseModel):
    device_id: int
    kind: str
    room_code: str | None
    token: str
    host_proof: str
    certificate_sha256: str
    site_id: str


class DeviceAnswer(BaseModel):
    id: int
    name: str
    kind: str
    room_code: str | None


class StaffLogin(BaseModel):
    staff_no: str = Field(min_length=1, max_length=64)
    secret: str = Field(min_length=1, max_length=200)
    role: Role


class StaffAnswer(BaseModel):
    token: str
    staff_no: str
    name: str
    role: Role


@router.get("/health", response_model=Health, tags=["device"])
def health(request: Request) -> Health:
    site = get_site(request)
    return Health(ok=True, site_id=site.config.site_id, version=__version__,
                  certificate_sha256=get_access(request).identity.certificate_sha256)


@router.get("/time", response_model=ServerTime, tags=["device"])
def server_time(request: Request) -> ServerTime:
    return ServerTime(now=get_clock(request)())


@router.post("/enrol", response_model=EnrolAnswer, tags=["device"])
def enrol(body: EnrolRequest, request: Request) -> EnrolAnswer:
    enrolled = get_access(request).enrol(body.proof, body.name)
    return EnrolAnswer(device_id=enrolled.device.id, kind=enrolled.device.kind, room_code=enrolled.device.room_code,
                       token=enrolled.token, host_proof=enrolled.host_proof,
                       certificate_sha256=enrolled.certificate_sha256, site_id=get_site(request).config.site_id)


@router.get("/device", response_model=DeviceAnswer, tags=["device"])
def whoami(device: Annotated[Device, Depends(require_device)]) -> DeviceAnswer:
    return DeviceAnswer(id=device.id, name=device.name, kind=device.kind, room_code=device.room_code)


@router.post("/staff/login", response_model=StaffAnswer, tags=["staff"])
def staff_login(body: StaffLogin, request: Request,
                device: Annotated[Device, Depends(require_device)]) -> StaffAnswer:
    if device.kind != "station":
        raise KnownError(tr("Staff log in on a scoring station, not on a candidate terminal."), code="wrong_device")
    actor = AuthService(get_site(request)).login(body.staff_no, body.secret, body.role)
    token = get_access(request).issue_session("staff", staff_subject(actor.staff_no, body.role), device.id,
                                              STAFF_TTL)
    return StaffAnswer(token=token, staff_no=actor.staff_no, name=actor.name, role=body.role)
