"""The examiner station window: PIN log-in, then the examiner's candidates beside the scoring screen.

Every backend call runs off the GUI thread. The connection and the station's backlog come from
the backend's `on_change` callback (a backend thread), relayed to the GUI thread by a signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from app.errors import KnownError
from app.station.model import CandidateCard, ExaminerView, StationBackend
from app.ui.station.candidate_list import CandidateList
from app.ui.station.login_page import LoginPage
from app.ui.station.scoring_panel import ScoringPanel
from app.ui.station.style import STATION_STYLESHEET
from app.ui.tasks import run_task

LIST_WIDTH = 350


class _ChangeRelay(QObject):
    changed = Signal()


class StationWindow(QMainWindow):
    logged_in = Signal(object)  # ExaminerView
    login_failed = Signal(str)
    candidates_loaded = Signal(list)
    connection_shown = Signal(bool, int)  # connected, pending changes

    def __init__(self, backend: StationBackend, station_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.examiner: ExaminerView | None = None
        self.setWindowTitle(self.tr("ExamSite · Examiner station"))
        self.setStyleSheet(STATION_STYLESHEET)
        self._relay = _ChangeRelay(self)
        self._relay.changed.connect(self.show_connection)
        backend.on_change(self._backend_changed)

        self.login_page = LoginPage(station_name)
        self.login_page.login_requested.connect(self.log_in)
        self.candidates = CandidateList()
        self.candidates.setFixedWidth(LIST_WIDTH)
        self.candidates.chosen.connect(self._chosen)
        self.panel = ScoringPanel(backend)
        self.panel.sheet_changed.connect(self.refresh)
        self.panel.saved.connect(lambda _s: self.show_connection())
        self.panel.signed.connect(lambda _s: self.show_connection())
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.candidates)
        row.addWidget(self.panel, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.login_page)
        self.pages.addWidget(work)

        root = QWidget()
        root.setObjectName("stationRoot")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._bar())
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(root)
        self.login_page.reset()
        self.show_connection()

    def _bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("stationBar")
        title = QLabel(self.tr("Examiner station"))
        title.setObjectName("stationTitle")
        self.who = QLabel()
        self.connection = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.clicked.connect(self.log_out)
        logout = QAction(self)
        logout.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        logout.triggered.connect(self.log_out)
        self.addAction(logout)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.who, 1)
        layout.addWidget(self.connection)
        layout.addWidget(self.refresh_button)
        layout.addWidget(self.logout_button)
        self._set_logged_in(False)
        return bar

    # -- log-in and out --------------------------------------------------------------------
    def log_in(self, staff_no: str, pin: str) -> None:
        backend = self.backend

        def work(_progress):
            examiner = backend.login(staff_no, pin)
            return examiner, backend.candidates()

        def failed(exc: KnownError) -> None:
            self.login_page.failed(exc.message)
            self.login_failed.emit(exc.message)

        run_task(self, work, on_success=self._logged_in, on_known_error=failed)

    def _logged_in(self, value) -> None:
        examiner, cards = value
        self.examiner = examiner
        self.who.setText(self.tr("{name} ({staff_no})").format(name=examiner.name, staff_no=examiner.staff_no)
                         + ("  ·  " + self.tr("key {fingerprint}").format(fingerprint=examiner.key_fingerprint)
                            if examiner.key_fingerprint else ""))
        self._set_logged_in(True)
        self.pages.setCurrentIndex(1)
        self._show_cards(cards)
        self.logged_in.emit(examiner)
        first = next((card for card in cards if card.checked_in != "absent"), cards[0] if cards else None)
        if first is not None:
            self.candidates.select_ticket(first.ticket_no)

    def log_out(self) -> None:
        if self.examiner is None:
            return
        staff_no = self.examiner.staff_no
        if self.panel.dirty:
            self.panel.save()
        self.examiner = None
        self.backend.logout()
        self.panel.card = self.panel.sheet = None
        self.panel.stack.setCurrentIndex(0)
        self.candidates.set_cards([])
        self._set_logged_in(False)
        self.pages.setCurrentIndex(0)
        self.login_page.reset(staff_no)

    def _set_logged_in(self, logged_in: bool) -> None:
        self.who.setVisible(logged_in)
        self.refresh_button.setVisible(logged_in)
        self.logout_button.setVisible(logged_in)

    # -- candidates ------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.examiner is None:
            return
        run_task(self, lambda _p: self.backend.candidates(), on_success=self._show_cards)

    def _show_cards(self, cards: list[CandidateCard]) -> None:
        current = self.panel.card.ticket_no if self.panel.card is not None else None
        self.candidates.set_cards(cards, keep=current)
        if current is not None:
            card = next((c for c in cards if c.ticket_no == current), None)
            if card is not None:
                self.panel.card = card
        self.candidates_loaded.emit(cards)

    def _chosen(self, card: CandidateCard) -> None:
        self.panel.open(card)

    # -- connection ------------------------------------------------------------------------
    def _backend_changed(self) -> None:
        """Called on a backend thread."""
        try:
            self._relay.changed.emit()
        except RuntimeError:  # the window is gone
            pass

    def show_connection(self) -> None:
        connected = self.backend.connected()
        pending = self.panel.sheet.pending if self.panel.sheet is not None else 0
        if connected and not pending:
            self.connection.setText(self.tr("● Online"))
            self.connection.setObjectName("online")
        elif connected:
            self.connection.setText(self.tr("● Online · sending {count}").format(count=pending))
            self.connection.setObjectName("offline")
        else:
            self.connection.setText(self.tr("● Offline · {count} kept on this station").format(count=pending))
            self.connection.setObjectName("offline")
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
        self.connection_shown.emit(connected, pending)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.examiner is not None:
            self.log_out()
        super().closeEvent(event)
