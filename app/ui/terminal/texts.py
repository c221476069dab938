"""Times and durations as the candidate reads them (Beijing time, hh:mm:ss)."""

from __future__ import annotations

from datetime import datetime

from app.ui.labels import local_time


def clock_text(seconds: float | None) -> str:
    """'01:29:05' (or '29:05' under an hour); '--:--' when unknown."""
    if seconds is None:
        return "--:--"
    total = max(0, int(seconds + 0.999))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def hour_minute(moment: datetime | None) -> str:
    return "--:--" if moment is None else f"{local_time(moment):%H:%M}"


def full_time(moment: datetime | None) -> str:
    return "" if moment is None else f"{local_time(moment):%Y-%m-%d %H:%M:%S}"
