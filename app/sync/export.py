"""The export file for sites without a link (carried on USB): the outbox items in their travelling form.

A ZIP (stored, ZIP64) with the suffix `.essync`:

    export.json    {format: "examsite-sync-export", format_version: 1, site_id, created_at,
                    items: [{idempotency_key, kind, subject, member, size, sha256, upload?}]}
    export.sig     Ed25519 (site) over the exact bytes of export.json
    items/<key>    the sealed results package or sealed file, byte for byte as it would be sent

Each item is what the HTTP delivery sends, with the same idempotency key, so the platform files
it exactly once whether it arrives by USB, by the link, or both. The platform answers with a
receipts file (`examsite-sync-receipts`: the signed receipts) that the site imports.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from app.domain.canonical import canonical_json
from app.errors import KnownError
from app.i18n import tr
from app.security import verify_signature

FORMAT = "examsite-sync-export"
RECEIPTS_FORMAT = "examsite-sync-receipts"
FORMAT_VERSION = 1
MANIFEST, SIGNATURE = "export.json", "export.sig"


class ExportError(KnownError):
    code = "bad_export"


def write_export(out: Path, *, site_id: str, created_at: datetime, items: list[dict],
                 sign: Callable[[bytes], bytes]) -> dict:
    """Write the export file; each item dict has key, kind, subject, path, size, sha256 and meta."""
    entries = []
    for item in items:
        entry = {"idempotency_key": item["key"], "kind": item["kind"], "subject": item["subject"],
                 "member": f"items/{item['key']}", "size": item["size"], "sha256": item["sha256"]}
        if "upload" in item["meta"]:
            entry["upload"] = item["meta"]["upload"]
        entries.append(entry)
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "site_id": site_id, "created_at": created_at,
                "items": entries}
    manifest_bytes = canonical_json(manifest)
    out = Path(out)
    temporary = out.with_name(f".{out.name}.tmp")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.writestr(SIGNATURE, sign(manifest_bytes))
            for item in items:
                with open(item["path"], "rb") as source, archive.open(f"items/{item['key']}", "w",
                                                                      force_zip64=True) as target:
                    shutil.copyfileobj(source, target, 1 << 20)
        temporary.replace(out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return json.loads(manifest_bytes)


@contextmanager
def read_export(path: Path,
                site_signing_public: Callable[[str], bytes | None]) -> Iterator[tuple[dict, zipfile.ZipFile]]:
    """Open an export file and check the site's signature over its manifest."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        raise ExportError(tr("{path} is not an ExamSite export file.", path=path)) from None
    with archive:
        try:
            manifest_bytes, signature = archive.read(MANIFEST), archive.read(SIGNATURE)
            manifest = json.loads(manifest_bytes)
        except (KeyError, ValueError):
            raise ExportError(tr("{path} is not an ExamSite export file.", path=path)) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ExportError(tr("{path} is not an ExamSite export file.", path=path))
        public = site_signing_public(str(manifest.get("site_id")))
        if public is None:
            raise ExportError(tr("Site {site} is not registered with the platform.", site=manifest.get("site_id")))
        if not verify_signature(public, signature, manifest_bytes):
            raise ExportError(tr("The export file is not signed by site {site}.", site=manifest.get("site_id")))
        yield manifest, archive


def receipts_document(site_id: str, receipts: list[dict]) -> bytes:
    return canonical_json({"format": RECEIPTS_FORMAT, "format_version": FORMAT_VERSION, "site_id": site_id,
                           "receipts": receipts})


def read_receipts(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        raise ExportError(tr("{path} is not a receipts file.", path=path)) from None
    if not isinstance(data, dict) or data.get("format") != RECEIPTS_FORMAT \
            or not isinstance(data.get("receipts"), list):
        raise ExportError(tr("{path} is not a receipts file.", path=path))
    return data["receipts"]
