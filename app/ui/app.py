"""Starting the windows: the application object, language, font, style, and the launcher ⇄ console cycle."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from app.domain.actor import Actor
from app.services.site import Site
from app.ui.gc_guard import collect_on_gui_thread
from app.ui.qt_guard import protect_bools
from app.ui import tasks
from app.ui.console.window import ConsoleWindow
from app.ui.i18n import apply_font, install_language
from app.ui.launcher import LauncherWindow
from app.ui.style import STYLESHEET

WINDOW_SIZE = (1366, 768)


def prepare_application(language: str) -> QApplication:
    """The one QApplication (reused when it exists), in `language`, with our font and stylesheet."""
    protect_bools()  # a no-op unless the installed PySide6 has the emit() refcount bug
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_on_gui_thread(app)
    app.setApplicationName("ExamSite")
    app.setApplicationDisplayName("考点通 ExamSite")
    app.setOrganizationName("ExamSite")
    app.setOrganizationDomain("examsite.local")
    install_language(app, language)
    apply_font(app)
    app.setStyleSheet(STYLESHEET)
    return app


class SiteUi(QObject):
    """Shows the launcher; after a log-in, the role's console; after log-out, a fresh launcher."""

    window_changed = Signal(object)

    def __init__(self, site: Site, demo=None) -> None:
        super().__init__()
        self.site, self.demo = site, demo
        self.window: QMainWindow | None = None

    def show_launcher(self) -> LauncherWindow:
        launcher = LauncherWindow(self.site, self.demo)
        launcher.logged_in.connect(self.show_console)
        self._replace(launcher)
        return launcher

    def show_console(self, actor: Actor) -> ConsoleWindow:
        console = ConsoleWindow(self.site, actor, demo=self.demo)
        console.logout_requested.connect(self.show_launcher)
        self._replace(console)
        return console

    def _replace(self, window: QMainWindow) -> None:
        previous, self.window = self.window, window
        fit_to_screen(window)
        window.show()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self.window_changed.emit(window)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None


def fit_to_screen(window: QMainWindow) -> None:
    """1366×768 (the smallest screen we support), or the whole screen when it is smaller."""
    width, height = WINDOW_SIZE
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height())
    window.resize(width, height)


def save_screenshot(window: QMainWindow, path: Path) -> bool:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(path), "PNG")


def run_gui(site: Site, language: str, demo=None, screenshot: Path | None = None) -> int:
    """Run the console until its last window closes; with `screenshot`, save the first window and exit."""
    app = prepare_application(language)
    ui = SiteUi(site, demo)
    launcher = ui.show_launcher()
    try:
        if screenshot is None:
            return app.exec()
        launcher.resize(*WINDOW_SIZE)
        saved: list[bool] = []
        loop = QEventLoop()  # a local loop: quitting it leaves the application usable

        def capture() -> None:
            saved.append(save_screenshot(launcher, screenshot))
            loop.quit()

        QTimer.singleShot(0, capture)
        loop.exec()
        ui.close()
        return 0 if saved and saved[0] else 1
    finally:
        tasks.wait_for_all()
