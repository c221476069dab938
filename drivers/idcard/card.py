"""The card as the check-in desk sees it (``IdCard``) and the three layouts of the 256-byte text block.

The text block is UTF-16LE, each field fixed-size and padded with spaces. The card-type marker at
bytes 248–249 picks the layout: blank for the resident card (居民身份证), ``J`` for the residence
permit of Hong Kong, Macao and Taiwan residents (港澳台居民居住证), ``I`` for the 2017 foreign
permanent residence card and ``Y`` for the 2023 one (外国人永久居留身份证). Offsets are tabled in
docs/idcard-reader.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.i18n import tr
from app.identity.idnumber import check_digit, validate_id_number

from .errors import CardDataInvalid
from .ethnicity import ethnicity_code, ethnicity_name
from .protocol import TEXT_SIZE

RESIDENT = "resident"
HMT_RESIDENCE = "hmt_residence"
FOREIGN_PERMANENT = "foreign_permanent"
LONG_TERM = "长期"


@dataclass(frozen=True)
class IdCard:
    """What one read of a card gave. Dates are ``date``; ``valid_until`` is None for 长期 (no end)."""

    card_type: str
    name: str
    gender: str
    birth_date: date
    id_number: str
    valid_from: date
    valid_until: date | None
    address: str = ""
    authority: str = ""
    ethnicity: str | None = None
    name_en: str | None = None
    nationality: str | None = None
    pass_number: str | None = None
    issue_count: int | None = None
    card_version: str | None = None  # foreign cards: "2017" layout (I) or "2023" layout (Y)
    previous_number_link: str | None = None  # 2023 foreign card: links to the number of the old card
    photo_wlt: bytes = field(default=b"", repr=False)
    photo_image: bytes | None = field(default=None, repr=False)
    photo_note: str | None = None  # why photo_image is None

    @property
    def id_number_valid(self) -> bool:
        """Whether the number is well formed with a correct check character (the desk refuses it otherwise)."""
        return id_number_is_valid(self.card_type, self.id_number)


_FOREIGN_2017 = re.compile(r"[A-Z]{3}\d{12}")


def id_number_is_valid(card_type: str, number: str) -> bool:
    """GB 11643 for resident cards and HMT permits; for foreign cards the number's own rule.

    A 2023 foreign card number has 18 characters starting with 9 and the same MOD 11-2 check
    character; a 2017 one has 3 letters (nationality) and 12 digits, with no check we can verify.
    """
    if card_type in (RESIDENT, HMT_RESIDENCE):
        return validate_id_number(number)
    if card_type == FOREIGN_PERMANENT:
        if len(number) == 18:
            body = number[:17]
            return (number[0] == "9" and body.isascii() and body.isdigit()
                    and check_digit(body) == number[17].upper())
        return bool(_FOREIGN_2017.fullmatch(number))
    return False


# --- layouts: (field, byte offset, byte length) -------------------------------------------------

MARKER = (248, 2)

RESIDENT_LAYOUT = (
    ("name", 0, 30), ("gender", 30, 2), ("ethnicity", 32, 4), ("birth_date", 36, 16),
    ("address", 52, 70), ("id_number", 122, 36), ("authority", 158, 30),
    ("valid_from", 188, 16), ("valid_until", 204, 16),  # 220–255 reserved
)
HMT_LAYOUT = (
    ("name", 0, 30), ("gender", 30, 2), ("birth_date", 36, 16),  # 32–35 reserved
    ("address", 52, 70), ("id_number", 122, 36), ("authority", 158, 30),
    ("valid_from", 188, 16), ("valid_until", 204, 16), ("pass_number", 220, 18), ("issue_count", 238, 4),
    # 242–247 reserved, 248–249 "J", 250–255 reserved
)
FOREIGN_2017_LAYOUT = (
    ("name_en", 0, 120), ("gender", 120, 2), ("id_number", 122, 30), ("nationality", 152, 6),
    ("name", 158, 30), ("valid_from", 188, 16), ("valid_until", 204, 16), ("birth_date", 220, 16),
    ("card_version", 236, 4), ("authority", 240, 8),  # 248–249 "I", 250–255 reserved
)
FOREIGN_2023_LAYOUT = (
    ("name", 0, 30), ("gender", 30, 2), ("issue_count", 32, 4), ("birth_date", 36, 16),
    ("name_en", 52, 70), ("id_number", 122, 36),  # 158–187 reserved
    ("valid_from", 188, 16), ("valid_until", 204, 16), ("name_en_more", 220, 22), ("nationality", 242, 6),
    ("previous_number_link", 250, 6),  # 248–249 "Y"
)
LAYOUTS = {" ": (RESIDENT, RESIDENT_LAYOUT), "J": (HMT_RESIDENCE, HMT_LAYOUT),
           "I": (FOREIGN_PERMANENT, FOREIGN_2017_LAYOUT), "Y": (FOREIGN_PERMANENT, FOREIGN_2023_LAYOUT)}
GENDERS = {"1": "M", "2": "F"}


def _text(block: bytes, offset: int, length: int) -> str:
    return block[offset:offset + length].decode("utf-16-le", errors="replace").replace("\x00", " ").strip()


def _unreadable(what: str) -> CardDataInvalid:
    return CardDataInvalid(tr("The data on the card could not be understood ({field}); place the card again.",
                              field=what))


def _date(value: str, what: str, *, open_ended: bool = False) -> date | None:
    if open_ended and value == LONG_TERM:
        return None
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        raise _unreadable(what)
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise _unreadable(what) from None


def card_marker(block: bytes) -> str:
    marker = _text(block, *MARKER)
    return marker or " "


def parse_text(block: bytes, photo_wlt: bytes = b"", *, photo_image: bytes | None = None,
               photo_note: str | None = None) -> IdCard:
    """An IdCard from the 256-byte text block; CardDataInvalid if the block cannot be read."""
    if len(block) != TEXT_SIZE:
        raise _unreadable("length")
    marker = card_marker(block)
    if marker not in LAYOUTS:
        raise _unreadable("card type")
    card_type, layout = LAYOUTS[marker]
    raw = {name: _text(block, offset, length) for name, offset, length in layout}
    if raw.get("gender") not in GENDERS:
        raise _unreadable("gender")
    values: dict[str, Any] = {
        "card_type": card_type,
        "name": raw["name"],
        "gender": GENDERS[raw["gender"]],
        "birth_date": _date(raw["birth_date"], "birth date"),
        "id_number": raw["id_number"].upper(),
        "valid_from": _date(raw["valid_from"], "valid from"),
        "valid_until": _date(raw["valid_until"], "valid until", open_ended=True),
        "address": raw.get("address", ""),
        "authority": raw.get("authority", ""),
        "photo_wlt": bytes(photo_wlt),
        "photo_image": photo_image,
        "photo_note": photo_note,
    }
    if card_type == RESIDENT:
        try:
            values["ethnicity"] = ethnicity_name(raw["ethnicity"])
        except KeyError:
            raise _unreadable("ethnicity") from None
    if card_type == HMT_RESIDENCE:
        values["pass_number"] = raw["pass_number"]
    if "issue_count" in raw:
        if raw["issue_count"] and not raw["issue_count"].isdigit():
            raise _unreadable("issue count")
        values["issue_count"] = int(raw["issue_count"]) if raw["issue_count"] else None
    if card_type == FOREIGN_PERMANENT:
        values["nationality"] = raw["nationality"]
        values["name_en"] = raw["name_en"]
        if marker == "Y":
            values["name_en"] = _join_english_name(block)
            values["card_version"] = "2023"
            values["previous_number_link"] = raw["previous_number_link"] or None
        else:
            values["card_version"] = "2017"
    return IdCard(**values)


def _join_english_name(block: bytes) -> str:
    """2023 card: characters 1–35 of the English name at 52, 36–46 at 220 (the split may fall inside a word)."""
    first = block[52:122].decode("utf-16-le", errors="replace").replace("\x00", " ")
    rest = block[220:242].decode("utf-16-le", errors="replace").replace("\x00", " ")
    return (first + rest).strip()


# --- encoding (the simulator and tests write cards) ---------------------------------------------

def _put(block: bytearray, offset: int, length: int, value: str) -> None:
    data = value.encode("utf-16-le")
    if len(data) > length:
        raise ValueError(f"{value!r} does not fit in {length // 2} characters")
    block[offset:offset + length] = data + " ".encode("utf-16-le") * ((length - len(data)) // 2)


def _date_text(value: date | str | None) -> str:
    if value is None:
        return LONG_TERM
    return value if isinstance(value, str) else value.strftime("%Y%m%d")


def encode_text(fields: Mapping[str, Any] | IdCard) -> bytes:
    """The 256-byte text block for a card given as an IdCard or a mapping of IdCard field names.

    ``card_version`` "2017" picks the I layout for a foreign card; anything else the 2023 Y layout.
    """
    if isinstance(fields, IdCard):
        fields = {name: getattr(fields, name) for name in IdCard.__dataclass_fields__}
    card_type = fields.get("card_type", RESIDENT)
    if card_type == RESIDENT:
        marker = " "
    elif card_type == HMT_RESIDENCE:
        marker = "J"
    elif card_type == FOREIGN_PERMANENT:
        marker = "I" if str(fields.get("card_version") or "") == "2017" else "Y"
    else:
        raise ValueError(f"unknown card type {card_type!r}")
    layout = LAYOUTS[marker][1]
    gender = {"M": "1", "F": "2"}.get(fields.get("gender", "M"), str(fields.get("gender")))
    values = {
        "name": fields.get("name", ""), "gender": gender,
        "birth_date": _date_text(fields.get("birth_date")), "address": fields.get("address", "") or "",
        "id_number": fields.get("id_number", ""), "authority": fields.get("authority", "") or "",
        "valid_from": _date_text(fields.get("valid_from")), "valid_until": _date_text(fields.get("valid_until")),
        "pass_number": fields.get("pass_number") or "", "nationality": fields.get("nationality") or "",
        "card_version": "20" if marker == "I" else "",
        "previous_number_link": fields.get("previous_number_link") or "",
    }
    count = fields.get("issue_count")
    values["issue_count"] = "" if count is None else f"{int(count):02d}"
    if marker == " ":
        ethnicity = fields.get("ethnicity") or "汉"
        values["ethnicity"] = ethnicity if ethnicity.isdigit() else ethnicity_code(ethnicity)
    name_en = fields.get("name_en") or ""
    if marker == "Y":
        values["name_en"], values["name_en_more"] = name_en[:35], name_en[35:]
    else:
        values["name_en"] = name_en
    block = bytearray(" ".encode("utf-16-le") * (TEXT_SIZE // 2))
    for name, offset, length in layout:
        _put(block, offset, length, str(values.get(name, "")))
    if marker != " ":
        _put(block, *MARKER, marker)
    return bytes(block)
