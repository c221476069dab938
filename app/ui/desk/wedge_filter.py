"""Scanner guns that type like a keyboard: their keys become one `scanned(code)`, people's keys pass.

Installed on the application, the filter watches key presses aimed at widgets of one window
(while `active()` says so). Printable keys are held back while they might be the start of a
scan; WedgeDecoder judges by their timing. A burst that ends in Enter fast enough is a scan: its
keys and the Enter are swallowed. Otherwise the held keys are replayed to their widget, in order,
as soon as the typing proves human (a slow key, or a pause), so people can still type.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from drivers.scanner import WedgeDecoder, WedgeSettings

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def event_seconds(event: QKeyEvent) -> float:
    """The key's time in seconds (the platform's timestamp, or now when it gives none)."""
    stamp = event.timestamp()
    return stamp / 1000 if stamp else time.monotonic()


class WedgeFilter(QObject):
    scanned = Signal(str)

    def __init__(self, window_of: Callable[[], QWidget | None], active: Callable[[], bool] = lambda: True,
                 settings: WedgeSettings | None = None, clock: Callable[[QKeyEvent], float] = event_seconds,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decoder = WedgeDecoder(settings)
        self._window_of, self._active, self._clock = window_of, active, clock
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._replaying = False
        self._release_timer = QTimer(self, singleShot=True)
        self._release_timer.setInterval(int(self.decoder.settings.enter_gap * 1000) + 20)
        self._release_timer.timeout.connect(self.release)

    def install(self) -> None:
        QCoreApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._release_timer.stop()
        self._held.clear()

    @property
    def holding(self) -> str:
        return "".join(event.text() for _, event in self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        window = self._window_of()
        if window is None or watched.window() is not window or not self._active():
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.isAutoRepeat():
            return False
        now = self._clock(key_event)
        if key_event.key() in ENTER_KEYS:
            return self._enter(now)
        text = key_event.text()
        modifiers = key_event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if len(text) != 1 or not text.isprintable() or modifiers:
            self.release()
            return False
        self.decoder.feed(text, now)
        if len(self.decoder.buffered) == 1 and self._held:
            self.release(reset=False)  # this key starts a new burst: the held ones were typed by hand
        self._held.append((watched, QKeyEvent(key_event.type(), key_event.key(), key_event.modifiers(), text)))
        self._release_timer.start()
        return True

    def _enter(self, now: float) -> bool:
        code = self.decoder.feed_enter(now)
        if code is not None:
            self._held.clear()
            self._release_timer.stop()
            self.scanned.emit(code)
            return True
        self.release()
        return False

    def release(self, reset: bool = True) -> None:
        """Give the held keys to their widgets, in order (they were typed by a person)."""
        self._release_timer.stop()
        held, self._held = self._held, []
        if reset:
            self.decoder.reset()
        self._replaying = True
        try:
            for widget, event in held:
                QCoreApplication.sendEvent(widget, event)
        finally:
            self._replaying = False
