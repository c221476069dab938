"""The discreet 'demo accounts' panel: only on demo sites, so a visitor can log in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from app.domain.roles import Role
from app.services.auth import StaffEntry
from app.ui.labels import role_title


class DemoPanel(QFrame):
    """Lists the demo credentials; double-clicking one fills the log-in form."""

    chosen = Signal(str, object, str)  # staff_no, role, secret

    def __init__(self, credentials: dict[str, tuple[Role, str]], directory: list[StaffEntry]) -> None:
        super().__init__()
        self.setObjectName("demoPanel")
        self.setFixedWidth(400)
        names = {entry.staff_no: entry.name for entry in directory}
        self.credentials = credentials
        title = QLabel(self.tr("Demo accounts"))
        title.setStyleSheet("font-weight: 600;")
        note = QLabel(self.tr("Shown only on a demo site. Double-click an account to fill in the form."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.table = QTableWidget(len(credentials), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Staff"), self.tr("Password / PIN")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setStyleSheet("font-size: 9.5pt;")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows: list[tuple[str, Role, str]] = []
        for row, (staff_no, (role, secret)) in enumerate(credentials.items()):
            self.rows.append((staff_no, role, secret))
            person = self.tr("{number} · {name}").format(number=staff_no, name=names.get(staff_no, ""))
            for column, text in enumerate((role_title(role), person, secret)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.table.cellDoubleClicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def _pick(self, row: int, _column: int) -> None:
        staff_no, role, secret = self.rows[row]
        self.chosen.emit(staff_no, role, secret)
