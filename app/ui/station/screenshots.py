"""Documentation screenshots of the examiner station, from the real window on a throwaway demo site.

    QT_QPA_PLATFORM=offscreen python -m app.ui.station.screenshots docs/screenshots [--catalog extra.qm]

Writes station-1280x800.png, station-1366x768.png and station-sign.png. Examiners KW0102 and
KW0103 score on the service first, so one candidate's result is complete; KW0101 is the one on
screen. `--catalog` installs one more Qt translation file (strings not yet in the main catalog).
"""

from __future__ import annotations

import argparse
import math
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTranslator
from PySide6.QtGui import QColor, QImage, QInputDevice, QPainter, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from app.domain.roles import Role
from app.persistence import repositories
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.scoring import ScoringService
from app.simulation.clock import ManualClock
from app.station.local import LocalStationBackend
from app.ui import tasks
from app.ui.app import prepare_application, save_screenshot
from app.ui.screenshots import wait_for
from app.ui.station.window import StationWindow

SESSION = "PR1"
OTHERS = {"KW0102": ("9", "4", "5", "0.5"), "KW0103": ("10", "5", "4", "0")}
SIGNATURE = "KW0101"


def demo_strokes(left: float = 40, top: float = 40, scale: float = 1.0) -> list[list[list[float]]]:
    """A handwritten-looking name: a few pen strokes with varying pressure and real timing."""
    strokes, t = [], 0.0
    shapes = [
        [(0, 30), (20, 10), (40, 0), (55, 20), (40, 50), (20, 80), (60, 78)],
        [(80, 10), (85, 45), (82, 85)],
        [(70, 40), (100, 35), (125, 38)],
        [(140, 20), (170, 10), (180, 40), (150, 60), (185, 85), (215, 70)],
        [(230, 60), (250, 30), (270, 60), (290, 30), (310, 62), (340, 55)],
    ]
    for shape in shapes:
        stroke = []
        for (x0, y0), (x1, y1) in zip(shape, shape[1:]):
            for k in range(6):
                f = k / 6
                x, y = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f
                stroke.append([left + x * scale, top + y * scale, t, 0.35 + 0.45 * abs(math.sin(t / 90))])
                t += 9
        stroke.append([left + shape[-1][0] * scale, top + shape[-1][1] * scale, t, 0.3])
        strokes.append(stroke)
        t += 180
    return strokes


def draw_pen(pad, strokes) -> None:
    """Write `strokes` on the pad with synthetic pen (tablet) events, pressure and timing included."""
    device = QPointingDevice("screenshot pen", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                             QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)
    for stroke in strokes:
        for index, (x, y, t, pressure) in enumerate(stroke):
            kind = (QEvent.Type.TabletPress if index == 0 else
                    QEvent.Type.TabletRelease if index == len(stroke) - 1 else QEvent.Type.TabletMove)
            held = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
            event = QTabletEvent(kind, device, QPointF(x, y), pad.mapToGlobal(QPointF(x, y)), pressure, 0.0, 0.0,
                                 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, held)
            event.setTimestamp(int(10_000 + t))
            QApplication.sendEvent(pad, event)


def compose_dialog(window, dialog) -> QImage:
    """The window dimmed, with the dialog drawn over its centre (offscreen, they are separate windows)."""
    image = window.grab().toImage()
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(0, 0, 0, 90))
    shot = dialog.grab()
    painter.drawPixmap((image.width() - shot.width()) // 2, (image.height() - shot.height()) // 2, shot)
    painter.end()
    return image


def take_all(out: Path, catalog: Path | None = None) -> None:
    from app.simulation.demo_site import DEMO_PIN, create_demo_site

    root = Path(tempfile.mkdtemp(prefix="examsite-station-"))
    app = prepare_application("zh_CN")
    if catalog is not None:
        extra = QTranslator(app)
        if extra.load(str(catalog)):
            app.installTranslator(extra)
    demo = create_demo_site(root / "site", candidates=12)
    try:
        with demo.site.db.read() as session:
            plan = repositories.current_plan(session)
            start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        clock = ManualClock(start + timedelta(minutes=50))
        scoring = ScoringService(demo.site, clock, key_params=FAST_FOR_TESTS)
        auth = AuthService(demo.site)
        backend = LocalStationBackend(demo.site, clock, key_params=FAST_FOR_TESTS)
        window = StationWindow(backend, demo.site.config.site_name)
        window.resize(1280, 800)
        window.show()
        window.login_page.reset("KW0101")
        window.login_page.pin.setText(DEMO_PIN[:3])
        save_screenshot(window, out / "station-login.png")
        window.login_page.pin.setText(DEMO_PIN)
        window.login_page.submit()
        wait_for(window.logged_in)
        wait_for(window.panel.loaded)
        cards = window.candidates.cards
        task = "T2"
        done_ticket = cards[0].ticket_no
        for staff_no, (a, b, c, d) in OTHERS.items():
            actor = auth.login(staff_no, DEMO_PIN, Role.EXAMINER)
            scoring.save_draft(actor, SESSION, done_ticket, task,
                               {"T2-01": a, "T2-02": b, "T2-03": c, "T2-04": d, "T2-05": "0"})
            scoring.sign(actor, SESSION, done_ticket, task, DEMO_PIN, demo_strokes())
        panel = window.panel
        # KW0101 scores the first candidate on T2 and signs: the combined result appears.
        window.panel.open(cards[0], task)
        wait_for(panel.loaded)
        for code, value in {"T2-01": "9", "T2-02": "5", "T2-03": "5"}.items():
            panel.rows[code]._offer(value)
        panel.rows["T2-04"].deduct("0.5")
        panel.begin_signing()
        wait_for(panel.sign_dialog_opened)
        dialog = panel.dialog
        dialog.pages.setCurrentIndex(1)
        draw_pen(dialog.pad, demo_strokes(70, 120, 1.5))
        dialog._go_to_pin()
        dialog.pin.setText(DEMO_PIN)
        dialog.submit()
        wait_for(panel.result_shown)
        wait_for(window.candidates_loaded, lambda: window.candidates.cards[0].my_state.get(task) == "signed")
        window.resize(1366, 768)
        QCoreApplication.processEvents()
        save_screenshot(window, out / "station-1366x768.png")
        print(out / "station-1366x768.png")

        # The second candidate: a draft in progress on T1 at 1280×800.
        window.candidates.select_ticket(cards[1].ticket_no)
        wait_for(panel.loaded)
        if len(cards[1].tasks) > 1:
            panel.open(cards[1], cards[1].tasks[0])
            wait_for(panel.loaded)
        rows = list(panel.rows.values())
        for row in rows[:3]:
            row._offer(row.item.max_points)
        for row in rows:
            if row.item.kind == "deduction":
                row.deduct(row.item.step)
                break
        window.resize(1280, 800)
        QCoreApplication.processEvents()
        save_screenshot(window, out / "station-1280x800.png")
        print(out / "station-1280x800.png")

        for row in rows:
            if row.item.kind == "score" and row.value == "":
                row._offer(row.item.max_points)
        panel.begin_signing()
        wait_for(panel.sign_dialog_opened)
        dialog = panel.dialog
        dialog.pages.setCurrentIndex(1)
        draw_pen(dialog.pad, demo_strokes(70, 120, 1.5))
        QCoreApplication.processEvents()
        compose_dialog(window, dialog).save(str(out / "station-sign.png"), "PNG")
        print(out / "station-sign.png")
        dialog.reject()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        tasks.wait_for_all()
        demo.site.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--catalog", type=Path)
    args = parser.parse_args()
    take_all(args.out, args.catalog)
