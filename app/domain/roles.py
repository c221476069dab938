"""Staff roles and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A staff role. The value is the stable code used in packages, the database and the API."""

    ADMIN = "admin"
    PROCTOR = "proctor"
    CHIEF_PROCTOR = "chief_proctor"
    EXAMINER = "examiner"
    EXAMINER_LEAD = "examiner_lead"
    SUPERVISOR = "supervisor"

    @property
    def title_zh(self) -> str:
        return _TITLES_ZH[self]

    @property
    def title_en(self) -> str:
        return _TITLES_EN[self]


_TITLES_ZH = {
    Role.ADMIN: "考点管理员",
    Role.PROCTOR: "监考员",
    Role.CHIEF_PROCTOR: "主监考",
    Role.EXAMINER: "考评员",
    Role.EXAMINER_LEAD: "考评组长",
    Role.SUPERVISOR: "督导员",
}
_TITLES_EN = {
    Role.ADMIN: "Site administrator",
    Role.PROCTOR: "Proctor",
    Role.CHIEF_PROCTOR: "Chief proctor",
    Role.EXAMINER: "Examiner",
    Role.EXAMINER_LEAD: "Examiner lead",
    Role.SUPERVISOR: "Quality supervisor",
}

#: Roles that log in with a short numeric PIN at a station rather than a password.
PIN_ROLES = frozenset({Role.EXAMINER, Role.EXAMINER_LEAD})
