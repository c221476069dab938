"""`examsite site …`: create a site, show it, bring its schema up to date."""

from __future__ import annotations

import argparse
import socket

from app.cli.common import PASSPHRASE_ENV, home_of, open_from_args, read_secret, say
from app.errors import KnownError
from app.i18n import tr
from app.persistence import Database
from app.security import SigningKey, fingerprint
from app.services.home import TrustedIssuer
from app.services.site import init_site

ADMIN_PASSWORD_ENV = "EXAMSITE_ADMIN_PASSWORD"


def register(subparsers, parent) -> None:
    site = subparsers.add_parser("site", help="create and inspect this site", parents=[parent])
    verbs = site.add_subparsers(dest="verb", required=True)
    init = verbs.add_parser("init", help="create the site's keys and database", parents=[parent])
    init.add_argument("--site-id", default=None, help="the site code given by the platform (default: from the host name)")
    init.add_argument("--name", default=None, help="the site's name, e.g. 某某职业技能鉴定考点")
    issuers = init.add_mutually_exclusive_group(required=True)
    issuers.add_argument("--issuer-key", action="append", metavar="HEX_OR_FILE",
                         help="the platform's Ed25519 public key (hex, or a file holding it); repeatable")
    issuers.add_argument("--trust-sample-issuer", action="store_true",
                         help="trust the built-in SAMPLE issuer (demos and tests only, never a real exam)")
    init.set_defaults(run=run_init)
    info = verbs.add_parser("info", help="show the site's identity and database", parents=[parent])
    info.set_defaults(run=run_info)
    migrate = verbs.add_parser("migrate", help="bring the database schema up to date", parents=[parent])
    migrate.set_defaults(run=run_migrate)


def _issuers(args) -> list[TrustedIssuer]:
    if args.trust_sample_issuer:
        sample = SigningKey.sample_issuer()
        return [TrustedIssuer(public_key=sample.public_key.hex(), label="SAMPLE issuer (not for real exams)")]
    found = []
    for value in args.issuer_key:
        text = value.strip()
        if not _is_hex_key(text):
            try:
                with open(text, encoding="utf-8") as stream:
                    text = stream.read().strip()
            except OSError as exc:
                raise KnownError(tr("Cannot read the issuer key {path}: {detail}", path=value, detail=exc.strerror),
                                 code="bad_issuer") from exc
        if not _is_hex_key(text):
            raise KnownError(tr("An issuer key is 64 hexadecimal characters (an Ed25519 public key)."),
                             code="bad_issuer")
        found.append(TrustedIssuer(public_key=text.lower(), label=fingerprint(bytes.fromhex(text))))
    return found


def _is_hex_key(text: str) -> bool:
    try:
        return len(bytes.fromhex(text)) == 32
    except ValueError:
        return False


def run_init(args: argparse.Namespace) -> int:
    home = home_of(args)
    site_id = args.site_id or _default_site_id()
    passphrase = read_secret(PASSPHRASE_ENV, tr("New site passphrase: "), confirm=True)
    admin_password = read_secret(ADMIN_PASSWORD_ENV, tr("Password for the site administrator (admin): "),
                                 confirm=True)
    site = init_site(home, site_id=site_id, site_name=args.name or site_id, passphrase=passphrase,
                     admin_password=admin_password, issuers=_issuers(args), db_url=getattr(args, "db", None))
    try:
        say(tr("Site {site} created in {home}.", site=site_id, home=home.root))
        say(tr("Site signing key: {fingerprint}", fingerprint=site.public.fingerprint))
        say(tr("Database: {url}", url=site.db.display_url))
    finally:
        site.close()
    return 0


def run_info(args: argparse.Namespace) -> int:
    site = open_from_args(args, unlock=False)
    try:
        say(tr("Site: {site} ({name})", site=site.config.site_id, name=site.config.site_name))
        say(tr("Home: {home}", home=site.home.root))
        say(tr("Database: {url} (schema {revision})", url=site.db.display_url, revision=site.db.revision()))
        say(tr("Site signing key: {fingerprint}", fingerprint=site.public.fingerprint))
        for issuer in site.config.trusted_issuers:
            say(tr("Trusted issuer: {label} {fingerprint}", label=issuer.label,
                   fingerprint=fingerprint(issuer.key_bytes())))
    finally:
        site.close()
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    home = home_of(args)
    database = Database(home.database_url(getattr(args, "db", None), home.read_config()))
    try:
        database.migrate()
        say(tr("Database schema is at {revision}.", revision=database.revision()))
    finally:
        database.dispose()
    return 0


def _default_site_id() -> str:
    name = "".join(ch for ch in socket.gethostname() if ch.isalnum() or ch in "-_")
    return (name or "site")[:32].rjust(3, "0")
