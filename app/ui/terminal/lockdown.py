"""What the kiosk can do from inside Qt to keep the candidate on the exam screen.

`KeyGuard` is an application-wide event filter that swallows the shortcuts that reach Qt
(Esc, Alt+F4, Alt+Tab when the window manager passes it on, Ctrl+W/Q, the Windows key, Print
Screen, copy and paste) and says which one was pressed. `WindowWatch` notices the application
losing focus and screens being added, removed or changed. Neither can stop what the operating
system handles before Qt sees it (Ctrl+Alt+Del, Alt+Tab and the Windows key on most desktops,
switching virtual consoles): the terminal's OS profile must block those (docs/terminal-ui.md).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QScreen

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
META = Qt.KeyboardModifier.MetaModifier

ALWAYS_BLOCKED = {Qt.Key.Key_Escape, Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Print,
                  Qt.Key.Key_SysReq, Qt.Key.Key_Menu, Qt.Key.Key_F11, Qt.Key.Key_Launch0, Qt.Key.Key_Close}
ALT_BLOCKED = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_F4, Qt.Key.Key_Escape, Qt.Key.Key_Space,
               Qt.Key.Key_Left, Qt.Key.Key_Right}
CTRL_BLOCKED = {Qt.Key.Key_W, Qt.Key.Key_Q, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_N, Qt.Key.Key_T,
                Qt.Key.Key_P, Qt.Key.Key_S, Qt.Key.Key_C, Qt.Key.Key_X, Qt.Key.Key_V, Qt.Key.Key_A,
                Qt.Key.Key_F4}


def blocked_combination(event: QKeyEvent) -> str | None:
    """'Alt+F4', 'Esc', 'Meta'… when the key must not act; None when it may."""
    key = Qt.Key(event.key())
    modifiers = event.modifiers()
    blocked = (key in ALWAYS_BLOCKED or bool(modifiers & META)
               or (bool(modifiers & ALT) and key in ALT_BLOCKED)
               or (bool(modifiers & CTRL) and key in CTRL_BLOCKED)
               or (bool(modifiers & CTRL) and bool(modifiers & ALT)))
    if not blocked:
        return None
    if key in (Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R):
        return "Meta"
    plain = key in (Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift)
    combo = modifiers.value | (0 if plain else key.value)
    text = QKeySequence(combo).toString(QKeySequence.SequenceFormat.PortableText)
    return text or f"key {key.value:#x}"


class KeyGuard(QObject):
    """Swallows blocked shortcuts application-wide and emits `blocked` once per press."""

    blocked = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            return False
        combination = blocked_combination(event)
        if combination is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes back as a KeyPress, which is swallowed below
            return True
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self.blocked.emit(combination)
        return True


class WindowWatch(QObject):
    """Focus lost / regained and screen changes, as kiosk events for the console."""

    event = Signal(str, str)  # kind, detail

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        self._active = app.applicationState() == Qt.ApplicationState.ApplicationActive
        app.applicationStateChanged.connect(self._state_changed)
        app.screenAdded.connect(self._added)
        app.screenRemoved.connect(self._removed)
        app.primaryScreenChanged.connect(self._primary)
        self._screens = list(QGuiApplication.screens())
        for screen in self._screens:
            screen.geometryChanged.connect(self._geometry_changed)

    def detach(self) -> None:
        """Stop listening (the kiosk is closing)."""
        app = QGuiApplication.instance()
        pairs = [(app.applicationStateChanged, self._state_changed), (app.screenAdded, self._added),
                 (app.screenRemoved, self._removed), (app.primaryScreenChanged, self._primary)]
        pairs += [(screen.geometryChanged, self._geometry_changed) for screen in self._screens]
        for signal, slot in pairs:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._screens = []

    def _added(self, screen: QScreen) -> None:
        self._screens.append(screen)
        screen.geometryChanged.connect(self._geometry_changed)
        self._screen("added", screen)

    def _removed(self, screen: QScreen) -> None:
        if screen in self._screens:
            self._screens.remove(screen)
        self._screen("removed", screen)

    def _primary(self, screen: QScreen) -> None:
        self._screen("primary", screen)

    def _geometry_changed(self, geometry) -> None:
        self.event.emit("screen_changed", f"geometry {geometry.width()}x{geometry.height()}")

    def _screen(self, change: str, screen: QScreen) -> None:
        size = screen.geometry().size() if screen is not None else None
        detail = f"{change} {screen.name() if screen else ''} {size.width()}x{size.height()}" if size else change
        self.event.emit("screen_changed", detail.strip())

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        active = state == Qt.ApplicationState.ApplicationActive
        if active == self._active:
            return
        self._active = active
        self.event.emit("focus_back" if active else "focus_lost", state.name)
