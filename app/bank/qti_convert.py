"""Imported QTI items as the package's paper items (app.domain.paper.Item).

Choices get the keys A, B, C… (T/F for true/false items) in the item's own order; the QTI
identifier of each key is kept beside the paper. A paper item is graded all or nothing: its
points are the item's best score, earned by answering exactly its key. match_correct items fit
that exactly. A map_response item whose mapping gives partial credit does not: it goes into the
paper with its correct response as the key, and its exact rule (values per key, default, bounds)
is kept under "qti" in the paper file for the grader. An item whose correct response does not
earn the best score is refused: its key and its scoring disagree.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from app.bank.qti import ImportedItem, true_false_keys
from app.bank.qti_scoring import MapResponse, Unsupported
from app.domain.paper import Choice, Item, ItemKind, Paper
from app.i18n import tr
from app.package.work_codec import paper_to_json

MAX_STEM, MAX_CHOICE = 5000, 2000
_NOT_CODE = re.compile(r"[^A-Za-z0-9_.-]")
_EXACT_CHECK_CHOICES = 12


@dataclass(frozen=True)
class ConvertedItem:
    item: Item
    source: ImportedItem
    keys: dict[str, str]  # QTI choice identifier -> our key
    partial_credit: bool

    def to_json(self) -> dict:
        data = {"identifier": self.source.identifier, "source": self.source.source, "version": self.source.version,
                "keys": dict(self.keys), "template": self.source.scoring.template,
                "partial_credit": self.partial_credit}
        scoring = self.source.scoring
        if isinstance(scoring, MapResponse):
            data["mapping"] = {"values": {self.keys[c]: str(scoring.value(c)) for c in self.source.choice_ids},
                               "default": str(scoring.default),
                               "lower_bound": None if scoring.lower is None else str(scoring.lower),
                               "upper_bound": None if scoring.upper is None else str(scoring.upper)}
        return data


def choice_keys(item: ImportedItem) -> tuple[str, ...]:
    if item.kind is ItemKind.TRUE_FALSE:
        return true_false_keys([text for _, text in item.choices])
    keys = []
    for index in range(len(item.choices)):
        key = ""
        index += 1
        while index:
            index, rest = divmod(index - 1, 26)
            key = chr(ord("A") + rest) + key
        keys.append(key)
    return tuple(keys)


def item_code(identifier: str, taken: set[str]) -> str:
    base = _NOT_CODE.sub("_", identifier)[:56] or "item"
    if not base[0].isalnum():
        base = "Q" + base[:55]
    code, suffix = base, 2
    while code in taken:
        code, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(code)
    return code


def _responses(item: ImportedItem):
    ids = item.choice_ids
    largest = min(item.max_choices or len(ids), len(ids))
    for size in range(max(item.min_choices, 1), largest + 1):
        yield from itertools.combinations(ids, size)


def has_partial_credit(item: ImportedItem) -> bool:
    """True unless every response other than the correct one scores 0 (checked for up to 12 choices)."""
    if not isinstance(item.scoring, MapResponse):
        return False
    if len(item.choice_ids) > _EXACT_CHECK_CHOICES:
        return True
    correct = set(item.correct)
    return any(item.score(response) != 0 for response in _responses(item) if set(response) != correct)


def to_paper_item(item: ImportedItem, code: str) -> ConvertedItem:
    """The paper item for `item`, or Unsupported with the reason it cannot be one."""
    best = item.max_score
    if item.score(item.correct) != best:
        raise Unsupported(tr("its correct response scores {score}, not its best score {best}",
                             score=item.score(item.correct), best=best))
    keys = dict(zip(item.choice_ids, choice_keys(item)))
    stem = item.stem or item.title
    if not stem or len(stem) > MAX_STEM or any(not text or len(text) > MAX_CHOICE for _, text in item.choices):
        raise Unsupported(tr("its stem or a choice is empty or longer than a paper allows"))
    paper_item = Item(code=code, kind=item.kind, stem=stem,
                      choices=tuple(Choice(key=keys[c], text=text) for c, text in item.choices),
                      correct=tuple(keys[c] for c in item.correct), points=Decimal(best))
    if item.kind in (ItemKind.SINGLE, ItemKind.TRUE_FALSE) and len(paper_item.correct) != 1:
        raise Unsupported(tr("a single-choice item needs exactly one correct choice"))
    return ConvertedItem(item=paper_item, source=item, keys=keys, partial_credit=has_partial_credit(item))


def to_paper(items: list[ImportedItem], *, code: str, title: str, duration_minutes: int,
             ) -> tuple[Paper, list[ConvertedItem], list[tuple[ImportedItem, str]]]:
    """A paper of the items that fit, the conversions, and the refused items with their reasons."""
    taken: set[str] = set()
    converted, refused = [], []
    for item in items:
        try:
            converted.append(to_paper_item(item, item_code(item.identifier, taken)))
        except Unsupported as exc:
            refused.append((item, str(exc)))
    paper = Paper(code=code, title=title, duration_minutes=duration_minutes, items=tuple(c.item for c in converted))
    return paper, converted, refused


def paper_file_json(paper: Paper, converted: list[ConvertedItem]) -> dict:
    """The package's paper JSON, plus "qti": where each item came from and how it is exactly scored."""
    data = paper_to_json(paper)
    data["qti"] = {c.item.code: c.to_json() for c in converted}
    return data
