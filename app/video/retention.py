"""How long session video is kept, and deleting it only when that is allowed (issue 5, item 7).

A session directory may be deleted only when all three hold:
1. it is sealed (a recording still open is never touched);
2. it is archived upstream: an `archive.receipt.json` beside the manifest, signed by a trusted
   platform key, names this session and the exact signed head of its manifest (so a receipt
   for an earlier state, or for another session, does not count);
3. its retention has run out: `video_retention_years` after the seal (the plan's value, never
   fewer than 3 years; a plan asking for fewer is refused).

`decide()` is the pure policy. `RetentionService` lists what it would delete (the dry run) and
deletes with an audit event per session written before the files go. See docs/video-retention.md.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.canonical import canonical_json
from app.domain.roles import Role
from app.errors import InvalidState
from app.i18n import tr
from app.security import verify_signature
from app.services.authz import require
from app.video.manifest import HEAD_FILE, MANIFEST_FILE

MIN_VIDEO_YEARS = 3
DEFAULT_RECORD_YEARS = 5
ARCHIVE_RECEIPT_FILE = "archive.receipt.json"
RECEIPT_FORMAT = "examsite-video-archive-receipt"
LIST_ROLES = (Role.ADMIN, Role.SUPERVISOR)
DELETE_ROLES = (Role.ADMIN,)


@dataclass(frozen=True)
class RetentionPolicy:
    record_retention_years: int = DEFAULT_RECORD_YEARS
    video_retention_years: int = DEFAULT_RECORD_YEARS

    def __post_init__(self) -> None:
        if self.video_retention_years < MIN_VIDEO_YEARS:
            raise InvalidState(tr("Video must be kept at least {minimum} years; the plan asks for {years}.",
                                  minimum=MIN_VIDEO_YEARS, years=self.video_retention_years))
        if self.record_retention_years < 1:
            raise InvalidState(tr("Exam records must be kept at least one year; the plan asks for {years}.",
                                  years=self.record_retention_years))

    @classmethod
    def from_rules(cls, rules: Any) -> RetentionPolicy:
        """From the plan's ExamRules (or its stored JSON)."""
        get = rules.get if isinstance(rules, dict) else lambda key, default: getattr(rules, key, default)
        return cls(int(get("record_retention_years", DEFAULT_RECORD_YEARS)),
                   int(get("video_retention_years", DEFAULT_RECORD_YEARS)))


def add_years(moment: datetime, years: int) -> datetime:
    """The same day and time `years` later (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


# -- the archive receipt --------------------------------------------------------------------------

def receipt_body(directory: Path, archive: str, archived_at: datetime) -> dict[str, Any]:
    """What the platform signs when it has stored this session's video: the session and its signed head."""
    head = json.loads((Path(directory) / HEAD_FILE).read_bytes())
    return {"format": RECEIPT_FORMAT, "session": head["session"], "head": head["head"], "entries": head["entries"],
            "archive": archive, "archived_at": archived_at.astimezone(UTC).isoformat()}


def write_receipt(directory: Path, body: dict[str, Any], signer: bytes, signature: bytes) -> Path:
    """Store the platform's signed receipt beside the manifest (the upstream sync calls this)."""
    from app.durable import write_atomically

    document = {**body, "signer": signer.hex(), "signature": signature.hex()}
    path = Path(directory) / ARCHIVE_RECEIPT_FILE
    write_atomically(path, canonical_json(document) + b"\n")
    return path


def read_receipt(directory: Path, trusted_keys: Iterable[bytes]) -> dict[str, Any] | None:
    """The receipt when it is signed by a trusted key and matches the manifest's current signed head."""
    directory = Path(directory)
    try:
        document = json.loads((directory / ARCHIVE_RECEIPT_FILE).read_bytes())
        head = json.loads((directory / HEAD_FILE).read_bytes())
        body = {key: document[key] for key in ("format", "session", "head", "entries", "archive", "archived_at")}
        signer, signature = bytes.fromhex(document["signer"]), bytes.fromhex(document["signature"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if signer not in {bytes(key) for key in trusted_keys}:
        return None
    if not verify_signature(signer, signature, canonical_json(body)):
        return None
    if (body["format"], body["session"], body["head"], body["entries"]) != (
            RECEIPT_FORMAT, head.get("session"), head.get("head"), head.get("entries")):
        return None
    return body


# -- the pure policy ------------------------------------------------------------------------------

@dataclass(frozen=True)
class RetentionDecision:
    directory: Path
    session: str
    delete: bool
    reason: str
    sealed_at: datetime | None = None
    keep_until: datetime | None = None
    archived_at: str = ""
    bytes: int = 0


def _sealed_at(directory: Path) -> tuple[str, datetime | None]:
    """The session name and the time of its seal entry (None when not sealed)."""
    head = json.loads((directory / HEAD_FILE).read_bytes())
    if not head.get("sealed"):
        return str(head.get("session", directory.name)), None
    lines = (directory / MANIFEST_FILE).read_bytes().rstrip(b"\n").split(b"\n")
    last = json.loads(lines[int(head["entries"]) - 1])
    if last.get("kind") != "seal":
        return str(head.get("session", directory.name)), None
    return str(head["session"]), datetime.fromisoformat(last["at"])


def _size(directory: Path) -> int:
    return sum(file.stat().st_size for file in directory.rglob("*") if file.is_file())


def decide(directory: Path, now: datetime, policy: RetentionPolicy, trusted_keys: Iterable[bytes]) -> RetentionDecision:
    """Whether one session directory may be deleted now, and why (or why not)."""
    directory = Path(directory)
    size = _size(directory)
    try:
        session, sealed_at = _sealed_at(directory)
    except (OSError, ValueError, KeyError, IndexError):
        return RetentionDecision(directory, directory.name, False, tr("Kept: its manifest cannot be read."), bytes=size)
    if sealed_at is None:
        return RetentionDecision(directory, session, False, tr("Kept: the recording is not sealed."), bytes=size)
    keep_until = add_years(sealed_at, policy.video_retention_years)
    receipt = read_receipt(directory, trusted_keys)
    if receipt is None:
        return RetentionDecision(directory, session, False, tr("Kept: not archived upstream yet."),
                                 sealed_at, keep_until, bytes=size)
    if now < keep_until:
        return RetentionDecision(directory, session, False,
                                 tr("Kept until {date} ({years} years after the seal).",
                                    date=keep_until.date().isoformat(), years=policy.video_retention_years),
                                 sealed_at, keep_until, receipt["archived_at"], size)
    return RetentionDecision(directory, session, True,
                             tr("Archived upstream on {date} and out of retention since {until}.",
                                date=receipt["archived_at"][:10], until=keep_until.date().isoformat()),
                             sealed_at, keep_until, receipt["archived_at"], size)


def session_directories(root: Path) -> list[Path]:
    """Every directory under `root` that holds a manifest head (one per session and room)."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(head.parent for head in root.rglob(HEAD_FILE))


# -- the service-side caller ----------------------------------------------------------------------

class RetentionService:
    """Lists and applies retention for the site's video store; deletions are audited first."""

    def __init__(self, site, clock: Callable[[], datetime] = utc_now) -> None:
        self.site = site
        self.clock = clock

    def policy(self) -> RetentionPolicy:
        """The current plan's retention (defaults when no plan is imported)."""
        from app.persistence import repositories

        with self.site.db.read() as session:
            plan = repositories.current_plan(session)
            return RetentionPolicy.from_rules(plan.rules if plan is not None else {})

    def review(self, actor: Actor, root: Path) -> list[RetentionDecision]:
        """The dry run: what would be deleted now, and why everything else is kept."""
        require(actor, *LIST_ROLES)
        policy, now = self.policy(), self.clock()
        return [decide(directory, now, policy, self.site.trusted_issuers) for directory in session_directories(root)]

    def apply(self, actor: Actor, root: Path) -> list[RetentionDecision]:
        """Delete what may be deleted; each deletion is an audit event committed before the files go."""
        require(actor, *DELETE_ROLES)
        deleted = []
        for decision in self.review(actor, root):
            if not decision.delete:
                continue
            with self.site.db.transaction() as tx:
                self.site.audit.record(tx, actor, "video.retention.delete", f"video:{decision.session}", after={
                    "directory": str(decision.directory), "bytes": decision.bytes,
                    "sealed_at": decision.sealed_at.isoformat(), "keep_until": decision.keep_until.isoformat(),
                    "archived_at": decision.archived_at,
                    "manifest_head": json.loads((decision.directory / HEAD_FILE).read_bytes())["head"]})
            shutil.rmtree(decision.directory)
            deleted.append(decision)
        return deleted
