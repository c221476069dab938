"""The rubric rules and the aggregation rules, property-tested with hypothesis."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.paper import PracticalTask, RubricItem, RubricItemKind
from app.domain.plan import Aggregation
from app.practical.rules import ScoringRefused, aggregate, combine, round_score, task_total, validate_entries
from app.practical.signing import encode_strokes

D = Decimal
TASK = PracticalTask(code="T", title="task", time_limit_minutes=30, max_score=D(20), rubric=(
    RubricItem("A", "a", RubricItemKind.SCORE, D(10), D("0.5")),
    RubricItem("B", "b", RubricItemKind.SCORE, D(10), D(2)),
    RubricItem("C", "c", RubricItemKind.DEDUCTION, D(5), D("0.5")),
    RubricItem("V", "v", RubricItemKind.VETO, D(1), D(1)),
))

scores = st.decimals(min_value=D(0), max_value=D(100), places=2, allow_nan=False, allow_infinity=False)
score_lists = st.lists(scores, min_size=3, max_size=9)
rules = st.sampled_from(list(Aggregation))


@st.composite
def valid_entries(draw, veto=st.sampled_from([0, 1])):
    return {"A": D(draw(st.integers(0, 20))) / 2, "B": D(2 * draw(st.integers(0, 5))),
            "C": D(draw(st.integers(0, 10))) / 2, "V": D(draw(veto))}


@given(valid_entries())
def test_a_task_total_stays_within_zero_and_the_maximum(entries):
    total = task_total(TASK, validate_entries(TASK, entries))
    assert 0 <= total <= TASK.max_score
    if entries["V"] == 0:
        assert total == max(entries["A"] + entries["B"] - entries["C"], 0)


@given(valid_entries(veto=st.just(1)))
def test_a_marked_veto_always_zeroes_the_task(entries):
    assert task_total(TASK, validate_entries(TASK, entries)) == 0


@given(valid_entries(), st.sampled_from("ABCV"), st.one_of(
    st.decimals(min_value=D("-50"), max_value=D("-0.01"), places=2),
    st.decimals(min_value=D("10.01"), max_value=D("99"), places=2),
    st.sampled_from([D("0.3"), D("1.25"), D("NaN"), "x", 1.0, True])))
def test_entries_out_of_bounds_or_off_step_are_refused(entries, code, bad):
    with pytest.raises(ScoringRefused):
        validate_entries(TASK, {**entries, code: bad})


def test_unknown_and_missing_items_are_refused():
    with pytest.raises(ScoringRefused) as refused:
        validate_entries(TASK, {"Z": "1"})
    assert refused.value.code == "unknown_item"
    with pytest.raises(ScoringRefused) as refused:
        validate_entries(TASK, {"A": "1"})
    assert refused.value.code == "incomplete"
    assert validate_entries(TASK, {"A": "1"}, complete=False) == {"A": D(1)}


@given(score_lists, rules)
def test_a_combined_score_lies_between_the_lowest_and_the_highest(values, rule):
    assert round_score(min(values)) <= aggregate(values, rule) <= round_score(max(values))


@given(score_lists, rules, st.randoms())
def test_the_order_of_the_examiners_does_not_matter(values, rule, rng):
    shuffled = list(values)
    rng.shuffle(shuffled)
    assert aggregate(shuffled, rule) == aggregate(values, rule)


@given(scores, st.integers(3, 9), rules)
def test_identical_scores_combine_to_that_score(value, count, rule):
    assert aggregate([value] * count, rule) == value


@given(score_lists)
def test_the_median_is_the_middle_value(values):
    ordered = sorted(values)
    median = aggregate(values, Aggregation.MEDIAN)
    assert ordered[0] <= median <= ordered[-1]
    below = sum(1 for v in values if v < median)
    above = sum(1 for v in values if v > median)
    assert below <= len(values) // 2 and above <= len(values) // 2


@given(score_lists)
def test_the_trimmed_mean_ignores_one_highest_and_one_lowest(values):
    ordered = sorted(values)
    wild = [D(0)] + ordered[1:-1] + [D(100)]
    assert aggregate(wild, Aggregation.TRIMMED_MEAN) == aggregate(ordered, Aggregation.TRIMMED_MEAN)


def test_rounding_is_half_up_to_a_hundredth():
    assert aggregate([D(10), D(10), D("10.01")], Aggregation.MEAN) == D("10.00")
    assert aggregate([D("0.005")], Aggregation.MEAN) == D("0.01")
    assert aggregate([D(1), D(2)], Aggregation.MEDIAN) == D("1.50")
    assert aggregate([D(17), D(16), D("17.5")], Aggregation.MEAN) == D("16.83")


def test_too_few_or_no_scores_are_refused():
    with pytest.raises(ScoringRefused):
        aggregate([D(1), D(2)], Aggregation.TRIMMED_MEAN)
    with pytest.raises(ScoringRefused):
        aggregate([], Aggregation.MEAN)


@given(score_lists, rules, st.decimals(min_value=D(0), max_value=D(100), places=1))
def test_a_spread_over_the_threshold_is_flagged(values, rule, threshold):
    combined = combine(values, rule, threshold)
    assert combined.spread == max(values) - min(values)
    assert combined.flagged == (combined.spread > threshold)


def test_handwriting_must_be_strokes_of_points():
    assert encode_strokes([[[0, 0, 0, 0.5], [1.23456, 2, 16, 1]]]) == (
        b'{"strokes":[[[0.0,0.0,0.0,0.5],[1.235,2.0,16.0,1.0]]],"v":1}')
    for bad in ([], [[[0, 0, 0, 0.5]]], [[[0, 0, 0], [1, 1, 1]]], [[[0, 0, 0, float("nan")], [1, 1, 1, 1]]]):
        with pytest.raises(ScoringRefused):
            encode_strokes(bad)
