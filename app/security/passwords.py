"""Hashing staff passwords and PINs with scrypt into a self-describing string.

Format: ``scrypt$<n>$<r>$<p>$<salt base64>$<hash base64>``; the parameters travel with the hash
so that they can be raised later without invalidating stored secrets.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets

from app.security.kdf import PRODUCTION, ScryptParams, scrypt

SALT_BYTES = 16
HASH_BYTES = 32


def hash_secret(secret: str, params: ScryptParams = PRODUCTION) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = scrypt(secret.encode("utf-8"), salt, params, HASH_BYTES)
    return "$".join(("scrypt", str(params.n), str(params.r), str(params.p), _b64(salt), _b64(digest)))


def verify_secret(secret: str, stored: str) -> bool:
    """True if `secret` matches `stored`; False for a wrong secret or an unreadable stored value."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        params = ScryptParams(int(n), int(r), int(p)).check()
        salt_bytes, expected_bytes = base64.b64decode(salt, validate=True), base64.b64decode(expected, validate=True)
    except (ValueError, binascii.Error, AttributeError):
        return False
    if not expected_bytes:
        return False
    actual = scrypt(secret.encode("utf-8"), salt_bytes, params, len(expected_bytes))
    return hmac.compare_digest(actual, expected_bytes)


def needs_rehash(stored: str, params: ScryptParams = PRODUCTION) -> bool:
    """True if `stored` was made with other parameters than `params` (e.g. after raising them)."""
    parts = stored.split("$")
    return len(parts) != 6 or parts[:4] != ["scrypt", str(params.n), str(params.r), str(params.p)]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
