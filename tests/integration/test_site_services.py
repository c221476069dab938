"""Site creation, package import, log-in and the overview against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.roles import Role
from app.errors import InvalidState, PermissionDenied
from app.package import make_sample
from app.persistence import repositories
from app.security import WrongPassphrase
from app.services.auth import LOCK_MINUTES, MAX_FAILURES, AuthService, LoginFailed
from app.services.home import SiteHome
from app.services.overview import OverviewService
from app.services.packages import PackageService
from app.services.site import ADMIN_STAFF_NO, open_site, verify_audit
from app.simulation.demo_site import (
    DEMO_ADMIN_PASSWORD,
    DEMO_PASSPHRASE,
    DEMO_STAFF_PASSWORD,
    create_demo_site,
    create_site,
)


@pytest.fixture
def site(tmp_path, database_url):
    site = create_site(tmp_path / "home", database_url)
    yield site
    site.close()


@pytest.fixture
def admin(site):
    return AuthService(site).login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)


@pytest.fixture
def sample(site, tmp_path):
    return make_sample(site.public, tmp_path / "sample.espkg", candidates=24)


def test_import_stores_everything_sealed_and_audited(site, admin, sample):
    summary = PackageService(site).import_package(admin, sample.path)
    assert summary.candidates == 24
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        assert repositories.candidate_count(session, plan.id) == 24
        assert {s.kind for s in plan.sessions} == {"theory", "practical"}
        assert repositories.papers(session, plan.id)[0].state == "sealed"
        raw = session.execute(text("SELECT id_number_sealed, photo_sealed FROM candidate")).all()
    overview = OverviewService(site).plan_overview(admin)
    assert overview.candidates == 24 and "*" in overview.roster[0].id_masked
    first_id = OverviewService(site).reveal_id_number(admin, overview.roster[0].ticket_no, "核对身份")
    assert first_id.endswith(overview.roster[0].id_masked[-4:])
    assert all(first_id.encode() not in sealed_id for sealed_id, _ in raw)
    assert all(not photo.startswith(b"\x89PNG") and not photo.startswith(b"\xff\xd8") for _, photo in raw)
    assert (site.home.packages_dir / f"{summary.package_id}.espkg").exists()
    assert list(site.home.packages_dir.glob(".incoming-*")) == []
    report = verify_audit(site)
    assert report.ok, report.problem


def test_import_is_all_or_nothing(site, admin, sample, monkeypatch):
    def power_cut(*args, **kwargs):
        progress = kwargs["progress"]
        progress(1, 2)
        raise OSError("disk unplugged")

    monkeypatch.setattr(repositories, "store_package", power_cut)
    with pytest.raises(OSError):
        PackageService(site).import_package(admin, sample.path)
    with site.db.read() as session:
        assert repositories.current_plan(session) is None
    assert list(site.home.packages_dir.iterdir()) == []
    monkeypatch.undo()
    PackageService(site).import_package(admin, sample.path)


def test_a_package_is_imported_once(site, admin, sample):
    PackageService(site).import_package(admin, sample.path)
    with pytest.raises(InvalidState, match="already"):
        PackageService(site).import_package(admin, sample.path)


def test_clashing_admission_tickets_are_refused_cleanly(site, admin, sample, tmp_path):
    PackageService(site).import_package(admin, sample.path)
    clash = make_sample(site.public, tmp_path / "clash.espkg", candidates=24, seed=999)  # same ticket batch
    with pytest.raises(InvalidState, match="Admission ticket .* already on this site"):
        PackageService(site).import_package(admin, clash.path)
    assert verify_audit(site).ok


def test_a_package_may_not_claim_the_site_administrator(site, admin, sample, tmp_path):
    from app.domain.roster import StaffMember
    from app.package import build_package, open_package, open_sealed_paper
    from app.security import SigningKey

    opened = open_package(sample.path, site.keys, site.trusted_issuers)
    papers = {p.code: (open_sealed_paper(p, opened.summary.package_id, site.keys, sample.exam_password),
                       sample.exam_password) for p in opened.papers}
    forged = tmp_path / "admin.espkg"
    build_package(forged, plan=opened.plan, roster=opened.roster, tasks=opened.tasks, papers=papers,
                  staff=(*opened.staff, StaffMember("admin", "冒名者", (Role.ADMIN,))),
                  issuer=SigningKey.sample_issuer(), site=site.public)
    with pytest.raises(InvalidState, match="reserved"):
        PackageService(site).import_package(admin, forged)
    assert AuthService(site).login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN).name == "考点管理员"


def test_only_the_administrator_imports(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "demo", database_url, candidates=6)
    try:
        staff_no, (role, secret) = next((no, c) for no, c in demo.credentials.items() if c[0] is Role.PROCTOR)
        proctor = AuthService(demo.site).login(staff_no, secret, role)
        with pytest.raises(PermissionDenied):
            PackageService(demo.site).import_package(proctor, demo.package_path)
        assert OverviewService(demo.site).plan_overview(proctor).candidates == 6
    finally:
        demo.site.close()


def test_login_failures_lock_the_account(site, admin):
    auth = AuthService(site)
    with pytest.raises(LoginFailed, match="role"):
        auth.login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.EXAMINER)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed, match="wrong password"):
            auth.login(ADMIN_STAFF_NO, "guess-guess", Role.ADMIN)
    with pytest.raises(LoginFailed, match=f"{LOCK_MINUTES} minutes"):
        auth.login(ADMIN_STAFF_NO, "guess-guess", Role.ADMIN)
    with pytest.raises(LoginFailed, match="locked"):
        auth.login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
    assert verify_audit(site).ok


def test_secrets_follow_the_rules(site, admin, sample):
    PackageService(site).import_package(admin, sample.path)
    auth = AuthService(site)
    examiner = next(e for e in auth.directory() if Role.EXAMINER in e.roles and Role.EXAMINER_LEAD not in e.roles)
    proctor = next(e for e in auth.directory() if Role.PROCTOR in e.roles)
    with pytest.raises(Exception, match="6 digits"):
        auth.set_secret(admin, examiner.staff_no, "12345")
    with pytest.raises(Exception, match="at least 8"):
        auth.set_secret(admin, proctor.staff_no, "short")
    auth.set_secret(admin, examiner.staff_no, "135790")
    auth.set_secret(admin, proctor.staff_no, DEMO_STAFF_PASSWORD)
    assert auth.login(examiner.staff_no, "135790", Role.EXAMINER).name == examiner.name
    with pytest.raises(PermissionDenied):
        auth.set_secret(auth.login(proctor.staff_no, DEMO_STAFF_PASSWORD, Role.PROCTOR), examiner.staff_no, "111111")


def test_reopening_needs_the_right_passphrase(site):
    home: SiteHome = site.home
    url = str(site.db.url.render_as_string(hide_password=False))
    with pytest.raises(WrongPassphrase):
        open_site(home, passphrase="not the passphrase", db_url=url)
    reopened = open_site(home, passphrase=DEMO_PASSPHRASE, db_url=url)
    assert reopened.unlocked and reopened.public == site.public
    reopened.close()
    locked = open_site(home, db_url=url)
    assert not locked.unlocked
    locked.close()


def test_the_simulated_day_passes_on_this_database(tmp_path, database_url):
    from app.simulation.day import Simulation

    results = []
    simulation = Simulation(root=tmp_path / "sim", db_url=database_url, candidates=12, report=results.append)
    assert simulation.run(), [(r.name, r.detail) for r in results if not r.ok]
    assert len(results) == 9 and all(r.ok for r in results)
