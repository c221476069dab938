"""An on-screen numeric keypad for PINs and staff numbers: big keys, typing into a line edit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget


class Keypad(QWidget):
    """0–9, delete and clear, typing into `target` (which can be switched); `submitted` on the OK key."""

    submitted = Signal()

    def __init__(self, target: QLineEdit | None = None, parent: QWidget | None = None, *,
                 ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
        for index, key in enumerate(labels):
            text = {"clear": self.tr("Clear"), "back": "⌫"}.get(key, key)
            button = QPushButton(text)
            button.setObjectName("keypadKey")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setAutoDefault(False)
            button.clicked.connect(lambda checked=False, k=key: self.press(k))
            self.keys[key] = button
            grid.addWidget(button, index // 3, index % 3)
        if ok_text:
            ok = QPushButton(ok_text)
            ok.setObjectName("primary")
            ok.setMinimumHeight(56)
            ok.clicked.connect(self.submitted)
            self.keys["ok"] = ok
            grid.addWidget(ok, 4, 0, 1, 3)

    def press(self, key: str) -> None:
        target = self.target
        if target is None or not target.isEnabled():
            return
        if key == "clear":
            target.clear()
        elif key == "back":
            target.backspace()
        else:
            target.insert(key)
        target.setFocus()
