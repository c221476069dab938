"""A candidate's outcome by the plan's pass marks; the public list's masking."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.results.masking import mask_id_number, mask_name
from app.results.outcome import (
    Outcome,
    SubjectFacts,
    SubjectResult,
    overall,
    pass_mark,
    scaled,
    subject_result,
)

D = Decimal


def test_a_subject_passes_at_the_mark_and_fails_below():
    assert subject_result(SubjectFacts(True, D(60))) == SubjectResult(Outcome.PASSED, D("60.00"))
    assert subject_result(SubjectFacts(True, D("59.99"))).outcome is Outcome.FAILED
    assert subject_result(SubjectFacts(True, D(70)), D(75)).outcome is Outcome.FAILED


def test_absent_violation_and_incomplete_subjects():
    assert subject_result(SubjectFacts(False, D(90))) == SubjectResult(Outcome.ABSENT, None)
    assert subject_result(SubjectFacts(True, D(95), violation=True)) == SubjectResult(Outcome.VIOLATION, D("0.00"))
    assert subject_result(SubjectFacts(True, None)) == SubjectResult(Outcome.INCOMPLETE, None)


def test_a_paper_of_another_total_is_scaled_to_100():
    assert scaled(D(48), D(80)) == D("60.00")
    assert subject_result(SubjectFacts(True, D(47), D(80))).outcome is Outcome.FAILED
    assert scaled(D(1), D(3)) == D("33.33")


def test_the_overall_outcome():
    passed, failed = SubjectResult(Outcome.PASSED, D(80)), SubjectResult(Outcome.FAILED, D(40))
    absent, void = SubjectResult(Outcome.ABSENT, None), SubjectResult(Outcome.VIOLATION, D(0))
    waiting = SubjectResult(Outcome.INCOMPLETE, None)
    assert overall([passed, passed]) is Outcome.PASSED
    assert overall([passed, failed]) is Outcome.FAILED
    assert overall([passed, absent]) is Outcome.FAILED
    assert overall([absent, absent]) is Outcome.ABSENT
    assert overall([failed, void]) is Outcome.VIOLATION
    assert overall([passed, waiting]) is Outcome.INCOMPLETE
    assert overall([void, waiting]) is Outcome.VIOLATION
    assert overall([passed]) is Outcome.PASSED


@given(st.decimals(0, 100, places=2), st.decimals(0, 100, places=2), st.decimals(0, 100, places=2))
def test_passing_needs_every_subject_at_or_above_its_mark(theory, practical, mark):
    results = [subject_result(SubjectFacts(True, theory), mark), subject_result(SubjectFacts(True, practical), mark)]
    assert (overall(results) is Outcome.PASSED) == (theory >= mark and practical >= mark)


def test_the_plan_rules_give_the_marks():
    assert pass_mark({}, "theory_pass_mark") == D(60)
    assert pass_mark({"practical_pass_mark": "70"}, "practical_pass_mark") == D(70)


def test_names_and_id_numbers_are_masked_for_the_public_list():
    assert mask_name("张三") == "张*"
    assert mask_name("张小三") == "张*三"
    assert mask_name("欧阳小明") == "欧**明"
    assert mask_name("李") == "李"
    assert mask_id_number("32010219900307123X") == "3201************3X"
    assert mask_id_number("12345") == "*****"


@given(st.text(min_size=2, max_size=12))
def test_a_masked_name_hides_all_but_the_first_and_last(name):
    masked = mask_name(name)
    stripped = name.strip()
    assert len(masked) == len(stripped) or len(stripped) <= 1
    if len(stripped) >= 3:
        assert masked[0] == stripped[0] and masked[-1] == stripped[-1] and set(masked[1:-1]) == {"*"}
