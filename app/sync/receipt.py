"""Receipts: the platform's signed statement that it received and stored one delivery.

    receipt = {format, format_version, idempotency_key, site_id, kind, sha256, size,
               content_sha256, record, received_at, platform_key}
    signature = Ed25519 (platform) over "examsite receipt v1" 0x00 ‖ canonical_json(receipt)
    stored form = canonical_json({"receipt": receipt, "signature": hex})

`sha256`/`size` are of the bytes delivered (the envelope, or the sealed file); `content_sha256`
of what they decrypt to. A retry of the same delivery gets the same stored receipt back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.canonical import canonical_json
from app.errors import KnownError
from app.i18n import tr
from app.security import fingerprint, verify_signature

FORMAT = "examsite-receipt"
FORMAT_VERSION = 1
SIGNED = b"examsite receipt v1\x00"


class ReceiptError(KnownError):
    code = "bad_receipt"


@dataclass(frozen=True)
class Receipt:
    fields: dict
    signature: bytes

    @property
    def encoded(self) -> bytes:
        return canonical_json({"receipt": self.fields, "signature": self.signature.hex()})

    def to_json(self) -> dict:
        return {"receipt": self.fields, "signature": self.signature.hex()}


def make_receipt(*, idempotency_key: str, site_id: str, kind: str, sha256: str, size: int, content_sha256: str,
                 record: str, received_at, signing_public: bytes, sign: Callable[[bytes], bytes]) -> Receipt:
    fields = json.loads(canonical_json({
        "format": FORMAT, "format_version": FORMAT_VERSION, "idempotency_key": idempotency_key, "site_id": site_id,
        "kind": kind, "sha256": sha256, "size": size, "content_sha256": content_sha256, "record": record,
        "received_at": received_at, "platform_key": fingerprint(signing_public),
    }))
    return Receipt(fields, sign(SIGNED + canonical_json(fields)))


def verify_receipt(data: bytes | dict, platform_signing_public: bytes, *, idempotency_key: str,
                   sha256: str | None = None) -> Receipt:
    """Parse and check a receipt: signed by the pinned platform key, about this delivery; else ReceiptError."""
    try:
        document = json.loads(data) if isinstance(data, (bytes, str)) else data
        fields, signature = document["receipt"], bytes.fromhex(document["signature"])
    except (ValueError, KeyError, TypeError):
        raise ReceiptError(tr("The platform's receipt is malformed.")) from None
    if not isinstance(fields, dict) or fields.get("format") != FORMAT:
        raise ReceiptError(tr("The platform's receipt is malformed."))
    if not verify_signature(platform_signing_public, signature, SIGNED + canonical_json(fields)):
        raise ReceiptError(tr("The receipt is not signed by the pinned platform key."), code="receipt_signature")
    if fields.get("idempotency_key") != idempotency_key or (sha256 is not None and fields.get("sha256") != sha256):
        raise ReceiptError(tr("The receipt is about another delivery."), code="receipt_mismatch")
    return Receipt(fields, signature)
