"""The roster (考生名单): searchable by ticket or name, with the roster portrait of the chosen candidate."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.actor import Actor
from app.services.overview import OverviewService, RosterRow
from app.ui import labels
from app.ui.console.table_model import ROW_ROLE, SORT_ROLE, Column, RowsModel
from app.ui.console.tables import make_table
from app.ui.tasks import run_task

PORTRAIT_SIZE = (168, 216)
TICKET_COLUMN, NAME_COLUMN = 0, 1


class RosterFilter(QSortFilterProxyModel):
    """Keeps rows whose admission ticket or name contains the search text."""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        pattern = self.filterRegularExpression()
        if not pattern.pattern():
            return True
        model = self.sourceModel()
        return any(
            pattern.match(str(model.data(model.index(source_row, column, source_parent)))).hasMatch()
            for column in (TICKET_COLUMN, NAME_COLUMN)
        )


class RosterPanel(QWidget):
    photo_shown = Signal(str)  # ticket number

    def __init__(self, overview: OverviewService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview, self.actor = overview, actor
        self.model = RowsModel([
            Column(self.tr("Admission ticket"), lambda r: r.ticket_no),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Gender"), lambda r: labels.gender(r.gender)),
            Column(self.tr("ID number"), lambda r: r.id_masked),
            Column(self.tr("Session"), lambda r: r.session_code),
            Column(self.tr("Room"), lambda r: r.room_name),
            Column(self.tr("Seat"), lambda r: "" if r.seat_no is None else str(r.seat_no),
                   sort_key=lambda r: r.seat_no or 0, numeric=True),
            Column(self.tr("Status"), lambda r: labels.sitting_status(r.status)),
        ], self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = make_table(self.proxy, stretch_column=5)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TICKET_COLUMN, Qt.SortOrder.AscendingOrder)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by admission ticket or name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.set_filter)
        self.count = QLabel()
        self.count.setObjectName("muted")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)

        self.portrait = QLabel()
        self.portrait.setObjectName("portrait")
        self.portrait.setFixedSize(*PORTRAIT_SIZE)
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.portrait.setWordWrap(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        side = QFrame()
        side.setObjectName("card")
        side.setFixedWidth(PORTRAIT_SIZE[0] + 28)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(14, 14, 14, 14)
        heading = QLabel(self.tr("Roster photo"))
        heading.setStyleSheet("font-weight: 600;")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.portrait)
        side_layout.addWidget(self.caption)
        side_layout.addStretch(1)

        table_side = QVBoxLayout()
        table_side.addLayout(top)
        table_side.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(table_side, 1)
        layout.addWidget(side)
        self._clear_portrait()

    def set_rows(self, rows: tuple[RosterRow, ...]) -> None:
        self.model.set_rows(rows)
        self._clear_portrait()
        self._update_count()

    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def visible_tickets(self) -> list[str]:
        return [self.proxy.index(row, TICKET_COLUMN).data() for row in range(self.proxy.rowCount())]

    def select_ticket(self, ticket_no: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, TICKET_COLUMN).data() == ticket_no:
                self.view.selectRow(row)
                self.view.setCurrentIndex(self.proxy.index(row, TICKET_COLUMN))
                return True
        return False

    def _update_count(self) -> None:
        self.count.setText(self.tr("{shown} of {total} sittings").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _clear_portrait(self) -> None:
        self.portrait.clear()
        self.portrait.setText(self.tr("Select a candidate to see the roster photo."))
        self.caption.clear()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: RosterRow | None = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            self._clear_portrait()
            return
        ticket, caption = row.ticket_no, self.tr("{name}\n{ticket}").format(name=row.name, ticket=row.ticket_no)
        self.portrait.clear()
        self.portrait.setText(self.tr("Loading…"))
        self.caption.setText(caption)
        run_task(self, lambda progress: self.overview.candidate_photo(self.actor, ticket),
                 on_success=lambda photo: self._show_photo(ticket, photo),
                 on_known_error=lambda exc: self.portrait.setText(exc.message))

    def _show_photo(self, ticket: str, photo: tuple[bytes, str]) -> None:
        current = self.view.currentIndex()
        if not current.isValid() or current.data(ROW_ROLE).ticket_no != ticket:
            return  # the selection moved on while the photo was loading
        pixmap = QPixmap()
        if not pixmap.loadFromData(photo[0]):
            self.portrait.setText(self.tr("The roster photo cannot be displayed."))
        else:
            self.portrait.setPixmap(pixmap.scaled(
                self.portrait.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.photo_shown.emit(ticket)
