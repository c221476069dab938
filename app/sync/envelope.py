"""The results package envelope: a canonical JSON document signed by the site, sealed to the platform.

    blob = "ESRESULT" 0x01 ‖ uint32-BE length of the header ‖ header ‖ HPKE output
    header = canonical JSON {format, format_version, site_id, plan_code, session_code, created_at,
                             content_sha256, content_size, sealed_size, platform_key}
    HPKE output = seal_to(platform X25519 key, site signature (64) ‖ document,
                          info = "examsite results v1" 0x00 ‖ header)
    site signature = Ed25519 over "examsite results signed v1" 0x00 ‖ header

The header is readable without the platform key (to route and to check sizes) but bound into the
HPKE info, so changing it breaks the opening; the signature covers the header and through
`content_sha256` the document. Pure: no network, no database.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.canonical import canonical_json
from app.errors import KnownError
from app.i18n import tr
from app.security import CryptoError, fingerprint, seal_to, verify_signature

MAGIC = b"ESRESULT\x01"
FORMAT = "examsite-results"
FORMAT_VERSION = 1
INFO = b"examsite results v1\x00"
SIGNED = b"examsite results signed v1\x00"
MAX_HEADER = 64 * 1024
SIGNATURE = 64
OVERHEAD = 32 + 16  # HPKE enc and tag


class EnvelopeError(KnownError):
    code = "bad_envelope"


@dataclass(frozen=True)
class OpenedResults:
    header: dict
    document: dict
    document_bytes: bytes
    signature: bytes


def seal_results(document: Any, *, site_id: str, plan_code: str, session_code: str, created_at: datetime,
                 sign: Callable[[bytes], bytes], platform_encryption_public: bytes) -> bytes:
    """Sign `document` (anything canonical JSON can encode) as the site and seal it to the platform."""
    content = canonical_json(document)
    header = canonical_json({
        "format": FORMAT, "format_version": FORMAT_VERSION, "site_id": site_id, "plan_code": plan_code,
        "session_code": session_code, "created_at": created_at,
        "content_sha256": hashlib.sha256(content).hexdigest(), "content_size": len(content),
        "sealed_size": OVERHEAD + SIGNATURE + len(content), "platform_key": fingerprint(platform_encryption_public),
    })
    signature = sign(SIGNED + header)
    sealed = seal_to(platform_encryption_public, signature + content, INFO + header)
    return MAGIC + struct.pack(">I", len(header)) + header + sealed


def split(blob: bytes) -> tuple[dict, bytes, bytes]:
    """(header, header bytes, HPKE output) of an envelope; EnvelopeError if it is not one."""
    if len(blob) < len(MAGIC) + 4 or not blob.startswith(MAGIC):
        raise EnvelopeError(tr("This is not an ExamSite results package."))
    (length,) = struct.unpack_from(">I", blob, len(MAGIC))
    start = len(MAGIC) + 4
    if length > MAX_HEADER or start + length > len(blob):
        raise EnvelopeError(tr("The results package is damaged."))
    header_bytes = blob[start:start + length]
    try:
        header = json.loads(header_bytes)
    except ValueError:
        raise EnvelopeError(tr("The results package is damaged.")) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT \
            or header.get("format_version") != FORMAT_VERSION or canonical_json(header) != header_bytes:
        raise EnvelopeError(tr("The results package is damaged."))
    sealed = blob[start + length:]
    if len(sealed) != header.get("sealed_size"):
        raise EnvelopeError(tr("The results package is damaged."))
    return header, header_bytes, sealed


def open_results(blob: bytes, open_sealed: Callable[[bytes, bytes], bytes],
                 site_signing_public: Callable[[str], bytes | None]) -> OpenedResults:
    """Decrypt with the platform key and verify the site's signature against its registered key."""
    header, header_bytes, sealed = split(blob)
    public = site_signing_public(str(header.get("site_id")))
    if public is None:
        raise EnvelopeError(tr("Site {site} is not registered with the platform.", site=header.get("site_id")),
                            code="unknown_site")
    try:
        plain = open_sealed(sealed, INFO + header_bytes)
    except CryptoError:
        raise EnvelopeError(tr("The results package was not sealed to this platform or was altered."),
                            code="undecryptable") from None
    signature, content = plain[:SIGNATURE], plain[SIGNATURE:]
    if hashlib.sha256(content).hexdigest() != header["content_sha256"] or len(content) != header["content_size"]:
        raise EnvelopeError(tr("The results package is damaged."))
    if not verify_signature(public, signature, SIGNED + header_bytes):
        raise EnvelopeError(tr("The results package is not signed by site {site}.", site=header["site_id"]),
                            code="bad_signature")
    return OpenedResults(header, json.loads(content), content, signature)
