"""What an exam package (考务数据包) holds once verified and opened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.paper import PracticalTask
from app.domain.plan import ExamPlan
from app.domain.roster import RosterEntry, StaffMember


@dataclass(frozen=True)
class SealedPaper:
    """A theory paper as shipped: opaque until the site key and the exam password meet."""

    code: str
    title: str
    item_count: int
    blob: bytes  # the package member papers/<code>.bin as is; decoded by app.package


@dataclass(frozen=True)
class PackageSummary:
    """What `examsite package verify` reports about a good package (no sensitive data)."""

    package_id: str
    format_version: int
    issuer_fingerprint: str
    site_id: str
    issued_at: datetime
    plan_code: str
    occupation: str
    level: int
    sessions: int
    rooms: int
    candidates: int
    staff: int
    papers: int
    tasks: int
    size_bytes: int


@dataclass(frozen=True)
class ExamPackage:
    summary: PackageSummary
    manifest_sha256: str  # digest of the signed manifest: the package's identity in the audit trail
    plan: ExamPlan
    roster: tuple[RosterEntry, ...]
    staff: tuple[StaffMember, ...]
    papers: tuple[SealedPaper, ...]
    tasks: tuple[PracticalTask, ...]
