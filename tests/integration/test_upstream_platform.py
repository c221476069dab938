"""The platform's store: what it refuses, and that a repeat is answered with the first receipt."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime, timezone

import pytest

from app.security import SiteKeys, StreamSealer
from app.security.kdf import FAST_FOR_TESTS
from app.sync.envelope import seal_results
from app.sync.files import signed_upload, stream_context
from app.upstream.platform import Platform, PlatformError

SITE = SiteKeys.generate("SITE-01", "site")


@pytest.fixture
def platform(tmp_path):
    platform = Platform.open(tmp_path / "platform", "platform-pass", params=FAST_FOR_TESTS)
    platform.register_site(SITE.public)
    return platform


def results_blob(platform, document=None, signer=SITE) -> bytes:
    return seal_results(document or {"results": []}, site_id="SITE-01", plan_code="KH1", session_code="TH1",
                        created_at=datetime.now(timezone.utc), sign=signer.sign,
                        platform_encryption_public=platform.keys.public.encryption_public)


def sealed_upload(platform, key: str, data: bytes, signer=SITE) -> tuple[bytes, dict]:
    sealer = StreamSealer(platform.keys.public.encryption_public, stream_context("SITE-01", "file", "video", "a.ts"),
                          chunk_size=1024)
    out = io.BytesIO()
    digest = sealer.seal_file(io.BytesIO(data), out)
    upload = {"idempotency_key": key, "site_id": "SITE-01", "kind": "file", "subject": "video", "name": "a.ts",
              "size": digest.sealed_size, "sha256": digest.sealed_sha256, "content_size": digest.plain_size,
              "content_sha256": digest.plain_sha256}
    return out.getvalue(), signed_upload(upload, signer.sign)


def refused(call, *args) -> PlatformError:
    with pytest.raises(PlatformError) as caught:
        call(*args)
    return caught.value


def test_results_are_filed_once_per_key(platform):
    blob = results_blob(platform)
    first, created = platform.receive_results("key-00000001", blob)
    again, created_again = platform.receive_results("key-00000001", blob)
    assert created and not created_again and again.encoded == first.encoded
    assert refused(platform.receive_results, "key-00000001", results_blob(platform)).status == 409
    assert refused(platform.receive_results, "bad key", blob).status == 400
    impostor = SiteKeys.generate("SITE-01", "impostor")
    assert refused(platform.receive_results, "key-00000002", results_blob(platform, signer=impostor)).status == 403
    assert len(platform.records()) == 1


def test_uploads_append_only_at_the_acknowledged_offset(platform):
    data = bytes(range(256)) * 40
    sealed, upload = sealed_upload(platform, "upload-0001", data)
    state, created = platform.create_upload("upload-0001", upload)
    assert created and state["offset"] == 0
    assert platform.create_upload("upload-0001", upload) == (state, False)
    assert refused(platform.create_upload, "upload-0001", {**upload, "name": "b.ts"}).status == 409  # key reused
    forged = {**upload, "idempotency_key": "upload-0009", "name": "b.ts"}  # the site never signed this
    assert refused(platform.create_upload, "upload-0009", forged).code == "bad_signature"
    part = sealed[:4000]
    wrong = refused(platform.append_chunk, "upload-0001", 10, part, hashlib.sha256(part).hexdigest())
    assert wrong.status == 409 and wrong.offset == 0
    assert refused(platform.append_chunk, "upload-0001", 0, part, "0" * 64).status == 422
    assert platform.append_chunk("upload-0001", 0, part, hashlib.sha256(part).hexdigest()) == 4000
    assert refused(platform.complete_upload, "upload-0001").status == 409
    rest = sealed[4000:]
    assert platform.append_chunk("upload-0001", 4000, rest, hashlib.sha256(rest).hexdigest()) == len(sealed)
    receipt, created = platform.complete_upload("upload-0001")
    assert created and platform.complete_upload("upload-0001") == (receipt, False)
    assert platform.upload_content("upload-0001").read_bytes() == data


def test_unknown_sites_and_rekeying_are_refused(platform):
    _, upload = sealed_upload(platform, "upload-0002", b"x" * 100, signer=SiteKeys.generate("SITE-01", "other"))
    assert refused(platform.create_upload, "upload-0002", upload).status == 403
    assert refused(platform.register_site, SiteKeys.generate("SITE-01", "other").public).status == 409
    assert refused(platform.create_upload, "upload-0003", {**upload, "idempotency_key": "upload-0003",
                                                           "site_id": "SITE-99"}).status == 403


def test_a_damaged_upload_starts_again(platform):
    sealed, upload = sealed_upload(platform, "upload-0004", b"y" * 5000)
    damaged = bytes([sealed[0] ^ 1]) + sealed[1:]
    platform.create_upload("upload-0004", upload)
    platform.append_chunk("upload-0004", 0, damaged, hashlib.sha256(damaged).hexdigest())
    error = refused(platform.complete_upload, "upload-0004")
    assert error.status == 409 and error.offset == 0 and platform.upload_state("upload-0004")["offset"] == 0
