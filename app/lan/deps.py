"""FastAPI dependencies shared by every route: the site, the clock, the device and the staff log-in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import PermissionDenied
from app.i18n import speak_in_this_context, tr
from app.persistence import repositories
from app.services.lan_access import Device, LanAccess
from app.services.site import Site

STAFF_HEADER = "X-Staff-Token"
STAFF_LOGIN_HOURS = 12


class Unauthenticated(PermissionDenied):
    """No device token, or one the host does not know: HTTP 401."""

    code = "device"


def get_site(request: Request) -> Site:
    return request.app.state.site


def get_clock(request: Request) -> Callable[[], datetime]:
    return request.app.state.clock


def get_access(request: Request) -> LanAccess:
    return request.app.state.access


async def request_language(request: Request) -> None:
    """Runs on the event loop before each route, so the route's worker thread inherits the language."""
    accept = request.headers.get("accept-language", "")
    speak_in_this_context(accept.split(",")[0].split(";")[0].strip() or None)


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def require_device(request: Request) -> Device:
    """On the event loop when the token's lookup is in memory (LanAccess caches it), so no worker
    thread per dependency; the database lookup of a token not in memory runs in a worker thread,
    never on the event loop that serves every other terminal."""
    token = bearer(request)
    device = get_access(request).cached_device(token) if token is not None else None
    return device if device is not None else await run_in_threadpool(device_of, request)


def device_of(request: Request) -> Device:
    token = bearer(request)
    if token is None:
        raise Unauthenticated(tr("This device is not enrolled with the site host: enrol it again."))
    try:
        return get_access(request).device_for(token)
    except PermissionDenied as exc:
        raise Unauthenticated(exc.message) from exc


def staff_subject(staff_no: str, role: Role) -> str:
    return f"{staff_no}|{role.value}"


def require_staff(request: Request) -> Actor:
    """The staff member logged in on this device (header X-Staff-Token), acting in the role they chose."""
    device = device_of(request)
    token = request.headers.get(STAFF_HEADER, "").strip()
    if not token:
        raise PermissionDenied(tr("Log in first."), code="login")
    login = get_access(request).session_for(token, "staff")
    if login.device_id != device.id:
        raise PermissionDenied(tr("This log-in has ended: log in again."), code="login")
    staff_no, _, role = login.subject.partition("|")
    with get_site(request).db.read() as session:
        staff = repositories.staff_by_no(session, staff_no)
        if staff is None or role not in staff.roles.split(","):
            raise PermissionDenied(tr("This log-in has ended: log in again."), code="login")
        return Actor(staff_no=staff.staff_no, name=staff.name, role=Role(role),
                     roles=frozenset(Role(code) for code in staff.roles.split(",")), staff_id=staff.id)


STAFF_TTL = timedelta(hours=STAFF_LOGIN_HOURS)
