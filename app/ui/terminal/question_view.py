"""One question: number, kind and points, the stem, an optional image, and the options as
large rows (radio buttons for single and true/false items, check boxes for multiple ones)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import (QAbstractButton, QButtonGroup, QCheckBox, QFrame, QHBoxLayout, QLabel, QRadioButton,
                               QScrollArea, QVBoxLayout, QWidget)

from app.terminal.model import ChoiceView, ItemView


class OptionRow(QFrame):
    """A whole row is the target: a click anywhere on it toggles its button."""

    def __init__(self, choice: ChoiceView, multiple: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("option")
        self.key = choice.key
        self.button: QAbstractButton = QCheckBox(choice.key) if multiple else QRadioButton(choice.key)
        self.button.setObjectName("optionButton")
        self.label = QLabel(choice.text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(16)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.toggled.connect(self._restyle)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.button.click()
        super().mouseReleaseEvent(event)

    def _restyle(self, checked: bool) -> None:
        self.setProperty("chosen", "true" if checked else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class QuestionView(QWidget):
    """Emits `response_changed(keys)` when the candidate changes their choice."""

    response_changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: ItemView | None = None
        self.rows: list[OptionRow] = []
        self.group: QButtonGroup | None = None
        self.header = QLabel()
        self.header.setObjectName("title")
        self.stem = QLabel()
        self.stem.setObjectName("stem")
        self.stem.setWordWrap(True)
        self.stem.setTextFormat(Qt.TextFormat.PlainText)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.image.hide()
        self.options = QVBoxLayout()
        self.options.setSpacing(10)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(14)
        column.addWidget(self.header)
        column.addWidget(self.stem)
        column.addWidget(self.image)
        column.addLayout(self.options)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def kind_text(self, kind: str) -> str:
        return {"single": self.tr("Single choice"), "multiple": self.tr("Multiple choice (choose all that apply)"),
                "truefalse": self.tr("True or false")}.get(kind, kind)

    def show_item(self, item: ItemView, total: int, response: tuple[str, ...], image_height: int) -> None:
        self.item = item
        self.header.setText(self.tr("Question {number} of {total} · {kind} · {points} pt").format(
            number=item.number, total=total, kind=self.kind_text(item.kind), points=item.points))
        self.stem.setText(item.stem)
        pixmap = QPixmap()
        if item.image and pixmap.loadFromData(item.image):
            if pixmap.height() > image_height:
                pixmap = pixmap.scaledToHeight(image_height, Qt.TransformationMode.SmoothTransformation)
            self.image.setPixmap(pixmap)
            self.image.show()
        else:
            self.image.clear()
            self.image.hide()
        for row in self.rows:
            self.options.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        if self.group is not None:
            self.group.deleteLater()
        self.group = QButtonGroup(self)
        multiple = item.kind == "multiple"
        self.group.setExclusive(not multiple)
        for choice in item.choices:
            row = OptionRow(choice, multiple)
            row.button.setChecked(choice.key in response)
            row._restyle(choice.key in response)
            self.group.addButton(row.button)
            row.button.clicked.connect(self._clicked)
            self.options.addWidget(row)
            self.rows.append(row)
        self.scroll.verticalScrollBar().setValue(0)

    def set_response(self, response: tuple[str, ...]) -> None:
        """Show `response` without emitting (a save was refused, or the state came from elsewhere)."""
        exclusive = self.group.exclusive() if self.group else False
        if self.group:
            self.group.setExclusive(False)
        for row in self.rows:
            row.button.blockSignals(True)
            row.button.setChecked(row.key in response)
            row.button.blockSignals(False)
            row._restyle(row.key in response)
        if self.group:
            self.group.setExclusive(exclusive)

    def response(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.rows if row.button.isChecked())

    def choose(self, *keys: str) -> None:
        """Click the options `keys` as the candidate would (tests and the demo)."""
        for row in self.rows:
            if row.key in keys:
                row.button.click()

    def _clicked(self) -> None:
        self.response_changed.emit(self.response())
