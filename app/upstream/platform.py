"""The platform's keys and store: registered sites, received results, resumable uploads, packages.

Everything lives under one folder:

    keys/platform-keys.json     Ed25519 (receipts, packages) and X25519 (decryption), under a passphrase
    sites/<site_id>.json        the public keys of registered sites
    results/<key>/              envelope.bin, document.json, receipt.json
    uploads/<key>/              upload.json, data.part (sealed bytes as acknowledged), content.bin, receipt.json
    packages/<package_id>.espkg the exam packages issued

A record exists once its receipt.json exists (written last, atomically), so a crash between
storing and answering leaves either no record or a complete one, and a retry with the same
idempotency key is answered with the same receipt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from app.audit.trail import utc_now
from app.durable import fsync_directory, write_atomically
from app.errors import KnownError
from app.i18n import tr
from app.package import make_sample
from app.security import CryptoError, SigningKey, SiteKeys, SitePublic, open_stream, verify_signature
from app.security.kdf import PRODUCTION, ScryptParams
from app.sync import envelope, export, files
from app.sync.link import PUBLIC_FORMAT
from app.sync.receipt import Receipt, make_receipt

PLATFORM_ID = "PLATFORM"
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_RESULTS = 256 << 20
MAX_UPLOAD = 1 << 40
MAX_CHUNK = 64 << 20


class PlatformError(KnownError):
    """A delivery the platform refuses; `status` is the HTTP status the service answers with."""

    def __init__(self, message: str, *, status: int, code: str = "refused", offset: int | None = None) -> None:
        super().__init__(message, code=code)
        self.status, self.offset = status, offset


class Platform:
    def __init__(self, root: Path, keys: SiteKeys, clock: Callable[[], datetime] = utc_now) -> None:
        self.root, self.keys, self._clock = Path(root), keys, clock
        self._guard = threading.Lock()
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)

    @classmethod
    def open(cls, root: Path, passphrase: str, *, create: bool = True, params: ScryptParams = PRODUCTION,
             clock: Callable[[], datetime] = utc_now) -> Platform:
        """Open the platform folder; with `create`, make its keys the first time."""
        path = Path(root) / "keys" / "platform-keys.json"
        if not path.exists():
            if not create:
                raise KnownError(tr("There is no platform in {path}.", path=root), code="no_platform")
            path.parent.mkdir(parents=True, exist_ok=True)
            SiteKeys.generate(PLATFORM_ID, "Provincial skill-evaluation platform (reference)").save(
                path, passphrase, params)
        return cls(root, SiteKeys.load(path, passphrase), clock)

    def _lock(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks[key]

    # --- identity and sites --------------------------------------------------------------------

    def public_json(self, url: str = "") -> dict:
        public = self.keys.public
        return {"format": PUBLIC_FORMAT, "label": public.site_name, "url": url,
                "signing_public": public.signing_public.hex(), "encryption_public": public.encryption_public.hex(),
                "fingerprint": public.fingerprint, "issuer_public": self.issuer().public_key.hex()}

    def register_site(self, site: SitePublic, *, replace: bool = False) -> None:
        """Register a site's public keys; a different key for a known site needs `replace`."""
        known = self.site(site.site_id)
        if known is not None and known != site and not replace:
            raise PlatformError(tr("Site {site} is already registered with another key.", site=site.site_id),
                                status=409, code="site_rekeyed")
        write_atomically(self.root / "sites" / f"{_safe(site.site_id)}.json",
                         json.dumps(site.to_json(), ensure_ascii=False).encode("utf-8"))

    def site(self, site_id: str) -> SitePublic | None:
        try:
            return SitePublic.from_json(json.loads((self.root / "sites" / f"{_safe(site_id)}.json").read_text("utf-8")))
        except (FileNotFoundError, ValueError):
            return None

    def site_signing_public(self, site_id: str) -> bytes | None:
        site = self.site(site_id)
        return site.signing_public if site else None

    def _receipt(self, **fields) -> Receipt:
        return make_receipt(**fields, received_at=self._clock(), signing_public=self.keys.public.signing_public,
                            sign=self.keys.sign)

    # --- results -------------------------------------------------------------------------------

    def receive_results(self, key: str, blob: bytes) -> tuple[Receipt, bool]:
        """Verify, decrypt and store a results package; (receipt, False) for a repeat of a stored one."""
        _check_key(key)
        if len(blob) > MAX_RESULTS:
            raise PlatformError(tr("The results package is too large."), status=413)
        folder = self.root / "results" / key
        digest = hashlib.sha256(blob).hexdigest()
        with self._lock(key):
            stored = _stored_receipt(folder)
            if stored is not None:
                if stored.fields["sha256"] != digest:
                    raise PlatformError(tr("Idempotency key {key} was used for other content.", key=key),
                                        status=409, code="key_reused")
                return stored, False
            try:
                opened = envelope.open_results(blob, self.keys.open_sealed, self.site_signing_public)
            except envelope.EnvelopeError as exc:
                status = 403 if exc.code in ("unknown_site", "bad_signature") else 422
                raise PlatformError(exc.message, status=status, code=exc.code) from None
            write_atomically(folder / "envelope.bin", blob)
            write_atomically(folder / "document.json", opened.document_bytes)
            receipt = self._receipt(idempotency_key=key, site_id=opened.header["site_id"], kind="results",
                                    sha256=digest, size=len(blob), content_sha256=opened.header["content_sha256"],
                                    record=f"results/{key}")
            write_atomically(folder / "receipt.json", receipt.encoded)
            return receipt, True

    # --- uploads -------------------------------------------------------------------------------

    def create_upload(self, key: str, upload: dict) -> tuple[dict, bool]:
        """Register an upload the site signed; the same request again returns its current state."""
        _check_key(key)
        clean = _upload_fields(key, upload)
        folder = self.root / "uploads" / key
        with self._lock(key):
            existing = _read_json(folder / "upload.json")
            if existing is not None:
                if existing != clean:
                    raise PlatformError(tr("Idempotency key {key} was used for other content.", key=key),
                                        status=409, code="key_reused")
                return self._state(folder, clean), False
            public = self.site_signing_public(clean["site_id"])
            if public is None:
                raise PlatformError(tr("Site {site} is not registered with the platform.", site=clean["site_id"]),
                                    status=403, code="unknown_site")
            if not verify_signature(public, bytes.fromhex(clean["signature"]), files.upload_message(clean)):
                raise PlatformError(tr("The upload is not signed by site {site}.", site=clean["site_id"]),
                                    status=403, code="bad_signature")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "data.part").touch()
            write_atomically(folder / "upload.json", json.dumps(clean, sort_keys=True).encode("utf-8"))
            return self._state(folder, clean), True

    def _state(self, folder: Path, upload: dict) -> dict:
        receipt = _stored_receipt(folder)
        return {"idempotency_key": upload["idempotency_key"], "size": upload["size"], "offset": _size(folder),
                "complete": receipt is not None, "receipt_document": receipt.to_json() if receipt else None}

    def upload_state(self, key: str) -> dict | None:
        folder = self.root / "uploads" / key
        upload = _read_json(folder / "upload.json") if KEY_PATTERN.match(key) else None
        return None if upload is None else self._state(folder, upload)

    def append_chunk(self, key: str, offset: int, data: bytes, chunk_sha256: str) -> int:
        """Append `data` at `offset` (which must be the acknowledged offset); returns the new offset, durable."""
        folder = self.root / "uploads" / key
        with self._lock(key):
            upload = _read_json(folder / "upload.json") if KEY_PATTERN.match(key) else None
            if upload is None:
                raise PlatformError(tr("There is no upload {key}.", key=key), status=404, code="no_upload")
            current = _size(folder)
            if offset != current or _stored_receipt(folder) is not None:
                raise PlatformError(tr("The upload is at byte {offset}.", offset=current), status=409,
                                    code="offset", offset=current)
            if hashlib.sha256(data).hexdigest() != chunk_sha256.lower():
                raise PlatformError(tr("The chunk does not match its SHA-256."), status=422, code="chunk_digest")
            if current + len(data) > upload["size"]:
                raise PlatformError(tr("The chunk goes past the end of the upload."), status=422, code="too_long")
            with open(folder / "data.part", "r+b") as part:
                part.seek(current)
                part.write(data)
                part.flush()
                os.fsync(part.fileno())
            return current + len(data)

    def complete_upload(self, key: str) -> tuple[Receipt, bool]:
        """Check the whole sealed file, decrypt it, check the plaintext and answer with the receipt."""
        folder = self.root / "uploads" / key
        with self._lock(key):
            upload = _read_json(folder / "upload.json") if KEY_PATTERN.match(key) else None
            if upload is None:
                raise PlatformError(tr("There is no upload {key}.", key=key), status=404, code="no_upload")
            stored = _stored_receipt(folder)
            if stored is not None:
                return stored, False
            if _size(folder) != upload["size"]:
                raise PlatformError(tr("The upload is at byte {offset}.", offset=_size(folder)), status=409,
                                    code="offset", offset=_size(folder))
            if _file_sha256(folder / "data.part") != upload["sha256"]:
                os.truncate(folder / "data.part", 0)
                raise PlatformError(tr("The uploaded bytes do not match their SHA-256; the upload starts again."),
                                    status=409, code="upload_digest", offset=0)
            context = files.stream_context(upload["site_id"], upload["kind"], upload["subject"], upload["name"])
            temporary = folder / ".content.tmp"
            try:
                with open(folder / "data.part", "rb") as source, open(temporary, "wb") as target:
                    opened = open_stream(source, target, self.keys.open_sealed, context)
                    target.flush()
                    os.fsync(target.fileno())
            except CryptoError:
                temporary.unlink(missing_ok=True)
                raise PlatformError(tr("The file was not sealed to this platform or was altered."), status=422,
                                    code="undecryptable") from None
            if opened.plain_sha256 != upload["content_sha256"] or opened.plain_size != upload["content_size"]:
                temporary.unlink(missing_ok=True)
                raise PlatformError(tr("The decrypted file does not match its SHA-256."), status=422,
                                    code="content_digest")
            os.replace(temporary, folder / "content.bin")
            fsync_directory(folder)
            receipt = self._receipt(idempotency_key=key, site_id=upload["site_id"], kind=upload["kind"],
                                    sha256=upload["sha256"], size=upload["size"],
                                    content_sha256=upload["content_sha256"], record=f"uploads/{key}")
            write_atomically(folder / "receipt.json", receipt.encoded)
            return receipt, True

    # --- export files carried on USB -----------------------------------------------------------

    def import_export(self, path: Path, chunk: int = 4 << 20) -> list[Receipt]:
        """File every item of a site's export exactly as if it had come over the link; returns the receipts."""
        receipts = []
        with export.read_export(path, self.site_signing_public) as (manifest, archive):
            for entry in manifest["items"]:
                key = str(entry.get("idempotency_key"))
                if entry.get("kind") == "results":
                    receipts.append(self.receive_results(key, archive.read(entry["member"]))[0])
                    continue
                state, _ = self.create_upload(key, entry.get("upload") or {})
                if not state["complete"]:
                    offset = state["offset"]
                    with archive.open(entry["member"]) as source:
                        source.seek(offset)
                        while block := source.read(chunk):
                            offset = self.append_chunk(key, offset, block, hashlib.sha256(block).hexdigest())
                receipts.append(self.complete_upload(key)[0])
        return receipts

    # --- exam packages -------------------------------------------------------------------------

    def issuer(self) -> SigningKey:
        """The key that signs exam packages and tickets (sites pin it at `site init --issuer`)."""
        return SigningKey.from_seed(self.keys.derive_secret("package-issuer"))

    def issue_sample_package(self, site_id: str, *, candidates: int = 60, exam_password: str | None = None,
                             exam_date: date | None = None, seed: int = 0,
                             paper_params: ScryptParams = PRODUCTION) -> dict:
        """Issue a package in the foundation's format (app/package) to a registered site."""
        site = self.site(site_id)
        if site is None:
            raise PlatformError(tr("Site {site} is not registered with the platform.", site=site_id), status=404,
                                code="unknown_site")
        folder = self.root / "packages"
        folder.mkdir(parents=True, exist_ok=True)
        staging = folder / f".issue-{secrets.token_hex(6)}.tmp"
        info = make_sample(site, staging, issuer=self.issuer(), exam_password=exam_password, candidates=candidates,
                           exam_date=exam_date, seed=seed, paper_params=paper_params)
        path = folder / f"{info.package_id}.espkg"
        os.replace(staging, path)
        write_atomically(folder / f"{info.package_id}.json", json.dumps(
            {"package_id": info.package_id, "site_id": site_id, "sha256": _file_sha256(path),
             "size": path.stat().st_size}).encode("utf-8"))
        return {"package_id": info.package_id, "path": path, "exam_password": info.exam_password, "site_id": site_id}

    def packages_for(self, site_id: str) -> list[dict]:
        folder = self.root / "packages"
        found = [json.loads(p.read_bytes()) for p in sorted(folder.glob("*.json"))] if folder.exists() else []
        return [entry for entry in found if entry["site_id"] == site_id]

    def package_path(self, package_id: str) -> Path | None:
        if not re.fullmatch(r"[0-9a-f-]{36}", package_id or ""):
            return None
        path = self.root / "packages" / f"{package_id}.espkg"
        return path if path.exists() else None

    # --- what is stored ------------------------------------------------------------------------

    def records(self) -> list[dict]:
        """Every stored delivery's receipt fields (results and completed uploads)."""
        out = []
        for kind in ("results", "uploads"):
            for folder in sorted((self.root / kind).glob("*")) if (self.root / kind).exists() else []:
                receipt = _stored_receipt(folder)
                if receipt is not None:
                    out.append(receipt.fields)
        return out

    def results_document(self, key: str) -> dict | None:
        return _read_json(self.root / "results" / key / "document.json") if KEY_PATTERN.match(key) else None

    def upload_content(self, key: str) -> Path | None:
        path = self.root / "uploads" / key / "content.bin"
        return path if KEY_PATTERN.match(key) and path.exists() else None


def _safe(name: str) -> str:
    if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", name or ""):
        raise PlatformError(tr("{name} is not a valid site code.", name=name), status=422, code="bad_site")
    return name


def _check_key(key: str) -> None:
    if not KEY_PATTERN.match(key or ""):
        raise PlatformError(tr("The Idempotency-Key header is missing or malformed."), status=400, code="bad_key")


def _upload_fields(key: str, upload: dict) -> dict:
    try:
        clean = {field: upload[field] for field in (*files.UPLOAD_FIELDS, "signature")}
        sizes_ok = all(isinstance(clean[f], int) and not isinstance(clean[f], bool) and 0 <= clean[f] <= MAX_UPLOAD
                       for f in ("size", "content_size"))
        ok = (clean["idempotency_key"] == key and sizes_ok
              and all(isinstance(clean[f], str) for f in ("site_id", "kind", "subject", "name", "signature"))
              and all(re.fullmatch(r"[0-9a-f]{64}", str(clean[f])) for f in ("sha256", "content_sha256"))
              and re.fullmatch(r"[0-9a-f]{128}", clean["signature"]) is not None)
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise PlatformError(tr("The upload record is malformed."), status=422, code="bad_upload")
    _safe(clean["site_id"])
    return clean


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        return None


def _stored_receipt(folder: Path) -> Receipt | None:
    data = _read_json(folder / "receipt.json")
    return None if data is None else Receipt(data["receipt"], bytes.fromhex(data["signature"]))


def _size(folder: Path) -> int:
    try:
        return (folder / "data.part").stat().st_size
    except FileNotFoundError:
        return 0


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
