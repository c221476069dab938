"""`examsite simulate`: the exam day, headless, stage by stage."""

from __future__ import annotations

import argparse
import tempfile
import unicodedata
from pathlib import Path

from app.cli.common import read_secret, say
from app.i18n import tr
from app.simulation.day import Simulation, StageResult, clean


def register(subparsers, parent) -> None:
    simulate = subparsers.add_parser("simulate", help="run the exam day headless with simulated people and devices",
                                     parents=[parent])
    simulate.add_argument("--candidates", type=int, default=60)
    simulate.add_argument("--keep", action="store_true", help="keep the simulated site's folder")
    simulate.add_argument("--upstream", metavar="URL", help="deliver the sealed results to the platform service at URL")
    simulate.add_argument("--upstream-dir", type=Path, metavar="DIR",
                          help="that platform's folder: register the simulated site there (as upstream add-site)")
    simulate.set_defaults(run=run_simulate)


def _pad(text: str, width: int) -> str:
    """Pad to a display width: CJK characters take two terminal columns."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def _print(result: StageResult) -> None:
    mark = "✓" if result.ok else "✗"
    say(f"{mark} {_pad(result.name, 28)} {result.seconds:6.2f} s  {result.detail}")


def _registrar(folder: Path | None):
    """Register the simulated site with the platform in `folder` (its passphrase as `upstream serve` reads it)."""
    if folder is None:
        return None
    from app.cli.upstream_cmd import PASSPHRASE_ENV
    from app.upstream.platform import Platform

    platform = Platform.open(folder, read_secret(PASSPHRASE_ENV, tr("Platform passphrase: ")), create=False)
    return lambda public: platform.register_site(public, replace=True)  # each simulated site has fresh keys


def run_simulate(args: argparse.Namespace) -> int:
    chosen = getattr(args, "home", None)
    root = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="examsite-sim-"))
    say(tr("Simulating the exam day in {root}", root=root))
    simulation = Simulation(root=root, db_url=getattr(args, "db", None), candidates=args.candidates, report=_print,
                            upstream=args.upstream, register_site=_registrar(args.upstream_dir))
    try:
        ok = simulation.run()
    finally:
        if not (args.keep or chosen):
            clean(root)
    total = sum(result.seconds for result in simulation.results)
    say(tr("Simulation passed: every stage checked out ({seconds:.1f} s).", seconds=total) if ok
        else tr("Simulation FAILED."))
    return 0 if ok else 1
