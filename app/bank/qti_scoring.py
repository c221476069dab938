"""How a QTI choice item is scored: the two standard response-processing templates.

- match_correct: the response equals the correct response (as a set for multiple cardinality)
  and scores the item's points, else 0. The points are the SCORE outcome's normalMaximum, or 1 as
  in the template; an inline copy of the template scores the value it sets.
- map_response: each distinct chosen identifier is looked up in the mapping (defaultValue when
  unmapped), the values are summed and the sum clamped to lowerBound/upperBound. No response
  scores 0 (the template's isNull branch).

map_response_point (graphic interactions) and any other response processing are out of scope:
`recognise` raises `Unsupported` with the reason, and the item is skipped, never guessed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.bank.qti_xml import attr, child, children, name
from app.i18n import tr

ZERO = Decimal(0)
MATCH_TEMPLATES = {"match_correct", "cc2_match"}
MAP_TEMPLATES = {"map_response", "cc2_map_response"}


class Unsupported(Exception):
    """The item cannot be imported; the message is the translated reason."""


def decimal_of(text: str | None, what: str) -> Decimal:
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        raise Unsupported(tr("{what} is not a number: {value}", what=what, value=text)) from None
    if not value.is_finite():
        raise Unsupported(tr("{what} is not a number: {value}", what=what, value=text))
    return value


@dataclass(frozen=True)
class MatchCorrect:
    correct: frozenset[str]
    points: Decimal

    template = "match_correct"

    def score(self, selected) -> Decimal:
        return self.points if frozenset(selected) == self.correct else ZERO

    def max_score(self, choices, min_choices: int = 0, max_choices: int = 0) -> Decimal:
        return self.points


@dataclass(frozen=True)
class MapResponse:
    entries: tuple[tuple[str, Decimal], ...]
    default: Decimal = ZERO
    lower: Decimal | None = None
    upper: Decimal | None = None

    template = "map_response"

    def value(self, identifier: str) -> Decimal:
        return dict(self.entries).get(identifier, self.default)

    def clamp(self, total: Decimal) -> Decimal:
        if self.lower is not None and total < self.lower:
            total = self.lower
        if self.upper is not None and total > self.upper:
            total = self.upper
        return total

    def score(self, selected) -> Decimal:
        chosen = set(selected)
        if not chosen:
            return ZERO
        return self.clamp(sum((self.value(c) for c in chosen), ZERO))

    def max_score(self, choices, min_choices: int = 0, max_choices: int = 0) -> Decimal:
        """The best score a response of min..max distinct choices (0 = no limit) can reach, or 0 unanswered.

        For each response size k the k highest values give the highest sum, and clamping never
        changes the order of two sums, so the best over k is exact.
        """
        values = sorted((self.value(c) for c in set(choices)), reverse=True)
        largest = min(max_choices or len(values), len(values))
        best, running = ZERO, ZERO
        for k, value in enumerate(values[:largest], start=1):
            running += value
            if k >= max(min_choices, 1):
                best = max(best, self.clamp(running))
        return best


Scoring = MatchCorrect | MapResponse


def template_name(uri: str) -> str:
    """'…/rptemplates/match_correct.xml' -> 'match_correct', whatever the version's URI."""
    last = uri.strip().rstrip("/").rsplit("/", 1)[-1]
    return (last[:-4] if last.lower().endswith(".xml") else last).lower()


def _is_variable(element: ET.Element | None, kind: str, identifier: str) -> bool:
    return element is not None and name(element) == kind and attr(element, "identifier") == identifier


def _sets_score(element: ET.Element) -> bool:
    return any(name(node) in ("setOutcomeValue", "lookupOutcomeValue") and attr(node, "identifier") == "SCORE"
               for node in element.iter())


def _operands(element: ET.Element) -> list[ET.Element]:
    return [node for node in element if name(node)]


def _score_values(branch: ET.Element) -> list[ET.Element] | None:
    """The expressions a branch sets SCORE to, or None when SCORE is changed in a nested or other way."""
    values = []
    for rule in _operands(branch)[1:] if name(branch) != "responseElse" else _operands(branch):
        if not _sets_score(rule):
            continue
        if name(rule) != "setOutcomeValue" or len(_operands(rule)) != 1:
            return None
        values.append(_operands(rule)[0])
    return values


def _points(value: ET.Element, outcomes: dict[str, Decimal]) -> Decimal | None:
    """What `value` sets SCORE to, knowing SCORE still holds its default: x, MAXSCORE, SCORE + MAXSCORE."""
    if name(value) == "baseValue":
        return decimal_of(value.text, "SCORE")
    if name(value) == "variable" and attr(value, "identifier") in outcomes and attr(value, "identifier") != "SCORE":
        return outcomes[attr(value, "identifier")]
    terms = _operands(value)
    if name(value) == "sum" and all(name(t) in ("variable", "baseValue") for t in terms):
        parts = [_points(t, outcomes) if attr(t, "identifier") != "SCORE" else outcomes.get("SCORE", ZERO)
                 for t in terms]
        return None if None in parts else sum(parts, ZERO)
    return None


def _is_correct_test(test: ET.Element, response: str) -> bool:
    operands = _operands(test)
    return name(test) == "match" and len(operands) == 2 and (
        (_is_variable(operands[0], "variable", response) and _is_variable(operands[1], "correct", response))
        or (_is_variable(operands[1], "variable", response) and _is_variable(operands[0], "correct", response)))


def _is_null_test(test: ET.Element, response: str) -> bool:
    operands = _operands(test)
    return name(test) == "isNull" and len(operands) == 1 and _is_variable(operands[0], "variable", response)


def _inline(rules: list[ET.Element], response: str, outcomes: dict[str, Decimal]) -> tuple[str, Decimal | None] | None:
    """An inline form of match_correct (with the points it awards) or map_response, else None.

    Rules that never touch SCORE (feedback) are left aside. Match form: one branch tests
    match(RESPONSE, correct RESPONSE) and sets SCORE to a positive amount; branches before it may
    only test isNull(RESPONSE); no other branch gives SCORE anything but 0.
    """
    scoring = [rule for rule in rules if _sets_score(rule)]
    if len(scoring) != 1:
        return None
    rule = scoring[0]
    if name(rule) == "setOutcomeValue":
        values = _operands(rule)
        return ("map_response", None) if len(values) == 1 and _is_variable(values[0], "mapResponse", response) else None
    if name(rule) != "responseCondition":
        return None
    branches = _operands(rule)
    kinds = [name(b) for b in branches]
    if not kinds or kinds[0] != "responseIf" or any(k not in ("responseElseIf", "responseElse") for k in kinds[1:]) \
            or "responseElse" in kinds[:-1]:
        return None
    settings = [_score_values(b) for b in branches]
    if any(values is None or len(values) > 1 for values in settings):
        return None
    tests = [_operands(b)[0] if name(b) != "responseElse" and _operands(b) else None for b in branches]
    amounts = [(_points(values[0], outcomes) if values else None) for values in settings]
    if len(branches) == 2 and tests[0] is not None and _is_null_test(tests[0], response) and amounts[0] == 0 \
            and settings[1] and _is_variable(settings[1][0], "mapResponse", response):
        return "map_response", None
    awarding = [i for i, values in enumerate(settings) if values and (amounts[i] is None or amounts[i] != 0)]
    if len(awarding) != 1:
        return None
    index = awarding[0]
    points = amounts[index]
    if points is None or points <= 0 or tests[index] is None or not _is_correct_test(tests[index], response):
        return None
    if not all(tests[i] is not None and _is_null_test(tests[i], response) for i in range(index)):
        return None
    if outcomes.get("SCORE", ZERO) != 0:
        return None
    return "match_correct", points


def recognise(processing: ET.Element | None, response: str,
              outcomes: dict[str, Decimal] | None = None) -> tuple[str, Decimal | None]:
    """('match_correct', points or None) or ('map_response', None) for the item's response processing.

    `outcomes` are the default values of the item's numeric outcomes (SCORE, MAXSCORE…).
    """
    if processing is None:
        raise Unsupported(tr("it has no response processing, so it is not scored"))
    uri = attr(processing, "template") or attr(processing, "templateLocation")
    if uri:
        template = template_name(uri)
        if template in MATCH_TEMPLATES:
            kind = "match_correct"
        elif template in MAP_TEMPLATES:
            kind = "map_response"
        elif template == "map_response_point":
            raise Unsupported(tr("map_response_point scoring (points on an image) is out of scope"))
        else:
            raise Unsupported(tr("the response-processing template {template} is not supported", template=uri))
        if response != "RESPONSE":
            raise Unsupported(tr("the template scores RESPONSE but the interaction answers {response}",
                                 response=response))
        return kind, None
    found = _inline(_operands(processing), response, outcomes or {})
    if found is None:
        raise Unsupported(tr("its custom response processing is not one of the standard templates"))
    return found


def mapping_of(declaration: ET.Element) -> MapResponse:
    mapping = child(declaration, "mapping")
    if mapping is None:
        raise Unsupported(tr("map_response scoring needs a mapping in the response declaration"))
    entries = []
    for entry in children(mapping, "mapEntry"):
        key = attr(entry, "mapKey")
        if key is None:
            raise Unsupported(tr("a mapping entry has no key"))
        entries.append((key, decimal_of(attr(entry, "mappedValue"), "mappedValue")))
    keys = [key for key, _ in entries]
    if len(set(keys)) != len(keys):
        raise Unsupported(tr("a key appears twice in the mapping"))
    lower, upper = attr(mapping, "lowerBound"), attr(mapping, "upperBound")
    result = MapResponse(entries=tuple(entries), default=decimal_of(attr(mapping, "defaultValue", "0"), "defaultValue"),
                         lower=None if lower is None else decimal_of(lower, "lowerBound"),
                         upper=None if upper is None else decimal_of(upper, "upperBound"))
    if result.lower is not None and result.upper is not None and result.lower > result.upper:
        raise Unsupported(tr("the mapping's lowerBound is above its upperBound"))
    return result
