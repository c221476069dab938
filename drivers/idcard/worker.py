"""One thread per reader: poll for a card, report each card once, reconnect when unplugged.

``CardReaderWorker`` owns its reader (pyserial is not thread-safe) and calls back on its own
thread; the Qt side forwards the callbacks to the GUI thread with signals.

- ``on_card(card)``: once per placement of a card (reads of the same card while it stays on the
  reader are not repeated; take it off and place it again to read it again).
- ``on_state(state, sentence)``: when the state changes, with a translated sentence for the desk.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum

from app.i18n import tr
from drivers.errors import DeviceError, DeviceUnavailable

from .card import IdCard
from .reader import POLL_INTERVAL, CardReader

log = logging.getLogger(__name__)


class ReaderState(str, Enum):
    CONNECTING = "connecting"  # not yet opened
    READY = "ready"  # open, no card on it
    CARD = "card"  # a card was read and is still on the reader
    ERROR = "error"  # the last poll failed (damaged answer, garbage, card refused); polling goes on
    LOST = "lost"  # unplugged or cannot be opened; reconnecting
    STOPPED = "stopped"


class CardReaderWorker:
    """Polls ``open_reader()``'s reader every ``poll_interval`` seconds in a thread of its own."""

    def __init__(self, open_reader: Callable[[], CardReader] | str, *,
                 on_card: Callable[[IdCard], None], on_state: Callable[[ReaderState, str], None] | None = None,
                 poll_interval: float = POLL_INTERVAL, reconnect_interval: float = 1.0,
                 removal_polls: int = 2, name: str | None = None) -> None:
        if isinstance(open_reader, str):
            from .factory import open_card_reader

            spec = open_reader
            self._open: Callable[[], CardReader] = lambda: open_card_reader(spec)
            name = name or spec
        else:
            self._open = open_reader
        self.name = name or "reader"
        self._on_card = on_card
        self._on_state = on_state or (lambda state, sentence: None)
        self.poll_interval = poll_interval
        self.reconnect_interval = reconnect_interval
        self.removal_polls = max(1, removal_polls)
        self.state = ReaderState.CONNECTING
        self._present: IdCard | None = None
        self._empty_polls = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> CardReaderWorker:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"idcard-worker:{self.name}", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float | None = 10.0) -> None:
        """Stop polling, close the reader and join the thread."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join(timeout)
        if thread.is_alive():
            raise RuntimeError(f"the ID card worker {self.name} did not stop within {timeout} s")

    @property
    def running(self) -> bool:
        return self._thread is not None

    def __enter__(self) -> CardReaderWorker:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the thread ----------------------------------------------------------------------------

    def _set(self, state: ReaderState, sentence: str) -> None:
        if state == self.state and state != ReaderState.ERROR:
            return
        self.state = state
        self._call(self._on_state, state, sentence)

    def _call(self, callback: Callable[..., None], *args: object) -> None:
        try:
            callback(*args)
        except Exception:  # a failing listener must not stop the reader
            log.exception("ID card callback failed")

    def _run(self) -> None:
        reader: CardReader | None = None
        try:
            while not self._stop.is_set():
                if reader is None:
                    reader = self._connect()
                    if reader is None:
                        self._stop.wait(self.reconnect_interval)
                        continue
                if not self._poll(reader):
                    reader.close()
                    reader = None
                    continue
                self._stop.wait(self.poll_interval)
        finally:
            if reader is not None:
                reader.close()
            self.state = ReaderState.STOPPED

    def _connect(self) -> CardReader | None:
        try:
            reader = self._open()
        except DeviceError as error:
            self._set(ReaderState.LOST, error.message)
            return None
        self._present = None
        self._empty_polls = 0
        self._set(ReaderState.READY, tr("The ID card reader is ready; place a card on it."))
        return reader

    def _poll(self, reader: CardReader) -> bool:
        """One poll; False when the reader is gone and must be reopened."""
        try:
            card = reader.read_card(0)
        except DeviceUnavailable as error:
            self._set(ReaderState.LOST, error.message)
            return False
        except DeviceError as error:
            self._set(ReaderState.ERROR, error.message)
            return True
        if card is None:
            self._empty_polls += 1
            if self._present is not None and self._empty_polls < self.removal_polls:
                return True
            self._present = None
            self._set(ReaderState.READY, tr("The ID card reader is ready; place a card on it."))
            return True
        self._empty_polls = 0
        if self._present is not None and _same_card(self._present, card):
            self._set(ReaderState.CARD, tr("The card has been read; take it off the reader."))
            return True
        self._present = card
        self._set(ReaderState.CARD, tr("The card has been read; take it off the reader."))
        self._call(self._on_card, card)
        return True


def _same_card(a: IdCard, b: IdCard) -> bool:
    return (a.card_type, a.id_number, a.valid_from, a.photo_wlt) == (b.card_type, b.id_number, b.valid_from, b.photo_wlt)
