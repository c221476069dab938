"""Item statistics of one room: difficulty and discrimination (classical test theory).

- difficulty p = the mean of score / points over the candidates (for all-or-nothing items this
  is the proportion who answered correctly); higher means easier.
- discrimination D = p(upper group) − p(lower group), the groups being the 27 % of candidates
  with the highest and the lowest total score (Kelley's upper-lower index; at least one each).
  It needs at least 4 candidates, else it is None.
Results are Decimals rounded to 3 places.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

GROUP_SHARE = Decimal("0.27")
MIN_FOR_DISCRIMINATION = 4
PLACES = Decimal("0.001")


@dataclass(frozen=True)
class ItemFigures:
    code: str
    candidates: int
    difficulty: Decimal | None
    discrimination: Decimal | None


def _mean_ratio(rows: Sequence[Mapping[str, Decimal]], code: str, points: Decimal) -> Decimal:
    return sum((row[code] / points for row in rows), Decimal(0)) / len(rows)


def item_figures(points: Mapping[str, Decimal], candidates: Sequence[Mapping[str, Decimal]]) -> list[ItemFigures]:
    """`points`: item code → maximum points; `candidates`: per candidate, item code → points earned."""
    ranked = sorted(candidates, key=lambda row: sum(row.values(), Decimal(0)), reverse=True)
    count = len(ranked)
    group = max(1, math.ceil(GROUP_SHARE * count)) if count else 0
    upper, lower = ranked[:group], ranked[count - group:]
    out = []
    for code, maximum in points.items():
        if not count or maximum <= 0:
            out.append(ItemFigures(code, count, None, None))
            continue
        difficulty = _mean_ratio(ranked, code, maximum).quantize(PLACES, ROUND_HALF_UP)
        discrimination = None
        if count >= MIN_FOR_DISCRIMINATION:
            discrimination = (_mean_ratio(upper, code, maximum) - _mean_ratio(lower, code, maximum)).quantize(
                PLACES, ROUND_HALF_UP)
        out.append(ItemFigures(code, count, difficulty, discrimination))
    return out
