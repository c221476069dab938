"""`examsite video …`: record one source into a verifiable session directory, and verify one.

    examsite video record --source URL_OR_FILE --seconds N --out DIR [--segment-seconds S] [--resume]
    examsite video verify DIR [--public-key HEX]

`record` signs the manifest with the site key when the site home has one and
EXAMSITE_PASSPHRASE is set; otherwise with a key made for this recording, whose public key is
written to DIR/recorder.pub. Such a stand-alone recording proves that nothing was changed after
recording, not who recorded it. Also runnable as `python -m app.cli.video_cmd`.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from app.cli.common import PASSPHRASE_ENV, apply_language, common_options, home_of, say
from app.errors import KnownError
from app.i18n import tr
from app.security import SigningKey, SiteKeys
from app.video.manifest import (
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    Manifest,
    verify_directory,
)

EXIT_NOT_VERIFIED = 1


def register(subparsers, parent) -> None:
    video = subparsers.add_parser("video", help="record and verify evidence video", parents=[parent])
    verbs = video.add_subparsers(dest="verb", required=True)
    record = verbs.add_parser("record", help="record one camera or file by stream copy into a session directory",
                              parents=[parent])
    record.add_argument("--source", required=True, metavar="URL_OR_FILE", help="rtsp://… or a video file")
    record.add_argument("--seconds", required=True, type=float, metavar="N", help="how long to record")
    record.add_argument("--out", required=True, type=Path, metavar="DIR", help="a new session directory")
    record.add_argument("--segment-seconds", type=float, default=60, metavar="S", help="segment length (default 60)")
    record.add_argument("--camera", default="cam1", metavar="ID", help="camera id in file names (default cam1)")
    record.add_argument("--resume", action="store_true",
                        help="continue a site-signed recording in DIR after the recorder died")
    record.set_defaults(run=run_record)
    verify = verbs.add_parser("verify", help="check a session directory's segments, chain and signature",
                              parents=[parent])
    verify.add_argument("directory", type=Path, metavar="DIR")
    verify.add_argument("--public-key", metavar="HEX", help="the signer's Ed25519 public key (default: the site's)")
    verify.set_defaults(run=run_verify)
    _register_cameras_and_recorder(verbs, parent)
    from app.cli import video_admin  # discover, space, retention, export

    video_admin.register(verbs, parent)


def _site_keys(args: argparse.Namespace) -> SiteKeys | None:
    passphrase = os.environ.get(PASSPHRASE_ENV)
    path = home_of(args).keys_path
    if not passphrase or not path.is_file():
        return None
    return SiteKeys.load(path, passphrase)


def run_record(args: argparse.Namespace) -> int:
    from drivers.recorder import SegmentRecorder  # PyAV is loaded only to record

    out: Path = args.out
    if "://" not in args.source and not Path(args.source).is_file():
        raise KnownError(tr("There is no file {path}.", path=args.source), code="not_found")
    site = _site_keys(args)
    first_seq = 1
    if (out / MANIFEST_FILE).exists():
        if not args.resume:
            raise KnownError(tr("{path} already holds a recording; choose a new directory.", path=str(out)),
                             code="exists")
        if site is None:
            raise KnownError(tr("Only a recording signed with the site key can be resumed; record into a new directory."),
                             code="state")
        try:
            manifest, first_seq = Manifest.resume(out, site.sign, site.public.signing_public, by="video record --resume")
        except ValueError as error:
            raise KnownError(tr("The recording in {path} does not verify, so it cannot be resumed: {message}",
                                path=str(out), message=str(error)), code="state") from None
        public = site.public.signing_public
    elif site is not None:
        out.mkdir(parents=True, exist_ok=True)
        public = site.public.signing_public
        manifest = Manifest.create(out, out.name, site.sign, public, camera=args.camera, signer_kind="site",
                                   segment_seconds=str(args.segment_seconds))
    else:
        out.mkdir(parents=True, exist_ok=True)
        key = SigningKey.generate()
        public = key.public_key
        (out / PUBLIC_KEY_FILE).write_text(key.public_key.hex() + "\n", encoding="ascii")
        say(tr("No site key is available: signed with a key made for this recording ({file}). "
               "This proves the video was not changed afterwards, not who recorded it.", file=PUBLIC_KEY_FILE))
        manifest = Manifest.create(out, out.name, key.sign, public, camera=args.camera, signer_kind="recorder",
                                   segment_seconds=str(args.segment_seconds))
    recorder = SegmentRecorder(
        args.source, out, args.camera, args.segment_seconds, first_seq=first_seq,
        on_segment=lambda s: manifest.add_segment(
            camera=s.camera_id, seq=s.seq, file=s.path.name, sha256=s.sha256, size=s.size,
            duration_ms=s.duration_ms, started_at=s.started_at, ended_at=s.ended_at, codec=s.codec),
        on_gap=lambda g: manifest.add_gap(camera=g.camera_id, started_at=g.started_at,
                                          detected_at=g.detected_at, reason=g.reason))
    say(tr("Recording {source} into {path}.", source=recorder.description, path=str(out)), )
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        recorder.record_for(args.seconds)
    except KeyboardInterrupt:
        recorder.stop()
        manifest.add_action(action="stopped early", by="signal")
    finally:
        signal.signal(signal.SIGTERM, previous)
    if recorder.error is not None:
        raise recorder.error
    manifest.seal()
    report = verify_directory(out, public)
    say(tr("Recorded {segments} segments ({seconds} s) with {gaps} gaps; the manifest is sealed and signed.",
           segments=report.segments, seconds=f"{report.seconds:.1f}", gaps=report.gaps))
    return 0 if report.ok else EXIT_NOT_VERIFIED


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run_verify(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    if not directory.is_dir():
        raise KnownError(tr("There is no directory {path}.", path=str(directory)), code="not_found")
    if args.public_key:
        try:
            public = bytes.fromhex(args.public_key)
        except ValueError:
            raise KnownError(tr("The public key must be 64 hexadecimal digits."), code="usage") from None
    else:
        public = _site_public(args)
        if public is None:
            recorded = directory / PUBLIC_KEY_FILE
            public = bytes.fromhex(recorded.read_text(encoding="ascii").strip()) if recorded.is_file() else None
            say(tr("No site key is available: checked against the key recorded in the directory itself, "
                   "which proves the video was not changed, not who recorded it."))
    report = verify_directory(directory, public)
    for name in report.partial_files:
        say(tr("Segment {file} was being written when the recording stopped; it is not signed and is not evidence.",
               file=name))
    if report.ok:
        figures = {"segments": report.segments, "seconds": f"{report.seconds:.1f}", "gaps": report.gaps,
                   "markers": report.markers}
        if report.sealed:
            say(tr("Verified: {segments} segments ({seconds} s), {gaps} gaps, {markers} markers; "
                   "chain and signature intact; the session is sealed.", **figures))
        else:
            say(tr("Verified: {segments} segments ({seconds} s), {gaps} gaps, {markers} markers; "
                   "chain and signature intact; the session is not sealed yet.", **figures))
        return 0
    first = report.first_problem
    say(tr("NOT VERIFIED. First problem: {message}", message=first.message))
    for problem in sorted(report.problems, key=lambda p: p.sort_key()):
        if problem is not first:
            say("  " + problem.message)
    return EXIT_NOT_VERIFIED


def _site_public(args: argparse.Namespace) -> bytes | None:
    path = home_of(args).keys_path
    return SiteKeys.load_public(path).signing_public if path.is_file() else None


def _register_cameras_and_recorder(verbs, parent) -> None:
    cameras = verbs.add_parser("cameras", help="the site's cameras: which room each one records", parents=[parent])
    actions = cameras.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="register a camera for a room (administrator)", parents=[parent])
    add.add_argument("camera_id")
    add.add_argument("--room", required=True, metavar="CODE")
    add.add_argument("--url", required=True, metavar="URL_OR_FILE", help="main stream (recorded)")
    add.add_argument("--sub-url", default="", metavar="URL", help="sub-stream (previews, the camera wall)")
    add.add_argument("--kind", default="rtsp", choices=("rtsp", "usb", "file", "sim"))
    add.add_argument("--disabled", action="store_true")
    add.set_defaults(run=run_cameras_add)
    listing = actions.add_parser("list", help="list the registered cameras", parents=[parent])
    listing.set_defaults(run=run_cameras_list)
    remove = actions.add_parser("remove", help="remove a camera (administrator)", parents=[parent])
    remove.add_argument("camera_id")
    remove.set_defaults(run=run_cameras_remove)
    recorder = verbs.add_parser("recorder", help="run the site's recorder process (normally started by the site host)",
                                parents=[parent])
    recorder.add_argument("--poll", type=float, default=0.25)
    recorder.set_defaults(run=run_recorder)


def _admin_recording(args: argparse.Namespace):
    from app.cli.common import open_from_args, read_secret
    from app.cli.site_cmd import ADMIN_PASSWORD_ENV
    from app.domain.roles import Role
    from app.services.auth import AuthService
    from app.services.recording import RecordingService
    from app.services.site import ADMIN_STAFF_NO

    site = open_from_args(args, unlock=True)
    password = read_secret(ADMIN_PASSWORD_ENV, tr("Password of the site administrator (admin): "))
    return site, RecordingService(site), AuthService(site).login(ADMIN_STAFF_NO, password, Role.ADMIN)


def run_cameras_add(args: argparse.Namespace) -> int:
    site, service, admin = _admin_recording(args)
    try:
        camera = service.add_camera(admin, args.camera_id, args.room, args.url, sub_url=args.sub_url, kind=args.kind,
                                    enabled=not args.disabled)
        say(tr("Camera {camera} registered for room {room}.", camera=camera.camera_id, room=camera.room))
    finally:
        site.close()
    return 0


def run_cameras_remove(args: argparse.Namespace) -> int:
    site, service, admin = _admin_recording(args)
    try:
        service.remove_camera(admin, args.camera_id)
        say(tr("Camera {camera} removed.", camera=args.camera_id))
    finally:
        site.close()
    return 0


def run_cameras_list(args: argparse.Namespace) -> int:
    from app.cli.common import open_from_args
    from app.services.recording import RecordingService, masked_url

    site = open_from_args(args, unlock=False)
    try:
        for camera in RecordingService(site).cameras():
            state = "" if camera.enabled else tr("disabled")
            say(f"{camera.camera_id:<12} {camera.room:<8} {camera.kind:<5} {masked_url(camera.main_url)} {state}".rstrip())
    finally:
        site.close()
    return 0


def run_recorder(args: argparse.Namespace) -> int:
    from app.cli.common import read_secret
    from app.video import recorder_process

    passphrase = read_secret(PASSPHRASE_ENV, tr("Site passphrase: "))
    os.environ[PASSPHRASE_ENV] = passphrase
    return recorder_process.main(["--home", str(home_of(args).root), "--poll", str(args.poll)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="examsite-video")
    parent = common_options()
    register(parser.add_subparsers(dest="command", required=True), parent)
    args = parser.parse_args(argv)
    apply_language(args)
    try:
        return args.run(args)
    except KnownError as error:
        print(error.message, file=sys.stderr, flush=True)
        return 2


if __name__ == "__main__":
    sys.exit(main())
