"""Certificate numbers under the national 22-character rule (职业技能等级证书编码规则).

Layout (docs/results.md has the source and our reading):

    pos 1      evaluation agency category: Y (employer, 用人单位) or S (social training and
               evaluation organisation, 社会培训评价组织)
    pos 2–5    agency code given by the ministry (0001–9999); 0000 when the agency is filed
               with the province instead
    pos 6–7    province code of the agency (site): the first two digits of GB/T 2260
    pos 8–13   agency (site) serial code, given by the provincial HRSS department
    pos 14–15  year of issue, last two digits
    pos 16     skill level 1–5
    pos 17–22  certificate sequence 000001–999999, given by the agency

Parts 1–4 are assigned by the HRSS departments, parts 5–7 by the agency: where the province
delegates numbering, the site makes parts 5–7 (`generate`) for the candidates who passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import KnownError
from app.i18n import tr

LENGTH = 22
CATEGORIES = ("Y", "S")
#: GB/T 2260 province-level codes (and 66, the Xinjiang Production and Construction Corps).
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "66", "71", "81", "82",
})
MAX_SEQUENCE = 999_999
_SHAPE = re.compile(r"^[YS]\d{21}$")


class CertificateNumberError(KnownError):
    code = "certificate_number"


@dataclass(frozen=True)
class CertificatePrefix:
    """Parts 1–4, fixed for an agency (site) by the HRSS departments."""

    category: str
    agency_code: str
    province: str
    agency_serial: str

    def __post_init__(self) -> None:
        problem = _prefix_problem(self.category, self.agency_code, self.province, self.agency_serial)
        if problem:
            raise CertificateNumberError(problem)

    def __str__(self) -> str:
        return f"{self.category}{self.agency_code}{self.province}{self.agency_serial}"


@dataclass(frozen=True)
class CertificateNumber:
    prefix: CertificatePrefix
    year: int  # the full year, e.g. 2026
    level: int
    sequence: int

    def __post_init__(self) -> None:
        if not 2000 <= self.year <= 2099:
            raise CertificateNumberError(tr("The year of issue must be between 2000 and 2099."))
        if not 1 <= self.level <= 5:
            raise CertificateNumberError(tr("The skill level must be 1 to 5."))
        if not 1 <= self.sequence <= MAX_SEQUENCE:
            raise CertificateNumberError(tr("The certificate sequence must be between 1 and {most}.",
                                            most=MAX_SEQUENCE))

    def __str__(self) -> str:
        return f"{self.prefix}{self.year % 100:02d}{self.level}{self.sequence:06d}"


def _prefix_problem(category: str, agency_code: str, province: str, agency_serial: str) -> str | None:
    if category not in CATEGORIES:
        return tr("Character 1 must be Y (employer) or S (social evaluation organisation).")
    if not (len(agency_code) == 4 and agency_code.isascii() and agency_code.isdigit()):
        return tr("Characters 2 to 5 (the agency code) must be 4 digits.")
    if province not in PROVINCES:
        return tr("Characters 6 and 7 ({code}) are not a province code.", code=province)
    if not (len(agency_serial) == 6 and agency_serial.isascii() and agency_serial.isdigit()):
        return tr("Characters 8 to 13 (the agency serial) must be 6 digits.")
    return None


def parse(text: str) -> CertificateNumber:
    """The parts of a certificate number; CertificateNumberError naming the first wrong part."""
    value = (text or "").strip()
    if len(value) != LENGTH:
        raise CertificateNumberError(tr("A certificate number has 22 characters, not {count}.", count=len(value)))
    if not _SHAPE.match(value):
        if value[0] not in CATEGORIES:
            raise CertificateNumberError(
                tr("Character 1 must be Y (employer) or S (social evaluation organisation)."))
        raise CertificateNumberError(tr("Characters 2 to 22 must be digits."))
    prefix = CertificatePrefix(value[0], value[1:5], value[5:7], value[7:13])
    level, sequence = int(value[15]), int(value[16:22])
    return CertificateNumber(prefix, 2000 + int(value[13:15]), level, sequence)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except CertificateNumberError:
        return False
    return True


def prefix_from_rules(rules: dict | None, province: str) -> CertificatePrefix | None:
    """The plan's `certificate_numbering` rule, present when the province delegates numbering:
    {"category": "S", "agency_code": "0000", "agency_serial": "000123"} (province from the plan)."""
    numbering = (rules or {}).get("certificate_numbering")
    if not numbering:
        return None
    return CertificatePrefix(str(numbering.get("category", "")), str(numbering.get("agency_code", "")),
                             str(numbering.get("province", province)), str(numbering.get("agency_serial", "")))


def generate(prefix: CertificatePrefix, year: int, level: int, taken: set[str], count: int) -> list[str]:
    """`count` new numbers after the highest sequence already `taken` under this prefix, year and level."""
    head = f"{prefix}{year % 100:02d}{level}"
    used = [int(number[16:]) for number in taken if number.startswith(head) and len(number) == LENGTH]
    start = max(used, default=0) + 1
    if start + count - 1 > MAX_SEQUENCE:
        raise CertificateNumberError(tr("The certificate sequence for {year} level {level} is used up.",
                                        year=year, level=level))
    return [str(CertificateNumber(prefix, year, level, start + offset)) for offset in range(count)]
