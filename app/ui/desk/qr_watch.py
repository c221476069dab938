"""Looks for ticket QR codes in the camera's frames, a few times a second, off the GUI thread."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.ui.tasks import FILES, run_task
from drivers.camera import Frame
from drivers.scanner import decode_qr

INTERVAL_MS = 220  # about 4–5 decodes a second
REPEAT_SECONDS = 4.0  # a code that stays in view is reported once


class QrWatch(QObject):
    """Emits `found(text, frame)` for each code that was not in view during the last few seconds."""

    found = Signal(str, object)
    decoded = Signal()  # after every decode, found or not (tests wait on it)

    def __init__(self, owner: QWidget, latest: Callable[[], Frame | None],
                 decode: Callable = decode_qr, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(owner)
        self._owner_ref = weakref.ref(owner)
        self._latest, self._decode, self._clock = latest, decode, clock
        self._last_seq = -1
        self._busy = False
        self._seen: dict[str, float] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def forget(self, text: str | None = None) -> None:
        """Report `text` (or every code) again the next time it is seen."""
        if text is None:
            self._seen.clear()
        else:
            self._seen.pop(text, None)

    def tick(self) -> None:
        if self._busy:
            return
        frame = self._latest()
        if frame is None or frame.seq == self._last_seq:
            return
        owner = self._owner_ref()
        if owner is None:
            return
        self._last_seq, self._busy = frame.seq, True
        image, decode = frame.image, self._decode
        task = run_task(owner, lambda progress: decode(image), lane=FILES,
                        on_success=lambda texts: self._deliver(texts, frame),
                        on_known_error=lambda exc: None)
        task.finished.connect(self._done)

    def _done(self) -> None:
        self._busy = False
        self.decoded.emit()

    def _deliver(self, texts: list[str], frame: Frame) -> None:
        now = self._clock()
        for text in texts:
            last = self._seen.get(text)
            self._seen[text] = now
            if last is None or now - last > REPEAT_SECONDS:
                self.found.emit(text, frame)
        for text in [t for t, at in self._seen.items() if now - at > REPEAT_SECONDS * 4]:
            del self._seen[text]
