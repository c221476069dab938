"""The examiner station's calls to the practical API (docs/lan-api.md, section Practical).

One method per endpoint over a `LanClient`; the staff token from `login` is kept here and sent
as `X-Staff-Token`. Answers are the decoded JSON the document describes. Failures are the
LanClient's: `LanRefused` (the host said no: show its sentence) and `LanUnreachable` (keep the
change in the outbox and try again).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from app.client.http import LanClient, LanRefused, LanUnreachable

PREFIX = "/api/v1/practical"
STAFF_HEADER = "X-Staff-Token"
SIGN_TIMEOUT = 30.0  # unlocking the key runs scrypt on the host

__all__ = ["LanRefused", "LanUnreachable", "PracticalClient", "instant"]


def instant(text: str | None) -> datetime | None:
    """An ISO-8601 instant from the host as an aware UTC datetime; None stays None."""
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _sheet_path(session_code: str, ticket_no: str, task_code: str) -> str:
    return f"{PREFIX}/sheets/{quote(session_code, safe='')}/{quote(ticket_no, safe='')}/{quote(task_code, safe='')}"


class PracticalClient:
    def __init__(self, lan: LanClient, staff_token: str | None = None) -> None:
        self.lan = lan
        self.staff_token = staff_token

    def close(self) -> None:
        self.lan.close()

    def _headers(self) -> dict[str, str]:
        return {STAFF_HEADER: self.staff_token} if self.staff_token else {}

    def login(self, staff_no: str, pin: str) -> dict[str, Any]:
        answer = self.lan.post(f"{PREFIX}/login", {"staff_no": staff_no, "pin": pin}, timeout=SIGN_TIMEOUT)
        self.staff_token = answer["token"]
        return answer["examiner"]

    def logout(self) -> None:
        try:
            self.lan.post(f"{PREFIX}/logout", {}, headers=self._headers())
        finally:
            self.staff_token = None

    def me(self) -> dict[str, Any]:
        return self.lan.get(f"{PREFIX}/me", headers=self._headers())

    def candidates(self) -> list[dict[str, Any]]:
        return self.lan.get(f"{PREFIX}/candidates", headers=self._headers())

    def photo(self, ticket_no: str) -> bytes:
        answer = self.lan.get(f"{PREFIX}/candidates/{quote(ticket_no, safe='')}/photo", headers=self._headers())
        return base64.b64decode(answer["jpeg"])

    def task(self, session_code: str, task_code: str) -> dict[str, Any]:
        return self.lan.get(f"{PREFIX}/tasks/{quote(session_code, safe='')}/{quote(task_code, safe='')}",
                            headers=self._headers())

    def sheet(self, session_code: str, ticket_no: str, task_code: str) -> dict[str, Any]:
        return self.lan.get(_sheet_path(session_code, ticket_no, task_code), headers=self._headers())

    def save(self, session_code: str, ticket_no: str, task_code: str, entries: Mapping[str, str], note: str = "",
             reason: str = "", outbox_id: str | None = None, seq: int | None = None) -> dict[str, Any]:
        body = {"entries": dict(entries), "note": note, "reason": reason, "outbox_id": outbox_id, "seq": seq}
        return self.lan.put(_sheet_path(session_code, ticket_no, task_code), body, headers=self._headers())

    def applied(self, outbox_id: str) -> int:
        return self.lan.get(f"{PREFIX}/outbox/{quote(outbox_id, safe='')}", headers=self._headers())["applied"]

    def sign(self, session_code: str, ticket_no: str, task_code: str, pin: str,
             strokes: Sequence[Sequence[Sequence[float]]]) -> dict[str, Any]:
        body = {"pin": pin, "strokes": [[list(point) for point in stroke] for stroke in strokes]}
        return self.lan.post(_sheet_path(session_code, ticket_no, task_code) + "/sign", body,
                             headers=self._headers(), timeout=SIGN_TIMEOUT)

    def add_photo(self, session_code: str, ticket_no: str, task_code: str, jpeg: bytes) -> str:
        body = {"jpeg": base64.b64encode(jpeg).decode("ascii")}
        return self.lan.post(_sheet_path(session_code, ticket_no, task_code) + "/photos", body,
                             headers=self._headers())["sha256"]

    def result(self, session_code: str, ticket_no: str, task_code: str) -> dict[str, Any]:
        path = (f"{PREFIX}/results/{quote(session_code, safe='')}/{quote(ticket_no, safe='')}/"
                f"{quote(task_code, safe='')}")
        return self.lan.get(path, headers=self._headers())
