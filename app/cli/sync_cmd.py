"""`examsite sync …`: the outbox to the provincial platform — configure, status, run, export, import."""

from __future__ import annotations

import argparse
import json
import signal
import threading
from pathlib import Path

from app.cli.common import open_from_args, read_secret, say
from app.cli.site_cmd import ADMIN_PASSWORD_ENV
from app.domain.roles import Role
from app.i18n import tr
from app.services.auth import AuthService
from app.services.outbox import ATTENTION, DELIVERED, OutboxService
from app.services.site import ADMIN_STAFF_NO
from app.sync.link import load_link, read_public_file


def register(subparsers, parent) -> None:
    sync = subparsers.add_parser("sync", help="deliver results and files to the provincial platform",
                                 parents=[parent])
    verbs = sync.add_subparsers(dest="verb", required=True)
    configure = verbs.add_parser("configure", help="pin the platform's keys and address", parents=[parent])
    configure.add_argument("--url", required=True, help="the platform's delivery API, e.g. https://…")
    configure.add_argument("--platform-key", required=True, metavar="FILE",
                           help="the platform's public key file (examsite upstream public-key)")
    configure.set_defaults(run=run_configure)
    status = verbs.add_parser("status", help="every outbox item and its state", parents=[parent])
    status.add_argument("--json", action="store_true", help="one JSON document")
    status.set_defaults(run=run_status)
    run = verbs.add_parser("run", help="deliver every pending item now", parents=[parent])
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="keep retrying failed items for up to this long (default: one pass)")
    run.add_argument("--connect-timeout", type=float, default=5.0)
    run.add_argument("--read-timeout", type=float, default=30.0)
    run.set_defaults(run=run_run)
    add = verbs.add_parser("add-file", help="queue a large file (e.g. a video segment) for upload", parents=[parent])
    add.add_argument("path", type=Path)
    add.add_argument("--subject", required=True, help="what the file belongs to, e.g. video:TH1/R01")
    add.set_defaults(run=run_add_file)
    export = verbs.add_parser("export", help="write undelivered items to a file for the USB stick", parents=[parent])
    export.add_argument("--out", required=True, type=Path)
    export.set_defaults(run=run_export)
    imports = verbs.add_parser("import", help="store the platform's receipts for an export file", parents=[parent])
    imports.add_argument("receipts", type=Path)
    imports.set_defaults(run=run_import)
    retry = verbs.add_parser("retry", help="send an item that needs attention again", parents=[parent])
    retry.add_argument("key", help="the item's idempotency key (or its first 12 characters)")
    retry.set_defaults(run=run_retry)


def _admin(args: argparse.Namespace):
    site = open_from_args(args, unlock=True)
    password = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
    return site, AuthService(site).login(ADMIN_STAFF_NO, password, Role.ADMIN)


def run_configure(args: argparse.Namespace) -> int:
    link = read_public_file(args.platform_key, args.url)
    site, admin = _admin(args)
    try:
        OutboxService(site).configure(admin, link)
        say(tr("Platform {url} pinned; its receipt key fingerprint is {fingerprint}.", url=link.url,
               fingerprint=link.fingerprint))
    finally:
        site.close()
    return 0


def run_status(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        items = OutboxService(site).status()
    finally:
        site.close()
    if args.json:
        print(json.dumps({"items": [item.to_json() for item in items]}, ensure_ascii=False, indent=2))
        return 0
    for item in items:
        say(f"{item.key[:12]}  {item.kind:<8} {item.state:<10} {item.acknowledged:>12}/{item.size:<12} "
            f"{item.attempts:>3}  {item.subject}  {item.last_error or ''}")
    if not items:
        say(tr("The outbox is empty."))
    return 0


def run_run(args: argparse.Namespace) -> int:
    from app.sync.client import UpstreamClient
    from app.sync.worker import SyncWorker

    site = open_from_args(args, unlock=True)
    try:
        outbox = OutboxService(site)
        with UpstreamClient(load_link(site.home.root), connect_timeout=args.connect_timeout,
                            read_timeout=args.read_timeout) as client:
            worker = SyncWorker(outbox, client)
            summary = worker.run_once(all_pending=True)
            if args.wait > 0:
                stop = threading.Event()
                timer = threading.Timer(args.wait, stop.set)
                timer.start()
                previous = signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
                try:
                    more = worker.run_until_idle(stop)
                finally:
                    timer.cancel()
                    timer.join()
                    signal.signal(signal.SIGTERM, previous)
                summary.delivered += more.delivered
        states = [item.state for item in outbox.status()]
    finally:
        site.close()
    say(tr("Delivered {delivered}; waiting to retry {retrying}; needing attention {attention}.",
           delivered=len(summary.delivered), retrying=sum(s not in (DELIVERED, ATTENTION) for s in states),
           attention=states.count(ATTENTION)))
    return 0 if all(state == DELIVERED for state in states) else 1


def run_add_file(args: argparse.Namespace) -> int:
    site, admin = _admin(args)
    try:
        outbox = OutboxService(site)
        prepared = outbox.prepare_file(admin, args.path, subject=args.subject)
        with site.db.transaction() as tx:
            key = outbox.enqueue_prepared(tx, admin, prepared)
        say(tr("Queued {name} as {key}.", name=args.path.name, key=key[:12]))
    finally:
        site.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    site, admin = _admin(args)
    try:
        count = OutboxService(site).export(admin, args.out)
        say(tr("{count} undelivered items written to {path}.", count=count, path=args.out))
    finally:
        site.close()
    return 0


def run_import(args: argparse.Namespace) -> int:
    site, admin = _admin(args)
    try:
        stored = OutboxService(site).import_receipts(admin, args.receipts)
        say(tr("{count} receipts verified and stored.", count=len(stored)))
    finally:
        site.close()
    return 0


def run_retry(args: argparse.Namespace) -> int:
    site, admin = _admin(args)
    try:
        outbox = OutboxService(site)
        matches = [item.key for item in outbox.status() if item.key.startswith(args.key)]
        key = matches[0] if len(matches) == 1 else args.key
        outbox.requeue(admin, key)
        say(tr("Outbox item {key} queued again.", key=key[:12]))
    finally:
        site.close()
    return 0
