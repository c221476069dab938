"""Running the kiosk as the terminal's only window (`examsite terminal`)."""

from __future__ import annotations

from app.terminal.model import TerminalBackend
from app.ui import tasks
from app.ui.app import prepare_application
from app.ui.terminal.kiosk_window import KioskWindow


def run_kiosk(backend: TerminalBackend, language: str, *, windowed: bool = False) -> int:
    """Full screen and locked down until a proctor code closes it; `windowed` for trying it out."""
    app = prepare_application(language)
    app.setQuitOnLastWindowClosed(True)
    kiosk = KioskWindow(backend, lockdown=not windowed)
    if windowed:
        kiosk.resize(1366, 768)
    kiosk.start(full_screen=not windowed)
    try:
        return app.exec()
    finally:
        if kiosk.isVisible():
            kiosk.shutdown()
        tasks.wait_for_all()
