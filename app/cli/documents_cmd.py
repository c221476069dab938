"""`examsite documents …`: print admission tickets and room sign-in sheets.

    examsite documents tickets --out tickets.pdf [--session TH1]
    examsite documents sign-in --session TH1 --room R01 --out r01.pdf [--format pdf|xlsx]
    examsite documents score-sheets --session PR1 [--room R01] --out DIR

Both act as the administrator (password from EXAMSITE_ADMIN_PASSWORD) unless `--staff` names
someone else, whose password comes from EXAMSITE_STAFF_SECRET; `--role` picks the role to act in.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_from_args, read_secret, say
from app.cli.site_cmd import ADMIN_PASSWORD_ENV
from app.cli.staff_cmd import STAFF_SECRET_ENV
from app.domain.actor import Actor
from app.domain.roles import Role
from app.i18n import tr
from app.services.auth import AuthService
from app.services.documents import FORMATS, SHEET_ROLES, TICKET_ROLES, DocumentService
from app.services.score_sheets import PRINT_ROLES, ScoreSheetService
from app.services.site import ADMIN_STAFF_NO, Site


def register(subparsers, parent) -> None:
    documents = subparsers.add_parser("documents", help="print admission tickets and sign-in sheets", parents=[parent])
    verbs = documents.add_subparsers(dest="verb", required=True)
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--staff", default=ADMIN_STAFF_NO, metavar="STAFF_NO",
                     help=f"who prints (default: admin; others give their password in ${STAFF_SECRET_ENV})")
    who.add_argument("--role", choices=[role.value for role in Role],
                     help="the role to act in (default: the first of the staff member's roles that may print this)")
    tickets = verbs.add_parser("tickets", help="admission tickets (准考证) as PDF, two to an A4 page",
                               parents=[parent, who])
    tickets.add_argument("--out", required=True, type=Path, metavar="FILE")
    tickets.add_argument("--session", metavar="CODE", help="only the candidates of this session")
    tickets.set_defaults(run=run_tickets)
    sign_in = verbs.add_parser("sign-in", help="a room's sign-in sheet (签到表) as PDF or XLSX",
                               parents=[parent, who])
    sign_in.add_argument("--session", required=True, metavar="CODE")
    sign_in.add_argument("--room", required=True, metavar="CODE")
    sign_in.add_argument("--out", required=True, type=Path, metavar="FILE")
    sign_in.add_argument("--format", choices=FORMATS, help="default: from the file name (.xlsx), else pdf")
    sign_in.set_defaults(run=run_sign_in)
    sheets = verbs.add_parser("score-sheets", help="practical score sheets (评分记录表) as PDF, one per candidate",
                              parents=[parent, who])
    sheets.add_argument("--session", required=True, metavar="CODE")
    sheets.add_argument("--room", metavar="CODE", help="only the candidates of this room")
    sheets.add_argument("--out", required=True, type=Path, metavar="DIR")
    sheets.set_defaults(run=run_score_sheets)


def run_tickets(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=True)
    try:
        actor = _login(args, site, TICKET_ROLES)
        printed = DocumentService(site).tickets(actor, args.out, args.session)
        say(tr("Wrote {count} admission tickets ({pages} pages) to {path}.", count=printed.count,
               pages=printed.pages, path=printed.path))
    finally:
        site.close()
    return 0


def run_sign_in(args: argparse.Namespace) -> int:
    fmt = args.format or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "pdf")
    site = open_from_args(args, unlock=True)
    try:
        actor = _login(args, site, SHEET_ROLES)
        printed = DocumentService(site).sign_in_sheet(actor, args.session, args.room, args.out, fmt)
        say(tr("Wrote the sign-in sheet of room {room} in session {session} ({count} candidates) to {path}.",
               room=args.room, session=args.session, count=printed.count, path=printed.path))
    finally:
        site.close()
    return 0


def run_score_sheets(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=True)
    try:
        actor = _login(args, site, PRINT_ROLES)
        printed = ScoreSheetService(site).print_session(actor, args.session, args.out, args.room)
        say(tr("Wrote {pages} score sheets of {count} candidates to {path}; {waiting} results are not complete yet.",
               pages=printed.pages, count=len(printed.paths), path=args.out, waiting=printed.waiting))
    finally:
        site.close()
    return 0


def _login(args: argparse.Namespace, site: Site, allowed: tuple[Role, ...]) -> Actor:
    auth = AuthService(site)
    if args.staff == ADMIN_STAFF_NO:
        secret = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
        return auth.login(ADMIN_STAFF_NO, secret, Role(args.role or Role.ADMIN))
    role = Role(args.role) if args.role else _first_allowed(auth, args.staff, allowed)
    secret = read_secret(STAFF_SECRET_ENV, tr("Password of {staff_no}: ", staff_no=args.staff))
    return auth.login(args.staff, secret, role)


def _first_allowed(auth: AuthService, staff_no: str, allowed: tuple[Role, ...]) -> Role:
    roles = next((entry.roles for entry in auth.directory() if entry.staff_no == staff_no), ())
    return next((role for role in roles if role in allowed), allowed[0])
