"""Role checks: every service call states which roles may make it."""

from __future__ import annotations

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import PermissionDenied
from app.i18n import language, tr


def require(actor: Actor, *roles: Role) -> None:
    """Raise PermissionDenied unless `actor` is acting in one of `roles`."""
    if actor.role is None or actor.role not in roles:
        allowed = "、".join(role_title(role) for role in roles)
        raise PermissionDenied(tr("Only {roles} may do this.", roles=allowed))



def role_title(role: Role) -> str:
    """The role's name in the current language."""
    return role.title_en if language() == "en" else role.title_zh
