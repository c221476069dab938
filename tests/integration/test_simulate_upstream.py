"""`examsite simulate --upstream URL`: the day ends with results, the seal and delivery to the platform
reference service, started here as its own process (`examsite upstream serve`) on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.domain.roles import Role
from app.services.auth import AuthService
from app.services.outbox import DELIVERED, RESULTS, OutboxService
from app.services.seal import SealService
from app.simulation import results_stage, video_stage
from app.simulation.demo_site import DEMO_PASSPHRASE, create_demo_site
from app.upstream.platform import Platform

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
PLATFORM_PASSPHRASE = "platform-passphrase"


@pytest.fixture
def platform_service(tmp_path, monkeypatch):
    """(url, folder) of `examsite upstream serve` running as its own process on a free loopback port."""
    monkeypatch.setenv("EXAMSITE_UPSTREAM_PASSPHRASE", PLATFORM_PASSPHRASE)
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    folder = tmp_path / "platform"
    process = subprocess.Popen([sys.executable, "-m", "app.cli.main", "--lang", "en", "upstream", "serve",
                                "--dir", str(folder), "--port", "0"], cwd=ROOT, env=dict(os.environ),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    for line in process.stdout:
        if "listening on" in line:
            url = line.strip().rsplit(" ", 1)[-1]
            break
    assert url, process.stderr.read()
    yield url, folder
    process.terminate()
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()


def held_by_the_platform(folder: Path) -> Platform:
    return Platform.open(folder, PLATFORM_PASSPHRASE, create=False)


def test_the_results_stage_seals_and_delivers_the_results_and_the_video(tmp_path, platform_service):
    url, folder = platform_service
    platform = held_by_the_platform(folder)
    demo = create_demo_site(tmp_path / "site", candidates=8)
    try:
        video_stage.run(demo)
        detail = results_stage.run(demo, upstream=url, register_site=platform.register_site)
        items = OutboxService(demo.site).status()
        assert {item.state for item in items} == {DELIVERED}
        kinds = [item.kind for item in items]
        assert kinds.count(RESULTS) == 1 and len(kinds) > 6  # the results and every sealed room's video files
        assert f"{len(items)} items" in detail and platform.keys.public.fingerprint in detail

        records = {record["idempotency_key"]: record for record in platform.records()}
        assert sorted(records) == sorted(item.key for item in items)  # one record per item, nothing else
        for item in items:
            assert item.receipt["receipt"] == records[item.key]
        (results_key,) = [item.key for item in items if item.kind == RESULTS]
        chief = AuthService(demo.site).login("KW0002", demo.credentials["KW0002"][1], Role.CHIEF_PROCTOR)
        assert platform.results_document(results_key) == SealService(demo.site).document(chief)  # as sealed
        segment = next(demo.site.home.root.joinpath("video").rglob("*.ts"))
        uploaded = [item.key for item in items if item.kind != RESULTS and item.subject.endswith(segment.parts[-3])]
        contents = {platform.upload_content(key).read_bytes() for key in uploaded}
        assert segment.read_bytes() in contents
    finally:
        demo.site.close()


def test_without_a_platform_the_stage_seals_and_says_the_sync_was_skipped(tmp_path):
    demo = create_demo_site(tmp_path / "site", candidates=4)
    try:
        detail = results_stage.run(demo)
        assert "sync skipped" in detail and OutboxService(demo.site).status() == []
    finally:
        demo.site.close()


def test_an_unregistered_site_is_refused_and_the_stage_says_why(tmp_path, platform_service):
    url, _ = platform_service
    demo = create_demo_site(tmp_path / "site", candidates=4)
    try:
        with pytest.raises(results_stage.CheckFailed, match="registered"):
            results_stage.run(demo, upstream=url)
        assert [item.state for item in OutboxService(demo.site).status()] == ["attention"]
    finally:
        demo.site.close()


def test_simulate_with_upstream_runs_the_day_to_the_end(tmp_path, platform_service, capsys):
    url, folder = platform_service
    home = tmp_path / "day"
    code = main(["--lang", "en", "--home", str(home), "simulate", "--candidates", "12", "--upstream", url,
                 "--upstream-dir", str(folder)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "✓ Results, seal and delivery upstream" in out and "sync skipped" not in out
    records = held_by_the_platform(folder).records()
    assert len(records) == len({record["idempotency_key"] for record in records}) > 1
    assert {record["site_id"] for record in records} == {"DEMO-3201-01"}
