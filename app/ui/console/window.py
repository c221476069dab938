"""The console window after log-in: navigation on the left, one panel at a time, who/where below."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QMainWindow, QSizePolicy, QStackedWidget,
                               QToolBar, QWidget)

from app.domain.actor import Actor
from app.domain.roles import Role
from app.services.outbox import ENQUEUE_ROLES
from app.services.overview import VIEW_ROLES
from app.services.results import RESULT_ROLES
from app.services.site import Site
from app.ui.console.camera_wall import CameraWallPanel
from app.ui.console.overview_panel import OverviewPanel
from app.ui.console.package_panel import PackagePanel
from app.ui.console.playback_panel import PlaybackPanel
from app.ui.console.results_panel import ResultsPanel
from app.ui.console.room_panel import RoomPanel
from app.ui.console.sync_panel import SyncPanel
from app.ui.desk.desk_panel import DeskPanel
from app.ui.labels import role_title

DATABASE_LABEL_WIDTH = 460


class ConsoleWindow(QMainWindow):
    """Panels depend on the role: the administrator also gets the exam package panel."""

    logout_requested = Signal()

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None, *, demo=None,
                 desk_options: dict | None = None) -> None:
        super().__init__(parent)
        self.site, self.actor = site, actor
        self.setWindowTitle(self.tr("ExamSite · {role} · {site}").format(
            role=role_title(actor.role), site=site.config.site_name))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        self.panels = QStackedWidget()
        self.package_panel: PackagePanel | None = None
        self.overview_panel: OverviewPanel | None = None
        self.desk_panel: DeskPanel | None = None

        if actor.role in (Role.PROCTOR, Role.CHIEF_PROCTOR):
            self.desk_panel = DeskPanel(site, actor, demo=demo, **(desk_options or {}))
            self._add_panel(self.desk_panel, self.tr("Check-in"))
        self.room_panel: RoomPanel | None = None
        if actor.role in (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR):
            self.room_panel = RoomPanel(site, actor)
            self._add_panel(self.room_panel, self.tr("Theory room"))
        if actor.role == Role.ADMIN:
            self.package_panel = PackagePanel(site, actor)
            self._add_panel(self.package_panel, self.tr("Exam package"))
        if actor.role in VIEW_ROLES:
            self.overview_panel = OverviewPanel(site, actor)
            self._add_panel(self.overview_panel, self.tr("Session overview"))
        self.results_panel: ResultsPanel | None = None
        if actor.role in RESULT_ROLES:
            self.results_panel = ResultsPanel(site, actor)
            self._add_panel(self.results_panel, self.tr("Results"))
        self.sync_panel: SyncPanel | None = None
        if actor.role in ENQUEUE_ROLES:
            self.sync_panel = SyncPanel(site, actor)
            self._add_panel(self.sync_panel, self.tr("Delivery"))
        self.camera_wall_panel: CameraWallPanel | None = None
        self.playback_panel: PlaybackPanel | None = None
        if actor.role in (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR, Role.ADMIN):
            self.camera_wall_panel = CameraWallPanel(site, actor)
            self._add_panel(self.camera_wall_panel, self.tr("Camera wall"))
            self.playback_panel = PlaybackPanel(site, actor)
            self._add_panel(self.playback_panel, self.tr("Video playback"))
        if self.package_panel and self.overview_panel:
            self.package_panel.imported.connect(lambda _summary: self.overview_panel.refresh())
        self.navigation.currentRowChanged.connect(self.panels.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        body = QWidget()
        body.setObjectName("page")
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.panels, 1)
        self.setCentralWidget(body)
        self._build_toolbar()
        self._build_status_bar()
        if self.overview_panel:
            self.overview_panel.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.desk_panel is not None:
            self.desk_panel.shutdown()  # stops the camera and card reader threads
        for panel in (self.camera_wall_panel, self.playback_panel):
            if panel is not None:
                panel.shutdown()  # stops and joins the camera wall's and the player's threads
        super().closeEvent(event)

    def _add_panel(self, panel: QWidget, title: str) -> None:
        self.panels.addWidget(panel)
        self.navigation.addItem(title)

    def show_panel(self, panel: QWidget) -> None:
        self.navigation.setCurrentRow(self.panels.indexOf(panel))

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Account"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        title = QLabel(self.site.config.site_name)
        title.setStyleSheet("font-weight: 600; padding: 0 12px;")
        toolbar.addWidget(title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.logout_action = QAction(self.tr("Log out"), self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.logout_action.triggered.connect(self.logout_requested)
        toolbar.addAction(self.logout_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.who = QLabel(self.tr("{name} ({staff_no}) · {role}").format(
            name=self.actor.name, staff_no=self.actor.staff_no, role=role_title(self.actor.role)))
        self.where = QLabel(self.tr("Site: {name} ({site_id})").format(
            name=self.site.config.site_name, site_id=self.site.config.site_id))
        full = self.tr("Database: {url}").format(url=self.site.db.display_url)
        self.database = QLabel(self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideMiddle, DATABASE_LABEL_WIDTH))
        self.database.setToolTip(full)
        self.database.setObjectName("muted")
        for index, label in enumerate((self.who, self.where, self.database)):
            if index:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                bar.addWidget(separator)
            bar.addWidget(label, 1 if label is self.database else 0)
