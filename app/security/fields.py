"""Encryption at rest of sensitive columns (ID numbers, photos), and blind indexes to find them.

Two keys are derived from the site's 32-byte data key with HKDF-SHA256, one per purpose, so the
index key never encrypts and the encryption key never indexes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.security.errors import CryptoError

VERSION = b"\x01"
NONCE_BYTES = 12


def hkdf(key_material: bytes, info: bytes, length: int = 32, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key_material)


class FieldCipher:
    """AES-256-GCM per value; the context (e.g. "candidate.id_number") is the associated data.

    A blob is ``0x01 || nonce(12) || ciphertext+tag``; the version byte leaves room for a new
    scheme without guessing.
    """

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != 32:
            raise ValueError("the data key has 32 bytes")
        self._aead = AESGCM(hkdf(data_key, b"examsite field encryption v1"))
        self._index_key = hkdf(data_key, b"examsite blind index v1")

    def encrypt(self, plaintext: bytes, context: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return VERSION + nonce + self._aead.encrypt(nonce, bytes(plaintext), context.encode("utf-8"))

    def decrypt(self, blob: bytes, context: str) -> bytes:
        blob = bytes(blob)
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != VERSION:
            raise CryptoError()
        try:
            return self._aead.decrypt(blob[1:1 + NONCE_BYTES], blob[1 + NONCE_BYTES:], context.encode("utf-8"))
        except InvalidTag:
            raise CryptoError() from None

    def blind_index(self, value: str, context: str) -> str:
        """A keyed digest of `value`: equal values give equal indexes, without revealing the value."""
        message = context.encode("utf-8") + b"\x00" + value.encode("utf-8")
        return hmac.new(self._index_key, message, hashlib.sha256).hexdigest()
