"""`examsite upstream …`: the platform reference service — serve, keys, sites, packages, USB imports."""

from __future__ import annotations

import argparse
import json
import signal
import threading
from pathlib import Path

from app.cli.common import read_secret, say
from app.durable import write_atomically
from app.i18n import tr
from app.security import SiteKeys
from app.sync.export import receipts_document

PASSPHRASE_ENV = "EXAMSITE_UPSTREAM_PASSPHRASE"
DEFAULT_PORT = 8600


def register(subparsers, parent) -> None:
    upstream = subparsers.add_parser("upstream", help="the provincial platform's reference service",
                                     parents=[parent])
    verbs = upstream.add_subparsers(dest="verb", required=True)

    def verb(name: str, help_text: str, run):
        parser = verbs.add_parser(name, help=help_text, parents=[parent])
        parser.add_argument("--dir", required=True, type=Path, help="the platform's folder (keys and store)")
        parser.set_defaults(run=run)
        return parser

    serve = verb("serve", "serve packages and receive deliveries (keys are made on first use)", run_serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free)")
    key = verb("public-key", "write the platform's public key file for sites to pin", run_public_key)
    key.add_argument("--url", default="", help="the address sites deliver to")
    key.add_argument("--out", type=Path, help="file to write (default: print)")
    add = verb("add-site", "register a site's public keys (its keys/site-keys.json)", run_add_site)
    add.add_argument("--site-key", required=True, type=Path)
    add.add_argument("--replace", action="store_true", help="replace the key of a site registered before")
    issue = verb("issue", "issue a sample exam package to a registered site", run_issue)
    issue.add_argument("--site", required=True)
    issue.add_argument("--candidates", type=int, default=60)
    issue.add_argument("--out", type=Path, help="also copy the package here")
    imports = verb("import", "file a site's export file (USB) and write the receipts file", run_import)
    imports.add_argument("export", type=Path)
    imports.add_argument("--receipts", required=True, type=Path, help="receipts file to carry back to the site")
    records = verb("records", "every delivery received, with its receipt", run_records)
    records.add_argument("--json", action="store_true")


def _platform(args: argparse.Namespace):
    from app.upstream.platform import Platform

    return Platform.open(args.dir, read_secret(PASSPHRASE_ENV, tr("Platform passphrase: ")))


def run_serve(args: argparse.Namespace) -> int:
    from app.upstream.server import UpstreamServer

    platform = _platform(args)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    server = UpstreamServer(platform, args.host, args.port)
    url = server.start()
    try:
        say(tr("Platform receipt key fingerprint {fingerprint}", fingerprint=platform.keys.public.fingerprint))
        say(tr("Platform service listening on {url}", url=url))
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def run_public_key(args: argparse.Namespace) -> int:
    text = json.dumps(_platform(args).public_json(args.url), indent=2)
    if args.out:
        write_atomically(args.out, text.encode("utf-8"))
        say(tr("Platform public key written to {path}.", path=args.out))
    else:
        print(text)
    return 0


def run_add_site(args: argparse.Namespace) -> int:
    public = SiteKeys.load_public(args.site_key)
    _platform(args).register_site(public, replace=args.replace)
    say(tr("Site {site} registered; its key fingerprint is {fingerprint}.", site=public.site_id,
           fingerprint=public.fingerprint))
    return 0


def run_issue(args: argparse.Namespace) -> int:
    issued = _platform(args).issue_sample_package(args.site, candidates=args.candidates)
    if args.out:
        write_atomically(args.out, Path(issued["path"]).read_bytes())
    say(tr("Package {package} issued to {site}: {path}", package=issued["package_id"], site=args.site,
           path=args.out or issued["path"]))
    say(tr("Exam password: {password}", password=issued["exam_password"]))
    return 0


def run_import(args: argparse.Namespace) -> int:
    platform = _platform(args)
    receipts = platform.import_export(args.export)
    site_id = receipts[0].fields["site_id"] if receipts else ""
    write_atomically(args.receipts, receipts_document(site_id, [receipt.to_json() for receipt in receipts]))
    say(tr("{count} items filed; receipts written to {path}.", count=len(receipts), path=args.receipts))
    return 0


def run_records(args: argparse.Namespace) -> int:
    records = _platform(args).records()
    if args.json:
        print(json.dumps({"records": records}, ensure_ascii=False, indent=2))
        return 0
    for record in records:
        say(f"{record['idempotency_key'][:12]}  {record['site_id']:<16} {record['kind']:<8} {record['size']:>12}  "
            f"{record['received_at']}")
    return 0
