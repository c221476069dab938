"""`examsite package …`: make a sample package, verify one, import one."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.cli.common import home_of, open_from_args, read_secret, say
from app.cli.site_cmd import ADMIN_PASSWORD_ENV
from app.domain.actor import Actor
from app.domain.package import PackageSummary
from app.domain.roles import Role
from app.i18n import tr
from app.package import make_sample
from app.security import SiteKeys
from app.services.auth import AuthService
from app.services.packages import PackageService
from app.services.site import ADMIN_STAFF_NO


def register(subparsers, parent) -> None:
    package = subparsers.add_parser("package", help="exam packages (考务数据包)", parents=[parent])
    verbs = package.add_subparsers(dest="verb", required=True)
    sample = verbs.add_parser("make-sample", help="make a signed sample package for this site", parents=[parent])
    sample.add_argument("--out", required=True, type=Path)
    sample.add_argument("--candidates", type=int, default=60)
    sample.add_argument("--date", type=date.fromisoformat, default=None, help="exam date (YYYY-MM-DD), default today")
    sample.add_argument("--seed", type=int, default=0)
    sample.set_defaults(run=run_make_sample)
    verify = verbs.add_parser("verify", help="check a package's signature, digests and target", parents=[parent])
    verify.add_argument("file", type=Path)
    verify.set_defaults(run=run_verify)
    importer = verbs.add_parser("import", help="verify and import a package (all or nothing)", parents=[parent])
    importer.add_argument("file", type=Path)
    importer.set_defaults(run=run_import)


def run_make_sample(args: argparse.Namespace) -> int:
    public = SiteKeys.load_public(home_of(args).keys_path)
    info = make_sample(public, args.out, candidates=args.candidates, exam_date=args.date, seed=args.seed)
    say(tr("Sample package written to {path}", path=info.path))
    say(tr("Package: {package_id}", package_id=info.package_id))
    say(tr("Exam password (开考密码), given to the chief proctor at the start: {password}",
           password=info.exam_password))
    return 0


def print_summary(summary: PackageSummary) -> None:
    say(tr("Package {package_id} (format {version}) is genuine and intact.",
           package_id=summary.package_id, version=summary.format_version))
    say(tr("Issuer key: {fingerprint}; issued {issued_at}", fingerprint=summary.issuer_fingerprint,
           issued_at=summary.issued_at.isoformat(timespec="minutes")))
    say(tr("For site {site}; plan {plan}: {occupation}, level {level}", site=summary.site_id,
           plan=summary.plan_code, occupation=summary.occupation, level=summary.level))
    say(tr("{sessions} sessions, {rooms} rooms, {candidates} candidates, {staff} staff, {papers} papers, {tasks} practical tasks",
           sessions=summary.sessions, rooms=summary.rooms, candidates=summary.candidates, staff=summary.staff,
           papers=summary.papers, tasks=summary.tasks))


def run_verify(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        print_summary(PackageService(site).verify(args.file))
    finally:
        site.close()
    return 0


def _progress(done: int, total: int, stage: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done * 100 // max(total, 1):3d}% {stage}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run_import(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=True)
    try:
        password = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
        actor: Actor = AuthService(site).login(ADMIN_STAFF_NO, password, Role.ADMIN)
        summary = PackageService(site).import_package(actor, args.file, _progress)
        say(tr("Imported package {package_id}: {candidates} candidates, {staff} staff.",
               package_id=summary.package_id, candidates=summary.candidates, staff=summary.staff))
    finally:
        site.close()
    return 0
