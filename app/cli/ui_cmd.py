"""`examsite demo` and `examsite console`: the windows. Qt is imported only when they run."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from app.cli.common import open_from_args, say
from app.i18n import language, tr


def register(subparsers, parent) -> None:
    demo = subparsers.add_parser("demo", help="a throwaway demo site with the sample package, in the console",
                                 parents=[parent])
    demo.add_argument("--keep", action="store_true", help="keep the demo site's folder afterwards")
    demo.add_argument("--screenshot", type=Path, default=None,
                      help="save a screenshot of the first window to this PNG and exit")
    demo.set_defaults(run=run_demo)
    console = subparsers.add_parser("console", help="the site console (launcher and staff log-in)", parents=[parent])
    console.set_defaults(run=run_console)


def run_demo(args: argparse.Namespace) -> int:
    from app.simulation.demo_site import create_demo_site
    from app.ui.app import run_gui

    chosen = getattr(args, "home", None)
    root = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="examsite-demo-"))
    say(tr("Preparing a demo site in {root}…", root=root))
    demo = create_demo_site(root, getattr(args, "db", None))
    try:
        return run_gui(demo.site, language(), demo=demo, screenshot=args.screenshot)
    finally:
        demo.site.close()
        if not (args.keep or chosen):
            shutil.rmtree(root, ignore_errors=True)


def run_console(args: argparse.Namespace) -> int:
    from app.ui.app import run_gui

    site = open_from_args(args, unlock=True)
    try:
        return run_gui(site, language())
    finally:
        site.close()
