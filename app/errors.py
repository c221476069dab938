"""Errors the environment or the input causes, as opposed to bugs.

A KnownError is shown to the person at the desk as a clear sentence and never as a traceback;
anything else is a bug and gets a crash report (STYLE.md, "Code").
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure with a stable code and a sentence already in the user's language."""

    code = "known"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class PermissionDenied(KnownError):
    code = "permission"


class NotFound(KnownError):
    code = "not_found"


class InvalidState(KnownError):
    code = "state"


class Throttled(KnownError):
    """Too many attempts in too short a time: the caller must wait (HTTP 429 on the LAN API)."""

    code = "throttled"
