"""Admission-ticket tokens: authentic ones pass; forged, altered, wrong-session, expired, mismatched ones don't."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.identity.idnumber import make_id_number
from app.identity.tickets import TicketRejected, _b64, _unb64, check_ticket, issue_ticket, read_ticket
from app.security import SigningKey

ISSUER = SigningKey.from_seed(b"\x11" * 32)
STRANGER = SigningKey.from_seed(b"\x22" * 32)
ID = make_id_number("320102", datetime(1990, 5, 17).date(), 123)
START = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
END = START + timedelta(hours=8)


def ticket(signer=ISSUER, **overrides) -> str:
    values = dict(ticket_no="263200140101", plan_code="KH32", sessions=["PR1", "TH1"], id_number=ID,
                  valid_from=START - timedelta(days=30), valid_until=END)
    values.update(overrides)
    return issue_ticket(signer, **values)


def rejection(token, **check) -> str:
    with pytest.raises(TicketRejected) as caught:
        claims = read_ticket(token, [ISSUER.public_key])
        check_ticket(claims, **{"plan_code": "KH32", "session_code": "TH1", "now": START, **check})
    return caught.value.code


def test_an_authentic_ticket_admits_its_holder():
    claims = read_ticket(ticket(), [STRANGER.public_key, ISSUER.public_key])
    check_ticket(claims, plan_code="KH32", session_code="TH1", now=START, id_number=ID.lower())
    assert claims.ticket_no == "263200140101" and claims.issuer_fingerprint == ISSUER.fingerprint
    assert len(ticket()) < 400  # fits a QR code that a phone-grade camera reads at the desk


def test_each_refusal_has_its_reason():
    assert rejection(ticket(STRANGER)) == "forged"
    assert rejection(ticket(), session_code="XX9") == "other_session"
    assert rejection(ticket(), plan_code="OTHER") == "other_session"
    assert rejection(ticket(), now=END + timedelta(minutes=1)) == "expired"
    assert rejection(ticket(), now=START - timedelta(days=31)) == "not_yet_valid"
    assert rejection(ticket(), id_number=make_id_number("320102", datetime(1990, 5, 17).date(), 125)) == "id_mismatch"
    assert rejection("https://example.invalid/qr") == "malformed"
    assert rejection("ES1.@@@.###") == "malformed"


def test_an_altered_payload_is_caught():
    prefix, payload, signature = ticket().split(".")
    changed = _unb64(payload).replace(b"263200140101", b"263200140102")
    assert rejection(".".join([prefix, _b64(changed), signature])) == "altered"


@given(st.data())
def test_any_changed_character_is_refused(data):
    token = ticket()
    index = data.draw(st.integers(4, len(token) - 1))
    replacement = data.draw(st.sampled_from("ABCDEFGHabcdefgh0123456789-_"))
    if token[index] == replacement:
        return
    mutated = token[:index] + replacement + token[index + 1:]
    try:
        claims = read_ticket(mutated, [ISSUER.public_key])
    except TicketRejected:
        return
    # base64 padding bits can absorb a change of the last character: then the bytes are identical
    assert claims == read_ticket(token, [ISSUER.public_key])
