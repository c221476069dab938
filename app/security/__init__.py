"""Keys, signatures, sealing and secrets: the only package that imports `cryptography`.

- signing: Ed25519 `SigningKey`, `verify_signature`, `fingerprint`
- sealing: HPKE `seal_to` (the site opens with `SiteKeys.open_sealed`)
- site_keys: the site's identity (`SitePublic`, `SiteKeys`) and its passphrase-protected key file
- fields: `FieldCipher` for sensitive columns at rest
- journal_cipher: `JournalCipher`, the candidate terminal's answer journal
- passwords: `hash_secret` / `verify_secret` for staff secrets
- examiner_keys: `seal_examiner_key` / `open_examiner_key`, an examiner's key under their PIN
- papers: `seal_paper` / `open_paper`, which need both the site key and the exam password
- stream_cipher: `StreamSealer` / `open_stream`, large files sealed in AES-256-GCM chunks to a public key
"""

from app.security.errors import CryptoError, WrongExamPassword, WrongPassphrase
from app.security.examiner_keys import WrongPin, open_examiner_key, seal_examiner_key
from app.security.fields import FieldCipher
from app.security.journal_cipher import JournalCipher
from app.security.kdf import FAST_FOR_TESTS, PRODUCTION, ScryptParams
from app.security.papers import normalise_exam_password, open_paper, seal_paper
from app.security.passwords import hash_secret, needs_rehash, verify_secret
from app.security.sealing import seal_to
from app.security.signing import SigningKey, fingerprint, verify_signature
from app.security.site_keys import SiteKeys, SitePublic
from app.security.stream_cipher import StreamDigest, StreamSealer, open_stream

__all__ = [
    "FAST_FOR_TESTS",
    "PRODUCTION",
    "CryptoError",
    "FieldCipher",
    "JournalCipher",
    "ScryptParams",
    "SigningKey",
    "SiteKeys",
    "SitePublic",
    "StreamDigest",
    "StreamSealer",
    "WrongExamPassword",
    "WrongPassphrase",
    "WrongPin",
    "fingerprint",
    "hash_secret",
    "needs_rehash",
    "normalise_exam_password",
    "open_examiner_key",
    "open_paper",
    "open_stream",
    "seal_examiner_key",
    "seal_paper",
    "seal_to",
    "verify_secret",
    "verify_signature",
]
