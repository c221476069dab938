"""Log-in: the admission ticket number and the last 6 characters of the ID number."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.ui.terminal.frame import centred_panel


class LoginPage(QWidget):
    """Emits `submitted(ticket_no, id_last6)`; the window answers with `refuse(message)` or moves on."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        title = QLabel(self.tr("Candidate log-in"))
        title.setObjectName("hero")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Type the number on your admission ticket and the last 6 characters of your ID number."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket = QLineEdit()
        self.ticket.setObjectName("ticket")
        self.ticket.setPlaceholderText(self.tr("Admission ticket number"))
        self.ticket.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9A-Za-z]{0,32}"), self))
        self.id_last6 = QLineEdit()
        self.id_last6.setObjectName("idLast6")
        self.id_last6.setPlaceholderText(self.tr("Last 6 of the ID number"))
        self.id_last6.setMaxLength(6)
        self.id_last6.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9Xx]{0,6}"), self))
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self.tr("Log in"))
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.submit)
        for field in (self.ticket, self.id_last6):
            field.returnPressed.connect(self.submit)
            field.textChanged.connect(self._update)

        form = QFormLayout()
        form.setVerticalSpacing(18)
        form.addRow(QLabel(self.tr("Admission ticket")), self.ticket)
        form.addRow(QLabel(self.tr("ID number, last 6")), self.id_last6)
        _, inner = centred_panel(self, [title, hint])
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        self._busy = False
        self._update()

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        self.set_busy(True)
        self.message.clear()
        self.submitted.emit(self.ticket.text().strip(), self.id_last6.text().strip().upper())

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button.setText(self.tr("Logging in…") if busy else self.tr("Log in"))
        self._update()

    def refuse(self, message: str) -> None:
        self.set_busy(False)
        self.message.setText(message)
        self.id_last6.clear()
        self.id_last6.setFocus()

    def reset(self) -> None:
        self.ticket.clear()
        self.id_last6.clear()
        self.message.clear()
        self.set_busy(False)

    def _update(self) -> None:
        ready = bool(self.ticket.text().strip()) and len(self.id_last6.text().strip()) == 6
        self.button.setEnabled(ready and not self._busy)
