"""Who is acting: a logged-in staff member in one role, or the site itself."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.roles import Role


@dataclass(frozen=True)
class Actor:
    staff_no: str
    name: str
    role: Role | None  # the role this person logged in as; None for the site itself
    roles: frozenset[Role]
    staff_id: int | None = None

    @property
    def role_code(self) -> str:
        return self.role.value if self.role else "site"


SITE = Actor(staff_no="site", name="site", role=None, roles=frozenset())
