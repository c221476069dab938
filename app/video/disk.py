"""Disk forecast for the video store: hours of recording left at the current write rate, and alarms.

`forecast()` is pure: free and total bytes, the write rate, the thresholds → a level (ok, warning,
critical) and one sentence for the proctor. `measure()` takes the figures from the disk and from
the segments written in the last minutes, so it needs no bookkeeping by the recorder.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.i18n import tr

RATE_WINDOW_SECONDS = 600.0
VIDEO_SUFFIXES = (".ts", ".ts.part")


class SpaceLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    CRITICAL = "critical"


@dataclass(frozen=True)
class SpaceThresholds:
    warning_hours: float = 24.0
    critical_hours: float = 6.0
    warning_free_fraction: float = 0.10
    critical_free_fraction: float = 0.05


@dataclass(frozen=True)
class DiskForecast:
    free_bytes: int
    total_bytes: int
    rate_bytes_per_second: float
    hours_left: float | None  # None: nothing is being written
    level: SpaceLevel
    sentence: str

    @property
    def free_fraction(self) -> float:
        return self.free_bytes / self.total_bytes if self.total_bytes else 0.0


def gigabytes(count: float) -> str:
    return f"{count / 1e9:.1f} GB"


def forecast(free_bytes: int, total_bytes: int, rate_bytes_per_second: float,
             thresholds: SpaceThresholds = SpaceThresholds()) -> DiskForecast:
    """Hours left = free bytes / write rate; the level is the worse of the hours and the free fraction."""
    rate = max(0.0, float(rate_bytes_per_second))
    hours = free_bytes / rate / 3600 if rate > 0 else None
    fraction = free_bytes / total_bytes if total_bytes else 0.0
    if (hours is not None and hours < thresholds.critical_hours) or fraction < thresholds.critical_free_fraction:
        level = SpaceLevel.CRITICAL
    elif (hours is not None and hours < thresholds.warning_hours) or fraction < thresholds.warning_free_fraction:
        level = SpaceLevel.WARNING
    else:
        level = SpaceLevel.OK
    figures = {"free": gigabytes(free_bytes), "percent": f"{fraction * 100:.0f}",
               "hours": "" if hours is None else f"{hours:.1f}" if hours < 100 else f"{hours:.0f}",
               "rate": f"{rate * 8 / 1e6:.1f}"}
    if hours is None:
        sentence = {
            SpaceLevel.OK: tr("Video disk: {free} free ({percent}%); nothing is being recorded now.", **figures),
            SpaceLevel.WARNING: tr("Video disk: only {free} free ({percent}%); nothing is being recorded now, "
                                   "but free space before the next exam.", **figures),
            SpaceLevel.CRITICAL: tr("Video disk almost full: {free} free ({percent}%). Free space or add a disk "
                                    "before recording starts.", **figures),
        }[level]
    else:
        sentence = {
            SpaceLevel.OK: tr("Video disk: {free} free, about {hours} hours of recording left at the current "
                              "{rate} Mbit/s.", **figures),
            SpaceLevel.WARNING: tr("Video disk: only about {hours} hours of recording left ({free} free at {rate} "
                                   "Mbit/s). Tell the site administrator today.", **figures),
            SpaceLevel.CRITICAL: tr("Video disk almost full: about {hours} hours of recording left ({free} free). "
                                    "Free space or add a disk now, or recording will stop.", **figures),
        }[level]
    return DiskForecast(int(free_bytes), int(total_bytes), rate, hours, level, sentence)


def recent_write_rate(root: Path, now: float | None = None, window: float = RATE_WINDOW_SECONDS) -> float:
    """Bytes per second written into video segments under `root` over the last `window` seconds.

    Counts every segment (closed or being written) whose last byte arrived within the window. A
    segment begun before the window counts whole, so the rate errs high by at most one segment per
    camera per window (60 s segments, 10 min window: ≤ 10%): the forecast errs on the safe side.
    """
    root = Path(root)
    if not root.is_dir():
        return 0.0
    since = (time.time() if now is None else now) - window
    written = 0
    for file in root.rglob("*"):
        if not file.name.endswith(VIDEO_SUFFIXES):
            continue
        try:
            stat = file.stat()
        except FileNotFoundError:  # renamed from .part while we looked
            continue
        if stat.st_mtime >= since:
            written += stat.st_size
    return written / window


def measure(root: Path, rate_bytes_per_second: float | None = None,
            thresholds: SpaceThresholds = SpaceThresholds()) -> DiskForecast:
    """The forecast for the disk holding `root` (the nearest existing folder), at the measured rate unless given."""
    path = Path(root)
    while not path.exists() and path != path.parent:
        path = path.parent
    usage = shutil.disk_usage(path)
    rate = recent_write_rate(Path(root)) if rate_bytes_per_second is None else rate_bytes_per_second
    return forecast(usage.free, usage.total, rate, thresholds)


def planned_rate(cameras: int, mbit_per_second: float) -> float:
    """Bytes per second for `cameras` streams at `mbit_per_second` each (before recording starts)."""
    return cameras * mbit_per_second * 1e6 / 8
