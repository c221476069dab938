"""Staff log-in with throttling, and the administrator setting staff passwords and PINs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.audit.trail import utc_now
from app.domain.actor import SITE, Actor
from app.domain.roles import Role
from app.errors import KnownError, NotFound
from app.i18n import tr
from app.persistence import repositories
from app.security import hash_secret, verify_secret
from app.services.authz import require, role_title
from app.services.site import Site, check_password

MAX_FAILURES = 5
LOCK_MINUTES = 5
PIN_LENGTH = 6


class LoginFailed(KnownError):
    code = "login_failed"


@dataclass(frozen=True)
class StaffEntry:
    """What a login screen may know about a staff member: no secrets, no personal data."""

    staff_no: str
    name: str
    roles: tuple[Role, ...]
    can_log_in: bool


class AuthService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock

    def directory(self) -> list[StaffEntry]:
        with self.site.db.read() as session:
            return [
                StaffEntry(member.staff_no, member.name, tuple(Role(code) for code in member.roles.split(",")),
                           member.active and member.secret_hash is not None)
                for member in repositories.all_staff(session)
            ]

    def login(self, staff_no: str, secret: str, role: Role) -> Actor:
        """Check a staff member's password or PIN for `role`. Five failures lock the account."""
        now = self.clock()
        failure: str | None = None
        with self.site.db.transaction() as tx:
            staff = repositories.staff_by_no(tx, staff_no.strip())
            if staff is None or not staff.active:
                failure = tr("Unknown staff number or wrong password.")
                self.site.audit.record(tx, SITE, "login.failed", f"staff:{staff_no.strip()[:32]}",
                                       after={"reason": "unknown", "role": role.value})
            elif staff.locked_until and staff.locked_until > now:
                minutes = max(1, int((staff.locked_until - now).total_seconds() // 60) + 1)
                failure = tr("This account is locked after repeated failures; try again in {minutes} minutes.",
                             minutes=minutes)
                self.site.audit.record(tx, SITE, "login.failed", f"staff:{staff.staff_no}",
                                       after={"reason": "locked", "role": role.value})
            elif role.value not in staff.roles.split(","):
                failure = tr("{name} does not hold the role {role}.", name=staff.name, role=role_title(role))
                self.site.audit.record(tx, SITE, "login.failed", f"staff:{staff.staff_no}",
                                       after={"reason": "role", "role": role.value})
            elif staff.secret_hash is None:
                failure = tr("No password or PIN has been set for {name}: ask the site administrator.", name=staff.name)
            elif not verify_secret(secret, staff.secret_hash):
                staff.failed_attempts += 1
                locked = staff.failed_attempts >= MAX_FAILURES
                if locked:
                    staff.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                    staff.failed_attempts = 0
                failure = (
                    tr("Too many failures: the account is locked for {minutes} minutes.", minutes=LOCK_MINUTES)
                    if locked else tr("Unknown staff number or wrong password.")
                )
                self.site.audit.record(tx, SITE, "login.failed", f"staff:{staff.staff_no}",
                                       after={"reason": "secret", "role": role.value, "locked": locked})
            else:
                staff.failed_attempts, staff.locked_until = 0, None
                actor = Actor(staff_no=staff.staff_no, name=staff.name, role=role,
                              roles=frozenset(Role(code) for code in staff.roles.split(",")), staff_id=staff.id)
                self.site.audit.record(tx, actor, "login", f"staff:{staff.staff_no}", after={"role": role.value})
        if failure is not None:
            raise LoginFailed(failure)
        return actor

    def set_secret(self, actor: Actor, staff_no: str, secret: str) -> None:
        """The administrator sets a staff member's password (or 6-digit PIN for examiners)."""
        require(actor, Role.ADMIN)
        with self.site.db.transaction() as tx:
            staff = repositories.staff_by_no(tx, staff_no)
            if staff is None:
                raise NotFound(tr("No staff member has the number {staff_no}.", staff_no=staff_no))
            if staff.secret_kind == "pin":
                if not (secret.isdigit() and len(secret) == PIN_LENGTH):
                    raise KnownError(tr("A PIN is exactly {count} digits.", count=PIN_LENGTH), code="weak_secret")
            else:
                check_password(secret)
            had_secret = staff.secret_hash is not None
            staff.secret_hash = hash_secret(secret)
            staff.failed_attempts, staff.locked_until = 0, None
            self.site.audit.record(tx, actor, "staff.secret_set", f"staff:{staff.staff_no}",
                                   before={"had_secret": had_secret}, after={"kind": staff.secret_kind})

    def unlock(self, actor: Actor, staff_no: str) -> None:
        require(actor, Role.ADMIN)
        with self.site.db.transaction() as tx:
            staff = repositories.staff_by_no(tx, staff_no)
            if staff is None:
                raise NotFound(tr("No staff member has the number {staff_no}.", staff_no=staff_no))
            before = {"locked_until": staff.locked_until}
            staff.failed_attempts, staff.locked_until = 0, None
            self.site.audit.record(tx, actor, "staff.unlock", f"staff:{staff.staff_no}", before=before)


def is_locked(locked_until: datetime | None, now: datetime | None = None) -> bool:
    return bool(locked_until and locked_until > (now or datetime.now(timezone.utc)))
