"""The site host's TLS identity on the LAN, and the proofs that bind it to an enrolment code.

The TLS key is an Ed25519 key derived from the site's keys, and its certificate is self-signed
with fixed fields; Ed25519 signatures are deterministic, so the certificate is the same every
time the host starts and its SHA-256 can be pinned by terminals for good. Nothing here trusts a
certificate authority: a terminal learns the fingerprint at enrolment and from then on talks only
to the host holding that certificate.

Enrolment without trusting the network: the console shows a one-time code. The terminal fetches
the host's certificate without checking it, and sends ``proof = HMAC(K, "enrol" || cert_sha256)``
with ``K = SHA-256("examsite-enrol" || code)``, never the code itself. The host accepts only a
proof made over its own certificate, so a machine in the middle, which must present a different
certificate, cannot relay a working proof; and it never sees the code. The host answers with
``HMAC(K, "host" || cert_sha256 || token)``, so the terminal knows it talks to the host that
issued the code before it keeps the token.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, PrivateFormat
from cryptography.x509.oid import NameOID

from app.security.site_keys import SiteKeys

NOT_BEFORE = datetime(2024, 1, 1, tzinfo=UTC)
NOT_AFTER = datetime(2099, 12, 31, 23, 59, 59, tzinfo=UTC)


@dataclass(frozen=True)
class TlsIdentity:
    certificate_pem: bytes
    certificate_sha256: str  # hex of the DER certificate: what terminals pin

    def private_key_pem(self, keys: SiteKeys, password: bytes) -> bytes:
        """The key as an encrypted PEM for the HTTP server (written to a private file, never kept)."""
        return _tls_key(keys).private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(password))


def _tls_key(keys: SiteKeys) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(keys.derive_secret("lan-tls-key"))


def lan_identity(keys: SiteKeys) -> TlsIdentity:
    key = _tls_key(keys)
    name = x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ExamSite"),
        x509.NameAttribute(NameOID.COMMON_NAME, f"examsite-{keys.public.site_id}"),
    ])
    serial = int.from_bytes(hashlib.sha256(keys.public.signing_public).digest()[:15], "big") | 1
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, None)
    )
    der = certificate.public_bytes(Encoding.DER)
    return TlsIdentity(certificate.public_bytes(Encoding.PEM), hashlib.sha256(der).hexdigest())


def enrolment_key(code: str) -> bytes:
    return hashlib.sha256(b"examsite-enrol" + normalise_code(code).encode("ascii")).digest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def enrolment_proof(key: bytes, certificate_sha256: str) -> str:
    return hmac.new(key, b"enrol" + certificate_sha256.encode("ascii"), hashlib.sha256).hexdigest()


def host_proof(key: bytes, certificate_sha256: str, token: str) -> str:
    return hmac.new(key, b"host" + certificate_sha256.encode("ascii") + token.encode("ascii"),
                    hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("ascii", "replace"), b.encode("ascii", "replace"))
