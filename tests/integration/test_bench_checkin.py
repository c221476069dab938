"""`examsite bench checkin` runs end to end and ends with one JSON line (tiny sizes: a smoke test, not a timing)."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main

pytestmark = pytest.mark.slow


def test_bench_checkin_prints_its_figures_as_json(capsys):
    assert main(["bench", "checkin", "--trials", "3", "--repeats", "1"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = json.loads(last)
    assert figures["bench"] == "checkin" and figures["trials"] == 3 and figures["frames"] == 3
    assert figures["decode_p50_ms"] > 0 and figures["checkin_p95_ms"] >= figures["checkin_p50_ms"] > 0
