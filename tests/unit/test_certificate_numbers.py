"""Certificate numbers under the national 22-character rule: generation and validation agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.results.certificate import (
    PROVINCES,
    CertificateNumber,
    CertificateNumberError,
    CertificatePrefix,
    generate,
    is_valid,
    parse,
    prefix_from_rules,
)

prefixes = st.builds(
    CertificatePrefix,
    category=st.sampled_from(["Y", "S"]),
    agency_code=st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    province=st.sampled_from(sorted(PROVINCES)),
    agency_serial=st.integers(0, 999_999).map(lambda n: f"{n:06d}"),
)
numbers = st.builds(CertificateNumber, prefix=prefixes, year=st.integers(2000, 2099), level=st.integers(1, 5),
                    sequence=st.integers(1, 999_999))


def test_the_published_example_reads_as_its_parts():
    number = parse("Y000123000456195000001")
    assert (number.prefix.category, number.prefix.agency_code, number.prefix.province) == ("Y", "0001", "23")
    assert (number.prefix.agency_serial, number.year, number.level, number.sequence) == ("000456", 2019, 5, 1)


@given(numbers)
def test_every_generated_number_parses_back_to_its_parts(number):
    text = str(number)
    assert len(text) == 22 and is_valid(text)
    assert parse(text) == number


@given(numbers, st.integers(0, 21), st.characters(codec="ascii"))
def test_a_changed_character_is_refused_or_reads_differently(number, position, char):
    text = str(number)
    changed = text[:position] + char + text[position + 1:]
    if changed == text:
        return
    try:
        assert parse(changed) != number
    except CertificateNumberError:
        pass


@pytest.mark.parametrize("text, word", [
    ("Y00012300045619500000", "22 characters"),
    ("X000123000456195000001", "Character 1"),
    ("Y0001230004561950000A1", "digits"),
    ("Y000199000456195000001", "province"),
    ("Y000123000456196000001", "level"),
    ("Y000123000456195000000", "sequence"),
])
def test_wrong_numbers_are_refused_naming_the_part(text, word):
    with pytest.raises(CertificateNumberError, match=word):
        parse(text)
    assert not is_valid(text)


@given(prefixes, st.integers(2000, 2099), st.integers(1, 5), st.sets(st.integers(1, 5000), max_size=20),
       st.integers(0, 30))
def test_generated_numbers_follow_the_highest_taken_and_are_unique(prefix, year, level, used, count):
    taken = {str(CertificateNumber(prefix, year, level, n)) for n in used}
    other = str(CertificateNumber(prefix, year, 1 + level % 5, 9000))  # another level does not count
    fresh = generate(prefix, year, level, taken | {other}, count)
    assert len(fresh) == count and len(set(fresh)) == count and not set(fresh) & taken
    assert [parse(n).sequence for n in fresh] == list(range(max(used, default=0) + 1, max(used, default=0) + 1 + count))
    assert all(parse(n).level == level and parse(n).year == year and parse(n).prefix == prefix for n in fresh)


def test_a_used_up_sequence_is_refused():
    prefix = CertificatePrefix("S", "0000", "32", "000123")
    with pytest.raises(CertificateNumberError, match="used up"):
        generate(prefix, 2026, 4, {str(CertificateNumber(prefix, 2026, 4, 999_999))}, 1)


def test_the_plan_rule_names_the_prefix_and_its_absence_means_the_platform_numbers():
    assert prefix_from_rules({}, "32") is None
    prefix = prefix_from_rules({"certificate_numbering": {"category": "S", "agency_code": "0000",
                                                          "agency_serial": "000123"}}, "32")
    assert str(prefix) == "S000032000123"
    with pytest.raises(CertificateNumberError):
        prefix_from_rules({"certificate_numbering": {"category": "S", "agency_code": "12",
                                                     "agency_serial": "000123"}}, "32")
