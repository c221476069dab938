"""场次总览 / Session overview: the plan at a glance, its sessions, rooms, roster and staff."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from app.domain.actor import Actor
from app.errors import KnownError
from app.services.overview import OverviewService, PlanOverview
from app.services.site import Site
from app.ui import labels
from app.ui.console.roster_panel import RosterPanel
from app.ui.console.table_model import Column, RowsModel
from app.ui.console.tables import make_table
from app.ui.tasks import run_task


class PlanHeader(QFrame):
    """Plan code, agency, occupation and level, date, package and issuer: two columns of facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.values: dict[str, QLabel] = {}
        fields = [
            ("plan", self.tr("Exam plan")), ("agency", self.tr("Evaluation agency")),
            ("occupation", self.tr("Occupation and level")), ("date", self.tr("Exam date")),
            ("package", self.tr("Exam package")), ("issuer", self.tr("Issuer key")),
        ]
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 12, 18, 12)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for index, (key, title) in enumerate(fields):
            name = QLabel(title)
            name.setObjectName("muted")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            row, column = index // 2, (index % 2) * 2
            grid.addWidget(name, row, column)
            grid.addWidget(value, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def show_plan(self, plan: PlanOverview) -> None:
        self.values["plan"].setText(plan.plan_code)
        self.values["agency"].setText(plan.agency_name)
        self.values["occupation"].setText(self.tr("{occupation} ({code}) · {level}").format(
            occupation=plan.occupation_name, code=plan.occupation_code, level=labels.level_title(plan.level)))
        self.values["date"].setText(self.tr("{date} · {count} candidates").format(
            date=labels.day(plan.exam_date), count=plan.candidates))
        self.values["package"].setText(plan.package_id)
        self.values["issuer"].setText(plan.issuer_fingerprint)


class OverviewPanel(QWidget):
    """Loads the overview off the GUI thread; `loaded` fires after every refresh (tests wait on it)."""

    loaded = Signal()

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.actor = OverviewService(site), actor
        self.plan: PlanOverview | None = None
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.header = PlanHeader()
        self.sessions = RowsModel([
            Column(self.tr("Session"), lambda s: s.code),
            Column(self.tr("Kind"), lambda s: labels.session_kind(s.kind)),
            Column(self.tr("Title"), lambda s: s.title),
            Column(self.tr("Time (Beijing)"), lambda s: labels.time_span(s.starts_at, s.ends_at)),
            Column(self.tr("Rooms"), lambda s: "、".join(s.rooms) if labels.is_chinese() else ", ".join(s.rooms)),
            Column(self.tr("Candidates"), lambda s: str(s.candidates), numeric=True),
            Column(self.tr("State"), lambda s: labels.session_state(s.state)),
        ], self)
        self.rooms = RowsModel([
            Column(self.tr("Room"), lambda r: r.code),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Capacity"), lambda r: str(r.capacity), numeric=True),
            Column(self.tr("Location"), lambda r: r.location),
            Column(self.tr("Sittings placed"), lambda r: str(r.seated), numeric=True),
        ], self)
        self.staff = RowsModel([
            Column(self.tr("Staff number"), lambda s: s.staff_no),
            Column(self.tr("Name"), lambda s: s.name),
            Column(self.tr("Roles"), lambda s: labels.roles_title(s.roles)),
            Column(self.tr("Duties"), lambda s: str(s.duties), numeric=True),
            Column(self.tr("Password / PIN"), self._secret_text),
        ], self)
        self.roster = RosterPanel(self.service, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(make_table(self.sessions, stretch_column=2), self.tr("Sessions"))
        self.tabs.addTab(make_table(self.rooms, stretch_column=3), self.tr("Rooms"))
        self.tabs.addTab(self.roster, self.tr("Roster"))
        self.tabs.addTab(make_table(self.staff, stretch_column=2), self.tr("Staff"))

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(12)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.tabs, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.message)
        self.pages.addWidget(content)
        title = QLabel(self.tr("Session overview"))
        title.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.pages, 1)
        self._show_message(self.tr("Loading the exam plan…"))

    def _secret_text(self, staff) -> str:
        if not staff.has_secret:
            return self.tr("Not set")
        return self.tr("PIN set") if staff.secret_kind == "pin" else self.tr("Password set")

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.pages.setCurrentIndex(0)

    def refresh(self) -> None:
        task = run_task(self, lambda progress: self.service.plan_overview(self.actor),
                        on_success=self._show_overview, on_known_error=self._refused)
        task.finished.connect(self.loaded)

    def _refused(self, exc: KnownError) -> None:
        self.plan = None
        self._show_message(exc.message)

    def _show_overview(self, plan: PlanOverview | None) -> None:
        self.plan = plan
        if plan is None:
            self._show_message(self.tr("No exam package has been imported on this site yet."))
            return
        self.header.show_plan(plan)
        self.sessions.set_rows(plan.sessions)
        self.rooms.set_rows(plan.rooms)
        self.staff.set_rows(plan.staff)
        self.roster.set_rows(plan.roster)
        self.pages.setCurrentIndex(1)
