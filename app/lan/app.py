"""The LAN API application: the site, the routes, and one error shape for every failure.

Every failure a terminal or station can cause or meet answers
``{"error": code, "message": sentence}`` in the caller's language (Accept-Language; Chinese by
default): 400 for a refused request, 401 for an unknown device, 403 for what the caller may not
do, 404 for what does not exist, 409 for what the exam's state does not allow now, 422 for a
malformed body, 429 for guessing, 503 when the database is unavailable. Anything else is a bug:
500 with a generic sentence, and the traceback goes to the host's log, never to the device.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import datetime

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app import __version__
from app.audit.trail import utc_now
from app.errors import InvalidState, KnownError, NotFound, PermissionDenied, Throttled
from app.i18n import tr
from app.lan.deps import Unauthenticated, request_language
from app.persistence import DatabaseError
from app.services.lan_access import LanAccess
from app.services.site import Site

log = logging.getLogger("examsite.lan")

# Each module exposes `router`; a capability adds its module here.
ROUTER_MODULES: tuple[str, ...] = (
    "app.lan.core_routes",
    "app.lan.practical_routes",
    "app.lan.theory_routes",
)

STATUS_BY_KIND: tuple[tuple[type[KnownError], int], ...] = (
    (Unauthenticated, 401),
    (Throttled, 429),
    (PermissionDenied, 403),
    (NotFound, 404),
    (InvalidState, 409),
    (DatabaseError, 503),
)
STATUS_BY_CODE = {"login_failed": 403}


def status_of(exc: KnownError) -> int:
    for kind, status in STATUS_BY_KIND:
        if isinstance(exc, kind):
            return status
    return STATUS_BY_CODE.get(exc.code, 400)


def create_app(site: Site, *, clock: Callable[[], datetime] = utc_now) -> FastAPI:
    app = FastAPI(title="ExamSite LAN API", version=__version__, dependencies=[Depends(request_language)],
                  description="The site host's API for candidate terminals and scoring stations (docs/lan-api.md).")
    app.state.site = site
    app.state.clock = clock
    app.state.access = LanAccess(site, clock)
    for name in ROUTER_MODULES:
        app.include_router(importlib.import_module(name).router)

    @app.exception_handler(KnownError)
    async def known(request: Request, exc: KnownError) -> JSONResponse:
        status = status_of(exc)
        headers = {"Retry-After": "60"} if status == 429 else None
        return JSONResponse({"error": exc.code, "message": exc.message}, status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return JSONResponse({"error": "malformed", "message": tr("The request is malformed at {where}.", where=where)},
                            status_code=422)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("LAN API bug on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal", "message": tr("The site host hit an internal error; "
                                                                   "your last change was not taken. Try again.")},
                            status_code=500)

    return app
