"""Citizen identification numbers (公民身份号码) as GB 11643-1999 defines them.

Eighteen characters: a 6-digit administrative region code, the birth date as YYYYMMDD, a 3-digit
sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
Residence permits for Hong Kong, Macao and Taiwan residents use the same structure with the
region prefixes 81, 82 and 83.
"""

from __future__ import annotations

from datetime import date

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # indexed by (weighted sum mod 11)
EARLIEST_BIRTH_YEAR = 1900

#: The first two digits of the region code: provinces, autonomous regions, municipalities,
#: Taiwan (71), and the HMT residence-permit prefixes (81 Hong Kong, 82 Macao, 83 Taiwan).
PROVINCE_CODES = frozenset(
    [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
     50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]
)


def normalise_id_number(s: str) -> str:
    """Strip surrounding white space and upper-case the check character ('x' is 'X')."""
    return s.strip().upper()


def check_digit(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("the check character is computed over exactly 17 digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS))
    return CHECK_CHARACTERS[total % 11]


def birth_date_of(id_number: str) -> date:
    """The birth date encoded in an ID number; ValueError if it is not a real date."""
    text = normalise_id_number(id_number)[6:14]
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise ValueError("no birth date in this ID number")
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def validate_id_number(s: str, *, today: date | None = None) -> bool:
    """True if `s` is a well-formed 18-character ID number with a correct check character.

    Checks the structure, the province part of the region code, that the birth date exists, is
    not before 1900 and not after `today`, and the check character. It cannot tell whether the
    number was ever issued.
    """
    if not isinstance(s, str):
        return False
    number = normalise_id_number(s)
    body = number[:17]
    if len(number) != 18 or not body.isascii() or not body.isdigit():
        return False
    if int(number[:2]) not in PROVINCE_CODES:
        return False
    try:
        born = birth_date_of(number)
    except ValueError:
        return False
    if born.year < EARLIEST_BIRTH_YEAR or born > (today or date.today()):
        return False
    return check_digit(body) == number[17]


def make_id_number(region: str, birth: date, sequence: int) -> str:
    """Compose a valid ID number (for samples and tests) from its parts."""
    if len(region) != 6 or not region.isascii() or not region.isdigit():
        raise ValueError("the region code has 6 digits")
    if not 0 <= sequence <= 999:
        raise ValueError("the sequence has 3 digits")
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    if len(body) != 17:
        raise ValueError("the birth year must have 4 digits")
    return body + check_digit(body)


def gender_of(id_number: str) -> str:
    """'M' if the sequence (17th digit) is odd, 'F' if even."""
    number = normalise_id_number(id_number)
    if len(number) != 18 or not number[16].isdigit():
        raise ValueError("not an 18-character ID number")
    return "M" if int(number[16]) % 2 else "F"
