"""Keyboard-wedge scanner guns: timed key sequences from a gun, a person, both, and a burst too short."""

from __future__ import annotations

import pytest

from drivers.scanner import WedgeDecoder, WedgeSettings, simulated_scan
from drivers.scanner.frames import ticket_payload

TICKET = ticket_payload(11)


def typed(text: str, start: float, gap: float, enter: bool = True) -> list[tuple[str, float]]:
    """A person typing `text`, one key every `gap` seconds, then Enter."""
    return list(simulated_scan(text, start, gap, enter=enter))


def answers(decoder: WedgeDecoder, keys) -> list[str]:
    results = [decoder.feed(char, t) for char, t in keys]
    return [result for result in results if result is not None]


def test_a_scanner_burst_is_a_code():
    decoder = WedgeDecoder()
    assert answers(decoder, simulated_scan(TICKET, start=10.0, gap=0.004)) == [TICKET]
    assert decoder.buffered == ""


@pytest.mark.parametrize("gap", [0.001, 0.015, 0.029])
def test_any_gun_speed_under_the_threshold(gap):
    assert answers(WedgeDecoder(), simulated_scan(TICKET, gap=gap)) == [TICKET]


def test_a_person_typing_is_not_a_scan():
    decoder = WedgeDecoder()
    keys = typed("ES1.abcdefgh", start=0.0, gap=0.120)
    results = [decoder.feed(char, t) for char, t in keys]
    assert results == [None] * len(keys)


def test_a_fast_typist_at_50_ms_is_not_a_scan():
    assert answers(WedgeDecoder(), typed("123456789", 0.0, 0.050)) == []


def test_a_burst_too_short_is_not_a_scan():
    decoder = WedgeDecoder()
    assert answers(decoder, simulated_scan("12345", gap=0.005)) == []
    assert answers(decoder, simulated_scan("123456", start=1.0, gap=0.005)) == ["123456"]


def test_typing_then_a_scan_gives_only_the_scan():
    decoder = WedgeDecoder()
    keys = typed("hello", 0.0, 0.150, enter=False) + list(simulated_scan(TICKET, start=1.0, gap=0.005))
    assert answers(decoder, keys) == [TICKET]


def test_a_scan_then_typing_then_a_scan():
    decoder = WedgeDecoder()
    keys = (list(simulated_scan(TICKET, 0.0, 0.005)) + typed("note 1", 2.0, 0.2)
            + list(simulated_scan("ES1.second-ticket", 5.0, 0.005)))
    assert answers(decoder, keys) == [TICKET, "ES1.second-ticket"]


def test_a_pause_inside_a_burst_starts_over():
    """The gun stalls half-way: what came before the pause is not part of the code (reset on timeout)."""
    decoder = WedgeDecoder()
    first, second = TICKET[:100], TICKET[100:]
    keys = list(simulated_scan(first, 0.0, 0.005, enter=False)) + list(simulated_scan(second, 1.0, 0.005))
    assert answers(decoder, keys) == [second]


def test_enter_long_after_the_burst_belongs_to_the_person():
    decoder = WedgeDecoder()
    for char, t in simulated_scan(TICKET, 0.0, 0.005, enter=False):
        decoder.feed(char, t)
    assert decoder.feed_enter(5.0) is None
    assert decoder.buffered == ""


def test_enter_alone_is_let_through():
    assert WedgeDecoder().feed_enter(1.0) is None
    assert WedgeDecoder().feed("\n", 1.0) is None


def test_prefix_and_suffix_are_removed():
    settings = WedgeSettings(prefix="]Q1", suffix="#")
    decoder = WedgeDecoder(settings)
    assert answers(decoder, simulated_scan(TICKET, 0.0, 0.004, prefix="]Q1", suffix="#")) == [TICKET]


def test_a_burst_without_the_configured_prefix_is_not_a_scan():
    decoder = WedgeDecoder(WedgeSettings(prefix="]Q1"))
    assert answers(decoder, simulated_scan(TICKET, 0.0, 0.004)) == []


def test_minimum_length_counts_after_the_prefix():
    decoder = WedgeDecoder(WedgeSettings(prefix="PFX", min_length=6))
    assert answers(decoder, simulated_scan("12345", 0.0, 0.004, prefix="PFX")) == []


def test_thresholds_are_configurable():
    slow_gun = WedgeDecoder(WedgeSettings(max_gap=0.080, enter_gap=0.120))
    assert answers(slow_gun, simulated_scan(TICKET, 0.0, 0.060)) == [TICKET]
    assert answers(WedgeDecoder(), simulated_scan(TICKET, 10.0, 0.060)) == []


def test_expire_hands_back_typing_to_let_through():
    decoder = WedgeDecoder()
    for char, t in typed("ab", 0.0, 0.010, enter=False):
        decoder.feed(char, t)
    assert decoder.expire(0.015) == ""  # still within the burst
    assert decoder.expire(1.0) == "ab"
    assert decoder.buffered == ""


def test_an_endless_burst_is_not_kept_forever():
    decoder = WedgeDecoder(WedgeSettings(max_length=50))
    assert answers(decoder, simulated_scan("x" * 120, 0.0, 0.001)) == []
    assert answers(decoder, simulated_scan("y" * 50, 1.0, 0.001)) == ["y" * 50]


def test_feed_takes_one_character():
    with pytest.raises(ValueError):
        WedgeDecoder().feed("ab", 0.0)
