"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate past its threshold. When that is a
worker thread (a package import, a face comparison) and the garbage holds a Qt widget, the
widget is destroyed off the GUI thread and the process crashes. So while the GUI runs, automatic
collection is off and a timer on the GUI thread collects instead, as often as the thresholds
would have (checked every half second).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] > self.threshold[0]:
            generation = 2 if counts[2] > self.threshold[2] else 1 if counts[1] > self.threshold[1] else 0
            gc.collect(generation)


_collector: MainThreadCollector | None = None


def collect_on_gui_thread(app: QObject) -> MainThreadCollector:
    """Install the collector once for the application `app` (a QApplication)."""
    global _collector
    if _collector is None:
        _collector = MainThreadCollector(app)
        _collector.start()
    return _collector
