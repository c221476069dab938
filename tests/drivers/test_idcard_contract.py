"""One contract for every ID card reader backend: the simulator through a pty, and a real reader.

The real reader runs only with ``pytest --hardware``; its port comes from EXAMSITE_IDCARD_PORT
(``serial:/dev/ttyUSB0``, default ``auto``). Put no card on it, or set EXAMSITE_IDCARD_CARD=1 and
put a card on it for the tests that need one.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from datetime import date

import pytest

from app.identity.idnumber import make_id_number
from drivers.idcard import CardReader, IdCard, SimulatedCardReader, open_card_reader

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the simulator needs a POSIX pseudo-terminal")

CARD = dict(card_type="resident", name="李雷", gender="M", ethnicity="汉", birth_date=date(1999, 9, 9),
            address="上海市黄浦区南京东路100号", id_number=make_id_number("310101", date(1999, 9, 9), 17),
            authority="上海市公安局黄浦分局", valid_from=date(2019, 9, 9), valid_until=date(2029, 9, 9))


class SimBackend:
    def __init__(self, tmp_path):
        self.sim = SimulatedCardReader(tmp_path / "ttyIDR0", name="contract")
        self.reader: CardReader = open_card_reader("serial:" + str(tmp_path / "ttyIDR0"), response_timeout=1.0)

    def place(self) -> dict | None:
        self.sim.insert(CARD)
        return CARD

    def take_off(self) -> None:
        self.sim.remove()

    def close(self) -> None:
        self.reader.close()
        self.sim.stop()


class HardwareBackend:
    def __init__(self):
        self.reader = open_card_reader(os.environ.get("EXAMSITE_IDCARD_PORT", "auto"))
        self.card_present = os.environ.get("EXAMSITE_IDCARD_CARD") == "1"

    def place(self) -> dict | None:
        if not self.card_present:
            pytest.skip("put a card on the reader and set EXAMSITE_IDCARD_CARD=1")
        return None

    def take_off(self) -> None:
        if self.card_present:
            pytest.skip("this test needs the reader without a card")

    def close(self) -> None:
        self.reader.close()


@pytest.fixture(params=[pytest.param("sim", id="sim"), pytest.param("serial", id="serial", marks=pytest.mark.hardware)])
def backend(request, tmp_path):
    made = SimBackend(tmp_path) if request.param == "sim" else HardwareBackend()
    yield made
    made.close()


def test_the_security_module_answers_its_number(backend):
    assert re.fullmatch(r"\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}", backend.reader.sam_id())


def test_no_card_reads_as_none(backend):
    backend.take_off()
    assert backend.reader.read_card() is None
    assert backend.reader.read_card(timeout=0.4) is None


def test_a_card_is_read_with_its_photo_kept(backend):
    expected = backend.place()
    card = backend.reader.read_card(timeout=2)
    assert isinstance(card, IdCard)
    assert card.card_type in ("resident", "hmt_residence", "foreign_permanent") and card.gender in ("M", "F")
    assert isinstance(card.birth_date, date) and len(card.photo_wlt) == 1024
    assert card.photo_image is None or card.photo_image[:2] in (b"BM", b"\xff\xd8")
    assert (card.photo_image is None) == (card.photo_note is not None)
    if expected is not None:
        assert {key: getattr(card, key) for key in expected} == expected and card.id_number_valid


def test_reading_twice_gives_the_same_card(backend):
    backend.place()
    assert backend.reader.read_card(timeout=2) == backend.reader.read_card(timeout=2)


def test_read_card_waits_for_a_card_to_be_placed(backend):
    if not isinstance(backend, SimBackend):
        pytest.skip("needs someone to place the card")
    backend.take_off()
    placer = threading.Timer(0.4, backend.place)
    placer.start()
    try:
        card = backend.reader.read_card(timeout=3)
    finally:
        placer.join()
    assert card is not None and card.name == CARD["name"]


def test_close_twice_is_harmless(backend):
    backend.reader.close()
    backend.reader.close()
