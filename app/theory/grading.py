"""Grading objective items: single and true/false by the one key, multiple by the exact set."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class KeyedItem:
    code: str
    kind: str  # single | multiple | truefalse
    correct: frozenset[str]
    points: Decimal


@dataclass(frozen=True)
class Grade:
    score: Decimal
    max_score: Decimal
    correct: int
    answered: int
    item_scores: dict[str, Decimal]  # item code → points earned


def item_score(item: KeyedItem, response: Iterable[str] | None) -> Decimal:
    """Full points for exactly the correct keys, else nothing (no partial credit for multiple)."""
    chosen = frozenset(response or ())
    if not chosen:
        return Decimal(0)
    if item.kind in ("single", "truefalse") and len(chosen) != 1:
        return Decimal(0)
    return item.points if chosen == item.correct else Decimal(0)


def grade(items: Iterable[KeyedItem], responses: Mapping[str, Iterable[str]]) -> Grade:
    """A candidate's theory score over `items`; `responses` maps item codes to chosen keys."""
    scores: dict[str, Decimal] = {}
    answered = correct = 0
    max_score = Decimal(0)
    for item in items:
        response = tuple(responses.get(item.code, ()))
        answered += bool(response)
        earned = item_score(item, response)
        correct += earned == item.points and item.points > 0
        scores[item.code] = earned
        max_score += item.points
    return Grade(sum(scores.values(), Decimal(0)), max_score, correct, answered, scores)
