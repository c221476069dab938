"""The rubric rules (评分细则) for one examiner's marks, and combining several examiners' scores.

Pure functions over Decimals. Entries map a rubric item code to points:
- a score item earns 0..max_points in multiples of its step;
- a deduction item takes 0..max_points (in steps) off the task;
- a veto item (否决项) is 0 (not marked) or its max_points (marked); marked, the task scores zero.
A task's total is the earned points minus the deductions, never below 0 nor above the task's
maximum. Combined scores are rounded to 0.01 with ROUND_HALF_UP (四舍五入), once, at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.paper import PracticalTask, RubricItemKind
from app.domain.plan import Aggregation
from app.errors import KnownError
from app.i18n import tr

CENT = Decimal("0.01")
ZERO = Decimal(0)


class ScoringRefused(KnownError):
    code = "scoring"


@dataclass(frozen=True)
class Combined:
    """Several examiners' totals combined: the score, the spread and whether the lead must decide."""

    score: Decimal
    spread: Decimal
    flagged: bool


def validate_entries(task: PracticalTask, entries: Mapping[str, object], *, complete: bool = True
                     ) -> dict[str, Decimal]:
    """The entries as Decimals, or ScoringRefused naming the first item that breaks the rubric.

    With `complete`, every rubric item needs an entry (a sheet is signed only when complete).
    """
    items = {item.code: item for item in task.rubric}
    marks: dict[str, Decimal] = {}
    for code, raw in entries.items():
        item = items.get(code)
        if item is None:
            raise ScoringRefused(tr("Task {task} has no rubric item {item}.", task=task.code, item=code),
                                 code="unknown_item")
        value = _decimal(raw)
        if value is None or value < 0 or value > item.max_points:
            raise ScoringRefused(tr("Item {item} takes 0 to {max} points.", item=code, max=item.max_points),
                                 code="out_of_bounds")
        if item.kind is RubricItemKind.VETO and value not in (ZERO, item.max_points):
            raise ScoringRefused(tr("Veto item {item} is either marked or not.", item=code), code="veto_value")
        if item.step > 0 and value % item.step != 0:
            raise ScoringRefused(tr("Item {item} is marked in steps of {step} points.", item=code, step=item.step),
                                 code="off_step")
        marks[code] = value
    if complete:
        missing = [item.code for item in task.rubric if item.code not in marks]
        if missing:
            raise ScoringRefused(tr("Items not yet marked: {items}.", items="、".join(missing)), code="incomplete")
    return marks


def vetoed(task: PracticalTask, marks: Mapping[str, Decimal]) -> bool:
    return any(item.kind is RubricItemKind.VETO and marks.get(item.code, ZERO) > 0 for item in task.rubric)


def task_total(task: PracticalTask, marks: Mapping[str, Decimal]) -> Decimal:
    """Earned minus deducted, within [0, max_score]; a marked veto item makes it 0."""
    if vetoed(task, marks):
        return ZERO
    earned = sum((marks.get(i.code, ZERO) for i in task.rubric if i.kind is RubricItemKind.SCORE), ZERO)
    deducted = sum((marks.get(i.code, ZERO) for i in task.rubric if i.kind is RubricItemKind.DEDUCTION), ZERO)
    return min(max(earned - deducted, ZERO), task.max_score)


def aggregate(scores: Iterable[Decimal], rule: Aggregation) -> Decimal:
    """Combine examiners' totals by the plan's rule, rounded to 0.01 half up.

    mean: the arithmetic mean; median: the middle one (the mean of the two middle ones for an even
    count); trimmed_mean: drop one highest and one lowest, then the mean (needs three or more).
    """
    ordered = sorted(Decimal(score) for score in scores)
    if not ordered:
        raise ScoringRefused(tr("There are no scores to combine."), code="no_scores")
    if rule is Aggregation.MEAN:
        value = sum(ordered, ZERO) / len(ordered)
    elif rule is Aggregation.MEDIAN:
        middle = len(ordered) // 2
        value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    elif rule is Aggregation.TRIMMED_MEAN:
        if len(ordered) < 3:
            raise ScoringRefused(tr("Dropping the highest and the lowest score needs at least three examiners."),
                                 code="too_few_scores")
        kept = ordered[1:-1]
        value = sum(kept, ZERO) / len(kept)
    else:  # pragma: no cover - a new rule must be added here
        raise ValueError(f"unknown aggregation rule {rule!r}")
    return round_score(value)


def round_score(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def spread(scores: Iterable[Decimal]) -> Decimal:
    ordered = [Decimal(score) for score in scores]
    return max(ordered) - min(ordered) if ordered else ZERO


def combine(scores: Iterable[Decimal], rule: Aggregation, threshold: Decimal) -> Combined:
    """The combined score, and a flag when the highest and lowest differ by more than `threshold`."""
    scores = list(scores)
    gap = spread(scores)
    return Combined(aggregate(scores, rule), gap, gap > threshold)


def _decimal(raw: object) -> Decimal | None:
    if isinstance(raw, bool) or isinstance(raw, float):
        return None
    try:
        value = Decimal(raw) if isinstance(raw, (int, str, Decimal)) else None
    except InvalidOperation:
        return None
    return value if value is not None and value.is_finite() else None
