"""After the exam: the automatic-submission notice while it is delivered, then the receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from app.terminal.model import Receipt
from app.ui.terminal.frame import centred_panel
from app.ui.terminal.texts import full_time


class EndingPage(QWidget):
    """'Time is up' (or 'the proctor submitted for you') while the submission is being delivered."""

    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.title = QLabel()
        self.title.setObjectName("hero")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        centred_panel(self, [self.title, self.detail, self.message, self.retry_button])

    def show_reason(self, how: str) -> None:
        if how == "proctor":
            self.title.setText(self.tr("The proctor has submitted your exam"))
        else:
            self.title.setText(self.tr("Time is up"))
        self.detail.setText(self.tr("Your answers are being submitted automatically. Stay in your seat."))
        self.message.clear()
        self.retry_button.hide()

    def failed(self, message: str) -> None:
        self.message.setText(message)
        self.retry_button.show()


class ReceiptPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.title = QLabel(self.tr("Your answers have been submitted"))
        self.title.setObjectName("hero")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.values = {key: QLabel() for key in ("name", "ticket", "time", "count", "how", "digest")}
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setHorizontalSpacing(30)
        grid.setVerticalSpacing(12)
        captions = (self.tr("Name"), self.tr("Admission ticket"), self.tr("Submitted at"), self.tr("Answered"),
                    self.tr("Submitted by"), self.tr("Receipt code"))
        for row, (caption, label) in enumerate(zip(captions, self.values.values())):
            head = QLabel(caption)
            head.setObjectName("muted")
            grid.addWidget(head, row, 0)
            grid.addWidget(label, row, 1)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.values["digest"].setObjectName("title")
        self.advice = QLabel(self.tr(
            "Raise your hand and wait for the proctor before you leave your seat. Do not switch off the terminal."))
        self.advice.setObjectName("notice")
        self.advice.setWordWrap(True)
        centred_panel(self, [self.title, grid_holder, self.advice])

    def show_receipt(self, receipt: Receipt) -> None:
        how = {"candidate": self.tr("You"), "proctor": self.tr("The proctor"),
               "time": self.tr("Automatically at the end of time")}.get(receipt.how, receipt.how)
        short = receipt.digest[:16].upper()
        values = (receipt.name, receipt.ticket_no, self.tr("{time} (Beijing time)").format(
                      time=full_time(receipt.submitted_at)),
                  self.tr("{answered} of {total} questions").format(answered=receipt.answered, total=receipt.total),
                  how, " ".join(short[i:i + 4] for i in range(0, len(short), 4)))
        for label, value in zip(self.values.values(), values):
            label.setText(value)
