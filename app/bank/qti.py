"""QTI 2.1, 2.2 and 3.0 assessment items into the question bank: choice items only.

An item is imported when it has exactly one choiceInteraction answering a response of single or
multiple cardinality, scored by match_correct or map_response (by template or an inline copy of
one). Everything else is skipped with a reason, item by item, and never silently dropped.
Reading files, folders and content packages is in `qti_sources`; the domain form is in
`qti_convert`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.bank.qti_scoring import MapResponse, MatchCorrect, Scoring, Unsupported, decimal_of, mapping_of, recognise
from app.bank.qti_sources import read_sources
from app.bank.qti_text import flatten
from app.bank.qti_xml import NAMESPACES, attr, child, children, name, namespace, parse_xml
from app.domain.paper import ItemKind
from app.errors import KnownError
from app.i18n import tr

TRUE_FALSE = (("true", "false"), ("正确", "错误"), ("对", "错"), ("yes", "no"), ("√", "×"), ("richtig", "falsch"),
              ("vrai", "faux"), ("juist", "onjuist"), ("waar", "niet waar"))
_PUNCTUATION = re.compile(r"[.。!！]+")


@dataclass(frozen=True)
class ImportedItem:
    identifier: str
    title: str
    version: str
    source: str
    kind: ItemKind
    stem: str
    choices: tuple[tuple[str, str], ...]  # (QTI identifier, text) in the item's order
    correct: tuple[str, ...]  # QTI identifiers, in choice order
    scoring: Scoring
    min_choices: int = 0
    max_choices: int = 1  # 0: no limit

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(identifier for identifier, _ in self.choices)

    @property
    def max_score(self) -> Decimal:
        return self.scoring.max_score(self.choice_ids, self.min_choices, self.max_choices)

    def score(self, selected) -> Decimal:
        return self.scoring.score(selected)

    def to_json(self) -> dict:
        return {"identifier": self.identifier, "type": self.kind.value, "choices": list(self.choice_ids),
                "correct": list(self.correct), "max_score": json_number(self.max_score)}


@dataclass(frozen=True)
class SkippedItem:
    source: str
    identifier: str | None
    reason: str


@dataclass
class ImportResult:
    items: list[ImportedItem] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    files: int = 0
    not_items: list[str] = field(default_factory=list)  # XML that is no assessment item (tests, manifests…)


def json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def true_false_keys(texts: list[str]) -> tuple[str, str] | None:
    """('T', 'F') in the order of `texts` when the two choices read true/false, 正确/错误, 对/错 or yes/no."""
    if len(texts) != 2:
        return None
    plain = [" ".join(_PUNCTUATION.sub("", text).lower().split()) for text in texts]
    for yes, no in TRUE_FALSE:
        if plain == [yes, no]:
            return "T", "F"
        if plain == [no, yes]:
            return "F", "T"
    return None


def _count(element: ET.Element, key: str, default: str) -> int:
    text = attr(element, key, default)
    if not text.isdigit():
        raise Unsupported(tr("{what} is not a number: {value}", what=key, value=text))
    return int(text)


def _outcome_defaults(root: ET.Element) -> dict[str, Decimal]:
    """The starting values of the numeric outcomes (0 when none is declared, as QTI says)."""
    defaults = {}
    for outcome in children(root, "outcomeDeclaration"):
        if attr(outcome, "baseType") not in ("float", "integer") or attr(outcome, "cardinality", "single") != "single":
            continue
        default = child(outcome, "defaultValue")
        value = child(default, "value") if default is not None else None
        try:
            defaults[attr(outcome, "identifier") or ""] = decimal_of(value.text, "defaultValue") if value is not None else Decimal(0)
        except Unsupported:
            continue
    return defaults


def _best_response(scoring: MapResponse, choices: tuple[str, ...], min_choices: int, max_choices: int) -> tuple[str, ...]:
    best = scoring.max_score(choices, min_choices, max_choices)
    ranked = sorted(choices, key=lambda c: scoring.value(c), reverse=True)
    for k in range(max(min_choices, 1), (max_choices or len(ranked)) + 1):
        if best > 0 and scoring.score(ranked[:k]) == best:
            return tuple(c for c in choices if c in ranked[:k])
    return ()


def parse_item(root: ET.Element, source: str) -> ImportedItem:
    """The item in `root` (an assessmentItem of any supported version), or Unsupported with the reason."""
    version = NAMESPACES.get(namespace(root))
    if version is None:
        raise Unsupported(tr("its namespace {namespace} is not QTI 2.x or 3.0", namespace=namespace(root) or "-"))
    if attr(root, "adaptive") == "true":
        raise Unsupported(tr("it is adaptive (several attempts with feedback)"))
    if child(root, "templateProcessing") is not None:
        raise Unsupported(tr("its content is generated by template processing"))
    body = child(root, "itemBody")
    if body is None:
        raise Unsupported(tr("it has no item body"))
    found = [node for node in body.iter() if name(node).endswith("Interaction")]
    nested = {id(inner) for node in found for inner in node.iter() if inner is not node}
    interactions = [node for node in found if id(node) not in nested]  # a PCI inside customInteraction is one
    if not interactions:
        raise Unsupported(tr("it has no interaction"))
    if len(interactions) > 1:
        kinds = ", ".join(sorted({name(node) for node in interactions}))
        raise Unsupported(tr("it has {count} interactions ({kinds}); only items with one choiceInteraction are imported",
                             count=len(interactions), kinds=kinds))
    interaction = interactions[0]
    if name(interaction) != "choiceInteraction":
        raise Unsupported(tr("its {interaction} is not a choiceInteraction", interaction=name(interaction)))
    response = attr(interaction, "responseIdentifier") or ""
    declaration = next((d for d in children(root, "responseDeclaration") if attr(d, "identifier") == response), None)
    if declaration is None:
        raise Unsupported(tr("the response {response} is not declared", response=response))
    cardinality = attr(declaration, "cardinality")
    if cardinality not in ("single", "multiple"):
        raise Unsupported(tr("its response has {cardinality} cardinality", cardinality=cardinality))
    choice_elements = children(interaction, "simpleChoice")
    choices = tuple((attr(c, "identifier") or "", flatten(c)) for c in choice_elements)
    ids = tuple(identifier for identifier, _ in choices)
    if len(ids) < 2 or "" in ids or len(set(ids)) != len(ids):
        raise Unsupported(tr("its choices are fewer than two or their identifiers are missing or repeated"))
    correct_element = child(declaration, "correctResponse")
    declared = [(v.text or "").strip() for v in children(correct_element, "value")] if correct_element is not None else []
    if not set(declared) <= set(ids):
        raise Unsupported(tr("its correct response names a choice the item does not have"))
    if cardinality == "single" and len(declared) > 1:
        raise Unsupported(tr("its correct response has several values for a single-choice response"))
    min_choices = _count(interaction, "minChoices", "0")
    max_choices = 1 if cardinality == "single" else _count(interaction, "maxChoices", "0")
    template, points = recognise(child(root, "responseProcessing"), response, _outcome_defaults(root))
    scoring: Scoring
    if template == "match_correct":
        if not declared:
            raise Unsupported(tr("match_correct scoring needs a correct response"))
        if points is None:
            score = next((o for o in children(root, "outcomeDeclaration") if attr(o, "identifier") == "SCORE"), None)
            maximum = attr(score, "normalMaximum") if score is not None else None
            points = decimal_of(maximum, "normalMaximum") if maximum else Decimal(1)
        scoring = MatchCorrect(correct=frozenset(declared), points=points)
        correct = tuple(c for c in ids if c in declared)
    else:
        scoring = mapping_of(declaration)
        declared_in_order = tuple(c for c in ids if c in declared)
        correct = declared_in_order or _best_response(scoring, ids, min_choices, max_choices)
    texts = [text for _, text in choices]
    kind = ItemKind.MULTIPLE if cardinality == "multiple" else (
        ItemKind.TRUE_FALSE if true_false_keys(texts) else ItemKind.SINGLE)
    item = ImportedItem(identifier=attr(root, "identifier") or Path(source).stem, title=attr(root, "title") or "",
                        version=version, source=source, kind=kind, stem=flatten(body, leave_out=tuple(choice_elements)),
                        choices=choices, correct=correct, scoring=scoring, min_choices=min_choices,
                        max_choices=max_choices)
    if item.max_score <= 0:
        raise Unsupported(tr("it cannot award any points"))
    if not item.correct:
        raise Unsupported(tr("no response earns points"))
    return item


def import_qti(path: Path) -> ImportResult:
    """Every choice item under `path` (an item .xml, a folder, or a content package .zip).

    An unreadable input raises KnownError; a file or item that cannot be used is recorded in
    `skipped` with its reason. A single .xml file that is not well-formed or unsafe is an
    unreadable input.
    """
    path = Path(path)
    result = ImportResult()
    single = path.is_file() and path.suffix.lower() == ".xml"
    for source in read_sources(path):
        result.files += 1
        if source.error is not None:
            result.skipped.append(SkippedItem(source.where, None, source.error))
            continue
        try:
            root = parse_xml(source.data, source.where)
        except KnownError as exc:
            if single:
                raise
            result.skipped.append(SkippedItem(source.where, None, exc.message))
            continue
        if name(root) != "assessmentItem":
            if source.listed:
                result.skipped.append(SkippedItem(source.where, None, tr(
                    "the package lists it as an item but it is a {element}", element=name(root) or "?")))
            else:
                result.not_items.append(source.where)
            continue
        try:
            result.items.append(parse_item(root, source.where))
        except Unsupported as exc:
            result.skipped.append(SkippedItem(source.where, attr(root, "identifier"), str(exc)))
    if single and not result.items and not result.skipped:
        raise KnownError(tr("{path} is not a QTI assessment item.", path=path), code="not_qti")
    return result


