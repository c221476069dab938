"""`examsite bench lan` runs end to end against a server process and ends with one JSON line
(a handful of terminals for a few seconds: a smoke test, not a timing)."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main

pytestmark = pytest.mark.slow


def test_bench_lan_prints_its_figures_as_json(capsys):
    assert main(["bench", "lan", "--terminals", "6", "--seconds", "4", "--interval", "0.5", "--warmup", "1"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    figures = json.loads(out[-1])
    assert figures["bench"] == "lan" and figures["terminals"] == 6 and figures["db"] == "sqlite"
    assert figures["saves"] >= 6 * 4 and figures["lost"] == 0 and figures["unreachable"] == 0
    assert figures["warmup_seconds"] == 1 and figures["seconds"] >= 4  # saves of the warm-up second not counted
    assert 0 < figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
