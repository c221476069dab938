"""`examsite results …`: compute results, print the public list and room records, sign, seal.

    examsite results compute [--json]
    examsite results public-list --out list.pdf [--format pdf|xlsx]
    examsite results room-record --session TH1 --room R01 --out r01.pdf [--sign]
    examsite results seal --confirm PLAN_CODE
    examsite results check-certificate NUMBER

They act as the administrator (password from EXAMSITE_ADMIN_PASSWORD) unless `--staff` names
someone else, whose password comes from EXAMSITE_STAFF_SECRET; `--role` picks the role. Signing a
room record needs a proctor or supervisor (their password unlocks their own key).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli.common import open_from_args, say
from app.cli.documents_cmd import _login
from app.cli.staff_cmd import STAFF_SECRET_ENV
from app.domain.roles import Role
from app.i18n import tr
from app.results.certificate import parse
from app.services.results import (
    RECORD_READ_ROLES,
    RECORD_SIGN_ROLES,
    RESULT_ROLES,
    ResultsService,
    RoomRecordService,
    subject_text,
)
from app.services.seal import SEAL_ROLES, SealService
from app.services.site import ADMIN_STAFF_NO


def register(subparsers, parent) -> None:
    results = subparsers.add_parser("results", help="results, the public list, room records and the seal",
                                    parents=[parent])
    verbs = results.add_subparsers(dest="verb", required=True)
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--staff", default=ADMIN_STAFF_NO, metavar="STAFF_NO",
                     help=f"who acts (default: admin; others give their password in ${STAFF_SECRET_ENV})")
    who.add_argument("--role", choices=[role.value for role in Role], help="the role to act in")
    compute = verbs.add_parser("compute", help="compute every candidate's outcome and certificate number",
                               parents=[parent, who])
    compute.add_argument("--json", action="store_true", help="one JSON object per candidate")
    compute.set_defaults(run=run_compute)
    listing = verbs.add_parser("public-list", help="the public list (公示) as PDF or XLSX", parents=[parent, who])
    listing.add_argument("--out", required=True, type=Path, metavar="FILE")
    listing.add_argument("--format", choices=("pdf", "xlsx"), help="default: from the file name (.xlsx), else pdf")
    listing.set_defaults(run=run_public_list)
    record = verbs.add_parser("room-record", help="a room's record (考场情况记录表) as PDF, optionally signed first",
                              parents=[parent, who])
    record.add_argument("--session", required=True, metavar="CODE")
    record.add_argument("--room", required=True, metavar="CODE")
    record.add_argument("--out", required=True, type=Path, metavar="FILE")
    record.add_argument("--sign", action="store_true", help="sign it first (proctor or supervisor)")
    record.set_defaults(run=run_room_record)
    seal = verbs.add_parser("seal", help="seal the plan: read-only, signed results document, queued for the platform",
                            parents=[parent, who])
    seal.add_argument("--confirm", required=True, metavar="PLAN_CODE", help="the plan code, typed to confirm")
    seal.set_defaults(run=run_seal)
    check = verbs.add_parser("check-certificate", help="check a certificate number under the 22-character rule",
                             parents=[parent])
    check.add_argument("number")
    check.set_defaults(run=run_check)


def run_compute(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=True)
    try:
        outcomes = ResultsService(site).compute(_login(args, site, RESULT_ROLES))
        for item in outcomes:
            if args.json:
                say(json.dumps({"ticket": item.ticket_no, "outcome": item.outcome.value,
                                "theory": subject_text(item.theory), "practical": subject_text(item.practical),
                                "certificate_no": item.certificate_no}, ensure_ascii=False))
            else:
                say(f"{item.ticket_no}  {subject_text(item.theory):>10}  {subject_text(item.practical):>10}  "
                    f"{item.outcome.title_zh}  {item.certificate_no or ''}")
        if not args.json:
            passed = sum(1 for item in outcomes if item.outcome.value == "passed")
            say(tr("Computed {count} results: {passed} passed.", count=len(outcomes), passed=passed))
    finally:
        site.close()
    return 0


def run_public_list(args: argparse.Namespace) -> int:
    fmt = args.format or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "pdf")
    site = open_from_args(args, unlock=True)
    try:
        printed = ResultsService(site).print_public_list(_login(args, site, RESULT_ROLES), args.out, fmt)
        say(tr("Wrote the public list ({count} candidates) to {path}.", count=printed.count, path=printed.path))
    finally:
        site.close()
    return 0


def run_room_record(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=True)
    try:
        service = RoomRecordService(site)
        actor = _login(args, site, RECORD_SIGN_ROLES if args.sign else RECORD_READ_ROLES)
        if args.sign:
            from app.cli.common import read_secret

            secret = read_secret(STAFF_SECRET_ENV, tr("Password of {staff_no}: ", staff_no=args.staff))
            service.sign(actor, args.session, args.room, secret)
            say(tr("{staff_no} signed the room record of {room}.", staff_no=actor.staff_no, room=args.room))
        printed = service.print(actor, args.session, args.room, args.out)
        say(tr("Wrote the room record of room {room} in session {session} to {path}.", room=args.room,
               session=args.session, path=printed.path))
    finally:
        site.close()
    return 0


def run_seal(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=True)
    try:
        sealed = SealService(site).seal(_login(args, site, SEAL_ROLES), args.confirm)
        say(tr("Sealed plan {plan}: document {digest} ({size} bytes), audit head {seq}.", plan=sealed.plan_code,
               digest=sealed.document_sha256[:16], size=sealed.size, seq=sealed.audit_seq))
        say(tr("Queued for the platform as {key}.", key=sealed.outbox_key[:16]) if sealed.outbox_key else
            tr("No platform is configured: the sealed document waits on this site."))
    finally:
        site.close()
    return 0


def run_check(args: argparse.Namespace) -> int:
    number = parse(args.number)
    say(tr("Valid: category {category}, agency {agency}, province {province}, agency serial {serial}, "
           "year {year}, level {level}, sequence {sequence}.", category=number.prefix.category,
           agency=number.prefix.agency_code, province=number.prefix.province, serial=number.prefix.agency_serial,
           year=number.year, level=number.level, sequence=number.sequence))
    return 0
