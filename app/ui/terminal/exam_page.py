"""The exam: the current question on the left, the answer card and the submit button on the right."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.terminal.model import AnswerView, PaperView
from app.ui.terminal.answer_card import AnswerCard
from app.ui.terminal.question_view import QuestionView


class ExamPage(QWidget):
    """Emits `answer_changed(item_code, response, flagged)` and `submit_requested()`; the window
    saves through the backend and calls `saved()` / `set_answers()` with what is durable."""

    answer_changed = Signal(str, tuple, bool)
    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.paper: PaperView | None = None
        self.answers: dict[str, AnswerView] = {}
        self.index = 0
        self.image_height = 260
        self.question = QuestionView()
        self.question.response_changed.connect(self._response_changed)
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.previous.clicked.connect(lambda: self.go_to(self.index - 1))
        self.next = QPushButton(self.tr("Next ▶"))
        self.next.setObjectName("primary")
        self.next.clicked.connect(lambda: self.go_to(self.index + 1))
        self.flag = QPushButton(self.tr("⚑ Flag for review"))
        self.flag.setCheckable(True)
        self.flag.clicked.connect(self._flag_clicked)
        self.card = AnswerCard()
        self.card.go_to.connect(self.go_to)
        self.submit = QPushButton(self.tr("Submit"))
        self.submit.setObjectName("primary")
        self.submit.clicked.connect(self.submit_requested)
        self.submit_hint = QLabel()
        self.submit_hint.setObjectName("muted")
        self.submit_hint.setWordWrap(True)

        question_panel = QFrame()
        question_panel.setObjectName("panel")
        inner = QVBoxLayout(question_panel)
        inner.setContentsMargins(24, 18, 24, 14)
        inner.addWidget(self.question, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous)
        buttons.addStretch(1)
        buttons.addWidget(self.flag)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        inner.addLayout(buttons)
        side = QVBoxLayout()
        side.addWidget(self.card, 1)
        side.addWidget(self.submit)
        side.addWidget(self.submit_hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        layout.addWidget(question_panel, 7)
        layout.addLayout(side, 3)

    def set_paper(self, paper: PaperView, answers: dict[str, AnswerView], columns: int) -> None:
        self.paper = paper
        self.answers = dict(answers)
        self.card.set_items(paper.items, columns)
        self.go_to(0)

    def set_answers(self, answers: dict[str, AnswerView]) -> None:
        """The durable answers (from the backend's state); the current question shows them."""
        self.answers = dict(answers)
        if self.paper:
            item = self.paper.items[self.index]
            current = self.answers.get(item.code, AnswerView())
            if current.response != self.question.response():
                self.question.set_response(current.response)
            self.flag.setChecked(current.flagged)
            self._refresh_card()

    def saved(self, item_code: str, answer: AnswerView) -> None:
        self.answers[item_code] = answer
        self._refresh_card()

    def go_to(self, index: int) -> None:
        if self.paper is None or not 0 <= index < len(self.paper.items):
            return
        self.index = index
        item = self.paper.items[index]
        answer = self.answers.get(item.code, AnswerView())
        self.question.show_item(item, len(self.paper.items), answer.response, self.image_height)
        self.flag.setChecked(answer.flagged)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.paper.items) - 1)
        self._refresh_card()

    def current_item(self):
        return self.paper.items[self.index] if self.paper else None

    def _refresh_card(self) -> None:
        if self.paper:
            self.card.update_cells(self.paper.items, self.answers, self.index)

    def _response_changed(self, response: tuple) -> None:
        item = self.current_item()
        if item is not None:
            self.answer_changed.emit(item.code, tuple(response), self.flag.isChecked())

    def _flag_clicked(self, checked: bool) -> None:
        item = self.current_item()
        if item is not None:
            self.answer_changed.emit(item.code, self.question.response(), checked)
