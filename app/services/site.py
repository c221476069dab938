"""Creating and opening a site: its keys, its configuration and its database together."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from app.audit.trail import AuditTrail, verify_trail
from app.domain.actor import SITE
from app.domain.roles import Role
from app.errors import InvalidState, KnownError
from app.i18n import tr
from app.persistence import Database, audit_store, repositories
from app.persistence.models import SiteInfo, Staff
from app.security import SiteKeys, SitePublic, hash_secret, verify_signature
from app.services.home import SiteConfig, SiteHome, TrustedIssuer

SITE_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$")
ADMIN_STAFF_NO = "admin"
ADMIN_NAME = "考点管理员"  # stored data, in the product's first language
MIN_PASSWORD_LENGTH = 8


@dataclass
class Site:
    """An open site: configuration, public identity, database and (when unlocked) its keys."""

    home: SiteHome
    config: SiteConfig
    public: SitePublic
    db: Database
    keys: SiteKeys | None
    audit: AuditTrail

    @property
    def unlocked(self) -> bool:
        return self.keys is not None

    @property
    def trusted_issuers(self) -> list[bytes]:
        return [issuer.key_bytes() for issuer in self.config.trusted_issuers]

    def require_keys(self) -> SiteKeys:
        if self.keys is None:
            raise KnownError(tr("This needs the site passphrase: unlock the site first."), code="locked")
        return self.keys

    def verify_site_signature(self, signature: bytes, message: bytes) -> bool:
        return verify_signature(self.public.signing_public, signature, message)

    def close(self) -> None:
        self.db.dispose()


def check_password(secret: str) -> None:
    if len(secret) < MIN_PASSWORD_LENGTH:
        raise KnownError(
            tr("A password needs at least {count} characters.", count=MIN_PASSWORD_LENGTH), code="weak_secret"
        )


def init_site(
    home: SiteHome,
    *,
    site_id: str,
    site_name: str,
    passphrase: str,
    admin_password: str,
    issuers: list[TrustedIssuer],
    db_url: str | None = None,
) -> Site:
    """Create keys, configuration and database for a new site, and its administrator account."""
    if home.exists():
        raise InvalidState(tr("A site is already set up in {home}.", home=home.root))
    if not SITE_ID_PATTERN.match(site_id):
        raise KnownError(
            tr("The site code may use letters, digits, '-' and '_' (3 to 32 characters)."), code="bad_site_id"
        )
    check_password(passphrase)
    check_password(admin_password)
    if not issuers:
        raise KnownError(tr("Name at least one trusted package issuer key."), code="no_issuer")
    keys = SiteKeys.generate(site_id, site_name)
    config = SiteConfig(site_id=site_id, site_name=site_name, db_url=db_url, trusted_issuers=issuers)
    database = Database(home.database_url(db_url, config))
    database.migrate()
    with database.read() as session:
        taken = repositories.site_info(session) is not None
    if taken:
        raise InvalidState(tr("That database already belongs to a site: use an empty database."))
    now = datetime.now(timezone.utc)
    audit = AuditTrail(site_id, keys.sign)
    with database.transaction() as tx:
        tx.add(SiteInfo(site_id=site_id, site_name=site_name, signing_public=keys.public.signing_public.hex(),
                        encryption_public=keys.public.encryption_public.hex(), created_at=now))
        audit_store.ensure_head(tx)
        tx.add(Staff(staff_no=ADMIN_STAFF_NO, name=ADMIN_NAME, roles=Role.ADMIN.value,
                     secret_hash=hash_secret(admin_password), secret_kind="password"))
        audit.record(tx, SITE, "site.init", f"site:{site_id}", after={
            "site_id": site_id, "site_name": site_name, "signing_key": keys.public.fingerprint,
            "trusted_issuers": [issuer.public_key for issuer in issuers], "database": database.display_url,
        })
    keys.save(home.keys_path, passphrase)
    home.write_config(config)
    return Site(home=home, config=config, public=keys.public, db=database, keys=keys, audit=audit)


def open_site(home: SiteHome, *, passphrase: str | None = None, db_url: str | None = None) -> Site:
    """Open an existing site; with the passphrase its keys are unlocked and it may change state."""
    config = home.read_config()
    public = SiteKeys.load_public(home.keys_path)
    keys = SiteKeys.load(home.keys_path, passphrase) if passphrase is not None else None
    database = Database(home.database_url(db_url, config))
    database.require_current()
    with database.read() as session:
        info = repositories.site_info(session)
        if info is None or info.site_id != config.site_id or info.signing_public != public.signing_public.hex():
            raise KnownError(
                tr("The database {url} does not belong to site {site}.", url=database.display_url, site=config.site_id),
                code="wrong_database",
            )
    audit = AuditTrail(config.site_id, keys.sign if keys else None)
    return Site(home=home, config=config, public=public, db=database, keys=keys, audit=audit)


def verify_audit(site: Site):
    with site.db.read() as session:
        return verify_trail(session, site.config.site_id, site.verify_site_signature)
