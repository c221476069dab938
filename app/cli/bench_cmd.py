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
