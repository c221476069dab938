"""Screenshots of the candidate kiosk for docs/terminal-ui.md, on the demo backend with a set clock.

    QT_QPA_PLATFORM=offscreen python -m app.ui.terminal.screenshots docs/screenshots

Writes terminal-waiting.png and terminal-exam-1920x1080.png at 1920×1080, then
terminal-exam-1366x768.png, terminal-submit.png and terminal-receipt.png at 1366×768, in Chinese.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from app.simulation.clock import ManualClock
from app.terminal.demo_backend import DEMO_CANDIDATES, DemoTerminalBackend
from app.ui import tasks
from app.ui.app import prepare_application
from app.ui.screenshots import wait_for
from app.ui.terminal.kiosk_window import KioskWindow

PLANNED_START = datetime(2025, 6, 14, 1, 30, tzinfo=timezone.utc)  # 09:30 Beijing time


def shoot(kiosk: KioskWindow, size: tuple[int, int], path: Path) -> None:
    kiosk.resize(*size)
    QCoreApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not kiosk.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    print(path)


def answer_some(backend: DemoTerminalBackend, seed: int = 3) -> None:
    """What a candidate 40 minutes in has done: most of the first 20 items, a few flagged."""
    rng = random.Random(seed)
    for item in backend.paper().items[:21]:
        if item.number in (6, 13):
            continue
        keys = [c.key for c in item.choices]
        response = tuple(rng.sample(keys, 2)) if item.kind == "multiple" else (rng.choice(keys),)
        backend.answer(item.code, response, flagged=item.number in (4, 17))


def take_all(out: Path) -> None:
    prepare_application("zh_CN")
    clock = ManualClock(PLANNED_START - timedelta(minutes=2, seconds=45))
    backend = DemoTerminalBackend(clock=clock, starts_in=timedelta(minutes=2, seconds=45), tick_seconds=None)
    kiosk = KioskWindow(backend, lockdown=False)
    try:
        kiosk.resize(1920, 1080)
        kiosk.start(full_screen=False)
        candidate = DEMO_CANDIDATES[0]
        kiosk.login_page.ticket.setText(candidate.ticket_no)
        kiosk.login_page.id_last6.setText(candidate.id_last6)
        kiosk.login_page.submit()
        wait_for(kiosk.logged_in)
        kiosk.clock.stop()  # the pictures show the set clock, not the seconds it takes to draw them
        shoot(kiosk, (1920, 1080), out / "terminal-waiting.png")

        clock.now = PLANNED_START
        backend.start_room()
        clock.now = PLANNED_START + timedelta(minutes=41, seconds=12)
        answer_some(backend)
        wait_for(kiosk.paper_loaded, lambda: kiosk.paper is not None)
        kiosk.clock.stop()
        kiosk.exam_page.go_to(1)
        kiosk.exam_page.question.choose("A")
        wait_for(kiosk.answer_saved)
        kiosk._tick()
        shoot(kiosk, (1920, 1080), out / "terminal-exam-1920x1080.png")
        kiosk.exam_page.go_to(22)
        shoot(kiosk, (1366, 768), out / "terminal-exam-1366x768.png")

        kiosk.ask_submit()
        kiosk.submit_page.agree.setChecked(True)
        shoot(kiosk, (1366, 768), out / "terminal-submit.png")
        kiosk.submit_page.confirm.click()
        wait_for(kiosk.submitted)
        shoot(kiosk, (1366, 768), out / "terminal-receipt.png")
    finally:
        kiosk.shutdown()
        kiosk.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        tasks.wait_for_all()


if __name__ == "__main__":
    take_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
