"""tickets.json: the admission tickets' signed QR payloads, one per candidate (optional member).

The issuer signs each ticket with the same key as the package, so a site can print tickets that
any desk verifies against the pinned issuer key. See app/identity/tickets.py for the token.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from app.domain.plan import ExamPlan
from app.domain.roster import RosterEntry
from app.i18n import tr
from app.identity.tickets import TicketRejected, id_digest, issue_ticket, read_ticket
from app.package.errors import Malformed
from app.package.fields import Fields
from app.security import SigningKey

TICKETS = "tickets.json"
PRINTED_AHEAD = timedelta(days=30)


def validity(plan: ExamPlan) -> tuple[datetime, datetime]:
    """Tickets are valid from a month before the first session until the last session ends."""
    starts = min(session.starts_at for session in plan.sessions)
    ends = max(session.ends_at for session in plan.sessions)
    return starts - PRINTED_AHEAD, ends


def make_tokens(issuer: SigningKey, plan: ExamPlan, roster: Sequence[RosterEntry]) -> dict[str, str]:
    valid_from, valid_until = validity(plan)
    return {
        entry.ticket_no: issue_ticket(
            issuer, ticket_no=entry.ticket_no, plan_code=plan.plan_code,
            sessions=sorted({seat.session_code for seat in entry.seats}), id_number=entry.id_number,
            valid_from=valid_from, valid_until=valid_until,
        )
        for entry in roster
    }


def tickets_to_json(tokens: dict[str, str]) -> dict:
    return {"tickets": [{"ticket_no": ticket, "token": tokens[ticket]} for ticket in sorted(tokens)]}


def tickets_from_json(data: Fields, roster: Sequence[RosterEntry], plan: ExamPlan, issuer_public: bytes) -> dict[str, str]:
    """Every token must be the package issuer's, for a candidate of this roster and plan."""
    by_ticket = {entry.ticket_no: entry for entry in roster}
    tokens: dict[str, str] = {}
    for item in data.objects("tickets"):
        ticket = item.text("ticket_no", code=True)
        token = item.text("token", max_length=2000)
        entry = by_ticket.get(ticket)
        if entry is None or ticket in tokens:
            raise Malformed(tr("ticket {ticket} is not on the roster or appears twice", ticket=ticket))
        try:
            claims = read_ticket(token, [issuer_public])
        except TicketRejected as problem:
            raise Malformed(problem.message) from None
        wanted = {seat.session_code for seat in entry.seats}
        if claims.ticket_no != ticket or claims.plan_code != plan.plan_code or not wanted <= set(claims.sessions):
            raise Malformed(tr("the QR code of ticket {ticket} names another candidate, plan or session",
                               ticket=ticket))
        tokens[ticket] = token
    return tokens


def token_matches(token: str, issuer_public: bytes, ticket_no: str, id_number: str) -> bool:
    return read_ticket(token, [issuer_public]).id_digest == id_digest(ticket_no, id_number)
