"""The seal's one rule for every writer: a sealed session is read-only."""

from __future__ import annotations

from app.errors import InvalidState
from app.i18n import tr

SEALED = "sealed"


def require_not_sealed(exam_session) -> None:
    """Raise InvalidState if `exam_session` (anything with `.state` and `.code`) has been sealed."""
    if exam_session is not None and getattr(exam_session, "state", None) == SEALED:
        raise InvalidState(tr("Session {session} is sealed: nothing in it can be changed.",
                              session=exam_session.code))
