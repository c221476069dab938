"""`examsite terminal`: the candidate kiosk, on an enrolled terminal or with the in-process demo backend."""

from __future__ import annotations

import argparse
import os
from datetime import timedelta
from pathlib import Path

from app.cli.common import say
from app.cli.enrolment import load_or_enrol
from app.i18n import language, tr

DATA_ENV = "EXAMSITE_TERMINAL_HOME"


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

        enrolment = load_or_enrol(data_dir(args), args.server, args.name, "terminal")
        backend = LanTerminalBackend(enrolment, data_dir(args) / "journal")
    return run_kiosk(backend, language(), windowed=args.windowed)
