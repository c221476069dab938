"""Admission tickets (准考证): a QR payload signed by the issuer, checked at the door.

A token is ``ES1.<payload>.<signature>`` in base64url. The payload is canonical JSON with the
ticket number, the plan, the sessions it admits to, a digest binding it to the holder's ID
number, a validity window and the first bytes of the issuer's key. The issuer (the provincial
platform) signs it; the site checks it against the pinned issuer keys, so a ticket printed on any
printer is trusted, and an altered or home-made one is refused with a reason.

The digest is a salted SHA-256 of the ID number: it lets the desk confirm that the card and the
ticket belong together without printing the ID number on the ticket. An ID number has little
entropy, so the digest is not a secret-keeper; it is a binding.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from app.domain.canonical import canonical_json
from app.errors import KnownError
from app.i18n import tr
from app.security import SigningKey, fingerprint, verify_signature

PREFIX = "ES1"
SIGNED_CONTEXT = b"examsite ticket v1\x00"
KEY_HINT_HEX = 8


class TicketRejected(KnownError):
    """The ticket does not admit this person here and now; `.code` says why."""

    code = "ticket"


@dataclass(frozen=True)
class TicketClaims:
    ticket_no: str
    plan_code: str
    sessions: tuple[str, ...]
    id_digest: str
    valid_from: datetime
    valid_until: datetime
    issuer_fingerprint: str


def id_digest(ticket_no: str, id_number: str) -> str:
    material = f"examsite-ticket-v1|{ticket_no}|{id_number.strip().upper()}".encode()
    return hashlib.sha256(material).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue_ticket(issuer: SigningKey, *, ticket_no: str, plan_code: str, sessions: Sequence[str], id_number: str,
                 valid_from: datetime, valid_until: datetime) -> str:
    """The issuer's side: a signed token for one candidate."""
    payload = canonical_json({
        "v": 1, "t": ticket_no, "p": plan_code, "s": list(sessions), "d": id_digest(ticket_no, id_number),
        "nb": int(valid_from.timestamp()), "na": int(valid_until.timestamp()),
        "k": issuer.public_key.hex()[:KEY_HINT_HEX],
    })
    return f"{PREFIX}.{_b64(payload)}.{_b64(issuer.sign(SIGNED_CONTEXT + payload))}"


def read_ticket(token: str, trusted_issuers: Sequence[bytes]) -> TicketClaims:
    """Decode and authenticate a token. Raises TicketRejected (malformed, forged or altered)."""
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise TicketRejected(tr("This code is not an ExamSite admission ticket."), code="malformed")
    try:
        payload, signature = _unb64(parts[1]), _unb64(parts[2])
        fields = json.loads(payload)
        key_hint = str(fields["k"])
        claims = TicketClaims(
            ticket_no=str(fields["t"]), plan_code=str(fields["p"]), sessions=tuple(str(s) for s in fields["s"]),
            id_digest=str(fields["d"]), valid_from=datetime.fromtimestamp(int(fields["nb"]), timezone.utc),
            valid_until=datetime.fromtimestamp(int(fields["na"]), timezone.utc), issuer_fingerprint="",
        )
        if fields.get("v") != 1:
            raise ValueError("version")
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError, OverflowError):
        raise TicketRejected(tr("The ticket's code is damaged or incomplete."), code="malformed") from None
    issuers = [key for key in trusted_issuers if key.hex().startswith(key_hint)]
    if not issuers:
        raise TicketRejected(tr("Forged ticket: ticket {ticket} was not issued by a trusted issuer.",
                                ticket=claims.ticket_no), code="forged")
    for key in issuers:
        if verify_signature(key, signature, SIGNED_CONTEXT + payload):
            return replace(claims, issuer_fingerprint=fingerprint(key))
    raise TicketRejected(tr("Altered ticket: the code of ticket {ticket} does not match its signature.",
                            ticket=claims.ticket_no), code="altered")


def check_ticket(claims: TicketClaims, *, plan_code: str, session_code: str, now: datetime,
                 id_number: str | None = None) -> None:
    """Does this authentic ticket admit its holder to `session_code` of `plan_code` at `now`?"""
    if claims.plan_code != plan_code or session_code not in claims.sessions:
        raise TicketRejected(tr("Ticket {ticket} is for another exam or session, not this one.",
                                ticket=claims.ticket_no), code="other_session")
    if now > claims.valid_until:
        raise TicketRejected(tr("Ticket {ticket} has expired.", ticket=claims.ticket_no), code="expired")
    if now < claims.valid_from:
        raise TicketRejected(tr("Ticket {ticket} is not valid yet.", ticket=claims.ticket_no), code="not_yet_valid")
    if id_number is not None and id_digest(claims.ticket_no, id_number) != claims.id_digest:
        raise TicketRejected(tr("The ID card does not belong to the holder of ticket {ticket}.",
                                ticket=claims.ticket_no), code="id_mismatch")


def status_text(code: str) -> str:
    """A ticket status code ("valid", "forged", …) in words for the desk."""
    texts = {
        "valid": tr("valid"),
        "not_scanned": tr("not scanned"),
        "malformed": tr("unreadable code"),
        "forged": tr("forged"),
        "altered": tr("altered"),
        "other_session": tr("for another exam or session"),
        "expired": tr("expired"),
        "not_yet_valid": tr("not valid yet"),
        "id_mismatch": tr("belongs to another ID card"),
    }
    return texts.get(code, code)
