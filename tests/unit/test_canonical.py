"""Canonical JSON is deterministic, round-trips and refuses what has no canonical form."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.canonical import canonical_json

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_round_trip_and_idempotence(value):
    encoded = canonical_json(value)
    assert json.loads(encoded) == value
    assert canonical_json(json.loads(encoded)) == encoded


@given(st.dictionaries(st.text(), st.integers(), max_size=8))
def test_key_order_does_not_matter(mapping):
    reversed_mapping = dict(reversed(list(mapping.items())))
    assert canonical_json(mapping) == canonical_json(reversed_mapping)


def test_decimals_and_datetimes_have_one_form():
    assert canonical_json(Decimal("1.50")) == canonical_json(Decimal("1.5")) == b'"1.5"'
    assert canonical_json(Decimal("100")) == b'"100"'
    beijing = timezone(timedelta(hours=8))
    assert canonical_json(datetime(2026, 11, 23, 9, 0, tzinfo=beijing)) == b'"2026-11-23T01:00:00.000000Z"'
    assert canonical_json({"名": "张三"}) == '{"名":"张三"}'.encode()


@pytest.mark.parametrize("bad", [1.5, datetime(2026, 1, 1), b"bytes", {1: "x"}, Decimal("NaN")])
def test_values_without_canonical_form_are_refused(bad):
    with pytest.raises(TypeError):
        canonical_json(bad)
