"""Disk forecast: hours left at the current write rate, the alarm levels and the proctor's sentence."""

from __future__ import annotations

import os
import time

import pytest

from app.video.disk import (
    SpaceLevel,
    SpaceThresholds,
    forecast,
    measure,
    planned_rate,
    recent_write_rate,
)

GB = 10**9
RATE_16_CAMERAS = planned_rate(16, 4.0)  # 16 cameras at 4 Mbit/s: 8 MB/s, 28.8 GB an hour


def test_hours_left_is_free_bytes_over_the_rate():
    result = forecast(288 * GB, 1000 * GB, RATE_16_CAMERAS)
    assert result.hours_left == pytest.approx(10.0)
    assert result.level is SpaceLevel.WARNING
    assert "10.0 hours" in result.sentence and "administrator" in result.sentence


@pytest.mark.parametrize(("free_gb", "level"), [
    (900, SpaceLevel.OK),            # 31 h
    (600, SpaceLevel.WARNING),       # 20.8 h < 24 h
    (150, SpaceLevel.CRITICAL),      # 5.2 h < 6 h
])
def test_levels_by_hours_left(free_gb, level):
    assert forecast(free_gb * GB, 2000 * GB, RATE_16_CAMERAS).level is level


def test_levels_by_free_fraction_even_when_idle():
    idle = forecast(40 * GB, 1000 * GB, 0)
    assert idle.hours_left is None and idle.level is SpaceLevel.CRITICAL  # 4% < 5%
    assert "before recording starts" in idle.sentence
    assert forecast(80 * GB, 1000 * GB, 0).level is SpaceLevel.WARNING  # 8% < 10%
    quiet = forecast(500 * GB, 1000 * GB, 0)
    assert quiet.level is SpaceLevel.OK and "nothing is being recorded" in quiet.sentence
    assert forecast(150 * GB, 1000 * GB, RATE_16_CAMERAS, SpaceThresholds(critical_hours=2)).level is SpaceLevel.WARNING


def test_critical_sentence_says_what_to_do():
    result = forecast(100 * GB, 4000 * GB, RATE_16_CAMERAS)
    assert result.level is SpaceLevel.CRITICAL
    assert result.sentence == ("Video disk almost full: about 3.5 hours of recording left (100.0 GB free). "
                               "Free space or add a disk now, or recording will stop.")


def test_write_rate_from_recent_segments(tmp_path):
    now = time.time()
    room = tmp_path / "2026-06-20" / "room-101"
    room.mkdir(parents=True)
    for name, size, age in (("cam1-000001.ts", 3_000_000, 900), ("cam1-000002.ts", 3_000_000, 400),
                            ("cam1-000003.ts", 3_000_000, 100), ("cam1-000004.ts.part", 1_000_000, 1),
                            ("manifest.jsonl", 10_000_000, 1)):
        path = room / name
        path.write_bytes(b"\0" * size)
        os.utime(path, (now - age, now - age))
    assert recent_write_rate(room.parent.parent, now=now, window=600) == pytest.approx(7_000_000 / 600)
    assert recent_write_rate(tmp_path / "nowhere") == 0.0


def test_measure_uses_the_disk_of_the_nearest_existing_folder(tmp_path):
    result = measure(tmp_path / "video" / "not-yet", rate_bytes_per_second=1_000_000)
    usage = os.statvfs(tmp_path)
    assert result.total_bytes == usage.f_frsize * usage.f_blocks
    assert result.hours_left == pytest.approx(result.free_bytes / 1_000_000 / 3600)
