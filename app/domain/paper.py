"""Theory papers (试卷) and practical tasks with their rubric (评分细则)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class ItemKind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "truefalse"


@dataclass(frozen=True)
class Choice:
    key: str  # "A", "B", ... ; for true/false "T" and "F"
    text: str


@dataclass(frozen=True)
class Item:
    code: str
    kind: ItemKind
    stem: str
    choices: tuple[Choice, ...]
    correct: tuple[str, ...]  # keys of the correct choices: the answer key, never sent to terminals
    points: Decimal


@dataclass(frozen=True)
class Paper:
    """A decrypted theory paper. Exists on the site host only after the exam password is given."""

    code: str
    title: str
    duration_minutes: int
    items: tuple[Item, ...]

    @property
    def total_points(self) -> Decimal:
        return sum((item.points for item in self.items), Decimal(0))


class RubricItemKind(StrEnum):
    SCORE = "score"  # points earned, 0..max_points in steps
    DEDUCTION = "deduction"  # points taken off the task, 0..max_points in steps
    VETO = "veto"  # 否决项: when marked, the whole task scores zero


@dataclass(frozen=True)
class RubricItem:
    code: str
    description: str
    kind: RubricItemKind
    max_points: Decimal
    step: Decimal = Decimal("0.5")


@dataclass(frozen=True)
class PracticalTask:
    code: str
    title: str
    time_limit_minutes: int
    max_score: Decimal
    rubric: tuple[RubricItem, ...]
