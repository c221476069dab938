"""The proctor's three decisions, and the banner that shows each outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.style import ERROR, SUCCESS

BANNER_STYLES = {
    "success": f"background: #e3f1e6; color: {SUCCESS}; border: 1px solid #9ccaa7;",
    "error": f"background: #fbe7e5; color: {ERROR}; border: 1px solid #e3a9a3;",
    "info": "background: #eef3f8; color: #1b2a38; border: 1px solid #c4d3e2;",
}


class Banner(QLabel):
    """One clear line for the last outcome: green admitted, red refused, grey for information."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskBanner")
        self.setWordWrap(True)
        self.setMinimumHeight(44)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.kind = "info"
        self.show_message("", "info")

    def show_message(self, text: str, kind: str) -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(f"QLabel#deskBanner {{ {BANNER_STYLES[kind]} border-radius: 6px; padding: 8px 14px; "
                           "font-size: 13pt; font-weight: 600; }")


class DecisionBar(QWidget):
    confirm_clicked = Signal()
    reject_clicked = Signal()
    override_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirm = QPushButton(self.tr("Admit (Enter)"))
        self.confirm.setObjectName("primary")
        self.reject = QPushButton(self.tr("Refuse"))
        self.override = QPushButton(self.tr("Special admission…"))
        self.confirm.clicked.connect(self.confirm_clicked)
        self.reject.clicked.connect(self.reject_clicked)
        self.override.clicked.connect(self.override_clicked)
        for button in (self.confirm, self.reject, self.override):
            button.setMinimumHeight(38)
            button.setAutoDefault(False)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.confirm, 2)
        buttons.addWidget(self.reject, 1)
        buttons.addWidget(self.override, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.set_enabled(False, False, False, "")

    def set_enabled(self, confirm: bool, reject: bool, override: bool, hint: str) -> None:
        self.confirm.setEnabled(confirm)
        self.reject.setEnabled(reject)
        self.override.setEnabled(override)
        self.hint.setText(hint)
