"""A candidate's clock: the room's start and pauses, their own time changes and offline credit.

    end = start + duration + pauses (the current one up to now) + own time changes + offline credit

Offline credit is capped in total by the plan's `offline_credit_max_minutes`. The earliest
submission is the start + `earliest_submit_minutes` + pauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

#: A terminal not heard from for longer than this shows as offline.
OFFLINE_AFTER_SECONDS = 20
#: Terminals send a heartbeat this often; a gap of this much is normal and never credited.
HEARTBEAT_SECONDS = 5
#: Saves journaled before the end may still arrive this long after it.
CATCH_UP_GRACE_SECONDS = 120


@dataclass(frozen=True)
class RoomClock:
    started_at: datetime | None
    duration_minutes: int | None
    paused_seconds: int = 0  # finished pauses
    paused_at: datetime | None = None  # the pause under way, if any
    ended_at: datetime | None = None
    finished_pauses: tuple[tuple[datetime, datetime], ...] = ()

    def paused_between(self, start: datetime, end: datetime) -> float:
        """Seconds of pause (finished ones and the one under way) within [start, end]."""
        spans = list(self.finished_pauses)
        if self.paused_at is not None:
            spans.append((self.paused_at, end))
        return sum(max(0.0, (min(end, b) - max(start, a)).total_seconds()) for a, b in spans)

    def pauses(self, now: datetime) -> timedelta:
        """All pause time so far, the running pause up to `now` (or the room's end) included."""
        total = timedelta(seconds=self.paused_seconds)
        if self.paused_at is not None:
            until = min(now, self.ended_at) if self.ended_at else now
            total += max(timedelta(0), until - self.paused_at)
        return total


@dataclass(frozen=True)
class CandidateClock:
    time_change_seconds: int = 0  # the sum of accommodations, incident credits and adjustments
    offline_credit_seconds: int = 0


def candidate_end(room: RoomClock, candidate: CandidateClock, now: datetime) -> datetime | None:
    """The instant this candidate's time is over; None before the room starts."""
    if room.started_at is None or room.duration_minutes is None:
        return None
    return (room.started_at + timedelta(minutes=room.duration_minutes) + room.pauses(now)
            + timedelta(seconds=candidate.time_change_seconds + candidate.offline_credit_seconds))


def earliest_submit(room: RoomClock, earliest_submit_minutes: int, now: datetime) -> datetime | None:
    if room.started_at is None:
        return None
    return room.started_at + timedelta(minutes=earliest_submit_minutes) + room.pauses(now)


def time_is_up(room: RoomClock, candidate: CandidateClock, now: datetime, grace_seconds: int = 0) -> bool:
    """True when the candidate's end (plus `grace_seconds`) has passed; never while the room is paused."""
    end = candidate_end(room, candidate, now)
    if end is None or room.paused_at is not None:
        return False
    return now >= end + timedelta(seconds=grace_seconds)


def offline_credit(last_seen: datetime | None, now: datetime, already_credited_seconds: int,
                   max_minutes: int, room: RoomClock) -> int:
    """Seconds to credit for a terminal that comes back at `now` after `last_seen`.

    Only a gap longer than OFFLINE_AFTER_SECONDS counts; the normal heartbeat interval is not
    credited; only time while the room ran counts (before the start, during pauses and after the end
    nothing is lost: pauses are already added for everyone). The total never exceeds `max_minutes`.
    """
    if last_seen is None or room.started_at is None:
        return 0
    start = max(last_seen, room.started_at)
    end = min(now, room.ended_at) if room.ended_at else now
    gap = (end - start).total_seconds()
    if (now - last_seen).total_seconds() <= OFFLINE_AFTER_SECONDS or gap <= 0:
        return 0
    gap -= room.paused_between(start, end)
    credit = int(gap) - HEARTBEAT_SECONDS
    room_left = max(0, max_minutes * 60 - already_credited_seconds)
    return max(0, min(credit, room_left))
