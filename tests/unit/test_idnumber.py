"""GB 11643-1999 ID numbers: check character, structure, dates, gender."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.identity import validate_id_number
from app.identity.idnumber import PROVINCE_CODES, birth_date_of, check_digit, gender_of, make_id_number

TODAY = date(2026, 6, 1)
regions = st.builds(lambda province, rest: f"{province:02d}{rest:04d}",
                    st.sampled_from(sorted(PROVINCE_CODES)), st.integers(0, 9999))
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(0, 999)


@pytest.mark.parametrize("number", ["11010519491231002X", "440524198001010013", "810000199507010024"])
def test_known_good_numbers(number):
    assert validate_id_number(number, today=TODAY)


def test_the_standard_example():
    assert check_digit("11010519491231002") == "X"
    assert validate_id_number("11010519491231002x")
    assert validate_id_number(" 11010519491231002X ")


@pytest.mark.parametrize("number", [
    "", "1101051949123100", "110105194912310021X", "11010519491231002Y", "110105194912310020",
    "00010519491231002X"[:17] + check_digit("00010519491231002"),  # province 00
    "99010519491231002X"[:17] + check_digit("99010519491231002"),  # province 99
    "11010519490231002"[:17] + check_digit("11010519490231002"),  # 31 February
    "11010518991231002"[:17] + check_digit("11010518991231002"),  # before 1900
    "１１０１０５１９４９１２３１００２X",  # full-width digits
])
def test_bad_numbers(number):
    assert not validate_id_number(number, today=TODAY)


def test_future_birth_date_is_refused():
    tomorrow = TODAY + timedelta(days=1)
    assert not validate_id_number(make_id_number("320102", tomorrow, 11), today=TODAY)
    assert validate_id_number(make_id_number("320102", TODAY, 11), today=TODAY)


def test_not_a_string():
    assert not validate_id_number(None)  # type: ignore[arg-type]


def test_make_id_number_refuses_bad_parts():
    with pytest.raises(ValueError):
        make_id_number("3201", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id_number("320102", date(1990, 1, 1), 1000)
    with pytest.raises(ValueError):
        check_digit("123")


@given(regions, births, sequences)
def test_made_numbers_validate_and_carry_their_parts(region, birth, sequence):
    number = make_id_number(region, birth, sequence)
    assert len(number) == 18 and validate_id_number(number, today=TODAY)
    assert validate_id_number(number.lower(), today=TODAY)
    assert birth_date_of(number) == birth
    assert gender_of(number) == ("M" if sequence % 2 else "F")


@given(regions, births, sequences, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(region, birth, sequence, position, delta):
    number = make_id_number(region, birth, sequence)
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    assert not validate_id_number(changed, today=TODAY)


@given(regions, births, sequences, st.integers(0, 15))
def test_adjacent_transpositions_are_caught(region, birth, sequence, position):
    number = make_id_number(region, birth, sequence)
    if number[position] == number[position + 1]:
        return
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2:]
    assert not validate_id_number(swapped, today=TODAY)
