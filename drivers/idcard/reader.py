"""The card reader interface and its pyserial backend (UART or USB-serial SAM_V readers, 115200 8N1).

A reader is used by one thread at a time (``CardReaderWorker`` owns it); pyserial is not
thread-safe. Every failure is a DeviceError with a sentence for the desk: ReaderUnavailable when
the port cannot be opened or disappears (unplugged), ReaderTimeout, ReaderGarbage,
FrameChecksumError, CardReadFailed (a failing SW3), CardDataInvalid (unreadable text block).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from typing import Any

from app.i18n import tr

from . import protocol as p
from .card import IdCard, parse_text
from .errors import (
    FrameChecksumError,
    ReaderGarbage,
    ReaderTimeout,
    ReaderUnavailable,
    status_error,
)
from .photo import PhotoDecoding

BAUD_RATE = 115200
#: The interval vendors recommend between polls for a card.
POLL_INTERVAL = 0.3


class CardReader(ABC):
    """An ID card reader. ``read_card`` returns None when no card is on the reader."""

    port: str

    @abstractmethod
    def read_card(self, timeout: float = 0.0) -> IdCard | None:
        """Read the card on the reader, waiting up to ``timeout`` seconds for one to be placed."""

    @abstractmethod
    def sam_id(self) -> str:
        """The number of the reader's security module (SAM_V); proves a reader answers."""

    @abstractmethod
    def close(self) -> None:
        """Release the port; safe to call twice."""

    def __enter__(self) -> CardReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _serial_module() -> Any:
    try:
        import serial
    except ImportError:
        from drivers.errors import LibraryMissing

        raise LibraryMissing(tr("The serial port library (pyserial) is not installed; ID card readers cannot be used.")) from None
    return serial


class SerialCardReader(CardReader):
    """A SAM_V reader on a serial port (``/dev/ttyUSB0``, ``COM3``, or a simulator's pty)."""

    def __init__(self, port: str, *, response_timeout: float = 2.0, photo: PhotoDecoding | None = None,
                 baud_rate: int = BAUD_RATE, poll_interval: float = POLL_INTERVAL) -> None:
        serial = _serial_module()
        self.port = port
        self.response_timeout = response_timeout
        self.poll_interval = poll_interval
        self._photo = photo if photo is not None else PhotoDecoding()
        self._parser = p.FrameParser()
        try:
            self._serial = serial.Serial(port, baudrate=baud_rate, bytesize=8, parity="N", stopbits=1, timeout=0.05)
        except (serial.SerialException, OSError, ValueError) as error:
            raise ReaderUnavailable(tr("The ID card reader at {port} cannot be opened: {reason}",
                                       port=port, reason=_reason(error))) from None
        self._serial_errors = (serial.SerialException, OSError) + _termios_errors()

    # -- public --------------------------------------------------------------------------------

    def read_card(self, timeout: float = 0.0) -> IdCard | None:
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            card = self._read_once()
            if card is not None or time.monotonic() + self.poll_interval > deadline:
                return card
            time.sleep(self.poll_interval)

    def sam_id(self) -> str:
        answer = self._transact(p.SAM_ID)
        if answer.sw3 != p.Status.OK:
            raise status_error(answer.sw3)
        try:
            return p.format_sam_id(answer.data)
        except p.FrameError:
            raise self._garbage() from None

    def sam_ok(self) -> bool:
        """SAM_V self-check (状态检测): True when the module answers 90."""
        return self._transact(p.SAM_STATUS).sw3 == p.Status.OK

    def close(self) -> None:
        serial = getattr(self, "_serial", None)
        if serial is not None:
            self._serial = None
            try:
                serial.close()
            except self._serial_errors:
                pass

    @property
    def is_open(self) -> bool:
        return getattr(self, "_serial", None) is not None

    # -- one card ------------------------------------------------------------------------------

    def _read_once(self) -> IdCard | None:
        found = self._transact(p.FIND_CARD)
        if found.sw3 == p.Status.NO_CARD:
            return None
        if found.sw3 != p.Status.CARD_FOUND:
            raise status_error(found.sw3)
        selected = self._transact(p.SELECT_CARD)
        if selected.sw3 == p.Status.SELECT_FAILED:
            return None  # the card left between find and select
        if selected.sw3 != p.Status.OK:
            raise status_error(selected.sw3)
        answer = self._transact(p.READ_BASIC)
        if answer.sw3 != p.Status.OK:
            raise status_error(answer.sw3)
        text, wlt = self._split_basic(answer.data)
        image, note = self._photo.decode(wlt)
        return parse_text(text, wlt, photo_image=image, photo_note=note)

    def _split_basic(self, data: bytes) -> tuple[bytes, bytes]:
        """Read-basic data: text length (2, BE), photo length (2, BE), text, photo."""
        if len(data) < 4:
            raise self._garbage()
        text_size, photo_size = int.from_bytes(data[0:2], "big"), int.from_bytes(data[2:4], "big")
        if text_size != p.TEXT_SIZE or len(data) < 4 + text_size + photo_size:
            raise self._garbage()
        return data[4:4 + text_size], data[4 + text_size:4 + text_size + photo_size]

    # -- frames --------------------------------------------------------------------------------

    def _transact(self, command: p.Command) -> p.ResponseFrame:
        if not self.is_open:
            raise self._lost()
        try:
            self._serial.reset_input_buffer()
            self._parser.clear()
            self._serial.write(p.encode_command(*command))
            self._serial.flush()
            frame = self._read_frame(time.monotonic() + self.response_timeout)
        except self._serial_errors:
            self.close()
            raise self._lost() from None
        try:
            return p.decode_response(frame)
        except p.FrameError as error:
            if error.kind == p.FrameError.CHECKSUM:
                raise FrameChecksumError(tr(
                    "The ID card reader at {port} sent a damaged answer (checksum error); place the card again.",
                    port=self.port)) from None
            raise self._garbage() from None

    def _read_frame(self, deadline: float) -> bytes:
        while True:
            waiting = self._serial.in_waiting
            chunk = self._serial.read(max(1, min(waiting, 4096)))
            if chunk:
                frames = self._parser.feed(chunk)
                if frames:
                    return frames[0]
            if time.monotonic() >= deadline:
                if self._parser.discarded or self._parser.pending:
                    raise self._garbage()
                raise ReaderTimeout(tr("The ID card reader at {port} did not answer; check that it is switched on "
                                       "and connected.", port=self.port))

    def _garbage(self) -> ReaderGarbage:
        return ReaderGarbage(tr("The device at {port} answered with data that is not the ID card reader protocol; "
                                "check the cable and the port.", port=self.port))

    def _lost(self) -> ReaderUnavailable:
        return ReaderUnavailable(tr("The ID card reader at {port} was unplugged or stopped working; "
                                    "plug it in again.", port=self.port))


def _termios_errors() -> tuple[type[BaseException], ...]:
    """pyserial lets termios.error (not an OSError) through when a USB adapter vanishes."""
    try:
        import termios
    except ImportError:
        return ()
    return (termios.error,)


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
