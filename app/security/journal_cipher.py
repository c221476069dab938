"""Encryption of the candidate terminal's answer journal (AES-256-GCM, one record at a time).

The key is derived with HKDF-SHA256 from the terminal's own secret (its device token, kept on the
terminal's disk) and the candidate's sitting (ticket number and session code), so a journal file
copied to another machine or read under another candidate's sitting does not open. Each record is
sealed separately with the caller's associated data (the journal's file id, the record's sequence
number and its length), so records cannot be altered, swapped or moved without the tag failing.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.security.errors import CryptoError
from app.security.fields import hkdf

NONCE_BYTES = 12
TAG_BYTES = 16
OVERHEAD = NONCE_BYTES + TAG_BYTES


class JournalCipher:
    """Seals and opens journal records for one terminal and one candidate's sitting."""

    def __init__(self, terminal_secret: bytes | str, sitting: str) -> None:
        if isinstance(terminal_secret, str):
            terminal_secret = terminal_secret.encode("utf-8")
        if len(terminal_secret) < 16:
            raise ValueError("the terminal secret is too short to derive a journal key from")
        info = b"examsite terminal journal v1\x00" + sitting.encode("utf-8")
        self._aead = AESGCM(hkdf(bytes(terminal_secret), info))

    def seal(self, plaintext: bytes, associated: bytes) -> bytes:
        """``nonce(12) || ciphertext+tag``."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, bytes(plaintext), bytes(associated))

    def open(self, blob: bytes, associated: bytes) -> bytes:
        blob = bytes(blob)
        if len(blob) < OVERHEAD:
            raise CryptoError()
        try:
            return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], bytes(associated))
        except InvalidTag:
            raise CryptoError() from None
