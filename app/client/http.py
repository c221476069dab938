"""A pinned, keep-alive HTTP client for the LAN API, and device enrolment.

After enrolment a device talks only to the host whose certificate it pinned: the TLS handshake
is checked against that SHA-256 and nothing else (no certificate authority is involved). Plain
HTTP is used only for a host on loopback. Every call has a timeout; failures come back as two
kinds the caller can act on: `LanRefused` (the host answered no: show the sentence) and
`LanUnreachable` (no answer: keep working offline and try again).
"""

from __future__ import annotations

import hashlib
import socket
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from app.errors import KnownError
from app.i18n import language, tr
from app.security.tls import enrolment_key, enrolment_proof, host_proof, same

DEFAULT_TIMEOUT = 5.0


class LanRefused(KnownError):
    """The host answered with a refusal (4xx): `message` is its sentence for the person."""

    def __init__(self, message: str, *, status: int, code: str) -> None:
        super().__init__(message, code=code)
        self.status = status


class LanUnreachable(KnownError):
    """No usable answer: network down, timeout, host restarting or failing (5xx)."""

    code = "unreachable"


class _PinnedAdapter(HTTPAdapter):
    def __init__(self, fingerprint: str, **kwargs: Any) -> None:
        self._fingerprint = fingerprint
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(assert_fingerprint=self._fingerprint, assert_hostname=False, cert_reqs="CERT_NONE")
        super().init_poolmanager(*args, **kwargs)

    def cert_verify(self, conn, url, verify, cert) -> None:  # the pin replaces CA verification
        conn.cert_reqs = "CERT_NONE"
        conn.ca_certs = None


def _https(base_url: str) -> bool:
    return urlsplit(base_url).scheme == "https"


class LanClient:
    def __init__(self, base_url: str, *, device_token: str | None = None, pinned_sha256: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_token = device_token
        self.timeout = timeout
        self._session = requests.Session()
        self._session.trust_env = False  # a LAN host is never reached through a proxy
        if _https(self.base_url):
            if not pinned_sha256:
                raise KnownError(tr("A TLS connection to the site host needs its pinned certificate: enrol again."),
                                 code="no_pin")
            self._session.mount("https://", _PinnedAdapter(pinned_sha256))
            self._session.verify = False

    def close(self) -> None:
        self._session.close()

    def get(self, path: str, params: dict | None = None, headers: dict | None = None,
            timeout: float | None = None) -> Any:
        return self._call("GET", path, params=params, headers=headers, timeout=timeout)

    def post(self, path: str, body: Any = None, headers: dict | None = None, timeout: float | None = None) -> Any:
        return self._call("POST", path, json=body, headers=headers, timeout=timeout)

    def put(self, path: str, body: Any = None, headers: dict | None = None, timeout: float | None = None) -> Any:
        return self._call("PUT", path, json=body, headers=headers, timeout=timeout)

    def _call(self, method: str, path: str, *, headers: dict | None, timeout: float | None, **kwargs: Any) -> Any:
        sent = {"Accept-Language": "en" if language() == "en" else "zh-CN"}
        if self.device_token:
            sent["Authorization"] = f"Bearer {self.device_token}"
        sent.update(headers or {})
        try:
            response = self._session.request(method, self.base_url + path, headers=sent,
                                             timeout=timeout or self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise LanUnreachable(tr("The site host cannot be reached ({detail}).",
                                    detail=type(exc).__name__)) from exc
        if response.status_code >= 500:
            raise LanUnreachable(tr("The site host cannot answer right now ({status}).",
                                    status=response.status_code))
        try:
            data = response.json() if response.content else None
        except ValueError as exc:
            raise LanUnreachable(tr("The site host sent an answer that is not JSON.")) from exc
        if response.status_code >= 400:
            message = data.get("message") if isinstance(data, dict) else None
            code = data.get("error") if isinstance(data, dict) else None
            raise LanRefused(message or tr("The site host refused ({status}).", status=response.status_code),
                             status=response.status_code, code=code or "refused")
        return data


@dataclass(frozen=True)
class Enrolment:
    """What a device keeps after enrolling: where the host is, who it is, and the device's token."""

    base_url: str
    device_id: int
    kind: str
    room_code: str | None
    token: str
    pinned_sha256: str | None  # None only for a loopback host over plain HTTP
    site_id: str


def presented_certificate(base_url: str, timeout: float = DEFAULT_TIMEOUT) -> str:
    """The SHA-256 of the certificate the host presents, read from the handshake without trusting it."""
    parts = urlsplit(base_url)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((parts.hostname, parts.port or 443), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=parts.hostname) as tls:
            der = tls.getpeercert(binary_form=True)
    except OSError as exc:
        raise LanUnreachable(tr("The site host cannot be reached ({detail}).", detail=type(exc).__name__)) from exc
    return hashlib.sha256(der).hexdigest()


def enrol(base_url: str, code: str, name: str, *, timeout: float = DEFAULT_TIMEOUT) -> Enrolment:
    """Enrol this device with the one-time code the console shows (see app/security/tls.py)."""
    base_url = base_url.rstrip("/")
    if _https(base_url):
        fingerprint = presented_certificate(base_url, timeout)
    else:
        fingerprint = LanClient(base_url, timeout=timeout).get("/api/v1/health")["certificate_sha256"]
    key = enrolment_key(code)
    client = LanClient(base_url, pinned_sha256=fingerprint if _https(base_url) else None, timeout=timeout)
    try:
        answer = client.post("/api/v1/enrol", {"proof": enrolment_proof(key, fingerprint), "name": name})
    finally:
        client.close()
    if not same(answer.get("host_proof", ""), host_proof(key, fingerprint, answer.get("token", ""))):
        raise KnownError(tr("The computer that answered is not the site host that issued this code: "
                            "enrolment stopped. Tell the site administrator."), code="host_proof")
    return Enrolment(base_url, answer["device_id"], answer["kind"], answer["room_code"], answer["token"],
                     fingerprint if _https(base_url) else None, answer["site_id"])
