"""Strict JSON reading for package members: typed getters that fail with a clear detail.

JSON is parsed with duplicate keys, floats and NaN refused (the canonical form has none). Each
getter names the field path (e.g. ``sessions[1].starts_at``) so the desk message points at it.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from app.i18n import tr
from app.package.errors import Malformed

E = TypeVar("E", bound=Enum)
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = {}
    for key, value in pairs:
        if key in result:
            raise Malformed(tr("the key {field} appears twice", field=key))
        result[key] = value
    return result


def _refuse_number(text: str):
    raise Malformed(tr("numbers with a fraction must be written as strings: {value}", value=text[:20]))


def parse_json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_refuse_duplicates,
                          parse_float=_refuse_number, parse_constant=_refuse_number)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise Malformed(tr("it is not valid JSON")) from None


def missing(field: str) -> Malformed:
    return Malformed(tr("the field {field} is missing", field=field))


def wrong(field: str) -> Malformed:
    return Malformed(tr("the field {field} has a wrong type or value", field=field))


class Fields:
    """A JSON object being read, with the path that leads to it."""

    def __init__(self, data: Any, where: str = "") -> None:
        if not isinstance(data, dict):
            raise wrong(where or "(top)")
        self.data, self.where = data, where

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def raw(self, key: str, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise missing(self.path(key))
        return self.data[key]

    def text(self, key: str, *, optional: bool = False, max_length: int = 500, code: bool = False) -> str | None:
        value = self.raw(key, optional)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > max_length or (code and not CODE.match(value)):
            raise wrong(self.path(key))
        return value

    def integer(self, key: str, minimum: int | None = None, maximum: int | None = None,
                optional: bool = False) -> int | None:
        value = self.raw(key, optional)
        if value is None and optional:
            return None
        if (not isinstance(value, int) or isinstance(value, bool) or (minimum is not None and value < minimum)
                or (maximum is not None and value > maximum)):
            raise wrong(self.path(key))
        return value

    def boolean(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            raise wrong(self.path(key))
        return value

    def decimal(self, key: str, minimum: Decimal | None = Decimal(0)) -> Decimal:
        value = self.raw(key)
        try:
            number = Decimal(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or (minimum is not None and number < minimum):
            raise wrong(self.path(key))
        return number

    def timestamp(self, key: str) -> datetime:
        try:
            value = datetime.fromisoformat(self.text(key, max_length=40))
        except ValueError:
            raise wrong(self.path(key)) from None
        if value.tzinfo is None:
            raise wrong(self.path(key))
        return value

    def day(self, key: str) -> date:
        try:
            return date.fromisoformat(self.text(key, max_length=10))
        except ValueError:
            raise wrong(self.path(key)) from None

    def enum(self, key: str, kind: type[E]) -> E:
        try:
            return kind(self.raw(key))
        except (ValueError, TypeError):
            raise wrong(self.path(key)) from None

    def items(self, key: str, optional: bool = False) -> list[Any]:
        value = self.raw(key, optional)
        if value is None and optional:
            return []
        if not isinstance(value, list):
            raise wrong(self.path(key))
        return value

    def objects(self, key: str, optional: bool = False) -> list[Fields]:
        return [Fields(item, f"{self.path(key)}[{index}]") for index, item in enumerate(self.items(key, optional))]

    def codes(self, key: str) -> tuple[str, ...]:
        values = self.items(key)
        if not all(isinstance(value, str) and CODE.match(value) for value in values):
            raise wrong(self.path(key))
        return tuple(values)

    def obj(self, key: str) -> Fields:
        return Fields(self.raw(key), self.path(key))


def unique(values, what: str) -> None:
    """Malformed if a code appears twice (tickets, rooms, sessions, staff numbers…)."""
    seen = set()
    for value in values:
        if value in seen:
            raise Malformed(tr("{what} {code} appears twice", what=what, code=value))
        seen.add(value)
