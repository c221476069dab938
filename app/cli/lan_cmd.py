"""`examsite lan …`: serve the LAN API, issue enrolment codes, list and revoke devices."""

from __future__ import annotations

import argparse
import signal
import threading

from app.cli.common import open_from_args, read_secret, say
from app.cli.site_cmd import ADMIN_PASSWORD_ENV
from app.domain.roles import Role
from app.i18n import tr
from app.lan.server import LanServer
from app.services.auth import AuthService
from app.services.lan_access import LanAccess
from app.services.site import ADMIN_STAFF_NO

DEFAULT_PORT = 8443


def register(subparsers, parent) -> None:
    lan = subparsers.add_parser("lan", help="the LAN API for terminals and scoring stations", parents=[parent])
    verbs = lan.add_subparsers(dest="verb", required=True)
    serve = verbs.add_parser("serve", help="serve the LAN API (TLS unless on 127.0.0.1)", parents=[parent])
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default all: 0.0.0.0)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--plain", action="store_true", help="plain HTTP: allowed only with --host 127.0.0.1")
    serve.set_defaults(run=run_serve)
    code = verbs.add_parser("code", help="issue a one-time enrolment code for a terminal or station",
                            parents=[parent])
    code.add_argument("--kind", choices=("terminal", "station"), default="terminal")
    code.add_argument("--room", metavar="CODE", help="the room the device belongs to")
    code.set_defaults(run=run_code)
    devices = verbs.add_parser("devices", help="list enrolled devices", parents=[parent])
    devices.set_defaults(run=run_devices)
    revoke = verbs.add_parser("revoke", help="revoke an enrolled device (it must enrol again)", parents=[parent])
    revoke.add_argument("device_id", type=int)
    revoke.set_defaults(run=run_revoke)


def run_serve(args: argparse.Namespace) -> int:
    """Serve until SIGTERM or Ctrl-C. The first line printed ends with the URL (port 0 picks a free one)."""
    site = open_from_args(args, unlock=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    try:
        server = LanServer(site, args.host, args.port, tls=not args.plain, dedicated=True)
        url = server.start()
        try:
            say(tr("Certificate SHA-256 {fingerprint}", fingerprint=server.certificate_sha256))
            say(tr("LAN API listening on {url}", url=url))
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
    finally:
        site.close()
    return 0


def _as_admin(args: argparse.Namespace):
    site = open_from_args(args, unlock=True)
    password = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
    return site, AuthService(site).login(ADMIN_STAFF_NO, password, Role.ADMIN)


def run_code(args: argparse.Namespace) -> int:
    site, admin = _as_admin(args)
    try:
        access = LanAccess(site)
        code = access.issue_code(admin, args.kind, args.room)
        say(tr("Enrolment code {code} (valid 10 minutes, once).", code=code))
        say(tr("The site host's certificate SHA-256 begins {prefix}.",
               prefix=access.identity.certificate_sha256[:16]))
    finally:
        site.close()
    return 0


def run_devices(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        for device in LanAccess(site).devices():
            say(f"{device.id:>4}  {device.kind:<9} {device.room_code or '-':<8} {device.name}")
    finally:
        site.close()
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    site, admin = _as_admin(args)
    try:
        LanAccess(site).revoke_device(admin, args.device_id)
        say(tr("Device {number} revoked.", number=args.device_id))
    finally:
        site.close()
    return 0
