"""Canonical JSON: one byte string per value, so that signatures and hashes are reproducible.

Rules: UTF-8, keys sorted, no insignificant white space, no floats (use Decimal or int),
Decimals as strings without exponent, datetimes as UTC ISO-8601 with microseconds and 'Z',
dates as ISO-8601, bytes refused (encode them as hex or base64 first), tuples as lists.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from typing import Any


def _normalise(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, Enum):
        return _normalise(value.value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("floats have no canonical form; use Decimal or int")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError("only finite Decimals have a canonical form")
        return format(value.normalize(), "f") if value != 0 else "0"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise TypeError("naive datetimes have no canonical form")
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("object keys must be strings")
            out[key] = _normalise(item)
        return out
    if isinstance(value, (list, tuple)):
        return [_normalise(item) for item in value]
    raise TypeError(f"no canonical form for {type(value).__name__}")


def canonical_json(value: Any) -> bytes:
    """Encode `value` canonically (see the module docstring)."""
    return json.dumps(
        _normalise(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")
