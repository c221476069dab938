"""map_response against a brute force: scores stay within the bounds, and max_score is the best any
allowed response reaches."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.bank.qti_scoring import MapResponse

halves = st.integers(min_value=-8, max_value=8).map(lambda n: Decimal(n) / 2)
IDS = ("A", "B", "C", "D", "E", "F")


@st.composite
def mappings(draw):
    count = draw(st.integers(min_value=1, max_value=len(IDS)))
    choices = IDS[:count]
    mapped = draw(st.lists(st.sampled_from(choices), unique=True))
    entries = tuple((key, draw(halves)) for key in mapped)
    lower = draw(st.none() | halves)
    upper = draw(st.none() | halves)
    if lower is not None and upper is not None and lower > upper:
        lower, upper = upper, lower
    scoring = MapResponse(entries=entries, default=draw(halves), lower=lower, upper=upper)
    min_choices = draw(st.integers(min_value=0, max_value=count))
    max_choices = draw(st.integers(min_value=0, max_value=count).filter(lambda m: m == 0 or m >= max(min_choices, 1)))
    return scoring, choices, min_choices, max_choices


def _allowed(choices, min_choices, max_choices):
    largest = max_choices or len(choices)
    for size in range(max(min_choices, 1), largest + 1):
        yield from itertools.combinations(choices, size)


@settings(max_examples=300, deadline=None)
@given(mappings())
def test_max_score_is_the_best_allowed_response_within_the_bounds(case):
    scoring, choices, min_choices, max_choices = case
    scores = [scoring.score(response) for response in _allowed(choices, min_choices, max_choices)]
    for score in scores:
        assert scoring.lower is None or score >= scoring.lower
        assert scoring.upper is None or score <= scoring.upper
    assert scoring.max_score(choices, min_choices, max_choices) == max([Decimal(0), *scores])


@settings(max_examples=200, deadline=None)
@given(mappings(), st.data())
def test_score_is_the_clamped_sum_of_distinct_choices(case, data):
    scoring, choices, _, _ = case
    response = data.draw(st.lists(st.sampled_from(choices), max_size=8))
    expected = sum((dict(scoring.entries).get(c, scoring.default) for c in set(response)), Decimal(0))
    if scoring.lower is not None:
        expected = max(expected, scoring.lower)
    if scoring.upper is not None:
        expected = min(expected, scoring.upper)
    assert scoring.score(response) == (expected if response else 0)
