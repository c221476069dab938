"""Theory papers sealed so that neither the site key alone nor the exam password alone opens them.

Two 32-byte shares make the content key: K1 is random and sealed to the site with HPKE; K2 is
scrypt(exam password). The content key is HKDF-SHA256(K1 || K2, info = label || aad) and the paper
is AES-256-GCM encrypted with `aad` as associated data. A 16-byte check value, another HKDF of
K1 || K2, tells a wrong password from an altered blob. The whole header (parameters, salt, check,
nonce) is bound into the HPKE info, so altering any of it fails as tampering, not as a wrong
password. Layout (docs/exam-package.md, "Sealed papers"):

    magic "ESPAPER\\x01" | log2(n) u8 | r u8 | p u8 | salt 16 | check 16 | nonce 12
    | len(hpke) u16 big-endian | hpke (enc 32 + sealed K1 48) | ciphertext + tag
"""

from __future__ import annotations

import hmac
import secrets
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.security.errors import CryptoError, WrongExamPassword
from app.security.fields import hkdf
from app.security.kdf import PRODUCTION, ScryptParams, scrypt
from app.security.sealing import seal_to
from app.security.site_keys import SiteKeys

MAGIC = b"ESPAPER\x01"
_HEADER = struct.Struct(">8sBBB16s16s12s")
_LENGTH = struct.Struct(">H")


def normalise_exam_password(exam_password: str) -> str:
    """White space is not part of an exam password ("1234 5678" is "12345678")."""
    return "".join(exam_password.split())


def _shares_to_keys(k1: bytes, k2: bytes, aad: bytes) -> tuple[bytes, bytes]:
    material = k1 + k2
    content_key = hkdf(material, b"examsite paper key v1\x00" + aad)
    check = hkdf(material, b"examsite paper check v1\x00" + aad, 16)
    return content_key, check


def _hpke_info(header: bytes, aad: bytes) -> bytes:
    return b"examsite paper v1\x00" + header + aad


def seal_paper(plaintext: bytes, site_encryption_public: bytes, exam_password: str, aad: bytes,
               params: ScryptParams = PRODUCTION) -> bytes:
    params.check()
    k1, salt, nonce = secrets.token_bytes(32), secrets.token_bytes(16), secrets.token_bytes(12)
    k2 = scrypt(normalise_exam_password(exam_password).encode("utf-8"), salt, params)
    content_key, check = _shares_to_keys(k1, k2, aad)
    header = _HEADER.pack(MAGIC, params.n.bit_length() - 1, params.r, params.p, salt, check, nonce)
    sealed_k1 = seal_to(site_encryption_public, k1, _hpke_info(header, aad))
    ciphertext = AESGCM(content_key).encrypt(nonce, bytes(plaintext), aad)
    return header + _LENGTH.pack(len(sealed_k1)) + sealed_k1 + ciphertext


def open_paper(blob: bytes, site: SiteKeys, exam_password: str, aad: bytes) -> bytes:
    """Open a sealed paper: WrongExamPassword if the password is wrong, CryptoError if altered."""
    blob = bytes(blob)
    fixed = _HEADER.size + _LENGTH.size
    if len(blob) < fixed:
        raise CryptoError()
    header = blob[:_HEADER.size]
    magic, log2_n, r, p, salt, check, nonce = _HEADER.unpack(header)
    (hpke_length,) = _LENGTH.unpack(blob[_HEADER.size:fixed])
    if magic != MAGIC or len(blob) < fixed + hpke_length + 16 or log2_n > 30:
        raise CryptoError()
    try:
        params = ScryptParams(2**log2_n, r, p).check()
    except ValueError:
        raise CryptoError() from None
    k1 = site.open_sealed(blob[fixed:fixed + hpke_length], _hpke_info(header, aad))
    k2 = scrypt(normalise_exam_password(exam_password).encode("utf-8"), salt, params)
    content_key, expected = _shares_to_keys(k1, k2, aad)
    if not hmac.compare_digest(expected, check):
        raise WrongExamPassword()
    try:
        return AESGCM(content_key).decrypt(nonce, blob[fixed + hpke_length:], aad)
    except InvalidTag:
        raise CryptoError() from None
