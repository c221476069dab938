"""Display text for the codes the core uses: roles, levels, session kinds and states, genders.

Role and level titles come from the domain (Chinese and English are part of the domain there);
everything else is translated here, in context "Labels".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.plan import Level
from app.domain.roles import Role
from app.ui.i18n import is_chinese

try:
    LOCAL_TIME = ZoneInfo("Asia/Shanghai")
except ZoneInfoNotFoundError:  # no tz database: China keeps UTC+8 all year
    LOCAL_TIME = timezone(timedelta(hours=8), "CST")


def role_title(role: Role) -> str:
    return role.title_zh if is_chinese() else role.title_en


def roles_title(roles) -> str:
    return ("、" if is_chinese() else ", ").join(role_title(role) for role in roles)


def level_title(level: int) -> str:
    try:
        known = Level(level)
    except ValueError:
        return str(level)
    return known.title_zh if is_chinese() else known.title_en


_KINDS = {"theory": QT_TRANSLATE_NOOP("Labels", "Theory"), "practical": QT_TRANSLATE_NOOP("Labels", "Practical")}
_SESSION_STATES = {
    "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
    "open": QT_TRANSLATE_NOOP("Labels", "Open for check-in"),
    "running": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "ended": QT_TRANSLATE_NOOP("Labels", "Ended"),
    "sealed": QT_TRANSLATE_NOOP("Labels", "Sealed"),
}
_SITTING_STATUSES = {
    "expected": QT_TRANSLATE_NOOP("Labels", "Expected"),
    "checked_in": QT_TRANSLATE_NOOP("Labels", "Checked in"),
    "absent": QT_TRANSLATE_NOOP("Labels", "Absent"),
    "in_exam": QT_TRANSLATE_NOOP("Labels", "In exam"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
_GENDERS = {"M": QT_TRANSLATE_NOOP("Labels", "Male"), "F": QT_TRANSLATE_NOOP("Labels", "Female")}


def _lookup(table: dict[str, str], code: str) -> str:
    """The translated title of a known code; unknown codes are shown as they are."""
    return QCoreApplication.translate("Labels", table[code]) if code in table else code


def session_kind(kind: str) -> str:
    return _lookup(_KINDS, kind)


def session_state(state: str) -> str:
    return _lookup(_SESSION_STATES, state)


def sitting_status(status: str) -> str:
    return _lookup(_SITTING_STATUSES, status)


def gender(code: str) -> str:
    return _lookup(_GENDERS, code)


def local_time(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TIME)


def time_span(starts_at: datetime, ends_at: datetime) -> str:
    """'2025-06-14 09:00–10:30' in local time (Asia/Shanghai); the end date only when it differs."""
    start, end = local_time(starts_at), local_time(ends_at)
    tail = end.strftime("%H:%M") if start.date() == end.date() else end.strftime("%Y-%m-%d %H:%M")
    return f"{start:%Y-%m-%d %H:%M}–{tail}"


def day(value: date) -> str:
    return value.isoformat()
