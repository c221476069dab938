"""Writing a signed exam package: used by the sample maker, the tests and the upstream reference.

Given the same inputs the members are the same bytes, except for the random material of the
crypto (HPKE ephemeral keys, salts, nonces). ZIP entries carry a fixed timestamp and sorted names.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

from app.domain.canonical import canonical_json
from app.domain.paper import Paper, PracticalTask
from app.domain.plan import ExamPlan
from app.domain.roster import RosterEntry, StaffMember
from app.package.manifest import MANIFEST, SIGNATURE, build_manifest
from app.package.people_codec import personal_info, personal_member, personal_to_bytes, roster_to_json, staff_to_json
from app.package.plan_codec import plan_to_json
from app.package.tickets_codec import TICKETS, make_tokens, tickets_to_json
from app.package.work_codec import index_to_json, paper_aad, paper_member, paper_to_json, tasks_to_json
from app.security import PRODUCTION, ScryptParams, SigningKey, SitePublic, seal_paper, seal_to

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def package_members(package_id: str, site: SitePublic, *, plan: ExamPlan, roster: Sequence[RosterEntry],
                    staff: Sequence[StaffMember], tasks: Sequence[PracticalTask],
                    papers: Mapping[str, tuple[Paper, str]], paper_params: ScryptParams = PRODUCTION) -> dict[str, bytes]:
    """Every member except the manifest and its signature, with the sensitive parts sealed to the site."""
    members = {
        "plan.json": canonical_json(plan_to_json(plan)),
        "roster.json": canonical_json(roster_to_json(roster)),
        "staff.json": canonical_json(staff_to_json(staff)),
        "tasks.json": canonical_json(tasks_to_json(tasks)),
        "papers/index.json": canonical_json(index_to_json([paper for paper, _ in papers.values()])),
    }
    for entry in roster:
        members[personal_member(entry.ticket_no)] = seal_to(
            site.encryption_public, personal_to_bytes(entry), personal_info(package_id, entry.ticket_no))
    for code, (paper, exam_password) in papers.items():
        if paper.code != code:
            raise ValueError(f"paper {paper.code} is filed under {code}")
        members[paper_member(code)] = seal_paper(canonical_json(paper_to_json(paper)), site.encryption_public,
                                                 exam_password, paper_aad(package_id, code), paper_params)
    return members


def assemble(path: Path, members: Mapping[str, bytes], *, issuer: SigningKey, site: SitePublic, package_id: str,
             issued_at: datetime) -> None:
    """Add the manifest and the issuer's signature to `members` and write the ZIP atomically."""
    manifest = build_manifest(package_id, issued_at, issuer.public_key, site, dict(members))
    write_zip(path, {**members, MANIFEST: manifest, SIGNATURE: issuer.sign(manifest)})


def write_zip(path: Path, members: Mapping[str, bytes]) -> None:
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temporary, "wb") as handle:
            with zipfile.ZipFile(handle, "w") as archive:
                for name in sorted(members):
                    info = zipfile.ZipInfo(name, ZIP_TIME)
                    info.compress_type = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, members[name])
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def build_package(path: Path, *, plan: ExamPlan, roster: Sequence[RosterEntry], staff: Sequence[StaffMember],
                  tasks: Sequence[PracticalTask], papers: Mapping[str, tuple[Paper, str]], issuer: SigningKey,
                  site: SitePublic, package_id: str | None = None, issued_at: datetime | None = None,
                  paper_params: ScryptParams = PRODUCTION, with_tickets: bool = True) -> str:
    """Write a signed package for `site` at `path`; returns its package id.

    With `with_tickets` the issuer also signs every candidate's admission ticket (tickets.json).

    `papers` maps each paper code to the paper and its exam password (开考密码).
    """
    package_id = package_id or str(uuid.uuid4())
    issued_at = issued_at or datetime.now(timezone.utc)
    members = package_members(package_id, site, plan=plan, roster=roster, staff=staff, tasks=tasks, papers=papers,
                              paper_params=paper_params)
    if with_tickets:
        members[TICKETS] = canonical_json(tickets_to_json(make_tokens(issuer, plan, roster)))
    assemble(path, members, issuer=issuer, site=site, package_id=package_id, issued_at=issued_at)
    return package_id
