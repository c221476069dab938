"""The HTTP client of the platform's delivery API (docs/sync.md): results, resumable uploads, receipts.

Every request has connect and read timeouts and carries the item's `Idempotency-Key`. Failures
are sorted into `TransientFailure` (the link, a timeout, 5xx, 429: try again later) and
`PermanentFailure` (the platform refused what we sent, or its receipt does not verify: a person
must look). Uploads ask the platform for its acknowledged offset and continue from there, one
chunk at a time with its SHA-256, so memory stays at one chunk and a cut link costs one chunk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import requests

from app.errors import KnownError
from app.i18n import tr
from app.sync.link import PUBLIC_FORMAT, PlatformLink
from app.sync.receipt import Receipt, ReceiptError, verify_receipt

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
UPLOAD_CHUNK = 4 << 20
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class TransientFailure(Exception):
    """Worth retrying: the platform was unreachable, slow or briefly failing."""


class PermanentFailure(Exception):
    """Retrying the same bytes will not help."""


class UpstreamClient:
    def __init__(self, link: PlatformLink, *, connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT, chunk_size: int = UPLOAD_CHUNK,
                 session: requests.Session | None = None) -> None:
        self.link = link
        self.base = link.url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.chunk_size = chunk_size
        self.http = session or requests.Session()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> UpstreamClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, method: str, path: str, key: str, **kwargs) -> requests.Response:
        headers = {"Idempotency-Key": key, **kwargs.pop("headers", {})}
        try:
            response = self.http.request(method, self.base + path, headers=headers, timeout=self.timeout, **kwargs)
        except requests.Timeout as exc:
            raise TransientFailure(f"timeout: {exc.__class__.__name__}") from exc
        except requests.RequestException as exc:
            raise TransientFailure(f"link: {exc.__class__.__name__}: {exc}") from exc
        if response.status_code in TRANSIENT_STATUS:
            raise TransientFailure(f"HTTP {response.status_code}: {_detail(response)}")
        return response

    def _json(self, response: requests.Response) -> dict:
        try:
            data = response.json()
        except ValueError:
            raise TransientFailure(f"HTTP {response.status_code}: not JSON") from None
        if not isinstance(data, dict):
            raise TransientFailure(f"HTTP {response.status_code}: unexpected answer")
        return data

    def _receipt(self, data: dict, key: str, sha256: str) -> Receipt:
        try:
            return verify_receipt(data.get("receipt_document") or data, self.link.signing_public,
                                  idempotency_key=key, sha256=sha256)
        except ReceiptError as exc:
            raise PermanentFailure(str(exc)) from exc

    def _refused(self, response: requests.Response) -> PermanentFailure:
        return PermanentFailure(f"HTTP {response.status_code}: {_detail(response)}")

    def deliver_results(self, key: str, path: Path, sha256: str) -> Receipt:
        """POST the sealed results package; the platform answers with its receipt (the same one on a retry)."""
        blob = Path(path).read_bytes()
        if hashlib.sha256(blob).hexdigest() != sha256:
            raise PermanentFailure(f"the queued file {path} changed since it was queued")
        response = self._call("POST", "/v1/results", key, data=blob,
                              headers={"Content-Type": "application/octet-stream"})
        if response.status_code not in (200, 201):
            raise self._refused(response)
        return self._receipt(self._json(response), key, sha256)

    def offset(self, key: str) -> int | None:
        """The platform's acknowledged offset of upload `key` (HEAD), or None if it has never heard of it."""
        response = self._call("HEAD", f"/v1/uploads/{key}", key)
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise self._refused(response)
        try:
            return int(response.headers["Upload-Offset"])
        except (KeyError, ValueError):
            raise TransientFailure("HEAD without Upload-Offset") from None

    def upload(self, key: str, path: Path, upload: dict, progress: Callable[[int], None] = lambda _: None) -> Receipt:
        """Create (or find) the upload, send what the platform lacks, then ask it to complete."""
        response = self._call("POST", "/v1/uploads", key, json=upload)
        if response.status_code not in (200, 201):
            raise self._refused(response)
        state = self._json(response)
        if state.get("receipt_document"):
            return self._receipt(state, key, upload["sha256"])
        offset = self.offset(key)
        if offset is None:
            raise TransientFailure("the upload vanished after it was created")
        size = int(upload["size"])
        with open(path, "rb") as source:
            while offset < size:
                source.seek(offset)
                chunk = source.read(min(self.chunk_size, size - offset))
                if not chunk:
                    raise PermanentFailure(f"the queued file {path} is shorter than queued")
                response = self._call("PATCH", f"/v1/uploads/{key}", key, data=chunk, headers={
                    "Content-Type": "application/octet-stream", "Upload-Offset": str(offset),
                    "Chunk-SHA256": hashlib.sha256(chunk).hexdigest()})
                if response.status_code == 409:  # the platform holds a different offset: continue from its
                    offset = int(self._json(response).get("offset", 0))
                    continue
                if response.status_code != 200:
                    raise self._refused(response)
                offset = int(self._json(response)["offset"])
                progress(offset)
        response = self._call("POST", f"/v1/uploads/{key}/complete", key)
        if response.status_code == 409:
            raise TransientFailure(f"the platform is missing bytes: {_detail(response)}")
        if response.status_code not in (200, 201):
            raise self._refused(response)
        return self._receipt(self._json(response), key, upload["sha256"])


def fetch_platform_link(url: str, *, timeout: float = CONNECT_TIMEOUT) -> PlatformLink:
    """The platform's public keys as its service states them (`GET /v1/platform`), as a link to `url`.

    Whoever answers at `url` is believed: compare the fingerprint with the one the platform
    publishes (or pin its key file with `examsite sync configure`) before trusting it.
    """
    try:
        response = requests.get(url.rstrip("/") + "/v1/platform", timeout=(timeout, READ_TIMEOUT))
        response.raise_for_status()
        data = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise KnownError(tr("Cannot read the platform's keys from {url}: {error}", url=url, error=exc),
                         code="platform_keys") from None
    if not isinstance(data, dict) or data.get("format") != PUBLIC_FORMAT:
        raise KnownError(tr("{url} does not answer with a platform's keys.", url=url), code="platform_keys")
    return PlatformLink.from_json({**data, "url": url})


def _detail(response: requests.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(data, dict):
        return str(data.get("message") or data.get("detail") or data)[:300]
    return str(data)[:300]
