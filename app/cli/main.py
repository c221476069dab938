"""The `examsite` console script: one entry point, a subcommand per role and administrative verb."""

from __future__ import annotations

import argparse
import sys
import traceback
from datetime import datetime
from pathlib import Path

from app import __version__
from app.cli import (  # one command group per line
    audit_cmd,
    bank_cmd,
    bench_cmd,
    documents_cmd,
    host_cmd,
    lan_cmd,
    package_cmd,
    results_cmd,
    sim_cmd,
    site_cmd,
    staff_cmd,
    station_cmd,
    sync_cmd,
    terminal_cmd,
    ui_cmd,
    upstream_cmd,
    verify_cmd,
    video_cmd,
)
from app.cli.common import apply_language, common_options
from app.errors import KnownError
from app.i18n import tr


def build_parser() -> argparse.ArgumentParser:
    parent = common_options()
    parser = argparse.ArgumentParser(
        prog="examsite", description="ExamSite (考点通): runs a vocational-skill test venue on exam day.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"examsite {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (  # the order of `examsite --help`
        site_cmd,
        package_cmd,
        staff_cmd,
        documents_cmd,
        results_cmd,
        bank_cmd,
        host_cmd,
        lan_cmd,
        audit_cmd,
        verify_cmd,
        video_cmd,
        ui_cmd,
        terminal_cmd,
        station_cmd,
        sim_cmd,
        sync_cmd,
        upstream_cmd,
        bench_cmd,
    ):
        module.register(subparsers, parent)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    apply_language(args)
    try:
        return int(args.run(args) or 0)
    except KnownError as exc:
        print(tr("Error: {message}", message=exc.message), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr("Interrupted."), file=sys.stderr)
        return 130
    except Exception:  # a bug: keep the report, tell the person where it is
        report = _crash_report()
        print(tr("ExamSite hit an internal error; the step that failed was rolled back. "
                 "Please send the report {path} to support.", path=report), file=sys.stderr)
        return 70


def _crash_report() -> Path:
    folder = Path.home() / ".examsite-crash"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
    path.write_text(f"examsite {__version__}\n{' '.join(sys.argv)}\n\n{traceback.format_exc()}", encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
