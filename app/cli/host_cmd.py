"""`examsite host`: run the site host (LAN API, recorder supervision, theory sweep) until stopped."""

from __future__ import annotations

import argparse
import signal
import threading

from app.cli.common import PASSPHRASE_ENV, home_of, read_secret, say
from app.cli.lan_cmd import DEFAULT_PORT
from app.host import SiteHost
from app.i18n import tr
from app.services.site import open_site


def register(subparsers, parent) -> None:
    host = subparsers.add_parser("host", help="run the site host: LAN API, recorder, periodic duties",
                                 parents=[parent])
    host.add_argument("--host", default="0.0.0.0", help="address the LAN API listens on (default 0.0.0.0)")
    host.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"LAN API port (default {DEFAULT_PORT})")
    host.add_argument("--plain", action="store_true", help="plain HTTP: allowed only with --host 127.0.0.1")
    host.add_argument("--no-recorder", action="store_true", help="do not start the recorder process")
    host.set_defaults(run=run_host)


def run_host(args: argparse.Namespace) -> int:
    passphrase = read_secret(PASSPHRASE_ENV, tr("Site passphrase: "))
    site = open_site(home_of(args), passphrase=passphrase, db_url=getattr(args, "db", None))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    try:
        host = SiteHost(site, passphrase, host=args.host, port=args.port, tls=not args.plain,
                        record=not args.no_recorder, dedicated=True)
        url = host.start()
        try:
            say(tr("Certificate SHA-256 {fingerprint}", fingerprint=host.server.certificate_sha256))
            say(tr("Site host running: LAN API on {url}; recorder {state}.", url=url,
                   state=tr("supervised") if host.supervisor else tr("not started")))
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            host.stop()
    finally:
        site.close()
    return 0
