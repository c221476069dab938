"""Before the final submission: what is unanswered and flagged, and an explicit confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.terminal.model import AnswerView, PaperView
from app.ui.terminal.frame import centred_panel


def numbers_text(numbers: list[int], limit: int = 40) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (" …" if len(numbers) > limit else "")


class SubmitPage(QWidget):
    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.unanswered: list[int] = []
        self.flagged: list[int] = []
        title = QLabel(self.tr("Submit your answers"))
        title.setObjectName("hero")
        self.summary = QLabel()
        self.summary.setObjectName("title")
        self.summary.setWordWrap(True)
        self.unanswered_label = QLabel()
        self.unanswered_label.setWordWrap(True)
        self.flagged_label = QLabel()
        self.flagged_label.setWordWrap(True)
        self.warning = QLabel(self.tr("After submission you cannot change any answer."))
        self.warning.setObjectName("notice")
        self.warning.setWordWrap(True)
        self.agree = QCheckBox(self.tr("I have checked my answers and want to submit now"))
        self.agree.toggled.connect(lambda on: self.confirm.setEnabled(on and not self._busy))
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.back = QPushButton(self.tr("Back to the questions"))
        self.back.clicked.connect(self.cancelled)
        self.confirm = QPushButton(self.tr("Submit now"))
        self.confirm.setObjectName("primary")
        self.confirm.clicked.connect(self._confirm)
        self._busy = False
        _, inner = centred_panel(self, [title, self.summary, self.unanswered_label, self.flagged_label, self.warning,
                                        self.agree, self.message], spacing=16)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        inner.addLayout(buttons)

    def prepare(self, paper: PaperView, answers: dict[str, AnswerView]) -> None:
        self.unanswered = [i.number for i in paper.items if not answers.get(i.code, AnswerView()).response]
        self.flagged = [i.number for i in paper.items if answers.get(i.code, AnswerView()).flagged]
        total = len(paper.items)
        self.summary.setText(self.tr("You answered {answered} of {total} questions.").format(
            answered=total - len(self.unanswered), total=total))
        self.unanswered_label.setText(
            self.tr("Unanswered ({count}): {numbers}").format(count=len(self.unanswered),
                                                            numbers=numbers_text(self.unanswered))
            if self.unanswered else self.tr("No question is unanswered."))
        self.flagged_label.setText(
            self.tr("Flagged for review ({count}): {numbers}").format(count=len(self.flagged),
                                                                    numbers=numbers_text(self.flagged))
            if self.flagged else self.tr("No question is flagged."))
        self.agree.setChecked(False)
        self.message.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm.setText(self.tr("Submitting…") if busy else self.tr("Submit now"))
        self.confirm.setEnabled(self.agree.isChecked() and not busy)
        self.back.setEnabled(not busy)

    def refuse(self, message: str) -> None:
        self.set_busy(False)
        self.message.setText(message)

    def _confirm(self) -> None:
        if self.agree.isChecked() and not self._busy:
            self.set_busy(True)
            self.confirmed.emit()
