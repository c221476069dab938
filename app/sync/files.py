"""Large files (video segments, exports) as they travel: sealed streams plus a signed upload record.

The file is sealed with `StreamSealer` to the platform; the context bound into the seal is
canonical JSON {site_id, kind, subject, name}. The upload record says what the platform must
end up holding and is signed by the site:

    upload = {idempotency_key, site_id, kind, subject, name, size, sha256 (sealed bytes),
              content_size, content_sha256 (plaintext)}
    signature = Ed25519 (site) over "examsite upload v1" 0x00 ‖ canonical_json(upload)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app.domain.canonical import canonical_json
from app.durable import fsync_directory
from app.security import StreamDigest, StreamSealer

SIGNED = b"examsite upload v1\x00"
UPLOAD_FIELDS = ("idempotency_key", "site_id", "kind", "subject", "name", "size", "sha256", "content_size",
                 "content_sha256")


def stream_context(site_id: str, kind: str, subject: str, name: str) -> bytes:
    return canonical_json({"site_id": site_id, "kind": kind, "subject": subject, "name": name})


def upload_message(upload: dict) -> bytes:
    return SIGNED + canonical_json({field: upload[field] for field in UPLOAD_FIELDS})


def seal_file(source: Path, target: Path, *, platform_encryption_public: bytes, site_id: str, kind: str,
              subject: str, name: str, chunk_size: int | None = None) -> StreamDigest:
    """Seal `source` into `target` durably (temporary file, fsync, rename); memory stays flat."""
    sealer = StreamSealer(platform_encryption_public, stream_context(site_id, kind, subject, name),
                          **({"chunk_size": chunk_size} if chunk_size else {}))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with open(source, "rb") as src, open(temporary, "wb") as dst:
            digest = sealer.seal_file(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)
    return digest


def signed_upload(upload: dict, sign: Callable[[bytes], bytes]) -> dict:
    return {**upload, "signature": sign(upload_message(upload)).hex()}
