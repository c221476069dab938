"""`examsite bench video` end to end on a small scale: two RTSP streams recorded by the recorder process."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main

pytestmark = pytest.mark.slow


def test_bench_video_ends_with_one_json_line_of_its_figures(capsys):
    code = main(["bench", "video", "--streams", "2", "--seconds", "4", "--lang", "en"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    figures = json.loads(out[-1])
    assert figures["bench"] == "video" and figures["streams"] == 2 and figures["verified"] is True
    assert 0 < figures["cpu_pct_per_stream"] < 50 and figures["cpu_pct_total"] > 0
    assert figures["bytes_written"] > 1_000_000 and figures["segments"] >= 2 and figures["gaps"] == 0
    assert {"lost_frames", "cpu_pct_of_one_core", "server_cpu_pct_of_one_core"} <= set(figures)
    assert "per stream" in out[-3]
