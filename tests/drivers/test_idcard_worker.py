"""CardReaderWorker: one on_card per placement, LOST on unplug, back when the reader returns."""

from __future__ import annotations

import queue
import sys
import time
from datetime import date

import pytest

from app.identity.idnumber import make_id_number
from drivers.idcard import (
    CardReaderWorker,
    Fault,
    ReaderState,
    SimulatedCardReader,
    open_card_reader,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the simulator needs a POSIX pseudo-terminal")

CARD = dict(name="赵敏", gender="F", ethnicity="蒙古", birth_date=date(1992, 12, 1), address="内蒙古呼和浩特市",
            id_number=make_id_number("150102", date(1992, 12, 1), 64), authority="呼和浩特市公安局新城分局",
            valid_from=date(2012, 12, 1), valid_until=date(2032, 12, 1))
WAIT = 5.0


def wait_until(predicate, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class Recorder:
    def __init__(self):
        self.cards: queue.Queue = queue.Queue()
        self.states: queue.Queue = queue.Queue()

    def on_card(self, card):
        self.cards.put(card)

    def on_state(self, state, sentence):
        self.states.put((state, sentence))

    def wait_state(self, wanted: ReaderState) -> str:
        while True:
            state, sentence = self.states.get(timeout=WAIT)
            if state == wanted:
                return sentence


@pytest.fixture
def sim(tmp_path):
    simulator = SimulatedCardReader(tmp_path / "ttyIDR", name="desk")
    yield simulator
    simulator.stop()


@pytest.fixture
def worker(sim, tmp_path):
    recorder = Recorder()
    port = "serial:" + str(tmp_path / "ttyIDR")
    made = CardReaderWorker(lambda: open_card_reader(port, response_timeout=0.5), on_card=recorder.on_card,
                            on_state=recorder.on_state, poll_interval=0.03, reconnect_interval=0.05, name="desk")
    made.recorder = recorder
    made.start()
    yield made
    made.stop()
    assert not made.running


def test_insert_reports_the_card_once_and_remove_does_not_repeat_it(sim, worker):
    rec = worker.recorder
    rec.wait_state(ReaderState.READY)
    sim.insert(CARD)
    card = rec.cards.get(timeout=WAIT)
    assert card.name == "赵敏" and card.id_number_valid
    rec.wait_state(ReaderState.CARD)
    polls = len(sim.commands)
    wait_until(lambda: len(sim.commands) >= polls + 15)  # the card stays on the reader for several polls
    assert rec.cards.empty()
    sim.remove()
    rec.wait_state(ReaderState.READY)
    assert rec.cards.empty()
    sim.insert(CARD)
    assert rec.cards.get(timeout=WAIT).name == "赵敏"


def test_unplug_is_lost_with_a_sentence_and_the_reader_comes_back(sim, worker):
    rec = worker.recorder
    rec.wait_state(ReaderState.READY)
    sim.stop()
    assert "unplugged" in rec.wait_state(ReaderState.LOST)
    sim.start()
    rec.wait_state(ReaderState.READY)
    sim.insert(CARD)
    assert rec.cards.get(timeout=WAIT).id_number == CARD["id_number"]


def test_lost_sentence_names_the_port(sim, worker, tmp_path):
    rec = worker.recorder
    rec.wait_state(ReaderState.READY)
    sim.stop()
    sentence = rec.wait_state(ReaderState.LOST)
    assert str(tmp_path / "ttyIDR") in sentence


def test_a_card_with_a_wrong_check_character_is_delivered_flagged(sim, worker):
    number = CARD["id_number"]
    sim.insert({**CARD, "id_number": number[:17] + ("1" if number[17] != "1" else "2")})
    card = worker.recorder.cards.get(timeout=WAIT)
    assert not card.id_number_valid


def test_a_damaged_answer_is_an_error_state_and_polling_goes_on(sim, worker):
    rec = worker.recorder
    rec.wait_state(ReaderState.READY)
    sim.inject(Fault.BAD_CHECKSUM)
    assert "checksum" in rec.wait_state(ReaderState.ERROR)
    sim.insert(CARD)
    assert rec.cards.get(timeout=WAIT).name == "赵敏"


def test_a_reader_that_is_absent_at_start_is_lost_until_it_appears(tmp_path):
    rec = Recorder()
    port = "serial:" + str(tmp_path / "ttyLater")
    worker = CardReaderWorker(port, on_card=rec.on_card, on_state=rec.on_state, poll_interval=0.03,
                              reconnect_interval=0.05)
    with worker:
        assert "cannot be opened" in rec.wait_state(ReaderState.LOST)
        with SimulatedCardReader(tmp_path / "ttyLater", name="later"):
            rec.wait_state(ReaderState.READY)
    assert worker.state == ReaderState.STOPPED


def test_a_failing_listener_does_not_stop_the_worker(sim, tmp_path):
    rec = Recorder()

    def explode(card):
        rec.on_card(card)
        raise RuntimeError("listener bug")

    port = "serial:" + str(tmp_path / "ttyIDR")
    with CardReaderWorker(port, on_card=explode, on_state=rec.on_state, poll_interval=0.03):
        sim.insert(CARD)
        rec.cards.get(timeout=WAIT)
        rec.wait_state(ReaderState.CARD)
        sim.remove()
        rec.wait_state(ReaderState.READY)
        sim.insert(CARD)
        rec.cards.get(timeout=WAIT)
