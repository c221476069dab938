"""The rubric on the station: TaskView → the core's PracticalTask, so entry checks and totals are the service's own."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from app.domain.paper import PracticalTask, RubricItem, RubricItemKind
from app.practical.rules import ScoringRefused, task_total, validate_entries, vetoed
from app.station.model import RubricItemView, TaskView


def to_task(view: TaskView) -> PracticalTask:
    return PracticalTask(code=view.code, title=view.title, time_limit_minutes=view.time_limit_minutes,
                         max_score=Decimal(view.max_score),
                         rubric=tuple(RubricItem(code=i.code, description=i.description, kind=RubricItemKind(i.kind),
                                                 max_points=Decimal(i.max_points), step=Decimal(i.step))
                                      for i in view.items))


def points(text: str | Decimal) -> str:
    """Points as the examiner reads them: 10, 7.5, 0.5 (no exponent, no trailing zeros)."""
    try:
        value = Decimal(text)
    except (InvalidOperation, TypeError):
        return str(text)
    if value == value.to_integral():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def refusal(task: PracticalTask, code: str, text: str) -> str | None:
    """The service's own sentence when `text` is not a valid mark for item `code`, else None."""
    try:
        validate_entries(task, {code: text.strip()}, complete=False)
    except ScoringRefused as exc:
        return exc.message
    return None


def running_total(task: PracticalTask, entries: Mapping[str, str]) -> tuple[Decimal, bool]:
    """(the total so far, whether a veto item is marked) — the same arithmetic as the signed sheet."""
    marks = validate_entries(task, {code: value for code, value in entries.items() if value != ""}, complete=False)
    return task_total(task, marks), vetoed(task, marks)


def default_entries(view: TaskView) -> dict[str, str]:
    """A new sheet: nothing deducted, no veto marked; score items wait for the examiner."""
    return {item.code: "0" for item in view.items if item.kind in ("deduction", "veto")}


def quick_amounts(item: RubricItemView) -> tuple[str, ...]:
    """Amounts offered as one-touch deduction buttons: the package's own, else one and two steps."""
    if item.quick_deductions:
        return tuple(item.quick_deductions)
    step, top = Decimal(item.step), Decimal(item.max_points)
    return tuple(points(step * n) for n in (1, 2) if step > 0 and step * n <= top)
