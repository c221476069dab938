"""Ed25519 signatures and the human-comparable fingerprint of a public key."""

from __future__ import annotations

import hashlib
import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

SAMPLE_ISSUER_LABEL = b"ExamSite sample issuer - not for real exams"


def fingerprint(public_key: bytes) -> str:
    """A short, stable rendering of a key for people to compare by eye or over the phone.

    The first 128 bits of SHA-256 of the raw key, as eight groups of four hex digits.
    """
    digest = hashlib.sha256(bytes(public_key)).hexdigest()[:32]
    return "SHA256:" + " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def verify_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """True if `signature` is a valid Ed25519 signature of `data` by `public_key`; never raises."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes(public_key)).verify(bytes(signature), bytes(data))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def raw_seed(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


class SigningKey:
    """A plain Ed25519 signer: package issuers, and later examiners."""

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self._public = raw_public(key)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls.from_seed(secrets.token_bytes(32))

    @classmethod
    def from_seed(cls, seed: bytes) -> SigningKey:
        if len(seed) != 32:
            raise ValueError("an Ed25519 seed has 32 bytes")
        return cls(Ed25519PrivateKey.from_private_bytes(bytes(seed)))

    @classmethod
    def sample_issuer(cls) -> SigningKey:
        """The well-known issuer of sample packages; its seed is public, so never trust it for real exams."""
        return cls.from_seed(hashlib.sha256(SAMPLE_ISSUER_LABEL).digest())

    @property
    def public_key(self) -> bytes:
        return self._public

    @property
    def fingerprint(self) -> str:
        return fingerprint(self._public)

    def sign(self, data: bytes) -> bytes:
        return self._key.sign(bytes(data))

    def seed(self) -> bytes:
        return raw_seed(self._key)

    def __repr__(self) -> str:
        return f"SigningKey({self.fingerprint})"
