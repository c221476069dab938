"""A simulated SAM_V reader on a pseudo-terminal, so that tests and the demo run the real driver.

``SimulatedCardReader`` opens a pty pair, serves the protocol on the master side in its own
thread and leaves the slave side (``device_path``) for ``SerialCardReader`` to open, exactly as it
would open ``/dev/ttyUSB0``. Given a ``port_path``, it keeps a symlink there to the current slave,
so that a stop (the adapter unplugged) and a start (plugged in again) look like one port that went
away and came back. Cards are placed with ``insert`` and taken off with ``remove``; ``inject``
makes the next answers faulty.
"""

from __future__ import annotations

import os
import select
import threading
import tty
from collections import deque
from collections.abc import Mapping
from enum import Enum
from typing import Any

from . import protocol as p
from .card import IdCard, encode_text

DEFAULT_SAM_ID = "05.01-20230601-0000000042-1234567890"
_REGISTRY: dict[str, SimulatedCardReader] = {}
_REGISTRY_LOCK = threading.Lock()


class Fault(Enum):
    BAD_CHECKSUM = "bad_checksum"  # the next answer's checksum byte is wrong
    SILENCE = "silence"  # the next command gets no answer
    GARBAGE = "garbage"  # the next answer is bytes without a preamble
    READ_FAILED = "read_failed"  # the next read-basic answers SW3 41 (读证/卡操作失败)


def sample_photo() -> bytes:
    """1024 bytes standing in for a WLT photo (the real format is the vendor's)."""
    return (b"WLT\x00" + bytes(range(256)) * 4)[: p.PHOTO_SIZE]


def running_simulator(name: str) -> SimulatedCardReader | None:
    with _REGISTRY_LOCK:
        return _REGISTRY.get(name)


class SimulatedCardReader:
    """A reader with a SAM_V module that answers on a pty; use as a context manager or start/stop."""

    def __init__(self, port_path: str | os.PathLike[str] | None = None, *, name: str = "sim",
                 sam_id: str = DEFAULT_SAM_ID, start: bool = True) -> None:
        self.name = name
        self.port_path = None if port_path is None else os.fspath(port_path)
        self.sam_id = sam_id
        self.commands: list[p.Command] = []
        self._lock = threading.Lock()
        self._card: tuple[bytes, bytes] | None = None
        self._selected = False
        self._faults: deque[Fault] = deque()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._master = self._slave = -1
        self._slave_path = ""
        if start:
            self.start()

    # -- the port ------------------------------------------------------------------------------

    @property
    def device_path(self) -> str:
        """The path the real driver opens: the symlink when there is one, else the pty slave."""
        return self.port_path or self._slave_path

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> SimulatedCardReader:
        """Plug the reader in: a new pty, served in a thread."""
        if self._thread is not None:
            return self
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # the driver would do the same; nothing echoes before it opens
        os.set_blocking(self._master, False)
        self._slave_path = os.ttyname(self._slave)
        if self.port_path:
            if os.path.lexists(self.port_path):
                os.unlink(self.port_path)
            os.symlink(self._slave_path, self.port_path)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name=f"idcard-sim:{self.name}", daemon=True)
        self._thread.start()
        with _REGISTRY_LOCK:
            _REGISTRY[self.name] = self
        return self

    def stop(self) -> None:
        """Unplug the reader: the serving thread ends and both ends of the pty close."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join()
        for fd in (self._master, self._slave):
            try:
                os.close(fd)
            except OSError:
                pass
        self._master = self._slave = -1
        if self.port_path and os.path.islink(self.port_path):
            os.unlink(self.port_path)
        with _REGISTRY_LOCK:
            if _REGISTRY.get(self.name) is self:
                del _REGISTRY[self.name]

    unplug = stop

    def __enter__(self) -> SimulatedCardReader:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the card ------------------------------------------------------------------------------

    def insert(self, card_fields: Mapping[str, Any] | IdCard, *, photo_wlt: bytes | None = None) -> None:
        """Place a card on the reader (field names as in IdCard; see card.encode_text)."""
        text = encode_text(card_fields)
        if photo_wlt is None:
            photo_wlt = getattr(card_fields, "photo_wlt", None) if isinstance(card_fields, IdCard) \
                else card_fields.get("photo_wlt")
        photo = (photo_wlt or sample_photo()).ljust(p.PHOTO_SIZE, b"\x00")[: p.PHOTO_SIZE]
        with self._lock:
            self._card, self._selected = (text, photo), False

    def insert_text(self, text_block: bytes, photo_wlt: bytes | None = None) -> None:
        """Place a card given as its raw 256-byte text block (for malformed cards)."""
        with self._lock:
            self._card, self._selected = (bytes(text_block), photo_wlt or sample_photo()), False

    def remove(self) -> None:
        with self._lock:
            self._card, self._selected = None, False

    @property
    def has_card(self) -> bool:
        with self._lock:
            return self._card is not None

    def inject(self, fault: Fault | str, times: int = 1) -> None:
        """Make the next ``times`` answers faulty."""
        fault = Fault(fault)
        with self._lock:
            self._faults.extend([fault] * times)

    # -- serving -------------------------------------------------------------------------------

    def _serve(self) -> None:
        parser = p.FrameParser()
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self._master, 4096)
            except BlockingIOError:
                continue
            except OSError:
                self._stop.wait(0.05)  # nobody has the port open right now
                continue
            for frame in parser.feed(data):
                answer = self._answer(frame)
                if answer:
                    self._write(answer)

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view and not self._stop.is_set():
            try:
                written = os.write(self._master, view)
            except BlockingIOError:
                select.select([], [self._master], [], 0.05)
                continue
            except OSError:
                return
            view = view[written:]

    def _answer(self, frame: bytes) -> bytes:
        try:
            command = p.decode_command(frame)
        except p.FrameError as error:
            sw3 = p.Status.HOST_CHECKSUM if error.kind == p.FrameError.CHECKSUM else p.Status.HOST_LENGTH
            return p.encode_response(sw3)
        with self._lock:
            self.commands.append(command.command)
            fault = self._faults.popleft() if self._faults else None
            if fault is Fault.READ_FAILED and command.command != p.READ_BASIC:
                self._faults.appendleft(fault)
                fault = None
            answer = self._respond(command.command, fault)
        if fault is Fault.SILENCE:
            return b""
        if fault is Fault.GARBAGE:
            return b"\x13\x37garbage from a modem\r\n\x00\xff" * 4
        if fault is Fault.BAD_CHECKSUM:
            return answer[:-1] + bytes((answer[-1] ^ 0x5A,))
        return answer

    def _respond(self, command: p.Command, fault: Fault | None) -> bytes:
        if command in (p.RESET_SAM, p.SAM_STATUS):
            return p.encode_response(p.Status.OK)
        if command == p.SAM_ID:
            return p.encode_response(p.Status.OK, p.parse_sam_id(self.sam_id))
        if command == p.FIND_CARD:
            if self._card is None:
                return p.encode_response(p.Status.NO_CARD)
            return p.encode_response(p.Status.CARD_FOUND, bytes(4))
        if command == p.SELECT_CARD:
            if self._card is None:
                return p.encode_response(p.Status.SELECT_FAILED)
            self._selected = True
            return p.encode_response(p.Status.OK, bytes(8))
        if command == p.READ_BASIC:
            if fault is Fault.READ_FAILED or self._card is None or not self._selected:
                return p.encode_response(p.Status.READ_FAILED)
            text, photo = self._card
            sizes = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
            return p.encode_response(p.Status.OK, sizes + text + photo)
        return p.encode_response(p.Status.HOST_COMMAND)
