"""`examsite bench …`: benchmarks run on purpose; each ends with one JSON line of its figures."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict


def register(subparsers, parent) -> None:
    bench = subparsers.add_parser("bench", help="benchmarks (each ends with one JSON line)", parents=[parent])
    verbs = bench.add_subparsers(dest="verb", required=True)
    checkin = verbs.add_parser("checkin", help="QR decode per full-HD frame; frame to decision with face check",
                               parents=[parent])
    checkin.add_argument("--trials", type=int, default=30)
    checkin.add_argument("--repeats", type=int, default=5)
    checkin.set_defaults(run=run_checkin)
    video = verbs.add_parser("video", help="N 1080p RTSP streams recorded at once: CPU per stream, lost frames",
                             parents=[parent])
    video.add_argument("--streams", type=int, default=16)
    video.add_argument("--seconds", type=float, default=30)
    video.add_argument("--per-server", type=int, default=5, help="streams per RTSP server process (4-6)")
    video.add_argument("--wall", action="store_true", help="also show every stream on a camera wall (its own process)")
    video.set_defaults(run=run_video)
    lan = verbs.add_parser("lan", help="N simulated terminals saving answers over HTTP to a LAN server process",
                           parents=[parent])
    lan.add_argument("--terminals", type=int, default=300)
    lan.add_argument("--seconds", type=float, default=30.0)
    lan.add_argument("--interval", type=float, default=2.0, help="seconds between one terminal's saves")
    lan.add_argument("--warmup", type=float, default=5.0, help="seconds of work before the measured period")
    lan.set_defaults(run=run_lan)
    sync = verbs.add_parser("sync", help="streaming encryption beside openssl; a large upload over loopback",
                            parents=[parent])
    sync.add_argument("--mib", type=int, default=256, help="size of the generated file in MiB (default 256)")
    sync.add_argument("--big", action="store_true", help="a 2 GiB file")
    sync.add_argument("--chunk-kib", type=int, default=1024, help="encryption chunk = openssl block size (KiB)")
    sync.set_defaults(run=run_sync)


def run_video(args: argparse.Namespace) -> int:
    from app.bench import video

    figures = video.run(streams=args.streams, seconds=args.seconds, per_server=args.per_server, wall=args.wall,
                        report=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"{figures.streams} streams of 1080p25 H.264 (~{figures.mbit_per_stream} Mbit/s each) for {figures.seconds} s, "
          f"{figures.servers} RTSP server processes")
    print(f"recorder CPU: {figures.cpu_pct_per_stream}% of a core per stream, {figures.cpu_pct_of_one_core}% of one "
          f"core in all = {figures.cpu_pct_total}% of the machine ({figures.cores} cores); RTSP servers (not counted): "
          f"{figures.server_cpu_pct_of_one_core}% of a core; machine busy {figures.machine_busy_pct}% (everything)")
    print(f"written {figures.bytes_written} bytes in {figures.segments} segments; lost frames {figures.lost_frames}; "
          f"gaps {figures.gaps}; every session directory verifies: {figures.verified}")
    if figures.wall_tiles:
        print(f"camera wall of {figures.wall_tiles} tiles (key frames only): {figures.wall_cpu_pct_of_one_core}% of one "
              f"core, {figures.wall_pictures_per_tile_per_s} pictures per tile per s, {figures.wall_lost_tiles} lost; "
              f"recording + wall = {figures.recording_and_wall_pct_total}% of the machine")
    print(json.dumps({"bench": "video", **asdict(figures)}))
    return 0 if figures.verified else 1


def run_lan(args: argparse.Namespace) -> int:
    from app.bench import lan

    figures = lan.run(terminals=args.terminals, seconds=args.seconds, db_url=getattr(args, "db", None),
                      interval=args.interval, warmup=args.warmup,
                      report=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"{figures.terminals} terminals, {figures.seconds} s on {figures.db}: {figures.saves} saves "
          f"({figures.saves_per_second}/s), save latency p50 {figures.p50_ms} ms, p99 {figures.p99_ms} ms, "
          f"max {figures.max_ms} ms; lost {figures.lost}; CPU server {figures.server_cpu_pct}%, "
          f"terminals {figures.terminals_cpu_pct}%")
    print(json.dumps({"bench": "lan", **asdict(figures)}))
    return 0


def run_checkin(args: argparse.Namespace) -> int:
    from app.bench import checkin

    figures = checkin.run(trials=args.trials, repeats=args.repeats,
                          report=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"QR decode per 1920x1080 frame: p50 {figures.decode_p50_ms} ms, p95 {figures.decode_p95_ms} ms "
          f"({figures.frames} decodes)")
    print(f"frame to decision ready ({figures.face_engine} face engine): p50 {figures.checkin_p50_ms} ms, "
          f"p95 {figures.checkin_p95_ms} ms ({figures.trials} candidates); decision written: p50 "
          f"{figures.decide_p50_ms} ms")
    print(json.dumps({"bench": "checkin", **asdict(figures)}))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from app.bench import sync

    size = (2048 if args.big else args.mib) << 20
    f = sync.run(size=size, chunk=args.chunk_kib << 10, report=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"AES-256-GCM at {f.chunk_bytes} bytes: StreamSealer {f.stream_mb_s} MB/s, openssl {f.openssl_mb_s} MB/s "
          f"({f.ratio_to_openssl:.0%})")
    print(f"sealing a {f.file_bytes}-byte file: {f.seal_file_mb_s} MB/s, peak RSS +{f.seal_peak_rss_mib} MiB")
    print(f"upload over loopback: {f.upload_mb_s} MB/s, peak RSS +{f.upload_peak_rss_mib} MiB (platform process "
          f"{f.server_peak_rss_mib} MiB); verify and decrypt on the platform {f.complete_s} s; receipt ok {f.delivered}")
    print(json.dumps({"bench": "sync", **asdict(f)}))
    return 0 if f.delivered else 1
