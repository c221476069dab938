"""`examsite video discover | space | retention | export`: the cameras and the video store around a recording.

    examsite video discover [--timeout S] [--address IP_OR_URL] [--user U]   (password: EXAMSITE_CAMERA_PASSWORD)
    examsite video space [--home H]
    examsite video retention [--apply]
    examsite video export DIR --to DEST

Registered into `examsite video` by app/cli/video_cmd.py.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli.common import home_of, open_from_args, read_secret, say
from app.errors import KnownError
from app.i18n import tr

CAMERA_USER_ENV = "EXAMSITE_CAMERA_USER"
CAMERA_PASSWORD_ENV = "EXAMSITE_CAMERA_PASSWORD"
EXIT_PROBLEM = 1


def register(verbs, parent) -> None:
    discover = verbs.add_parser("discover", help="find ONVIF cameras on this subnet and list their stream addresses",
                                parents=[parent])
    discover.add_argument("--timeout", type=float, default=3.0, metavar="S", help="how long to listen (default 3)")
    discover.add_argument("--address", metavar="IP_OR_URL",
                          help="probe one camera (an IP address), or use its device service URL directly")
    discover.add_argument("--port", type=int, default=3702, help=argparse.SUPPRESS)
    discover.add_argument("--user", default=os.environ.get(CAMERA_USER_ENV, ""), metavar="NAME",
                          help=f"camera user name (or {CAMERA_USER_ENV}); the password comes from {CAMERA_PASSWORD_ENV}")
    discover.set_defaults(run=run_discover)
    space = verbs.add_parser("space", help="disk forecast for the video store: hours of recording left",
                             parents=[parent])
    space.add_argument("--root", type=Path, metavar="DIR", help="the video store (default: HOME/video)")
    space.add_argument("--cameras", type=int, metavar="N", help="forecast for N cameras instead of the measured rate")
    space.add_argument("--mbps", type=float, default=4.0, metavar="M", help="bit rate per camera with --cameras (4)")
    space.set_defaults(run=run_space)
    retention = verbs.add_parser("retention", help="list (or with --apply delete) video out of retention "
                                 "and archived upstream", parents=[parent])
    retention.add_argument("--root", type=Path, metavar="DIR", help="the video store (default: HOME/video)")
    retention.add_argument("--apply", action="store_true", help="delete, audited (needs the site passphrase)")
    retention.set_defaults(run=run_retention)
    export = verbs.add_parser("export", help="copy a session's video and manifest to a folder or USB drive, verified",
                              parents=[parent])
    export.add_argument("directory", type=Path, metavar="DIR")
    export.add_argument("--to", required=True, type=Path, metavar="DEST", dest="destination")
    export.add_argument("--public-key", metavar="HEX", help="the signer's Ed25519 public key (default: the site's)")
    export.set_defaults(run=run_export)


def run_discover(args: argparse.Namespace) -> int:
    from drivers.camera.base import mask_password
    from drivers.camera.onvif import DiscoveredDevice, OnvifClient, discover
    from drivers.errors import DeviceUnavailable

    address = args.address
    if address and "://" in address:
        devices = [DiscoveredDevice(endpoint=address, xaddrs=(address,), answered_from=address)]
    else:
        devices = discover(args.timeout, address=address, port=args.port)
    if not devices:
        say(tr("No ONVIF camera answered. Discovery does not cross routers: enter cameras on other "
               "subnets by address (--address)."))
        return EXIT_PROBLEM
    password = os.environ.get(CAMERA_PASSWORD_ENV, "")
    failed = False
    for device in devices:
        say(tr("Camera {name} at {address}", name=device.name, address=mask_password(device.xaddrs[0])))
        if not args.user:
            continue
        try:
            streams = OnvifClient(device.xaddrs[0], args.user, password, timeout=max(args.timeout, 2.0)).streams()
        except DeviceUnavailable as error:
            failed = True
            say("  " + error.message)
            continue
        for stream in streams:
            profile = stream.profile
            say(f"  {stream.role} {profile.width}×{profile.height} {profile.encoding} {profile.fps:g} fps: "
                f"{mask_password(stream.uri)}")
    if not args.user:
        say(tr("Give --user and set {env} to list each camera's stream addresses.", env=CAMERA_PASSWORD_ENV))
    return EXIT_PROBLEM if failed else 0


def video_root(args: argparse.Namespace) -> Path:
    return args.root if getattr(args, "root", None) else home_of(args).root / "video"


def run_space(args: argparse.Namespace) -> int:
    from app.video.disk import SpaceLevel, gigabytes, measure, planned_rate

    rate = planned_rate(args.cameras, args.mbps) if args.cameras else None
    result = measure(video_root(args), rate)
    say(result.sentence)
    say(tr("Free {free} of {total}; writing {rate} Mbit/s.", free=gigabytes(result.free_bytes),
           total=gigabytes(result.total_bytes), rate=f"{result.rate_bytes_per_second * 8 / 1e6:.1f}"))
    return 0 if result.level is SpaceLevel.OK else EXIT_PROBLEM


def run_retention(args: argparse.Namespace) -> int:
    from app.cli.site_cmd import ADMIN_PASSWORD_ENV
    from app.domain.roles import Role
    from app.services.auth import AuthService
    from app.services.site import ADMIN_STAFF_NO
    from app.video.retention import RetentionService

    site = open_from_args(args, unlock=True)
    try:
        password = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
        actor = AuthService(site).login(ADMIN_STAFF_NO, password, Role.ADMIN)
        service, root = RetentionService(site), video_root(args)
        decisions = service.review(actor, root)
        for decision in decisions:
            say(f"{decision.directory}: {decision.reason}")
        if args.apply:
            deleted = service.apply(actor, root)
            say(tr("Deleted {count} sessions ({size}); each deletion is in the audit trail.",
                   count=len(deleted), size=_size(sum(d.bytes for d in deleted))))
        else:
            due = [d for d in decisions if d.delete]
            say(tr("{count} sessions ({size}) may be deleted; run again with --apply to delete them.",
                   count=len(due), size=_size(sum(d.bytes for d in due))))
    finally:
        site.close()
    return 0


def _size(count: int) -> str:
    from app.video.disk import gigabytes

    return gigabytes(count)


def run_export(args: argparse.Namespace) -> int:
    from app.security import SiteKeys
    from app.video.export import export_session

    if args.public_key:
        try:
            public = bytes.fromhex(args.public_key)
        except ValueError:
            raise KnownError(tr("The public key must be 64 hexadecimal digits."), code="usage") from None
    elif home_of(args).keys_path.is_file():
        public = SiteKeys.load_public(home_of(args).keys_path).signing_public
    else:
        public = None
        say(tr("No site key is available: checked against the key recorded in the directory itself, "
                   "which proves the video was not changed, not who recorded it."))
    result = export_session(args.directory, args.destination, public)
    say(tr("Exported {segments} segments ({size}) to {path}; the copy verifies.",
           segments=result.report.segments, size=_size(result.bytes), path=str(result.destination)))
    return 0
