"""Signing a score sheet: the summary, then the handwritten signature, then the PIN.

The dialog only collects; the scoring panel runs the signing off the GUI thread and answers with
`signed()` or `failed(sentence)` (a wrong PIN keeps the dialog on the PIN page).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from app.station.model import TaskView
from app.ui.station.keypad import Keypad
from app.ui.station.login_page import PIN_LENGTH
from app.ui.station.rubric import points
from app.ui.station.signature_pad import SignaturePad, strokes_png

SUMMARY, PAD, PIN = range(3)


class SignDialog(QDialog):
    sign_requested = Signal(str, object)  # PIN, strokes

    def __init__(self, heading: str, task: TaskView, entries: dict[str, str], total: str, vetoed: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign the score sheet"))
        self.setModal(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._summary_page(heading, task, entries, total, vetoed))
        self.pages.addWidget(self._pad_page())
        self.pages.addWidget(self._pin_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.pages)
        if parent is not None:
            self.resize(min(900, parent.width() - 60), min(640, parent.height() - 60))

    # -- pages -----------------------------------------------------------------------------
    def _summary_page(self, heading: str, task: TaskView, entries: dict[str, str], total: str,
                      vetoed: bool) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("1 / 3  Check your marks"))
        title.setObjectName("sectionTitle")
        who = QLabel(heading)
        who.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for row, item in enumerate(task.items):
            code = QLabel(item.code)
            code.setObjectName("itemCode")
            text = QLabel(item.description)
            text.setWordWrap(True)
            value = entries.get(item.code, "")
            if item.kind == "veto":
                shown = self.tr("Vetoed") if value not in ("", "0") else self.tr("Not marked")
            elif item.kind == "deduction":
                shown = self.tr("−{points}").format(points=points(value)) if value not in ("", "0") else "0"
            else:
                shown = points(value) if value else "—"
            mark = QLabel(shown)
            mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            mark.setStyleSheet("font-size: 13pt; font-weight: 600;")
            grid.addWidget(code, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(mark, row, 2)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.summary_total = QLabel(self.tr("Total {total} of {max}").format(total=total, max=points(task.max_score))
                                    + (self.tr(" (vetoed)") if vetoed else ""))
        self.summary_total.setObjectName("totalVetoed" if vetoed else "total")
        warning = QLabel(self.tr("Once signed, the sheet cannot be changed; a correction needs a reason and "
                                 "is kept beside it."))
        warning.setObjectName("muted")
        warning.setWordWrap(True)
        self.to_pad = QPushButton(self.tr("Correct, go on to sign"))
        self.to_pad.setObjectName("primary")
        self.to_pad.clicked.connect(lambda: self.pages.setCurrentIndex(PAD))
        back = QPushButton(self.tr("Back to the marks"))
        back.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(who)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary_total)
        layout.addWidget(warning)
        layout.addLayout(_buttons(back, self.to_pad))
        return page

    def _pad_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("2 / 3  Sign by hand"))
        title.setObjectName("sectionTitle")
        self.pad = SignaturePad()
        self.pad.changed.connect(self._pad_changed)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(SUMMARY))
        self.to_pin = QPushButton(self.tr("Next: PIN"))
        self.to_pin.setObjectName("primary")
        self.to_pin.setEnabled(False)
        self.to_pin.clicked.connect(self._go_to_pin)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(self.pad, 1)
        row = _buttons(back, self.to_pin)
        row.insertWidget(1, clear)
        layout.addLayout(row)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("3 / 3  Your PIN unlocks your signing key"))
        title.setObjectName("sectionTitle")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LENGTH)
        self.pin.textChanged.connect(self._pin_changed)
        self.pin.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.keypad = Keypad(self.pin)
        self.keypad.setMaximumWidth(360)
        self.keypad.setMinimumHeight(260)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(PAD))
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.setObjectName("primary")
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self.submit)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(260, 110)
        self.preview.setStyleSheet("background: #ffffff; border: 1px solid #d5dbe1;")
        left = QVBoxLayout()
        left.addWidget(self.pin)
        left.addWidget(self.keypad, 1)
        left.addWidget(self.error)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Your signature")))
        side.addWidget(self.preview)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(16)
        body.addLayout(side, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        layout.addLayout(_buttons(back, self.sign_button))
        return page

    # -- flow ------------------------------------------------------------------------------
    def _pad_changed(self) -> None:
        self.to_pin.setEnabled(self.pad.is_signed())

    def _go_to_pin(self) -> None:
        if not self.pad.is_signed():
            return
        pixmap = QPixmap()
        pixmap.loadFromData(strokes_png(self.pad.strokes(), 260, 110))
        self.preview.setPixmap(pixmap)
        self.pages.setCurrentIndex(PIN)
        self.keypad.target = self.pin
        self.pin.setFocus()

    def _pin_changed(self, text: str) -> None:
        self.sign_button.setEnabled(len(text) == PIN_LENGTH and text.isdigit() and self.pad.is_signed())

    def submit(self) -> None:
        if not self.sign_button.isEnabled():
            return
        self.error.hide()
        self._busy(True)
        self.sign_requested.emit(self.pin.text(), self.pad.strokes())

    def failed(self, sentence: str) -> None:
        """The signing was refused: say why and let the examiner try again (the PIN is emptied)."""
        self._busy(False)
        self.pin.clear()
        self.error.setText(sentence)
        self.error.show()

    def signed(self) -> None:
        self._busy(False)
        self.accept()

    def _busy(self, busy: bool) -> None:
        for widget in (self.pin, self.keypad, self.sign_button):
            widget.setEnabled(not busy)
        if not busy:
            self._pin_changed(self.pin.text())


def _buttons(back: QPushButton, forward: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(back)
    row.addStretch(1)
    forward.setMinimumWidth(180)
    row.addWidget(forward)
    return row
