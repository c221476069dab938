"""A candidate's outcome from their theory and practical results, by the plan's pass marks.

Each subject is one of: passed, failed, absent (缺考: never checked in), violation (违纪: an
incident voided the subject or recorded cheating; it scores 0), incomplete (not graded yet, or a
practical result still waiting for the examiner lead). Scores are compared on a 100-point scale
(a paper worth another total is scaled), exactly, in Decimal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

DEFAULT_PASS_MARK = Decimal(60)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ABSENT = "absent"
    VIOLATION = "violation"
    INCOMPLETE = "incomplete"

    @property
    def title_zh(self) -> str:
        return {"passed": "合格", "failed": "不合格", "absent": "缺考", "violation": "违纪",
                "incomplete": "待定"}[self.value]


@dataclass(frozen=True)
class SubjectFacts:
    """What the services know of one subject (theory or practical) of one candidate."""

    present: bool  # checked in
    score: Decimal | None = None  # None: not graded yet / waiting for the examiner lead
    max_score: Decimal = HUNDRED
    violation: bool = False


@dataclass(frozen=True)
class SubjectResult:
    outcome: Outcome
    score: Decimal | None  # on the 100-point scale, to 0.01; 0 for a violation; None when absent/incomplete


def scaled(score: Decimal, max_score: Decimal) -> Decimal:
    """`score` out of `max_score` on a 100-point scale, rounded half up to 0.01."""
    if max_score <= 0:
        raise ValueError("max_score must be positive")
    value = Decimal(score) if max_score == HUNDRED else Decimal(score) * HUNDRED / Decimal(max_score)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def subject_result(facts: SubjectFacts, pass_mark: Decimal = DEFAULT_PASS_MARK) -> SubjectResult:
    if not facts.present:
        return SubjectResult(Outcome.ABSENT, None)
    if facts.violation:
        return SubjectResult(Outcome.VIOLATION, Decimal("0.00"))
    if facts.score is None:
        return SubjectResult(Outcome.INCOMPLETE, None)
    score = scaled(facts.score, facts.max_score)
    return SubjectResult(Outcome.PASSED if score >= Decimal(pass_mark) else Outcome.FAILED, score)


def overall(subjects: Iterable[SubjectResult]) -> Outcome:
    """Violation in any subject wins; then incomplete; absent only when absent from every subject;
    passed only when every subject passed; otherwise failed (a subject missed counts as failed)."""
    outcomes = [s.outcome for s in subjects]
    if not outcomes:
        return Outcome.INCOMPLETE
    if Outcome.VIOLATION in outcomes:
        return Outcome.VIOLATION
    if Outcome.INCOMPLETE in outcomes:
        return Outcome.INCOMPLETE
    if all(o is Outcome.ABSENT for o in outcomes):
        return Outcome.ABSENT
    if all(o is Outcome.PASSED for o in outcomes):
        return Outcome.PASSED
    return Outcome.FAILED


def pass_mark(rules: dict | None, name: str) -> Decimal:
    value = (rules or {}).get(name)
    return DEFAULT_PASS_MARK if value is None else Decimal(str(value))
