"""Running the examiner station as its own window (for `examsite station`, which the lead registers)."""

from __future__ import annotations

from app.station.model import StationBackend
from app.ui import tasks
from app.ui.app import fit_to_screen, prepare_application
from app.ui.station.window import StationWindow


def run_station(backend: StationBackend, language: str = "zh_CN", station_name: str = "") -> int:
    """Show the station until its window closes; the examiner logs in with staff number and PIN."""
    app = prepare_application(language)
    window = StationWindow(backend, station_name)
    fit_to_screen(window)
    window.show()
    try:
        return app.exec()
    finally:
        tasks.wait_for_all()
