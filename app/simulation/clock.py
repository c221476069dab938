"""A clock that simulations and tests set by hand: services take any `() -> datetime` as their clock."""

from __future__ import annotations

from datetime import datetime, timezone


class ManualClock:
    """Says `now` when set, the real time (UTC) when `now` is None."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now or datetime.now(timezone.utc)
