"""`examsite verify`: every signature and chain the site holds, naming the first failure.

The audit chain, every score sheet, resolution and countersignature, and every video session
directory (a folder holding manifest.jsonl) under the site's home or under `--video DIR`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_from_args, say
from app.i18n import tr
from app.services.scoring import verify_sheets
from app.services.seal import verify_seals
from app.services.site import verify_audit
from app.video.manifest import verify_directory


def register(subparsers, parent) -> None:
    verify = subparsers.add_parser("verify", help="check the audit chain, every signature and the video manifests",
                                   parents=[parent])
    verify.add_argument("--video", type=Path, action="append", default=[], metavar="DIR",
                        help="also a folder holding recorded sessions (repeatable)")
    verify.set_defaults(run=run_verify)


def video_sessions(roots: list[Path]) -> list[Path]:
    return sorted({path.parent for root in roots if root.exists() for path in root.rglob("manifest.jsonl")})


def run_verify(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        audit = verify_audit(site)
        if audit.problem is not None:
            say(tr("VERIFICATION FAILED: {problem}", problem=audit.problem))
            return 1
        say(tr("Audit trail intact: {events} events, head {seq} {hash}, signed by the site.",
               events=audit.events, seq=audit.head_seq, hash=audit.head_hash[:16]))
        problem = verify_sheets(site)
        if problem is not None:
            say(tr("VERIFICATION FAILED: {problem}", problem=problem))
            return 1
        say(tr("Every score sheet, resolution and countersignature verifies."))
        problem = verify_seals(site)
        if problem is not None:
            say(tr("VERIFICATION FAILED: {problem}", problem=problem))
            return 1
        say(tr("The sealed results and every signed room record verify."))
        sessions = video_sessions([site.home.root, *args.video])
        for folder in sessions:
            report = verify_directory(folder, site.public.signing_public)
            if not report.ok:
                say(tr("VERIFICATION FAILED: {problem}", problem=f"{folder}: {report.first_problem.message}"))
                return 1
        say(tr("{count} video sessions verify.", count=len(sessions)))
    finally:
        site.close()
    return 0
