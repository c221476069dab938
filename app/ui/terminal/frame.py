"""A page with one panel in the middle, about 60 % of the screen wide."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget


def centred_panel(page: QWidget, widgets: list[QWidget], *, spacing: int = 18) -> tuple[QFrame, QVBoxLayout]:
    panel = QFrame()
    panel.setObjectName("panel")
    inner = QVBoxLayout(panel)
    inner.setContentsMargins(40, 30, 40, 30)
    inner.setSpacing(spacing)
    for widget in widgets:
        inner.addWidget(widget)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel, 3)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
    return panel, inner
