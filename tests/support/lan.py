"""The LAN API on loopback for tests: a real uvicorn server in a thread, and enrolled clients."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.client.http import LanClient, enrol
from app.domain.roles import Role
from app.lan.server import LanServer
from app.services.auth import AuthService
from app.services.lan_access import LanAccess
from app.services.site import ADMIN_STAFF_NO
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD


@contextmanager
def running_lan(site, *, tls: bool = False, clock=None) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
    server = LanServer(site, tls=tls, **({"clock": clock} if clock is not None else {}))
    base_url = server.start()
    try:
        yield base_url
    finally:
        server.stop()


def admin_actor(site, password: str):
    return AuthService(site).login(ADMIN_STAFF_NO, password, Role.ADMIN)


def enrolled_client(site, base_url: str, kind: str = "terminal", room_code: str | None = None, *,
                    admin_password: str = DEMO_ADMIN_PASSWORD, name: str | None = None, clock=None) -> LanClient:
    """Enrol a new device through the real enrolment exchange and return its client. `clock`: the
    server's, when it runs on a test clock (the exam day's date is today in Beijing, which is
    tomorrow in UTC after 16:00: a code issued on the real clock would have expired on it)."""
    code = LanAccess(site, *([clock] if clock else [])).issue_code(admin_actor(site, admin_password), kind, room_code)
    enrolment = enrol(base_url, code, name or f"{kind}-{room_code or 'any'}")
    return LanClient(enrolment.base_url, device_token=enrolment.token, pinned_sha256=enrolment.pinned_sha256)
