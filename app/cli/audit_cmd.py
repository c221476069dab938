"""`examsite audit …`: verify the hash chain, show the latest events."""

from __future__ import annotations

import argparse

from app.cli.common import open_from_args, say
from app.i18n import tr
from app.persistence import audit_store
from app.services.site import verify_audit


def register(subparsers, parent) -> None:
    audit = subparsers.add_parser("audit", help="the audit trail", parents=[parent])
    verbs = audit.add_subparsers(dest="verb", required=True)
    verify = verbs.add_parser("verify", help="check every event, the signed head and checkpoints", parents=[parent])
    verify.set_defaults(run=run_verify)
    tail = verbs.add_parser("tail", help="show the latest events", parents=[parent])
    tail.add_argument("-n", type=int, default=20)
    tail.set_defaults(run=run_tail)


def run_verify(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        report = verify_audit(site)
    finally:
        site.close()
    if report.problem is not None:
        say(tr("AUDIT TRAIL BROKEN: {problem}", problem=report.problem))
        return 1
    say(tr("Audit trail intact: {events} events, head {seq} {hash}, signed by the site.",
           events=report.events, seq=report.head_seq, hash=report.head_hash[:16]))
    return 0


def run_tail(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        with site.db.read() as session:
            events = audit_store.recent_events(session, args.n)
    finally:
        site.close()
    for event in reversed(events):
        say(f"{event.seq:>6} {event.at.isoformat(timespec='seconds')} {event.actor:<10} {event.role:<14} "
            f"{event.action:<22} {event.subject} {event.after}")
    return 0
