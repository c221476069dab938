"""`examsite bench sync` runs end to end on a small file and ends with one JSON line."""

from __future__ import annotations

import json
import shutil

import pytest

from app.bench import sync
from app.cli.main import main

OPENSSL_MR = """+DT:AES-256-GCM:1:1048576
+R:778:AES-256-GCM:0.180000
+H:1048576
+F:25:AES-256-GCM:4532178488.89
"""


def test_openssl_machine_readable_output_is_parsed():
    assert sync.parse_openssl(OPENSSL_MR) == pytest.approx(4532178488.89)
    with pytest.raises(ValueError):
        sync.parse_openssl("type 16384 bytes\nAES-256-GCM 3981312.00k\n")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_bench_sync_ends_with_its_figures(capsys, monkeypatch):
    monkeypatch.setattr(sync, "ROUNDS", 1)
    assert main(["bench", "sync", "--mib", "8", "--chunk-kib", "256"]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["bench"] == "sync" and figures["delivered"] is True
    assert figures["file_bytes"] == 8 << 20 and figures["chunk_bytes"] == 256 << 10
    assert figures["openssl_mb_s"] > 0 and figures["stream_mb_s"] > 0 and figures["upload_mb_s"] > 0
    assert figures["upload_peak_rss_mib"] < 64  # one chunk in flight, not the file
