"""The delivery worker: takes due outbox items, delivers them, records receipts or schedules retries.

Retries back off exponentially with full jitter (a random wait between 0 and
min(cap, base·2^(attempt-1))), so many sites coming back after an outage do not knock on the
platform at the same instant. A permanent refusal, a receipt that does not verify, or more than
`max_attempts` attempts put the item in `attention`.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from app.services.outbox import FILE, RESULTS, OutboxService
from app.sync.client import PermanentFailure, TransientFailure, UpstreamClient

BASE_DELAY = 2.0
MAX_DELAY = 600.0
MAX_ATTEMPTS = 20


def backoff(attempt: int, rng: random.Random, base: float = BASE_DELAY, cap: float = MAX_DELAY) -> float:
    """Seconds to wait before attempt `attempt + 1` (full jitter)."""
    return rng.uniform(0.0, min(cap, base * (2 ** max(0, attempt - 1))))


@dataclass
class RunSummary:
    delivered: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"delivered": len(self.delivered), "retrying": len(self.retrying), "attention": len(self.attention)}


class SyncWorker:
    def __init__(self, outbox: OutboxService, client: UpstreamClient, *, rng: random.Random | None = None,
                 max_attempts: int = MAX_ATTEMPTS, base_delay: float = BASE_DELAY, max_delay: float = MAX_DELAY,
                 progress: Callable[[str, int, int], None] | None = None) -> None:
        self.outbox, self.client = outbox, client
        self.rng = rng or random.SystemRandom()
        self.max_attempts, self.base_delay, self.max_delay = max_attempts, base_delay, max_delay
        self._progress = progress

    def run_once(self, *, all_pending: bool = False) -> RunSummary:
        """One pass over the due items (every pending one with `all_pending`: "deliver now")."""
        summary = RunSummary()
        self.outbox.recover()
        for key in self.outbox.due(all_pending=all_pending):
            outcome = self.deliver(key)
            if outcome is not None:
                getattr(summary, outcome).append(key)
        return summary

    def deliver(self, key: str) -> str | None:
        """Attempt one item; returns 'delivered', 'retrying' or 'attention' (None if someone else holds it)."""
        item = self.outbox.claim(key)
        if item is None:
            return None
        try:
            if item.kind == RESULTS:
                receipt = self.client.deliver_results(key, item.path, item.sha256)
            elif "upload" in item.meta:
                receipt = self.client.upload(key, item.path, item.meta["upload"], self._on_progress(key, item.size))
            else:
                raise PermanentFailure(f"unknown outbox kind {item.kind!r} (expected {RESULTS} or {FILE})")
        except TransientFailure as exc:
            if item.attempts >= self.max_attempts:
                self.outbox.failed(key, f"{exc} (after {item.attempts} attempts)", retry_at=None)
                return "attention"
            delay = backoff(item.attempts, self.rng, self.base_delay, self.max_delay)
            self.outbox.failed(key, str(exc), retry_at=self.outbox.now() + timedelta(seconds=delay))
            return "retrying"
        except (PermanentFailure, OSError) as exc:
            self.outbox.failed(key, str(exc), retry_at=None)
            return "attention"
        self.outbox.delivered(key, receipt.encoded, receipt.fields)
        return "delivered"

    def _on_progress(self, key: str, size: int) -> Callable[[int], None]:
        def report(acknowledged: int) -> None:
            self.outbox.progress(key, acknowledged)
            if self._progress is not None:
                self._progress(key, acknowledged, size)
        return report

    def run_until_idle(self, stop: threading.Event, *, idle_exit: bool = True, poll: float = 30.0) -> RunSummary:
        """Deliver due items, wait for the next due one, repeat; stop when `stop` is set (or, with
        `idle_exit`, when nothing is pending any more)."""
        total = RunSummary()
        while not stop.is_set():
            summary = self.run_once()
            for name in ("delivered", "retrying", "attention"):
                getattr(total, name).extend(getattr(summary, name))
            waiting = self.outbox.next_due_in()
            if waiting is None and idle_exit:
                break
            stop.wait(poll if waiting is None else min(poll, waiting))
        return total
