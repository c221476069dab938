"""manifest.json: what the issuer signs — the package's identity, its target and every member's digest."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from app.domain.canonical import canonical_json
from app.package.fields import Fields, parse_json, unique, wrong
from app.package.errors import Malformed
from app.i18n import tr
from app.security import SitePublic, fingerprint

FORMAT = "examsite-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class MemberEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    package_id: str
    issued_at: datetime
    issuer_public: bytes
    site_id: str
    site_fingerprint: str
    members: dict[str, MemberEntry]


def build_manifest(package_id: str, issued_at: datetime, issuer_public: bytes, site: SitePublic,
                   members: dict[str, bytes]) -> bytes:
    return canonical_json({
        "format": FORMAT, "format_version": FORMAT_VERSION, "package_id": package_id, "issued_at": issued_at,
        "issuer": {"public_key": issuer_public.hex(), "fingerprint": fingerprint(issuer_public)},
        "site": {"site_id": site.site_id, "fingerprint": site.fingerprint},
        "members": [{"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for path, data in sorted(members.items())],
    })


def declared_version(data: bytes) -> object:
    """The format_version the manifest claims, read before its signature is checked; None if unreadable."""
    try:
        document = parse_json(data)
    except Malformed:
        return None
    return document.get("format_version") if isinstance(document, dict) else None


def parse_manifest(data: bytes) -> Manifest:
    fields = Fields(parse_json(data))
    if fields.text("format") != FORMAT:
        raise wrong("format")
    package_id = fields.text("package_id", max_length=36)
    try:
        if str(uuid.UUID(package_id)) != package_id:
            raise ValueError(package_id)
    except ValueError:
        raise wrong("package_id") from None
    issuer, site = fields.obj("issuer"), fields.obj("site")
    try:
        issuer_public = bytes.fromhex(issuer.text("public_key", max_length=64))
    except ValueError:
        raise wrong("issuer.public_key") from None
    if len(issuer_public) != 32:
        raise wrong("issuer.public_key")
    members = {}
    for m in fields.objects("members"):
        entry = MemberEntry(path=m.text("path", max_length=300), size=m.integer("size", minimum=0),
                            sha256=m.text("sha256", max_length=64))
        if not HEX64.match(entry.sha256):
            raise wrong(m.path("sha256"))
        members[entry.path] = entry
    unique((m.get("path") for m in fields.items("members")), tr("member"))
    if MANIFEST in members or SIGNATURE in members:
        raise Malformed(tr("the manifest lists itself or its signature"))
    return Manifest(package_id=package_id, issued_at=fields.timestamp("issued_at"), issuer_public=issuer_public,
                    site_id=site.text("site_id", max_length=64), site_fingerprint=site.text("fingerprint"),
                    members=members)
