"""Per-candidate order of items and options, deterministic from the candidate's seed.

Items stay grouped by kind (single, multiple, true/false, in the paper's order of kinds) and are
shuffled within their group; the options of single- and multiple-choice items are shuffled;
true/false options never are. A choice keeps its original key — that is what a response holds —
and gets a display label (A, B, … by position), so the shuffling never reaches a stored answer.
"""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass

SHUFFLED_CHOICE_KINDS = ("single", "multiple")


@dataclass(frozen=True)
class ItemLayout:
    code: str
    kind: str
    choice_keys: tuple[str, ...]  # original keys in the paper's order


@dataclass(frozen=True)
class PlacedItem:
    code: str
    number: int  # 1-based
    choices: tuple[tuple[str, str], ...]  # (original key, display label) in display order


def _rng(seed: str, purpose: str) -> random.Random:
    digest = hashlib.sha256(f"{purpose}\x00{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest, "big"))


def labels_for(kind: str, keys: Sequence[str]) -> tuple[str, ...]:
    if kind == "truefalse":
        return tuple(keys)
    return tuple(string.ascii_uppercase[index] for index in range(len(keys)))


def layout(items: Sequence[ItemLayout], seed: str, *, shuffle_items: bool, shuffle_options: bool) -> list[PlacedItem]:
    """The candidate's paper order. The same seed always gives the same layout."""
    order: list[ItemLayout] = []
    groups: dict[str, list[ItemLayout]] = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item)
    for kind, group in groups.items():
        group = list(group)
        if shuffle_items:
            _rng(seed, f"items:{kind}").shuffle(group)
        order.extend(group)
    placed = []
    for number, item in enumerate(order, start=1):
        keys = list(item.choice_keys)
        if shuffle_options and item.kind in SHUFFLED_CHOICE_KINDS:
            _rng(seed, f"options:{item.code}").shuffle(keys)
        placed.append(PlacedItem(item.code, number, tuple(zip(keys, labels_for(item.kind, keys), strict=True))))
    return placed
