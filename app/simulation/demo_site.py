"""A complete throwaway site for demos and simulations: keys, sample package, staff secrets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.roles import PIN_ROLES, Role
from app.package import make_sample
from app.security import SigningKey
from app.services.auth import AuthService
from app.services.home import SiteHome, TrustedIssuer
from app.services.packages import PackageService
from app.services.site import ADMIN_STAFF_NO, Site, init_site

DEMO_SITE_ID = "DEMO-3201-01"
DEMO_SITE_NAME = "演示考点（南京市职业技能鉴定第一考点）"
DEMO_PASSPHRASE = "demo-passphrase"
DEMO_ADMIN_PASSWORD = "demo-admin"
DEMO_STAFF_PASSWORD = "demo1234"
DEMO_PIN = "246810"


@dataclass
class DemoSite:
    site: Site
    package_path: Path
    exam_password: str
    credentials: dict[str, tuple[Role, str]] = field(default_factory=dict)  # staff_no → (first role, secret)


def sample_issuer() -> TrustedIssuer:
    key = SigningKey.sample_issuer()
    return TrustedIssuer(public_key=key.public_key.hex(), label="SAMPLE issuer (not for real exams)")


def create_site(root: Path, db_url: str | None = None) -> Site:
    return init_site(SiteHome(root), site_id=DEMO_SITE_ID, site_name=DEMO_SITE_NAME, passphrase=DEMO_PASSPHRASE,
                     admin_password=DEMO_ADMIN_PASSWORD, issuers=[sample_issuer()], db_url=db_url)


def create_demo_site(root: Path, db_url: str | None = None, candidates: int = 60, progress=None) -> DemoSite:
    """Initialise a site in `root`, import a fresh sample package and give every staff member a secret."""
    site = create_site(root, db_url)
    auth = AuthService(site)
    admin = auth.login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
    info = make_sample(site.public, root / "sample.espkg", candidates=candidates)
    PackageService(site).import_package(admin, info.path, progress)
    demo = DemoSite(site=site, package_path=info.path, exam_password=info.exam_password)
    demo.credentials[ADMIN_STAFF_NO] = (Role.ADMIN, DEMO_ADMIN_PASSWORD)
    for entry in auth.directory():
        staff_no, roles = entry.staff_no, entry.roles
        if staff_no == ADMIN_STAFF_NO:
            continue
        secret = DEMO_PIN if roles and all(role in PIN_ROLES for role in roles) else DEMO_STAFF_PASSWORD
        auth.set_secret(admin, staff_no, secret)
        demo.credentials[staff_no] = (roles[0], secret)
    return demo

