"""HPKE (RFC 9180) base mode, X25519 / HKDF-SHA256 / AES-256-GCM: sealing bytes to a public key.

The output is the HPKE encapsulated key (32 bytes) followed by the AEAD ciphertext, as the
`cryptography` package's single-shot `Suite` produces it.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.security.errors import CryptoError

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
ENC_LENGTH = 32
TAG_LENGTH = 16


def seal_to(encryption_public: bytes, plaintext: bytes, info: bytes) -> bytes:
    """Encrypt `plaintext` so that only the holder of the X25519 private key can read it."""
    try:
        public = X25519PublicKey.from_public_bytes(bytes(encryption_public))
    except ValueError:
        raise CryptoError() from None
    return SUITE.encrypt(bytes(plaintext), public, info=bytes(info))


def open_with(private: X25519PrivateKey, blob: bytes, info: bytes) -> bytes:
    """Inverse of `seal_to`; CryptoError if the blob was altered, or sealed to another key or info."""
    if len(blob) < ENC_LENGTH + TAG_LENGTH:
        raise CryptoError()
    try:
        return SUITE.decrypt(bytes(blob), private, info=bytes(info))
    except (InvalidTag, ValueError):
        raise CryptoError() from None
