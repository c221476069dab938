"""The rules of a check-in decision: what counts as a problem, who may admit, when a reason is needed.

Kept apart from the service so the rules read in one place; app.services.checkin re-exports the
names the desk uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import KnownError
from app.i18n import tr
from app.identity.tickets import status_text


class CheckinRefused(KnownError):
    code = "checkin"


class Decision(StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    OVERRIDDEN = "overridden"


class Method(StrEnum):
    TICKET = "ticket"
    ID_CARD = "id_card"
    MANUAL = "manual"


@dataclass(frozen=True)
class Evidence:
    method: Method
    ticket_status: str = "not_scanned"  # "valid", "not_scanned" or a TicketRejected code
    card_id_number: str | None = None  # read from the ID card, when one was read
    face_consent: bool = False
    face_distance: float | None = None
    face_same: bool | None = None
    visual_check: bool = False  # the proctor compared face and photo themselves
    photo_jpeg: bytes | None = None


def problems_with(evidence: Evidence, card_match: bool | None) -> list[str]:
    """What stands between this evidence and a plain confirmation."""
    problems = []
    if evidence.ticket_status not in ("valid", "not_scanned"):
        problems.append(tr("ticket refused: {status}", status=status_text(evidence.ticket_status)))
    if card_match is False:
        problems.append(tr("the ID card is someone else's"))
    if evidence.face_same is False:
        problems.append(tr("the face does not match the roster photo"))
    if evidence.face_same is None and not evidence.visual_check:
        problems.append(tr("identity not checked: no face match and no visual check by the proctor"))
    return problems


def need_reason(reason: str, message: str) -> None:
    if len(reason) < 2:
        raise CheckinRefused(message, code="reason")


def check_admission(actor: Actor, decision: Decision, problems: list[str], late: bool, reason: str,
                     cutoff: datetime) -> None:
    if late and actor.role is not Role.CHIEF_PROCTOR:
        raise CheckinRefused(tr("The late-entry cut-off passed at {time}: only the chief proctor may admit "
                                "a late candidate, with a reason.", time=local_time(cutoff)), code="late")
    if decision is Decision.CONFIRMED and (problems or late):
        detail = "；".join(problems) if problems else tr("late arrival")
        raise CheckinRefused(tr("This cannot simply be confirmed ({problems}): override with a reason, or reject.",
                                problems=detail), code="needs_override")
    if decision is Decision.OVERRIDDEN:
        need_reason(reason, tr("An override needs a reason."))


def local_time(instant: datetime) -> str:
    return instant.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M")
