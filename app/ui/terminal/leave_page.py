"""Closing the kiosk: only with the proctor's code, checked by the backend."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.ui.terminal.frame import centred_panel


class LeavePage(QWidget):
    code_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        title = QLabel(self.tr("Close the exam terminal"))
        title.setObjectName("hero")
        hint = QLabel(self.tr("For the proctor only. Candidates: go back to your exam."))
        hint.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("proctorCode")
        self.code.setEchoMode(QLineEdit.EchoMode.Password)
        self.code.setPlaceholderText(self.tr("Proctor code"))
        self.code.returnPressed.connect(self._enter)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.back = QPushButton(self.tr("Back"))
        self.back.clicked.connect(self.cancelled)
        self.ok = QPushButton(self.tr("Close the terminal"))
        self.ok.setObjectName("primary")
        self.ok.clicked.connect(self._enter)
        _, inner = centred_panel(self, [title, hint, self.code, self.message], spacing=16)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        inner.addLayout(buttons)

    def reset(self) -> None:
        self.code.clear()
        self.message.clear()
        self.ok.setEnabled(True)

    def refuse(self) -> None:
        self.code.clear()
        self.ok.setEnabled(True)
        self.message.setText(self.tr("That is not the proctor code."))

    def _enter(self) -> None:
        if self.code.text() and self.ok.isEnabled():
            self.ok.setEnabled(False)
            self.code_entered.emit(self.code.text())
