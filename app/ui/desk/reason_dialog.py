"""Asking the proctor for the reason of a rejection or an override (both are recorded and audited)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget)

MIN_REASON = 2


class ReasonDialog(QDialog):
    """A title, what the decision is about, a few common reasons to pick from, and free text."""

    def __init__(self, title: str, prompt: str, suggestions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.suggestions = QComboBox()
        self.suggestions.addItem(self.tr("Common reasons…"))
        self.suggestions.addItems(suggestions)
        self.suggestions.activated.connect(self._pick)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write the reason (it is recorded in the audit trail)."))
        self.editor.setFixedHeight(90)
        self.editor.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self._update()

    @property
    def reason(self) -> str:
        return self.editor.toPlainText().strip()

    def set_reason(self, text: str) -> None:
        self.editor.setPlainText(text)

    def _pick(self, index: int) -> None:
        if index > 0:
            self.editor.setPlainText(self.suggestions.itemText(index))

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(len(self.reason) >= MIN_REASON)
