"""The candidate terminal's calls to the theory API (docs/lan-api.md, section Theory).

One method per endpoint over a `LanClient` (device token, pinned TLS, keep-alive). The
candidate's token from `login` is kept here and sent as `X-Candidate-Token`. Answers come back
as the decoded JSON the document describes; instants are turned into aware datetimes by
`instant`. Failures are the LanClient's: `LanRefused` (the host said no) and `LanUnreachable`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from app.client.http import LanClient, LanRefused, LanUnreachable

PREFIX = "/api/v1/theory"
CANDIDATE_HEADER = "X-Candidate-Token"
MAX_BATCH = 200
EVENTS_WAIT = 25

__all__ = ["LanRefused", "LanUnreachable", "TheoryClient", "instant"]


def instant(text: str | None) -> datetime | None:
    """An ISO-8601 instant from the host ("…Z") as an aware UTC datetime; None stays None."""
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class TheoryClient:
    """The theory endpoints for one terminal; `candidate_token` is set by `login` (or by hand)."""

    def __init__(self, lan: LanClient, candidate_token: str | None = None) -> None:
        self.lan = lan
        self.candidate_token = candidate_token

    def close(self) -> None:
        self.lan.close()

    def _candidate(self) -> dict[str, str]:
        return {CANDIDATE_HEADER: self.candidate_token} if self.candidate_token else {}

    # -- device only -----------------------------------------------------------------------
    def login(self, ticket_no: str, id_last6: str) -> dict[str, Any]:
        answer = self.lan.post(f"{PREFIX}/login", {"ticket_no": ticket_no, "id_last6": id_last6})
        self.candidate_token = answer["token"]
        return answer

    def time(self) -> datetime:
        return instant(self.lan.get(f"{PREFIX}/time")["server_now"])

    def leave(self, code: str) -> bool:
        return bool(self.lan.post(f"{PREFIX}/leave", {"code": code})["ok"])

    # -- the candidate's sitting -----------------------------------------------------------
    def me(self) -> dict[str, Any]:
        return self.lan.get(f"{PREFIX}/me", headers=self._candidate())

    def paper(self) -> dict[str, Any]:
        return self.lan.get(f"{PREFIX}/paper", headers=self._candidate())

    def state(self) -> dict[str, Any]:
        return self.lan.get(f"{PREFIX}/state", headers=self._candidate())

    def save(self, saves: list[dict[str, Any]]) -> dict[str, Any]:
        """One batch (at most MAX_BATCH) of saves; a 200 means every one is durable on the host."""
        if len(saves) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} saves per batch")
        return self.lan.put(f"{PREFIX}/answers", {"saves": saves}, headers=self._candidate())

    def submit(self, saves: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        return self.lan.post(f"{PREFIX}/submit", {"saves": saves or []}, headers=self._candidate())

    def receipt(self) -> dict[str, Any]:
        return self.lan.get(f"{PREFIX}/receipt", headers=self._candidate())

    def heartbeat(self, reports: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        return self.lan.post(f"{PREFIX}/heartbeat", {"reports": reports or []}, headers=self._candidate())

    def events(self, after: int, wait: float = EVENTS_WAIT) -> dict[str, Any]:
        """Long poll: returns with the next events after `after`, or empty after `wait` seconds."""
        wait = max(0, min(30, int(wait)))
        return self.lan.get(f"{PREFIX}/events", params={"after": after, "wait": wait}, headers=self._candidate(),
                            timeout=wait + self.lan.timeout)
