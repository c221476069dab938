"""`examsite simulate`: the exam day, stage by stage, against the real services.

Each stage does real work (keys, signed package, database, audit chain) with simulated people,
checks what it must, and reports. The run passes only when every stage passed. Later capabilities
(check-in, theory, video, practical, results) add their stages here.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.roles import Role
from app.errors import KnownError
from app.i18n import tr
from app.package import PackageError
from app.services.auth import MAX_FAILURES, AuthService, LoginFailed
from app.services.packages import PackageService
from app.services.site import ADMIN_STAFF_NO, verify_audit
from app.simulation import (
    checkin_stage,
    practical_stage,
    results_stage,
    theory_stage,
    video_stage,
)
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DemoSite, create_demo_site


class StageFailed(Exception):
    """A check inside a stage did not hold."""


@dataclass
class StageResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class Simulation:
    root: Path
    db_url: str | None = None
    candidates: int = 60
    report: Callable[[StageResult], None] = lambda result: None
    results: list[StageResult] = field(default_factory=list)
    demo: DemoSite | None = None
    upstream: str | None = None  # the platform service's URL; None: seal locally, skip the sync
    register_site: Callable | None = None  # registers the site's public keys with that platform

    def run(self) -> bool:
        stages = [
            (tr("Site, sample package and import"), self.stage_site),
            (tr("Package verification"), self.stage_verify),
            (tr("Staff log-ins"), self.stage_logins),
            (tr("Check-in at the door"), self.stage_checkin),
            (tr("Video recording of the rooms"), lambda: video_stage.run(self.demo)),
            (tr("Theory exam on the terminals"), self.stage_theory),
            (tr("Practical scoring on examiner stations"), self.stage_practical),
            (tr("Results, seal and delivery upstream"), self.stage_results),
            (tr("Audit trail"), self.stage_audit),
        ]
        try:
            for name, stage in stages:
                started = time.perf_counter()
                try:
                    detail, ok = stage(), True
                except (StageFailed, KnownError) as exc:
                    detail, ok = str(exc), False
                result = StageResult(name, ok, detail, time.perf_counter() - started)
                self.results.append(result)
                self.report(result)
                if not ok:
                    break
        finally:
            if self.demo is not None:
                self.demo.site.close()
        return bool(self.results) and all(r.ok for r in self.results) and len(self.results) == len(stages)

    def stage_site(self) -> str:
        self.demo = create_demo_site(self.root, self.db_url, candidates=self.candidates)
        site = self.demo.site
        return tr("site {site} ({url}); package {package} imported, {count} staff accounts ready",
                  site=site.config.site_id, url=site.db.display_url, package=self.demo.package_path.name,
                  count=len(self.demo.credentials))

    def stage_verify(self) -> str:
        service = PackageService(self.demo.site)
        summary = service.verify(self.demo.package_path)
        _check(summary.candidates == self.candidates, f"expected {self.candidates} candidates, got {summary.candidates}")
        tampered = self.root / "tampered.espkg"
        _rewrite_member(self.demo.package_path, tampered, "plan.json", lambda data: data + b" ")
        try:
            service.verify(tampered)
        except PackageError as exc:
            _check(exc.code == "tampered", f"a tampered package was refused for the wrong reason: {exc.code}")
            refused = exc.message
        else:
            raise StageFailed("a tampered package was accepted")
        return tr("genuine package accepted ({candidates} candidates); tampered copy refused: {reason}",
                  candidates=summary.candidates, reason=refused)

    def stage_logins(self) -> str:
        auth = AuthService(self.demo.site)
        for staff_no, (role, secret) in self.demo.credentials.items():
            actor = auth.login(staff_no, secret, role)
            _check(actor.role is role, f"{staff_no} logged in without the role {role}")
        victim, (role, secret) = next((no, cred) for no, cred in self.demo.credentials.items() if no != ADMIN_STAFF_NO)
        for _ in range(MAX_FAILURES):
            _expect_refusal(lambda: auth.login(victim, secret + "x", role))
        _expect_refusal(lambda: auth.login(victim, secret, role))  # locked now, even with the right secret
        admin = auth.login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
        auth.unlock(admin, victim)
        auth.login(victim, secret, role)
        return tr("{count} staff logged in in their roles; {victim} locked after {failures} wrong entries and unlocked by the administrator",
                  count=len(self.demo.credentials), victim=victim, failures=MAX_FAILURES)

    def stage_checkin(self) -> str:
        try:
            return checkin_stage.run(self.demo)
        except checkin_stage.CheckFailed as failed:
            raise StageFailed(str(failed)) from None

    def stage_theory(self) -> str:
        try:
            return theory_stage.run(self.demo, self.root)
        except theory_stage.CheckFailed as failed:
            raise StageFailed(str(failed)) from None

    def stage_practical(self) -> str:
        try:
            return practical_stage.run(self.demo, self.root)
        except practical_stage.CheckFailed as failed:
            raise StageFailed(str(failed)) from None

    def stage_results(self) -> str:
        try:
            return results_stage.run(self.demo, upstream=self.upstream, register_site=self.register_site)
        except results_stage.CheckFailed as failed:
            raise StageFailed(str(failed)) from None

    def stage_audit(self) -> str:
        report = verify_audit(self.demo.site)
        _check(report.ok, f"audit chain broken: {report.problem}")
        _check(report.events > len(self.demo.credentials), "too few audit events were written")
        return tr("{events} events chained and signed; head {hash}", events=report.events, hash=report.head_hash[:16])


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StageFailed(message)


def _expect_refusal(attempt: Callable[[], object]) -> None:
    try:
        attempt()
    except LoginFailed:
        return
    raise StageFailed("a log-in that must be refused was accepted")


def _rewrite_member(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Copy a package, altering one member's bytes but keeping the original signature."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == member else data)


def clean(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
