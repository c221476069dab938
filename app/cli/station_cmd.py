"""`examsite station`: the examiner's scoring station, on an enrolled tablet/PC or on the site host itself."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli.common import open_from_args
from app.cli.enrolment import load_or_enrol
from app.i18n import language

DATA_ENV = "EXAMSITE_STATION_HOME"


def register(subparsers, parent) -> None:
    station = subparsers.add_parser("station", parents=[parent],
                                    help="the examiner's scoring station (practical exam)")
    station.add_argument("--server", metavar="URL", default=None,
                         help="the site host's LAN address, e.g. https://10.0.0.2:8443 (first start: enrols)")
    station.add_argument("--data", type=Path, default=None, metavar="DIR",
                         help=f"this station's folder: enrolment and outbox (default: ${DATA_ENV} "
                              "or ~/.examsite-station)")
    station.add_argument("--name", default=None, help="the name this station enrols under (default: host name)")
    station.add_argument("--local", action="store_true",
                         help="on the site host itself: straight to the site database (--home), no LAN")
    station.set_defaults(run=run_station)


def run_station(args: argparse.Namespace) -> int:
    from app.ui.station.run import run_station as show

    if args.local:
        from app.station.local import LocalStationBackend

        site = open_from_args(args, unlock=True)
        try:
            return show(LocalStationBackend(site), language(), station_name=site.config.site_name)
        finally:
            site.close()
    from app.client.http import LanClient
    from app.station.remote import LanStationBackend

    folder = Path(args.data or os.environ.get(DATA_ENV) or Path.home() / ".examsite-station")
    enrolment = load_or_enrol(folder, args.server, args.name, "station")
    client = LanClient(enrolment.base_url, device_token=enrolment.token, pinned_sha256=enrolment.pinned_sha256)
    backend = LanStationBackend(client, folder / "outbox")
    try:
        return show(backend, language(), station_name=args.name or "")
    finally:
        backend.close()
