"""Verifying and importing the exam package (考务数据包): all or nothing, audited."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.package import PackageSummary
from app.domain.roles import Role
from app.errors import InvalidState, KnownError
from app.i18n import tr
from app.package import open_package, verify_package
from app.persistence import repositories
from app.services.authz import require
from app.services.site import ADMIN_STAFF_NO, Site

Progress = Callable[[int, int, str], None]


class PackageService:
    def __init__(self, site: Site) -> None:
        self.site = site

    def verify(self, path: Path) -> PackageSummary:
        """Check structure, signature, digests and target site; raises PackageError with a reason."""
        return verify_package(Path(path), self.site.public, self.site.trusted_issuers)

    def import_package(self, actor: Actor, path: Path, progress: Progress | None = None) -> PackageSummary:
        """Verify, decrypt and store a package in one transaction; keep the original file as evidence.

        The file is first copied beside the database and only the copy is read, so what was
        verified is exactly what is kept.
        """
        require(actor, Role.ADMIN)
        report = progress or (lambda done, total, stage: None)
        keys = self.site.require_keys()
        staged = self._stage(Path(path))
        try:
            report(0, 100, tr("Verifying the signature and every member…"))
            package = open_package(staged, keys, self.site.trusted_issuers)
            summary = package.summary
            self._refuse_duplicate(package)
            target = staged.with_name(f"{summary.package_id}.espkg")
            with self.site.db.transaction() as tx:
                repositories.store_package(
                    tx, package, keys.field_cipher(), stored_as=target.name, imported_by=actor.staff_no,
                    imported_at=utc_now(),
                    progress=lambda done, total: report(5 + 85 * done // total, 100, tr("Storing the roster…")),
                )
                report(95, 100, tr("Writing the audit trail…"))
                self.site.audit.record(tx, actor, "package.import", f"package:{summary.package_id}", after={
                    "package_id": summary.package_id,
                    "manifest_sha256": package.manifest_sha256,
                    "issuer": summary.issuer_fingerprint,
                    "plan": package.plan.plan_code,
                    "candidates": summary.candidates,
                    "staff": summary.staff,
                    "papers": summary.papers,
                    "tasks": summary.tasks,
                })
                os.replace(staged, target)
        finally:
            staged.unlink(missing_ok=True)
        report(100, 100, tr("Imported."))
        return summary

    def _refuse_duplicate(self, package) -> None:
        with self.site.db.read() as session:
            if repositories.package_by_id(session, package.summary.package_id) is not None:
                raise InvalidState(tr("This package ({package_id}) has already been imported.",
                                      package_id=package.summary.package_id))
            if repositories.plan_by_code(session, package.plan.plan_code) is not None:
                raise InvalidState(tr("Plan {plan} is already on this site from another package.",
                                      plan=package.plan.plan_code))
            taken = repositories.existing_tickets(session, [entry.ticket_no for entry in package.roster])
            if taken:
                raise InvalidState(tr("Admission ticket {ticket} is already on this site in another plan; "
                                      "{count} tickets of this package clash.", ticket=taken[0], count=len(taken)))
        if any(member.staff_no == ADMIN_STAFF_NO for member in package.staff):
            raise InvalidState(tr("The package lists staff number '{staff_no}', which is reserved for this site's "
                                  "administrator.", staff_no=ADMIN_STAFF_NO))

    def _stage(self, path: Path) -> Path:
        """Copy the package beside the database, fsynced, under a temporary name."""
        folder = self.site.home.packages_dir
        folder.mkdir(parents=True, exist_ok=True)
        staged = folder / f".incoming-{uuid.uuid4().hex}.espkg"
        try:
            with open(path, "rb") as source, open(staged, "wb") as sink:
                shutil.copyfileobj(source, sink, 1 << 20)
                sink.flush()
                os.fsync(sink.fileno())
        except FileNotFoundError:
            staged.unlink(missing_ok=True)
            raise KnownError(tr("There is no file {path}.", path=path), code="no_file") from None
        return staged
