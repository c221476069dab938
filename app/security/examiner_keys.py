"""An examiner's own Ed25519 key, sealed under their PIN (scrypt + AES-256-GCM).

A sealed key is ``0x01 || log2(n) || r || p || salt(16) || nonce(12) || ciphertext+tag``; the
scrypt parameters travel with it and are checked before use, and the staff number is the
associated data, so a blob copied onto another examiner's row does not open.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.i18n import tr
from app.security.errors import CryptoError
from app.security.kdf import PRODUCTION, ScryptParams, scrypt
from app.security.signing import SigningKey

VERSION = 1
SALT_BYTES = 16
NONCE_BYTES = 12
HEADER = 4 + SALT_BYTES + NONCE_BYTES


class WrongPin(CryptoError):
    code = "wrong_pin"

    def __init__(self) -> None:
        super().__init__(tr("The PIN does not unlock this examiner's signing key."))


def _aad(staff_no: str) -> bytes:
    return b"examsite examiner key v1\x00" + staff_no.encode("utf-8")


def seal_examiner_key(key: SigningKey, pin: str, staff_no: str, params: ScryptParams = PRODUCTION) -> bytes:
    """Encrypt `key`'s seed under `pin` for the examiner `staff_no`."""
    params.check()
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    wrap = scrypt(pin.encode("utf-8"), salt, params)
    header = bytes([VERSION, params.n.bit_length() - 1, params.r, params.p]) + salt + nonce
    return header + AESGCM(wrap).encrypt(nonce, key.seed(), _aad(staff_no))


def open_examiner_key(sealed: bytes, pin: str, staff_no: str) -> SigningKey:
    """The examiner's signing key; WrongPin if the PIN (or the staff number) is not the one it was sealed for."""
    sealed = bytes(sealed)
    if len(sealed) < HEADER + 16 or sealed[0] != VERSION:
        raise CryptoError()
    try:
        params = ScryptParams(n=2 ** sealed[1], r=sealed[2], p=sealed[3]).check()
    except ValueError:
        raise CryptoError() from None
    salt, nonce = sealed[4:4 + SALT_BYTES], sealed[4 + SALT_BYTES:HEADER]
    wrap = scrypt(pin.encode("utf-8"), salt, params)
    try:
        seed = AESGCM(wrap).decrypt(nonce, sealed[HEADER:], _aad(staff_no))
    except InvalidTag:
        raise WrongPin() from None
    return SigningKey.from_seed(seed)
