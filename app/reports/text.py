"""Words and formats shared by the documents: Chinese, times in Asia/Shanghai."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
GENDERS = {"M": "男", "F": "女"}
STATUSES = {"checked_in": "已签到", "absent": "缺考", "expected": "未签到"}
UNSEATED = "现场分配"


def local(instant: datetime) -> datetime:
    return instant.astimezone(SHANGHAI)


def day(instant: datetime) -> str:
    return f"{local(instant):%Y-%m-%d}"


def clock(instant: datetime) -> str:
    return f"{local(instant):%H:%M}"


def span(starts_at: datetime, ends_at: datetime) -> str:
    return f"{clock(starts_at)}–{clock(ends_at)}"


def gender(code: str) -> str:
    return GENDERS.get(code, code)


def seat(seat_no: int | None) -> str:
    return UNSEATED if seat_no is None else f"{seat_no:02d}"


def status(code: str) -> str:
    return STATUSES.get(code, code)


def check_in_cell(status_code: str, checked_in_at: datetime | None) -> str:
    """The sign-in sheet's time column: the time, 缺考 for an absentee, blank while still expected."""
    if status_code == "checked_in" and checked_in_at is not None:
        return clock(checked_in_at)
    return "" if status_code == "expected" else status(status_code)
