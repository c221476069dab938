"""The station's log-in: staff number and PIN, with a numeric keypad on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ui.station.keypad import Keypad

PIN_LENGTH = 6


class LoginPage(QWidget):
    """Emits `login_requested(staff_no, pin)`; the window answers with `failed(sentence)` or moves on."""

    login_requested = Signal(str, str)

    def __init__(self, station_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Examiner station"))
        title.setObjectName("siteName")
        where = QLabel(station_name)
        where.setObjectName("siteMeta")
        self.staff = QLineEdit()
        self.staff.setObjectName("staffNo")
        self.staff.setPlaceholderText(self.tr("Staff number, e.g. KW0101"))
        self.staff.setMaxLength(32)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LENGTH)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.keypad = Keypad(self.pin, ok_text=self.tr("Log in"))
        self.keypad.submitted.connect(self.submit)
        self.keypad.setMinimumHeight(300)
        for field in (self.staff, self.pin):
            field.installEventFilter(self)
            field.returnPressed.connect(self.submit)

        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(440)
        form = QVBoxLayout(card)
        form.setContentsMargins(28, 24, 28, 24)
        form.setSpacing(10)
        form.addWidget(QLabel(self.tr("Staff number")))
        form.addWidget(self.staff)
        form.addWidget(QLabel(self.tr("6-digit PIN")))
        form.addWidget(self.pin)
        form.addWidget(self.error)
        form.addWidget(self.keypad, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(where, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(row, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in (self.staff, self.pin):
            self.keypad.target = watched
        return False

    def reset(self, staff_no: str = "") -> None:
        """Ready for the next examiner: the PIN is always emptied; the staff number may stay."""
        self.staff.setText(staff_no)
        self.pin.clear()
        self.error.hide()
        self.set_busy(False)
        self.keypad.target = self.pin  # staff numbers carry letters: the keyboard; the keypad types the PIN

    def set_busy(self, busy: bool) -> None:
        for widget in (self.staff, self.pin, self.keypad):
            widget.setEnabled(not busy)

    def submit(self) -> None:
        staff_no, pin = self.staff.text().strip(), self.pin.text()
        if not staff_no:
            self.failed(self.tr("Enter your staff number."))
            return
        if len(pin) != PIN_LENGTH or not pin.isdigit():
            self.failed(self.tr("The PIN has 6 digits."))
            return
        self.error.hide()
        self.set_busy(True)
        self.login_requested.emit(staff_no, pin)

    def failed(self, sentence: str) -> None:
        self.set_busy(False)
        self.pin.clear()
        self.error.setText(sentence)
        self.error.show()
