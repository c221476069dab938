"""The 256-byte text block: resident card, HMT residence permit, foreign permanent residence cards.

Blocks are built here from field values at the documented offsets, independently of the encoder.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.identity.idnumber import check_digit, make_id_number
from drivers.idcard import CardDataInvalid, IdCard, encode_text, parse_text

SPACE = " ".encode("utf-16-le")


def block(*fields: tuple[int, int, str]) -> bytes:
    data = bytearray(SPACE * 128)
    for offset, length, text in fields:
        raw = text.encode("utf-16-le")
        assert len(raw) <= length
        data[offset:offset + len(raw)] = raw
    return bytes(data)


RESIDENT_NUMBER = make_id_number("320102", date(1988, 2, 29), 457)


def resident_block(**changes: str) -> bytes:
    values = {"name": "王小明", "gender": "1", "ethnicity": "01", "birth": "19880229", "address": "江苏省南京市玄武区中山路1号",
              "number": RESIDENT_NUMBER, "authority": "南京市公安局玄武分局", "from": "20200101", "until": "20400101"}
    values.update(changes)
    return block((0, 30, values["name"]), (30, 2, values["gender"]), (32, 4, values["ethnicity"]),
                 (36, 16, values["birth"]), (52, 70, values["address"]), (122, 36, values["number"]),
                 (158, 30, values["authority"]), (188, 16, values["from"]), (204, 16, values["until"]))


def test_resident_card():
    card = parse_text(resident_block(), b"wlt")
    assert card == IdCard(card_type="resident", name="王小明", gender="M", ethnicity="汉", birth_date=date(1988, 2, 29),
                          address="江苏省南京市玄武区中山路1号", id_number=RESIDENT_NUMBER, authority="南京市公安局玄武分局",
                          valid_from=date(2020, 1, 1), valid_until=date(2040, 1, 1), photo_wlt=b"wlt")
    assert card.id_number_valid


def test_resident_card_valid_long_term_and_other_ethnicity():
    card = parse_text(resident_block(until="长期", ethnicity="05", gender="2"))
    assert card.valid_until is None and card.ethnicity == "维吾尔" and card.gender == "F"


def test_invalid_id_checksum_is_flagged():
    wrong = RESIDENT_NUMBER[:17] + ("0" if RESIDENT_NUMBER[17] != "0" else "1")
    card = parse_text(resident_block(number=wrong))
    assert card.id_number == wrong and not card.id_number_valid


@pytest.mark.parametrize("changes, field", [
    ({"gender": "9"}, "gender"), ({"birth": "19880230"}, "birth date"), ({"from": "2020-1-1"}, "valid from"),
    ({"ethnicity": "77"}, "ethnicity"),
])
def test_unreadable_fields_give_a_sentence(changes, field):
    with pytest.raises(CardDataInvalid) as caught:
        parse_text(resident_block(**changes))
    assert field in caught.value.message and "place the card again" in caught.value.message


def test_unknown_marker_and_wrong_size():
    with pytest.raises(CardDataInvalid):
        parse_text(block((248, 2, "Q"), (30, 2, "1")))
    with pytest.raises(CardDataInvalid):
        parse_text(resident_block()[:200])


def test_hmt_residence_permit():
    number = make_id_number("810000", date(1995, 7, 1), 26)
    data = block((0, 30, "陈大文"), (30, 2, "1"), (36, 16, "19950701"), (52, 70, "香港特别行政区"), (122, 36, number),
                 (158, 30, "广东省公安厅"), (188, 16, "20190315"), (204, 16, "20240315"), (220, 18, "H12345678"),
                 (238, 4, "01"), (248, 2, "J"))
    card = parse_text(data)
    assert (card.card_type, card.name, card.pass_number, card.issue_count) == ("hmt_residence", "陈大文", "H12345678", 1)
    assert card.ethnicity is None and card.address == "香港特别行政区" and card.authority == "广东省公安厅"
    assert card.id_number_valid


def test_foreign_permanent_residence_card_2023():
    body = "9" + "31840" + "19850612" + "001"
    number = body + check_digit(body)
    english = "WILLIAMSON-MONTGOMERY, ALEXANDRA ELIZABETH"  # 42 characters: split at 35
    data = block((0, 30, "王亚历"), (30, 2, "2"), (32, 4, "00"), (36, 16, "19850612"), (52, 70, english[:35]),
                 (122, 36, number), (188, 16, "20231201"), (204, 16, "20331130"), (220, 22, english[35:]),
                 (242, 6, "USA"), (248, 2, "Y"), (250, 6, "123"))
    card = parse_text(data)
    assert card.card_type == "foreign_permanent" and card.card_version == "2023"
    assert (card.name, card.name_en, card.nationality, card.gender) == ("王亚历", english, "USA", "F")
    assert (card.birth_date, card.valid_until, card.issue_count) == (date(1985, 6, 12), date(2033, 11, 30), 0)
    assert card.previous_number_link == "123" and card.id_number == number and card.id_number_valid
    wrong = number[:17] + ("1" if number[17] != "1" else "2")
    assert not parse_text(data.replace(number.encode("utf-16-le"), wrong.encode("utf-16-le"))).id_number_valid


def test_foreign_permanent_residence_card_2017():
    data = block((0, 120, "SMITH, JOHN"), (120, 2, "1"), (122, 30, "USA310080612001"), (152, 6, "USA"), (158, 30, "史密斯"),
                 (188, 16, "20170101"), (204, 16, "20270101"), (220, 16, "19800612"), (236, 4, "20"), (240, 8, "3100"),
                 (248, 2, "I"))
    card = parse_text(data)
    assert (card.card_type, card.card_version, card.name_en, card.name) == ("foreign_permanent", "2017", "SMITH, JOHN", "史密斯")
    assert card.authority == "3100" and card.birth_date == date(1980, 6, 12) and card.id_number_valid


names = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=15)
dates = st.dates(date(1920, 1, 1), date(2099, 12, 31))


@given(names, st.sampled_from("MF"), dates, dates, st.one_of(st.none(), dates), st.sampled_from(["汉", "回", "藏", "满"]))
def test_encoder_and_parser_agree_on_resident_cards(name, gender, born, valid_from, valid_until, ethnicity):
    fields = dict(card_type="resident", name=name, gender=gender, birth_date=born, id_number=RESIDENT_NUMBER,
                  valid_from=valid_from, valid_until=valid_until, ethnicity=ethnicity, address="某地", authority="某局")
    card = parse_text(encode_text(fields))
    assert {key: getattr(card, key) for key in fields} == fields


def test_encoder_round_trips_every_layout():
    cards = [
        IdCard("hmt_residence", "林美", "F", date(2000, 1, 2), make_id_number("830000", date(2000, 1, 2), 2),
               date(2020, 1, 1), date(2030, 1, 1), address="台湾", authority="福建省公安厅", pass_number="12345678", issue_count=3),
        IdCard("foreign_permanent", "安娜", "F", date(1990, 3, 4), "USA110090030401", date(2017, 5, 1), date(2027, 5, 1),
               authority="1100", name_en="ANNA, SMITH", nationality="USA", card_version="2017"),
        IdCard("foreign_permanent", "安娜", "F", date(1990, 3, 4), "911840199003040012", date(2023, 12, 1), None,
               name_en="ANNA, SMITH", nationality="USA", issue_count=1, card_version="2023"),
    ]
    for card in cards:
        assert parse_text(encode_text(card)) == card
