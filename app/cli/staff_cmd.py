"""`examsite staff …`: list staff, set a password or PIN, unlock a locked account."""

from __future__ import annotations

import argparse

from app.cli.common import open_from_args, read_secret, say
from app.cli.site_cmd import ADMIN_PASSWORD_ENV
from app.domain.roles import Role
from app.i18n import tr
from app.persistence import repositories
from app.services.auth import AuthService, is_locked
from app.services.authz import role_title
from app.services.site import ADMIN_STAFF_NO

STAFF_SECRET_ENV = "EXAMSITE_STAFF_SECRET"


def register(subparsers, parent) -> None:
    staff = subparsers.add_parser("staff", help="staff accounts", parents=[parent])
    verbs = staff.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="list staff and their roles", parents=[parent])
    listing.set_defaults(run=run_list)
    secret = verbs.add_parser("set-secret", help="set a staff member's password or PIN", parents=[parent])
    secret.add_argument("staff_no")
    secret.set_defaults(run=run_set_secret)
    unlock = verbs.add_parser("unlock", help="unlock an account locked by failed log-ins", parents=[parent])
    unlock.add_argument("staff_no")
    unlock.set_defaults(run=run_unlock)


def run_list(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        with site.db.read() as session:
            for member in repositories.all_staff(session):
                roles = "、".join(role_title(Role(code)) for code in member.roles.split(","))
                state = tr("locked") if is_locked(member.locked_until) else (
                    tr("ready") if member.secret_hash else tr("no password yet"))
                say(f"{member.staff_no:<12} {member.name:<10} {roles:<24} {state}")
    finally:
        site.close()
    return 0


def _as_admin(args: argparse.Namespace):
    site = open_from_args(args, unlock=True)
    password = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
    auth = AuthService(site)
    return site, auth, auth.login(ADMIN_STAFF_NO, password, Role.ADMIN)


def run_set_secret(args: argparse.Namespace) -> int:
    site, auth, admin = _as_admin(args)
    try:
        secret = read_secret(STAFF_SECRET_ENV, tr("New password or PIN for {staff_no}: ", staff_no=args.staff_no),
                             confirm=True)
        auth.set_secret(admin, args.staff_no, secret)
        say(tr("Password or PIN set for {staff_no}.", staff_no=args.staff_no))
    finally:
        site.close()
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    site, auth, admin = _as_admin(args)
    try:
        auth.unlock(admin, args.staff_no)
        say(tr("Account {staff_no} unlocked.", staff_no=args.staff_no))
    finally:
        site.close()
    return 0
