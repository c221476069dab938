"""What every subcommand shares: --home/--db/--lang, secrets from the environment or a prompt."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.errors import KnownError
from app.i18n import set_language, tr
from app.services.home import SiteHome, resolve_home
from app.services.site import Site, open_site

PASSPHRASE_ENV = "EXAMSITE_PASSPHRASE"


def common_options() -> argparse.ArgumentParser:
    """A parent parser so that `--home` works before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--home", default=argparse.SUPPRESS, metavar="DIR",
                        help="the site's data folder (default: $EXAMSITE_HOME or the platform's data folder)")
    parent.add_argument("--db", default=argparse.SUPPRESS, metavar="URL",
                        help="database URL, e.g. postgresql+psycopg://user@host/db (default: DIR/site.db)")
    parent.add_argument("--lang", default=argparse.SUPPRESS, choices=("zh", "en"),
                        help="language of messages and windows (default: zh)")
    return parent


def apply_language(args: argparse.Namespace) -> None:
    lang = getattr(args, "lang", None)
    if lang:
        set_language(lang)


def home_of(args: argparse.Namespace) -> SiteHome:
    return SiteHome(resolve_home(getattr(args, "home", None)))


def read_secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A secret from `env`, else asked on the terminal; refused when neither is possible."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise KnownError(tr("Set {env} or run this in a terminal to type it.", env=env), code="no_secret")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(tr("Again: ")) != first:
        raise KnownError(tr("The two entries differ."), code="no_secret")
    return first


def open_from_args(args: argparse.Namespace, *, unlock: bool) -> Site:
    passphrase = read_secret(PASSPHRASE_ENV, tr("Site passphrase: ")) if unlock else None
    return open_site(home_of(args), passphrase=passphrase, db_url=getattr(args, "db", None))


def say(text: str = "") -> None:
    print(text, flush=True)
