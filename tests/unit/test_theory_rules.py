"""Pure theory rules: timing, per-candidate layout, grading and item statistics."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.theory.grading import KeyedItem, grade, item_score
from app.theory.shuffle import ItemLayout, layout
from app.theory.statistics import item_figures
from app.theory.timing import CandidateClock, RoomClock, candidate_end, earliest_submit, offline_credit, time_is_up

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


def test_the_end_adds_pauses_time_changes_and_offline_credit():
    room = RoomClock(T0, 90, paused_seconds=300, paused_at=T0 + timedelta(minutes=60))
    now = T0 + timedelta(minutes=62)
    end = candidate_end(room, CandidateClock(600, 120), now)
    assert end == T0 + timedelta(minutes=90 + 5 + 2 + 10 + 2)
    assert earliest_submit(room, 30, now) == T0 + timedelta(minutes=37)
    assert not time_is_up(room, CandidateClock(), T0 + timedelta(hours=5))  # never while paused
    assert candidate_end(RoomClock(None, None), CandidateClock(), now) is None


def test_offline_credit_counts_running_time_only_and_is_capped():
    room = RoomClock(T0, 90, finished_pauses=((T0 + timedelta(minutes=10), T0 + timedelta(minutes=15)),))
    back = T0 + timedelta(minutes=20)
    assert offline_credit(T0 + timedelta(minutes=8), back, 0, 10, room) == 12 * 60 - 5 * 60 - 5
    assert offline_credit(back - timedelta(seconds=15), back, 0, 10, room) == 0  # a normal gap
    assert offline_credit(T0 - timedelta(minutes=30), T0 + timedelta(minutes=1), 0, 10, room) == 55
    assert offline_credit(T0, T0 + timedelta(minutes=60), 540, 10, room) == 60


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=20_000),
       st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=700))
def test_offline_credit_never_exceeds_the_plan_bound(gap, start_offset, max_minutes, already):
    room = RoomClock(T0, 90)
    last = T0 + timedelta(seconds=start_offset)
    credit = offline_credit(last, last + timedelta(seconds=gap), already, max_minutes, room)
    assert 0 <= credit <= max(0, max_minutes * 60 - already) and credit <= max(0, gap)


def _paper(singles=6, multiples=3, tf=2):
    items = [ItemLayout(f"S{i}", "single", ("A", "B", "C", "D")) for i in range(singles)]
    items += [ItemLayout(f"M{i}", "multiple", ("A", "B", "C", "D", "E")) for i in range(multiples)]
    return items + [ItemLayout(f"T{i}", "truefalse", ("T", "F")) for i in range(tf)]


@given(st.text(min_size=1, max_size=32), st.booleans(), st.booleans())
def test_layout_is_deterministic_complete_grouped_and_keeps_original_keys(seed, items, options):
    paper = _paper()
    placed = layout(paper, seed, shuffle_items=items, shuffle_options=options)
    assert placed == layout(paper, seed, shuffle_items=items, shuffle_options=options)
    assert sorted(p.code for p in placed) == sorted(i.code for i in paper)
    assert [p.number for p in placed] == list(range(1, len(paper) + 1))
    assert [p.code[0] for p in placed] == [i.code[0] for i in paper]  # kinds stay grouped in order
    by_code = {i.code: i for i in paper}
    for p in placed:
        keys = [key for key, _ in p.choices]
        assert sorted(keys) == sorted(by_code[p.code].choice_keys)
        if p.code.startswith("T"):
            assert p.choices == (("T", "T"), ("F", "F"))
        else:
            assert [label for _, label in p.choices] == list("ABCDE"[:len(keys)])
        if not options:
            assert tuple(keys) == by_code[p.code].choice_keys
    if not items:
        assert [p.code for p in placed] == [i.code for i in paper]


def test_seeds_give_different_orders():
    paper = _paper(singles=40)
    orders = {tuple(p.code for p in layout(paper, f"seed{n}", shuffle_items=True, shuffle_options=True))
              for n in range(5)}
    assert len(orders) == 5


def test_grading_single_multiple_exact_set_and_truefalse():
    single = KeyedItem("S1", "single", frozenset({"B"}), Decimal("1"))
    multiple = KeyedItem("M1", "multiple", frozenset({"A", "C"}), Decimal("2"))
    truefalse = KeyedItem("T1", "truefalse", frozenset({"F"}), Decimal("0.5"))
    assert item_score(single, ["B"]) == 1 and item_score(single, ["A"]) == 0 and item_score(single, ["A", "B"]) == 0
    assert item_score(multiple, ["C", "A"]) == 2 and item_score(multiple, ["A"]) == 0
    assert item_score(multiple, ["A", "B", "C"]) == 0 and item_score(truefalse, []) == 0
    result = grade([single, multiple, truefalse], {"S1": ["B"], "M1": ["A"], "T1": ["F"]})
    assert (result.score, result.max_score, result.correct, result.answered) == (Decimal("1.5"), Decimal("3.5"), 2, 3)


@given(st.lists(st.lists(st.booleans(), min_size=3, max_size=3), min_size=0, max_size=40))
def test_statistics_stay_in_range(rows):
    points = {"a": Decimal(1), "b": Decimal(2), "c": Decimal(1)}
    candidates = [{code: (points[code] if hit else Decimal(0)) for code, hit in zip(points, row, strict=True)}
                  for row in rows]
    for figure in item_figures(points, candidates):
        assert figure.candidates == len(rows)
        if rows:
            assert Decimal(0) <= figure.difficulty <= Decimal(1)
        if len(rows) >= 4:
            assert Decimal(-1) <= figure.discrimination <= Decimal(1)
        else:
            assert figure.discrimination is None


def test_a_discriminating_item_scores_high_and_a_flat_one_zero():
    points = {"good": Decimal(1), "flat": Decimal(1), "other": Decimal(5)}
    strong = [{"good": Decimal(1), "flat": Decimal(1), "other": Decimal(5)}] * 5
    weak = [{"good": Decimal(0), "flat": Decimal(1), "other": Decimal(0)}] * 5
    figures = {f.code: f for f in item_figures(points, strong + weak)}
    assert figures["good"].discrimination == Decimal("1.000") and figures["good"].difficulty == Decimal("0.500")
    assert figures["flat"].discrimination == Decimal("0.000") and figures["flat"].difficulty == Decimal("1.000")
