"""The results envelope and the platform's receipts: sealed, signed, bound to their header."""

from __future__ import annotations

import json
import struct
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from app.security import SigningKey, SiteKeys
from app.sync import envelope
from app.sync.envelope import EnvelopeError, open_results, seal_results
from app.sync.receipt import ReceiptError, make_receipt, verify_receipt

SITE = SiteKeys.generate("SITE-01", "site")
PLATFORM = SiteKeys.generate("PLATFORM", "platform")
AT = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)
DOCUMENT = {"results": [{"ticket_no": "263200140101", "theory": Decimal("88.5"), "passed": True}],
            "audit_head": {"seq": 412, "hash": "ab" * 32}}


def sealed(document=DOCUMENT, signer=SITE) -> bytes:
    return seal_results(document, site_id="SITE-01", plan_code="KH1", session_code="TH1", created_at=AT,
                        sign=signer.sign, platform_encryption_public=PLATFORM.public.encryption_public)


def registered(site_id: str) -> bytes | None:
    return SITE.public.signing_public if site_id == "SITE-01" else None


def test_the_platform_opens_and_verifies_what_the_site_sealed():
    opened = open_results(sealed(), PLATFORM.open_sealed, registered)
    assert opened.document["results"][0]["theory"] == "88.5"
    assert opened.header["site_id"] == "SITE-01" and opened.header["session_code"] == "TH1"
    assert opened.header["content_size"] == len(opened.document_bytes)


def test_the_header_is_readable_but_bound():
    blob = sealed()
    header, header_bytes, _ = envelope.split(blob)
    assert header["created_at"] == "2026-11-23T09:30:00.000000Z"
    altered = json.loads(header_bytes)
    altered["session_code"] = "TH2"
    new_header = json.dumps(altered, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    start = len(envelope.MAGIC) + 4
    forged = envelope.MAGIC + struct.pack(">I", len(new_header)) + new_header + blob[start + len(header_bytes):]
    with pytest.raises(EnvelopeError) as refused:
        open_results(forged, PLATFORM.open_sealed, registered)
    assert refused.value.code == "undecryptable"


def test_refusals():
    blob = sealed()
    with pytest.raises(EnvelopeError):
        open_results(b"PK\x03\x04" + blob, PLATFORM.open_sealed, registered)
    with pytest.raises(EnvelopeError) as unknown:
        open_results(blob, PLATFORM.open_sealed, lambda site_id: None)
    assert unknown.value.code == "unknown_site"
    with pytest.raises(EnvelopeError) as other_platform:
        open_results(blob, SiteKeys.generate("X", "x").open_sealed, registered)
    assert other_platform.value.code == "undecryptable"
    with pytest.raises(EnvelopeError) as impostor:
        open_results(sealed(signer=SiteKeys.generate("SITE-01", "impostor")), PLATFORM.open_sealed, registered)
    assert impostor.value.code == "bad_signature"
    with pytest.raises(EnvelopeError):
        open_results(blob[:-1], PLATFORM.open_sealed, registered)


def receipt(signer=PLATFORM):
    return make_receipt(idempotency_key="k" * 64, site_id="SITE-01", kind="results", sha256="a" * 64, size=10,
                        content_sha256="b" * 64, record="results/x", received_at=AT,
                        signing_public=signer.public.signing_public, sign=signer.sign)


def test_a_receipt_verifies_only_against_the_pinned_key_and_its_delivery():
    good = receipt()
    again = verify_receipt(good.encoded, PLATFORM.public.signing_public, idempotency_key="k" * 64, sha256="a" * 64)
    assert again.fields == good.fields and again.encoded == good.encoded
    with pytest.raises(ReceiptError) as forged:
        verify_receipt(receipt(SiteKeys.generate("P", "p")).encoded, PLATFORM.public.signing_public,
                       idempotency_key="k" * 64)
    assert forged.value.code == "receipt_signature"
    with pytest.raises(ReceiptError) as other:
        verify_receipt(good.encoded, PLATFORM.public.signing_public, idempotency_key="k" * 64, sha256="c" * 64)
    assert other.value.code == "receipt_mismatch"
    tampered = good.to_json()
    tampered["receipt"] = {**tampered["receipt"], "size": 11}
    with pytest.raises(ReceiptError):
        verify_receipt(tampered, PLATFORM.public.signing_public, idempotency_key="k" * 64)
    with pytest.raises(ReceiptError):
        verify_receipt(b"not json", SigningKey.generate().public_key, idempotency_key="k")
