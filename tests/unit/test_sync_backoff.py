"""Exponential backoff with full jitter: bounded by the cap, spread over the whole window."""

from __future__ import annotations

import random

from app.sync.worker import backoff


def test_full_jitter_stays_in_its_window_and_uses_all_of_it():
    rng = random.Random(7)
    for attempt, ceiling in ((1, 2.0), (2, 4.0), (3, 8.0), (6, 64.0), (12, 600.0), (40, 600.0)):
        waits = [backoff(attempt, rng) for _ in range(2000)]
        assert all(0.0 <= wait <= ceiling for wait in waits)
        assert min(waits) < ceiling * 0.05 and max(waits) > ceiling * 0.95


def test_the_base_and_cap_are_honoured():
    rng = random.Random(1)
    assert all(backoff(30, rng, base=0.01, cap=0.05) <= 0.05 for _ in range(100))
