"""The site's identity: who it is (SitePublic) and the secrets only it holds (SiteKeys).

The key file is JSON. The public parts are in clear so that `load_public` needs no passphrase;
the private parts (Ed25519 seed, X25519 private key, data key) are encrypted with AES-256-GCM
under a key derived from the passphrase with scrypt, the public parts being the associated data.
A separate check value tells a wrong passphrase from a damaged file.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from app.domain.canonical import canonical_json
from app.durable import write_atomically
from app.i18n import tr
from app.security.errors import CryptoError, WrongPassphrase
from app.security.fields import FieldCipher, hkdf
from app.security.kdf import PRODUCTION, ScryptParams, scrypt
from app.security.sealing import open_with
from app.security.signing import fingerprint, raw_public, raw_seed

FILE_FORMAT = "examsite-site-keys"
FILE_VERSION = 1


@dataclass(frozen=True)
class SitePublic:
    site_id: str
    site_name: str
    signing_public: bytes
    encryption_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)

    def to_json(self) -> dict:
        return {"site_id": self.site_id, "site_name": self.site_name,
                "signing_public": self.signing_public.hex(), "encryption_public": self.encryption_public.hex()}

    @classmethod
    def from_json(cls, d: dict) -> SitePublic:
        try:
            public = cls(str(d["site_id"]), str(d["site_name"]), bytes.fromhex(d["signing_public"]),
                         bytes.fromhex(d["encryption_public"]))
        except (KeyError, TypeError, ValueError):
            raise CryptoError(tr("The site's public key record is damaged.")) from None
        if len(public.signing_public) != 32 or len(public.encryption_public) != 32:
            raise CryptoError(tr("The site's public key record is damaged."))
        return public


class SiteKeys:
    """The site's Ed25519 signing key, X25519 encryption key and 32-byte data key."""

    def __init__(self, site_id: str, site_name: str, signing: Ed25519PrivateKey, encryption: X25519PrivateKey,
                 data_key: bytes) -> None:
        self._signing, self._encryption, self._data_key = signing, encryption, bytes(data_key)
        self._public = SitePublic(
            site_id, site_name, raw_public(signing),
            encryption.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
        )

    @classmethod
    def generate(cls, site_id: str, site_name: str) -> SiteKeys:
        return cls(site_id, site_name, Ed25519PrivateKey.generate(), X25519PrivateKey.generate(),
                   secrets.token_bytes(32))

    @property
    def public(self) -> SitePublic:
        return self._public

    def sign(self, data: bytes) -> bytes:
        return self._signing.sign(bytes(data))

    def open_sealed(self, blob: bytes, info: bytes) -> bytes:
        """Open what `seal_to(self.public.encryption_public, …, info)` produced; CryptoError on failure."""
        return open_with(self._encryption, blob, info)

    def field_cipher(self) -> FieldCipher:
        return FieldCipher(self._data_key)

    def derive_secret(self, purpose: str) -> bytes:
        """32 bytes for one named purpose (e.g. the LAN TLS key), stable for the life of the site."""
        return hkdf(self._data_key, b"examsite/derived/" + purpose.encode("utf-8"))

    def _private_json(self) -> bytes:
        return canonical_json({
            "signing_seed": raw_seed(self._signing).hex(),
            "encryption_private": self._encryption.private_bytes(Encoding.Raw, PrivateFormat.Raw,
                                                                 NoEncryption()).hex(),
            "data_key": self._data_key.hex(),
        })

    def save(self, path: Path, passphrase: str, params: ScryptParams = PRODUCTION) -> None:
        """Write the key file atomically (temporary file, fsync, rename), readable by the owner only."""
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        derived = scrypt(passphrase.encode("utf-8"), salt, params, 64)
        public = self._public.to_json()
        sealed = AESGCM(derived[:32]).encrypt(nonce, self._private_json(), canonical_json(public))
        document = {
            "format": FILE_FORMAT, "version": FILE_VERSION, "public": public,
            "fingerprint": self._public.fingerprint,
            "kdf": {"name": "scrypt", "n": params.n, "r": params.r, "p": params.p, "salt": _b64(salt)},
            "check": _check_value(derived).hex(), "nonce": _b64(nonce), "private": _b64(sealed),
        }
        write_atomically(Path(path), json.dumps(document, indent=2, sort_keys=True).encode("utf-8"), mode=0o600)

    @classmethod
    def load(cls, path: Path, passphrase: str) -> SiteKeys:
        """Read and unlock the key file: WrongPassphrase if the passphrase is wrong, CryptoError if damaged."""
        document = _read_document(Path(path))
        public = SitePublic.from_json(document.get("public") or {})
        try:
            kdf = document["kdf"]
            if kdf["name"] != "scrypt":
                raise ValueError("unknown kdf")
            params = ScryptParams(kdf["n"], kdf["r"], kdf["p"]).check()
            salt, nonce = _unb64(kdf["salt"]), _unb64(document["nonce"])
            check, sealed = bytes.fromhex(document["check"]), _unb64(document["private"])
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise _damaged(path) from None
        derived = scrypt(passphrase.encode("utf-8"), salt, params, 64)
        if not hmac.compare_digest(_check_value(derived), check):
            raise WrongPassphrase()
        try:
            private = json.loads(AESGCM(derived[:32]).decrypt(nonce, sealed, canonical_json(public.to_json())))
            keys = cls(public.site_id, public.site_name,
                       Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private["signing_seed"])),
                       X25519PrivateKey.from_private_bytes(bytes.fromhex(private["encryption_private"])),
                       bytes.fromhex(private["data_key"]))
        except (InvalidTag, KeyError, TypeError, ValueError):
            raise _damaged(path) from None
        if keys.public != public:
            raise _damaged(path)
        return keys

    @staticmethod
    def load_public(path: Path) -> SitePublic:
        """The site's public identity from its key file; no passphrase needed."""
        return SitePublic.from_json(_read_document(Path(path)).get("public") or {})

    def change_passphrase(self, path: Path, new_passphrase: str, params: ScryptParams = PRODUCTION) -> None:
        """Re-encrypt the key file under a new passphrase (the keys themselves do not change)."""
        self.save(path, new_passphrase, params)


def _check_value(derived: bytes) -> bytes:
    return hkdf(derived[32:], b"examsite key file passphrase check v1", 16)


def _damaged(path) -> CryptoError:
    return CryptoError(tr("The site key file {path} is damaged.", path=path))


def _read_document(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CryptoError(tr("There is no site key file at {path}.", path=path), code="no_key_file") from None
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise _damaged(path) from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT or document.get("version") != FILE_VERSION:
        raise _damaged(path)
    return document


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
