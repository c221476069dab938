"""Who may talk to the site host over the LAN: enrolled devices and the log-ins they carry.

A device (candidate terminal or scoring station) enrols once with a one-time code that an
administrator or chief proctor issued at the console; it keeps a device token. A candidate or
staff member who logs in on an enrolled device gets a session token bound to that device.
Tokens are random 256-bit values; only their SHA-256 is stored, so a copy of the database lets
nobody act as a terminal. The enrolment exchange itself is described in app/security/tls.py.
"""

from __future__ import annotations

import hashlib
import random
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.audit.trail import utc_now
from app.domain.actor import SITE, Actor
from app.domain.roles import Role
from app.errors import KnownError, NotFound, PermissionDenied, Throttled
from app.i18n import tr
from app.persistence import lan_store
from app.persistence.models import LanDevice, LanEnrolmentCode, LanSession
from app.security.tls import TlsIdentity, enrolment_key, enrolment_proof, host_proof, lan_identity, same
from app.services.authz import require
from app.services.site import Site

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed on a terminal
CODE_LENGTH = 8
CODE_MINUTES = 10
KINDS = ("terminal", "station")
MAX_ENROL_FAILURES = 20  # per host run: wrong proofs before enrolment pauses for a minute
TOKEN_CACHE_SECONDS = 30.0  # how long a token's lookup is trusted without the database (see LanAccess)
TOKEN_CACHE_SIZE = 5000


@dataclass(frozen=True)
class Device:
    id: int
    name: str
    kind: str  # terminal | station
    room_code: str | None


@dataclass(frozen=True)
class LanLogin:
    kind: str  # candidate | staff
    subject: str
    device_id: int
    issued_at: datetime


@dataclass(frozen=True)
class Enrolled:
    device: Device
    token: str
    host_proof: str
    certificate_sha256: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class LanAccess:
    """Enrolment, device tokens and the log-ins on devices.

    Every request of a terminal presents its device token and usually a log-in token: their
    lookups are kept in memory for TOKEN_CACHE_SECONDS (as plain values, keyed by the token's
    digest). A revocation through this object drops the cached entries at once; one made by another
    process on the same database (a console revoking a device) takes effect here within
    TOKEN_CACHE_SECONDS. A log-in's expiry is checked against the clock on every use.
    """

    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock
        self._identity: TlsIdentity | None = None
        self._failures: list[datetime] = []
        self._cache_lock = threading.Lock()
        self._devices: dict[str, tuple[float, Device]] = {}
        self._logins: dict[str, tuple[float, LanLogin, datetime]] = {}

    def _forget(self, *, device_id: int | None = None, subject: str | None = None) -> None:
        with self._cache_lock:
            if device_id is not None:
                self._devices = {k: v for k, v in self._devices.items() if v[1].id != device_id}
                self._logins = {k: v for k, v in self._logins.items() if v[1].device_id != device_id}
            if subject is not None:
                self._logins = {k: v for k, v in self._logins.items() if v[1].subject != subject}

    @staticmethod
    def _fresh(entry, now: float) -> bool:
        return entry is not None and now < entry[0]

    @staticmethod
    def _trusted_until(now: float) -> float:
        """Each entry is trusted for a random share (half to all) of TOKEN_CACHE_SECONDS, so the
        tokens cached in one burst (a room logging in) are not all looked up again in one burst."""
        return now + TOKEN_CACHE_SECONDS * random.uniform(0.5, 1.0)

    def cached_device(self, token: str) -> Device | None:
        """The device from memory only (None: it must be looked up with device_for)."""
        with self._cache_lock:
            cached = self._devices.get(token_digest(token))
        return cached[1] if self._fresh(cached, time.monotonic()) else None

    def cached_session(self, token: str, kind: str) -> LanLogin | None:
        """The log-in from memory only (None: look it up with session_for, which also says why one ended)."""
        with self._cache_lock:
            cached = self._logins.get(token_digest(token))
        if self._fresh(cached, time.monotonic()) and cached[1].kind == kind and cached[2] > self.clock():
            return cached[1]
        return None

    @property
    def identity(self) -> TlsIdentity:
        if self._identity is None:
            self._identity = lan_identity(self.site.require_keys())
        return self._identity

    # -- enrolment -------------------------------------------------------------------------
    def issue_code(self, actor: Actor, kind: str, room_code: str | None = None) -> str:
        """A one-time code (valid 10 minutes) for the console to show and the device to type."""
        require(actor, Role.ADMIN, Role.CHIEF_PROCTOR)
        if kind not in KINDS:
            raise KnownError(tr("A device is a terminal or a station, not {kind}.", kind=kind), code="bad_kind")
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        now = self.clock()
        with self.site.db.transaction() as tx:
            row = LanEnrolmentCode(proof_key=enrolment_key(code).hex(), kind=kind, room_code=room_code,
                                   issued_by=actor.staff_id, issued_at=now,
                                   expires_at=now + timedelta(minutes=CODE_MINUTES))
            tx.add(row)
            tx.flush()
            self.site.audit.record(tx, actor, "lan.code_issued", f"lan_code:{row.id}",
                                   after={"kind": kind, "room": room_code, "expires_at": row.expires_at})
        return f"{code[:4]}-{code[4:]}"

    def enrol(self, proof: str, name: str) -> Enrolled:
        """Enrol the device whose proof matches an open code and this host's certificate."""
        now = self.clock()
        self._failures = [at for at in self._failures if now - at < timedelta(minutes=1)]
        if len(self._failures) >= MAX_ENROL_FAILURES:
            raise Throttled(tr("Too many wrong enrolment codes: wait a minute and try again."))
        name = " ".join(name.split())[:100] or "?"
        fingerprint = self.identity.certificate_sha256
        with self.site.db.transaction() as tx:
            match = next((row for row in lan_store.open_codes(tx, now)
                          if same(enrolment_proof(bytes.fromhex(row.proof_key), fingerprint), proof)), None)
            if match is None:
                self._failures.append(now)
                raise PermissionDenied(tr("This enrolment code is wrong, used or expired: ask for a new one."))
            match.used_at = now
            token = secrets.token_urlsafe(32)
            device = LanDevice(name=name, kind=match.kind, room_code=match.room_code,
                               token_sha256=token_digest(token), enrolled_at=now, code_id=match.id)
            tx.add(device)
            tx.flush()
            self.site.audit.record(tx, SITE, "lan.device_enrolled", f"lan_device:{device.id}",
                                   after={"name": name, "kind": device.kind, "room": device.room_code,
                                          "code": match.id})
            view = _device(device)
            answer = host_proof(bytes.fromhex(match.proof_key), fingerprint, token)
        return Enrolled(view, token, answer, fingerprint)

    def revoke_device(self, actor: Actor, device_id: int) -> None:
        require(actor, Role.ADMIN, Role.CHIEF_PROCTOR)
        now = self.clock()
        with self.site.db.transaction() as tx:
            device = tx.get(LanDevice, device_id)
            if device is None:
                raise NotFound(tr("No device has the number {number}.", number=device_id))
            device.revoked_at = device.revoked_at or now
            lan_store.revoke_logins(tx, now, device_id=device_id)
            self.site.audit.record(tx, actor, "lan.device_revoked", f"lan_device:{device_id}",
                                   after={"name": device.name})
        self._forget(device_id=device_id)

    def devices(self) -> list[Device]:
        with self.site.db.read() as session:
            return [_device(row) for row in lan_store.active_devices(session)]

    def device_for(self, token: str) -> Device:
        cached = self.cached_device(token)
        if cached is not None:
            return cached
        digest, now = token_digest(token), time.monotonic()
        with self.site.db.read() as session:
            row = lan_store.device_by_token(session, digest)
            if row is None or row.revoked_at is not None:
                raise PermissionDenied(tr("This device is not enrolled with the site host: enrol it again."),
                                       code="device")
            device = _device(row)
        with self._cache_lock:
            if len(self._devices) >= TOKEN_CACHE_SIZE:
                self._devices.clear()
            self._devices[digest] = (self._trusted_until(now), device)
        return device

    # -- log-ins on a device -----------------------------------------------------------------
    def issue_session(self, kind: str, subject: str, device_id: int, ttl: timedelta, tx=None) -> str:
        """A bearer token for `subject` on this device; pass `tx` to issue it inside the caller's transaction."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        row = LanSession(kind=kind, subject=subject, device_id=device_id, token_sha256=token_digest(token),
                         issued_at=now, expires_at=now + ttl)
        if tx is not None:
            tx.add(row)
            tx.flush()
        else:
            with self.site.db.transaction() as own:
                own.add(row)
        return token

    def session_for(self, token: str, kind: str, session=None) -> LanLogin:
        digest = token_digest(token)

        def ended() -> PermissionDenied:
            return PermissionDenied(tr("This log-in has ended: log in again."), code="login")

        def find(s) -> tuple[LanLogin, datetime]:
            row = lan_store.login_by_token(s, digest)
            if row is None or row.kind != kind or row.revoked_at is not None or row.expires_at <= self.clock():
                raise ended()
            return LanLogin(row.kind, row.subject, row.device_id, row.issued_at), row.expires_at

        if session is not None:
            return find(session)[0]
        now = time.monotonic()
        with self._cache_lock:
            cached = self._logins.get(digest)
        if self._fresh(cached, now) and cached[1].kind == kind:
            if cached[2] <= self.clock():
                raise ended()
            return cached[1]
        with self.site.db.read() as own:
            login, expires_at = find(own)
        with self._cache_lock:
            if len(self._logins) >= TOKEN_CACHE_SIZE:
                self._logins.clear()
            self._logins[digest] = (self._trusted_until(now), login, expires_at)
        return login

    def revoke_sessions(self, kind: str, subject: str, tx=None, *, keep_token: str | None = None) -> int:
        """End every log-in of `subject` (e.g. when the candidate moves to another terminal)."""
        now = self.clock()
        keep = token_digest(keep_token) if keep_token is not None else None
        self._forget(subject=subject)
        if tx is not None:
            return lan_store.revoke_logins(tx, now, kind=kind, subject=subject, keep_sha256=keep)
        with self.site.db.transaction() as own:
            ended = lan_store.revoke_logins(own, now, kind=kind, subject=subject, keep_sha256=keep)
        self._forget(subject=subject)  # again: a request may have cached a token before the commit
        return ended


def _device(row: LanDevice) -> Device:
    return Device(row.id, row.name, row.kind, row.room_code)
