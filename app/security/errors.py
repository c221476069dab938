"""The security package's known errors: shown to the person at the desk, never as a traceback."""

from __future__ import annotations

from app.errors import KnownError
from app.i18n import tr


class CryptoError(KnownError):
    """Ciphertext, key file or signature material is damaged, altered or not meant for us."""

    code = "crypto"

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message or tr("The encrypted data is damaged or was altered."), code=code)


class WrongPassphrase(KnownError):
    """The passphrase of the site key file is not the right one."""

    code = "wrong_passphrase"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or tr("The site passphrase is not correct."))


class WrongExamPassword(KnownError):
    """The exam password (开考密码) does not open this paper."""

    code = "wrong_exam_password"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or tr("The exam password is not correct for this paper."))
