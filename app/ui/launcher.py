"""The role launcher: the site's name, one large tile per role, then the staff log-in form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from app.domain.roles import Role
from app.errors import KnownError
from app.services.auth import AuthService, StaffEntry
from app.services.site import Site
from app.ui.demo_panel import DemoPanel
from app.ui.labels import role_title
from app.ui.login_form import LoginForm

ROLE_ORDER = (Role.ADMIN, Role.PROCTOR, Role.CHIEF_PROCTOR, Role.EXAMINER, Role.EXAMINER_LEAD, Role.SUPERVISOR)


class RoleTile(QPushButton):
    """A large button: the role's title and one line on what it is for."""

    def __init__(self, role: Role, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.setObjectName("roleTile")
        self.setMinimumSize(240, 130)
        self.setMaximumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(role_title(role))
        title = QLabel(role_title(role))
        title.setStyleSheet("font-size: 17pt; font-weight: 600; background: transparent;")
        detail = QLabel(description)
        detail.setObjectName("muted")
        detail.setWordWrap(True)
        detail.setStyleSheet("font-size: 10pt; font-weight: normal; background: transparent;")
        for label in (title, detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(detail)
        layout.addStretch(1)


class LauncherWindow(QMainWindow):
    """Emits `logged_in(actor)` once a staff member has logged in."""

    logged_in = Signal(object)

    def __init__(self, site: Site, demo=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = site
        self.auth = AuthService(site)
        self.setWindowTitle(self.tr("ExamSite · {site}").format(site=site.config.site_name))
        self.directory: list[StaffEntry] = []
        self.load_error = QLabel()
        self.load_error.setObjectName("error")
        self.load_error.setWordWrap(True)
        self.load_error.hide()
        try:
            self.directory = self.auth.directory()
        except KnownError as exc:  # the database is unreachable: say so, keep the window usable
            self.load_error.setText(exc.message)
            self.load_error.show()

        self.tiles: dict[Role, RoleTile] = {}
        self.pages = QStackedWidget()
        self.pages.addWidget(self._tiles_page())
        self.form = LoginForm(self.auth)
        self.form.back_requested.connect(self.show_roles)
        self.form.logged_in.connect(self.logged_in)
        self.form.setMaximumWidth(620)
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 24, 0, 0)
        form_layout.addWidget(self.form, 0, Qt.AlignmentFlag.AlignHCenter)
        form_layout.addStretch(1)
        self.pages.addWidget(form_page)

        body = QHBoxLayout()
        body.setContentsMargins(32, 24, 32, 24)
        body.setSpacing(24)
        body.addWidget(self.pages, 1)
        self.demo_panel = None
        if demo is not None:
            self.demo_panel = DemoPanel(demo.credentials, self.directory)
            self.demo_panel.chosen.connect(self.use_demo_account)
            body.addWidget(self.demo_panel)

        central = QWidget()
        central.setObjectName("page")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("header")
        name = QLabel(self.site.config.site_name)
        name.setObjectName("siteName")
        meta = QLabel(self.tr("Site code {site_id} · ExamSite exam-day console").format(
            site_id=self.site.config.site_id))
        meta.setObjectName("siteMeta")
        layout = QVBoxLayout(header)
        layout.setContentsMargins(32, 18, 32, 16)
        layout.setSpacing(4)
        layout.addWidget(name)
        layout.addWidget(meta)
        layout.addWidget(self.load_error)
        return header

    def _tiles_page(self) -> QWidget:
        descriptions = {
            Role.ADMIN: self.tr("Import the exam package, manage staff accounts and devices"),
            Role.PROCTOR: self.tr("Check in candidates, watch the room, record incidents"),
            Role.CHIEF_PROCTOR: self.tr("Open and close sessions, sign the room record"),
            Role.EXAMINER: self.tr("Score practical tasks independently and sign the score sheet"),
            Role.EXAMINER_LEAD: self.tr("Review the examiners' scores and settle disagreements"),
            Role.SUPERVISOR: self.tr("Observe, review the audit trail and countersign the room record"),
        }
        page = QWidget()
        prompt = QLabel(self.tr("Choose your role for today"))
        prompt.setObjectName("sectionTitle")
        grid = QGridLayout()
        grid.setSpacing(18)
        for index, role in enumerate(ROLE_ORDER):
            tile = RoleTile(role, descriptions[role])
            tile.clicked.connect(lambda checked=False, chosen=role: self.choose_role(chosen))
            self.tiles[role] = tile
            grid.addWidget(tile, index // 3, index % 3)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(prompt)
        layout.addLayout(grid, 1)
        layout.addStretch(0)
        return page

    def choose_role(self, role: Role) -> None:
        self.form.set_role(role, self.directory)
        self.pages.setCurrentIndex(1)

    def show_roles(self) -> None:
        self.pages.setCurrentIndex(0)

    def use_demo_account(self, staff_no: str, role: Role, secret: str) -> None:
        """Fill the form from the demo panel (demo sites only)."""
        self.choose_role(role)
        self.form.select_staff(staff_no)
        self.form.secret.setText(secret)
        self.form.secret.setFocus()
