"""`examsite terminal`: the candidate kiosk, on an enrolled terminal or with the in-process demo backend."""

from __future__ import annotations

import argparse
import json
import os
import socket
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

from app.cli.common import read_secret, say
from app.errors import KnownError
from app.i18n import language, tr

DATA_ENV = "EXAMSITE_TERMINAL_HOME"
CODE_ENV = "EXAMSITE_ENROL_CODE"
ENROLMENT_FILE = "enrolment.json"


def register(subparsers, parent) -> None:
    terminal = subparsers.add_parser("terminal", parents=[parent],
                                     help="the candidate kiosk (exam terminal): full screen, leaves with a proctor code")
    terminal.add_argument("--server", metavar="URL", default=None,
                          help="the site host's LAN address, e.g. https://10.0.0.2:8443 (first start: enrols)")
    terminal.add_argument("--data", type=Path, default=None, metavar="DIR",
                          help=f"this terminal's folder: enrolment and answer journal (default: ${DATA_ENV} "
                               "or ~/.examsite-terminal)")
    terminal.add_argument("--name", default=None, help="the name this terminal enrols under (default: host name)")
    terminal.add_argument("--demo", action="store_true", help="an in-process demo backend with a sample paper")
    terminal.add_argument("--windowed", action="store_true", help="a normal window without lock-down (trying it out)")
    terminal.set_defaults(run=run_terminal)


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data or os.environ.get(DATA_ENV) or Path.home() / ".examsite-terminal")


def load_or_enrol(args: argparse.Namespace):
    """The saved enrolment; on first start, enrol with the one-time code the console shows."""
    from app.client.http import Enrolment, enrol
    from app.durable import write_atomically

    path = data_dir(args) / ENROLMENT_FILE
    if path.exists():
        enrolment = Enrolment(**json.loads(path.read_text(encoding="utf-8")))
        if args.server and args.server.rstrip("/") != enrolment.base_url:
            raise KnownError(tr("This terminal is enrolled with {url}. Remove {path} to enrol it with another "
                                "site host.", url=enrolment.base_url, path=path), code="enrolled_elsewhere")
        return enrolment
    if not args.server:
        raise KnownError(tr("This terminal is not enrolled yet: start it with --server URL and type the "
                            "one-time code the room console shows."), code="not_enrolled")
    code = read_secret(CODE_ENV, tr("One-time enrolment code: "))
    enrolment = enrol(args.server, code.strip(), args.name or socket.gethostname())
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(asdict(enrolment), indent=2).encode("utf-8"), mode=0o600)
    say(tr("Enrolled as device {device} of site {site}.", device=enrolment.device_id, site=enrolment.site_id))
    return enrolment


def run_terminal(args: argparse.Namespace) -> int:
    from app.ui.terminal.run import run_kiosk

    if args.demo:
        from app.terminal.demo_backend import DEMO_CANDIDATES, DEMO_PROCTOR_CODE, DemoTerminalBackend

        backend = DemoTerminalBackend(starts_in=timedelta(minutes=1))
        say(tr("Demo terminal: the room starts in one minute. Proctor code {code}.", code=DEMO_PROCTOR_CODE))
        for candidate in DEMO_CANDIDATES:
            say(tr("  ticket {ticket}, ID number ending {last6}: {name}", ticket=candidate.ticket_no,
                   last6=candidate.id_last6, name=candidate.name))
    else:
        from app.terminal.backend import LanTerminalBackend

        backend = LanTerminalBackend(load_or_enrol(args), data_dir(args) / "journal")
    return run_kiosk(backend, language(), windowed=args.windowed)
