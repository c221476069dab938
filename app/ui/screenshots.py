"""Documentation screenshots, taken from the real windows on a throwaway demo site.

    QT_QPA_PLATFORM=offscreen python -m app.ui.screenshots docs/screenshots

Writes launcher-zh.png, package-verify-zh.png, overview-zh.png and launcher-en.png at 1366×768.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from app.domain.roles import Role
from app.services.auth import AuthService
from app.ui import tasks
from app.ui.app import WINDOW_SIZE, prepare_application, save_screenshot
from app.ui.console.window import ConsoleWindow
from app.ui.i18n import install_language
from app.ui.launcher import LauncherWindow

TIMEOUT_MS = 60_000


def wait_for(signal, ready=lambda: False) -> None:
    """Run the event loop until `signal` fires (or `ready()` already holds); fail after a minute."""
    if ready():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=TIMEOUT_MS)
    timer.timeout.connect(lambda: loop.exit(1))
    timer.start()
    if loop.exec() != 0:
        raise TimeoutError(f"no {signal} within {TIMEOUT_MS} ms")


def shoot(window: QMainWindow, path: Path) -> None:
    window.resize(*WINDOW_SIZE)
    window.show()
    if not save_screenshot(window, path):
        raise OSError(f"could not write {path}")
    print(path)


def take_all(out: Path) -> None:
    from app.simulation.demo_site import create_demo_site

    root = Path(tempfile.mkdtemp(prefix="examsite-shots-"))
    app = prepare_application("zh_CN")
    demo = create_demo_site(root / "site", candidates=40)
    try:
        launcher = LauncherWindow(demo.site, demo)
        shoot(launcher, out / "launcher-zh.png")
        launcher.close()

        admin_no, (role, secret) = next(iter(demo.credentials.items()))
        actor = AuthService(demo.site).login(admin_no, secret, Role.ADMIN)
        console = ConsoleWindow(demo.site, actor)
        console.resize(*WINDOW_SIZE)
        console.show()
        overview = console.overview_panel
        wait_for(overview.loaded, lambda: overview.plan is not None)
        panel = console.package_panel
        console.show_panel(panel)
        panel.set_package_path(demo.package_path)
        panel.verify()
        wait_for(panel.verification_finished)
        shoot(console, out / "package-verify-zh.png")

        console.show_panel(overview)
        overview.tabs.setCurrentWidget(overview.roster)
        roster = overview.roster
        ticket = roster.visible_tickets()[2]
        roster.select_ticket(ticket)
        wait_for(roster.photo_shown)
        shoot(console, out / "overview-zh.png")
        console.close()

        install_language(app, "en")
        english = LauncherWindow(demo.site, demo)
        shoot(english, out / "launcher-en.png")
        english.close()
        for window in (launcher, console, english):
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        tasks.wait_for_all()
        demo.site.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    take_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
