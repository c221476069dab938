"""The answer card (答题卡): one cell per question, coloured answered / flagged / unanswered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.terminal.model import AnswerView, ItemView

ANSWERED, FLAGGED, UNANSWERED = "answered", "flagged", "unanswered"


def status_of(answer: AnswerView | None) -> str:
    if answer is not None and answer.flagged:
        return FLAGGED
    return ANSWERED if answer is not None and answer.response else UNANSWERED


class AnswerCard(QFrame):
    """Emits `go_to(index)` when a cell is clicked."""

    go_to = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.cells: list[QPushButton] = []
        self.columns = 5
        self.title = QLabel(self.tr("Answer card"))
        self.title.setObjectName("title")
        self.counts = QLabel()
        self.counts.setObjectName("muted")
        self.counts.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addLayout(self.grid)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        legend = QHBoxLayout()
        legend.setSpacing(6)
        for name, text in (("legendAnswered", self.tr("Answered")), ("legendFlagged", self.tr("Flagged")),
                           ("legendUnanswered", self.tr("Unanswered"))):
            swatch = QLabel()
            swatch.setObjectName(name)
            swatch.setFixedSize(18, 18)
            caption = QLabel(text)
            caption.setObjectName("muted")
            legend.addWidget(swatch)
            legend.addWidget(caption)
            legend.addSpacing(8)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.title)
        layout.addLayout(legend)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.counts)

    def set_items(self, items: tuple[ItemView, ...], columns: int) -> None:
        for cell in self.cells:
            self.grid.removeWidget(cell)
            cell.hide()
            cell.deleteLater()
        self.cells = []
        self.columns = columns
        for index, item in enumerate(items):
            cell = QPushButton(str(item.number))
            cell.setObjectName("cell")
            cell.setProperty("status", UNANSWERED)
            cell.setProperty("current", "false")
            cell.clicked.connect(lambda _=False, i=index: self.go_to.emit(i))
            self.grid.addWidget(cell, index // columns, index % columns)
            self.cells.append(cell)

    def update_cells(self, items: tuple[ItemView, ...], answers: dict[str, AnswerView], current: int) -> None:
        answered = flagged = 0
        for index, (cell, item) in enumerate(zip(self.cells, items)):
            answer = answers.get(item.code)
            status = status_of(answer)
            answered += bool(answer and answer.response)
            flagged += bool(answer and answer.flagged)
            is_current = "true" if index == current else "false"
            if cell.property("status") != status or cell.property("current") != is_current:
                cell.setProperty("status", status)
                cell.setProperty("current", is_current)
                cell.style().unpolish(cell)
                cell.style().polish(cell)
        self.counts.setText(self.tr("Answered {answered} of {total} · flagged {flagged}").format(
            answered=answered, total=len(items), flagged=flagged))

    def status(self, index: int) -> str:
        return self.cells[index].property("status")
