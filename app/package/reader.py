"""Verifying and opening an exam package: signature, target, digests, then the schema, all in memory.

The order of the checks is the order of trust: the archive's structure and sizes (nothing is
decompressed before that), the issuer's signature over the exact manifest bytes, the target site,
every member against its digest, and only then the JSON inside, which is signed but may still be
wrong. The first failure raises a PackageError whose code says which check failed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from app.domain.package import ExamPackage, PackageSummary, SealedPaper
from app.domain.paper import Paper, PracticalTask
from app.domain.plan import ExamPlan, SessionKind
from app.domain.roster import RosterEntry, StaffMember
from app.i18n import tr
from app.identity import validate_id_number
from app.package import errors
from app.package.archive import PackageArchive
from app.package.errors import Malformed
from app.package.fields import Fields, parse_json
from app.package.limits import DEFAULT_LIMITS, Limits
from app.package.manifest import FORMAT_VERSION, MANIFEST, SIGNATURE, Manifest, declared_version, parse_manifest
from app.package.people_codec import personal_from_bytes, personal_info, roster_from_json, staff_from_json
from app.package.plan_codec import plan_from_json
from app.package.tickets_codec import TICKETS, tickets_from_json, token_matches
from app.package.work_codec import index_from_json, paper_aad, paper_from_json, paper_member, tasks_from_json
from app.security import CryptoError, SiteKeys, SitePublic, fingerprint, open_paper, verify_signature

T = TypeVar("T")
REQUIRED = ("plan.json", "roster.json", "staff.json", "tasks.json", "papers/index.json")
GB11643_TYPES = ("resident", "hmt_residence")


@dataclass(frozen=True)
class _Verified:
    manifest: Manifest
    manifest_sha256: str
    members: dict[str, bytes]
    plan: ExamPlan
    roster: list[tuple[RosterEntry, str]]
    staff: tuple[StaffMember, ...]
    tasks: tuple[PracticalTask, ...]
    index: list[dict]
    summary: PackageSummary


def _decode(member: str, decoder: Callable[[Any], T], data: Any) -> T:
    try:
        return decoder(data)
    except Malformed as problem:
        raise errors.malformed(member, problem.detail) from None


def _read_signed(archive: PackageArchive, site: SitePublic, trusted_issuers: Sequence[bytes]):
    entries, limits = archive.entries, archive.limits
    if MANIFEST not in entries or SIGNATURE not in entries:
        raise errors.unsigned()
    manifest_bytes = archive.read(MANIFEST, limits.max_json_bytes)
    signature = archive.read(SIGNATURE, 1024)
    version = declared_version(manifest_bytes)
    if version is not None and version != FORMAT_VERSION:
        raise errors.unsupported_version(version)
    signer = next((bytes(key) for key in trusted_issuers if verify_signature(bytes(key), signature, manifest_bytes)),
                  None)
    if signer is None:
        raise errors.bad_signature()
    if version is None:
        raise errors.malformed(MANIFEST, tr("the field {field} is missing", field="format_version"))
    manifest = _decode(MANIFEST, parse_manifest, manifest_bytes)
    if manifest.issuer_public != signer:
        raise errors.bad_signature()
    if manifest.site_id != site.site_id or manifest.site_fingerprint != site.fingerprint:
        raise errors.wrong_site(manifest.site_id)
    present = set(entries) - {MANIFEST, SIGNATURE}
    for name in sorted(present ^ set(manifest.members)):
        raise errors.tampered(name)
    members = {}
    for name, entry in sorted(manifest.members.items()):
        if entries[name].file_size != entry.size:
            raise errors.tampered(name)
        data = archive.read(name)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise errors.tampered(name)
        members[name] = data
    return manifest, hashlib.sha256(manifest_bytes).hexdigest(), members


def _json(member: str, members: dict[str, bytes]) -> Fields:
    if member not in members:
        raise errors.malformed(member, tr("this member is missing from the package"))
    return _decode(member, lambda data: Fields(parse_json(data)), members[member])


def _verify(path: Path, site: SitePublic, trusted_issuers: Sequence[bytes], limits: Limits) -> _Verified:
    with PackageArchive(path, limits) as archive:
        manifest, manifest_sha256, members = _read_signed(archive, site, trusted_issuers)
        size = archive.size
    plan = _decode("plan.json", plan_from_json, _json("plan.json", members))
    roster = _decode("roster.json", lambda data: roster_from_json(data, plan), _json("roster.json", members))
    staff = _decode("staff.json", lambda data: staff_from_json(data, plan), _json("staff.json", members))
    tasks = _decode("tasks.json", tasks_from_json, _json("tasks.json", members))
    index = _decode("papers/index.json", index_from_json, _json("papers/index.json", members))
    _check_references(plan, tasks, index)
    if TICKETS in members:
        tokens = _decode(TICKETS, lambda data: tickets_from_json(data, [e for e, _ in roster], plan,
                                                                 manifest.issuer_public), _json(TICKETS, members))
        roster = [(replace(entry, ticket_token=tokens.get(entry.ticket_no)), member) for entry, member in roster]
    expected = set(REQUIRED) | {TICKETS} & set(members) | {member for _, member in roster} | {
        entry["member"] for entry in index}
    for name in sorted(expected - set(members)):
        raise errors.malformed(name, tr("this member is missing from the package"))
    for name in sorted(set(members) - expected):
        raise errors.malformed(name, tr("this member is not part of an exam package"))
    summary = PackageSummary(
        package_id=manifest.package_id, format_version=FORMAT_VERSION,
        issuer_fingerprint=fingerprint(manifest.issuer_public), site_id=manifest.site_id,
        issued_at=manifest.issued_at, plan_code=plan.plan_code, occupation=plan.occupation_name,
        level=int(plan.level), sessions=len(plan.sessions), rooms=len(plan.rooms), candidates=len(roster),
        staff=len(staff), papers=len(index), tasks=len(tasks), size_bytes=size,
    )
    return _Verified(manifest, manifest_sha256, members, plan, roster, staff, tasks, index, summary)


def _check_references(plan: ExamPlan, tasks: Sequence[PracticalTask], index: list[dict]) -> None:
    papers, task_codes = {entry["code"] for entry in index}, {task.code for task in tasks}
    for session in plan.sessions:
        wanted = [session.paper_code] if session.kind is SessionKind.THEORY else list(session.task_codes)
        known = papers if session.kind is SessionKind.THEORY else task_codes
        for code in wanted:
            if code not in known:
                raise errors.malformed("plan.json", tr("session {session} names an unknown paper or task {code}",
                                                       session=session.code, code=code))


def verify_package(path: Path, site: SitePublic, trusted_issuers: Sequence[bytes], *,
                   limits: Limits = DEFAULT_LIMITS) -> PackageSummary:
    """Check a package without the site's private key; raises PackageError with the reason."""
    return _verify(Path(path), site, trusted_issuers, limits).summary


def open_package(path: Path, site: SiteKeys, trusted_issuers: Sequence[bytes], *,
                 limits: Limits = DEFAULT_LIMITS) -> ExamPackage:
    """Verify, then decode everything and unseal the personal data; papers stay sealed."""
    checked = _verify(Path(path), site.public, trusted_issuers, limits)
    package_id = checked.manifest.package_id
    roster = tuple(_unseal_person(entry, member, checked.members[member], package_id, site,
                                  checked.manifest.issuer_public) for entry, member in checked.roster)
    papers = tuple(SealedPaper(code=entry["code"], title=entry["title"], item_count=entry["item_count"],
                               blob=checked.members[entry["member"]]) for entry in checked.index)
    return ExamPackage(summary=checked.summary, manifest_sha256=checked.manifest_sha256, plan=checked.plan,
                       roster=roster, staff=checked.staff, papers=papers, tasks=checked.tasks)


def _unseal_person(entry: RosterEntry, member: str, blob: bytes, package_id: str, site: SiteKeys,
                   issuer_public: bytes) -> RosterEntry:
    try:
        plaintext = site.open_sealed(blob, personal_info(package_id, entry.ticket_no))
    except CryptoError:
        raise errors.malformed(member, tr("it cannot be opened with this site's key")) from None
    id_number, photo, photo_type = _decode(member, lambda data: personal_from_bytes(data, entry.ticket_no), plaintext)
    id_number = id_number.strip().upper()
    valid = validate_id_number(id_number) if entry.id_type in GB11643_TYPES else 0 < len(id_number) <= 40
    if entry.id_type == "hmt_residence" and not id_number.startswith(("81", "82", "83")):
        valid = False
    if not valid:
        raise errors.malformed(member, tr("ticket {ticket} has an invalid ID number", ticket=entry.ticket_no))
    if entry.ticket_token and not token_matches(entry.ticket_token, issuer_public, entry.ticket_no, id_number):
        raise errors.malformed(TICKETS, tr("the QR code of ticket {ticket} is bound to another ID number",
                                           ticket=entry.ticket_no))
    return replace(entry, id_number=id_number, photo=photo, photo_type=photo_type)


def open_sealed_paper(sealed: SealedPaper, package_id: str, site: SiteKeys, exam_password: str) -> Paper:
    """Decrypt a theory paper: WrongExamPassword if the password is wrong, PackageError if altered."""
    member = paper_member(sealed.code)
    try:
        plaintext = open_paper(sealed.blob, site, exam_password, paper_aad(package_id, sealed.code))
    except CryptoError:
        raise errors.tampered(member) from None
    paper = _decode(member, lambda data: paper_from_json(Fields(parse_json(data))), plaintext)
    if paper.code != sealed.code or len(paper.items) != sealed.item_count:
        raise errors.malformed(member, tr("the paper does not match the package's paper index"))
    return paper
