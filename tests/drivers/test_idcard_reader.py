"""The pyserial driver against the simulated reader: faults give clear sentences, unplugging is seen."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from app.i18n import set_language
from app.identity.idnumber import make_id_number
from drivers.errors import DeviceError, DeviceUnavailable
from drivers.idcard import (
    CardDataInvalid,
    CardReadFailed,
    Fault,
    FrameChecksumError,
    ReaderGarbage,
    ReaderTimeout,
    ReaderUnavailable,
    SimulatedCardReader,
    open_card_reader,
)
from drivers.idcard import protocol as p

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the simulator needs a POSIX pseudo-terminal")

CARD = dict(name="韩梅梅", gender="F", ethnicity="朝鲜", birth_date=date(2001, 1, 31), address="吉林省延吉市",
            id_number=make_id_number("222401", date(2001, 1, 31), 88), authority="延吉市公安局",
            valid_from=date(2018, 1, 1), valid_until=date(2028, 1, 1))


@pytest.fixture
def sim(tmp_path):
    simulator = SimulatedCardReader(tmp_path / "ttyIDR", name="faults")
    yield simulator
    simulator.stop()


@pytest.fixture
def reader(sim):
    opened = open_card_reader("sim:faults", response_timeout=0.4)
    yield opened
    opened.close()


def test_the_driver_speaks_find_select_read(sim, reader):
    sim.insert(CARD)
    assert reader.read_card().name == "韩梅梅"
    assert sim.commands[-3:] == [p.FIND_CARD, p.SELECT_CARD, p.READ_BASIC]


@pytest.mark.parametrize("fault, error, words", [
    (Fault.BAD_CHECKSUM, FrameChecksumError, "checksum"),
    (Fault.SILENCE, ReaderTimeout, "did not answer"),
    (Fault.GARBAGE, ReaderGarbage, "not the ID card reader protocol"),
    (Fault.READ_FAILED, CardReadFailed, "reading the card failed"),
])
def test_faults_give_a_clear_sentence_and_the_next_read_works(sim, reader, fault, error, words):
    sim.insert(CARD)
    sim.inject(fault)
    with pytest.raises(error) as caught:
        reader.read_card()
    assert isinstance(caught.value, DeviceError) and words in caught.value.message
    assert reader.read_card().id_number == CARD["id_number"]


def test_a_card_with_a_wrong_check_character_is_read_but_flagged(sim, reader):
    number = CARD["id_number"]
    sim.insert({**CARD, "id_number": number[:17] + ("1" if number[17] != "1" else "2")})
    card = reader.read_card()
    assert card is not None and not card.id_number_valid


def test_an_unreadable_text_block_gives_a_sentence(sim, reader):
    sim.insert_text(b"\xff" * 256)
    with pytest.raises(CardDataInvalid):
        reader.read_card()


def test_unplugging_is_reported_and_the_port_comes_back(sim, reader, tmp_path):
    sim.stop()
    with pytest.raises(ReaderUnavailable) as caught:
        reader.read_card()
    assert "unplugged" in caught.value.message and isinstance(caught.value, DeviceUnavailable)
    with pytest.raises(ReaderUnavailable):
        open_card_reader("serial:" + str(tmp_path / "ttyIDR"))
    with pytest.raises(ReaderUnavailable):
        open_card_reader("sim:faults")
    sim.start()
    with open_card_reader("serial:" + str(tmp_path / "ttyIDR"), response_timeout=0.4) as again:
        assert again.read_card() is None


def test_messages_are_translated(sim, reader):
    sim.inject(Fault.SILENCE)
    set_language("zh_CN")
    with pytest.raises(ReaderTimeout) as caught:
        reader.read_card()
    assert "身份证阅读器" in caught.value.message


def test_factory_refuses_unknown_specs_and_missing_ports(tmp_path):
    with pytest.raises(ReaderUnavailable, match="serial:PORT"):
        open_card_reader("usb:1")
    with pytest.raises(ReaderUnavailable, match="nothing-here"):
        open_card_reader("sim:nothing-here")
    with pytest.raises(ReaderUnavailable, match="cannot be opened"):
        open_card_reader("serial:" + str(tmp_path / "no-such-tty"))


def test_auto_finds_the_port_whose_module_answers(sim, tmp_path):
    silent = SimulatedCardReader(tmp_path / "ttySilent", name="silent")
    silent.inject(Fault.SILENCE, times=10)
    try:
        with open_card_reader("auto", candidates=[str(tmp_path / "none"), silent.device_path, sim.device_path]) as found:
            assert found.port == sim.device_path
        with pytest.raises(ReaderUnavailable, match="No ID card reader answered"):
            open_card_reader("auto", candidates=[silent.device_path])
    finally:
        silent.stop()


def test_a_module_refusing_commands_is_a_security_module_error(sim, reader, monkeypatch):
    monkeypatch.setattr(sim, "_respond", lambda command, fault: p.encode_response(p.Status.SAM_UNAUTHORISED))
    with pytest.raises(CardReadFailed, match="security module") as caught:
        reader.read_card()
    assert caught.value.status == p.Status.SAM_UNAUTHORISED
