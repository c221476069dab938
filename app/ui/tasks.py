"""The one helper for background work (STYLE.md, Architecture 6).

`run_task(owner, work, ...)` runs `work(progress)` on a worker thread and delivers the result
or the exception back on the GUI thread through Qt signals. Two lanes:
- "database": a single worker, so that the site database has one writer at a time;
- "files": a small pool for work that touches only files and CPU (verifying a package).
A KnownError goes to `on_known_error` (or a message box for the person at the desk); any
other exception is a bug: the internal-error dialog shows it and `sys.excepthook` reports it.
Tests wait on `Task.finished` (or the owner's own signals) with qtbot.waitSignal.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KnownError

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress], Any]

DATABASE = "database"
FILES = "files"

_pools: dict[str, QThreadPool] = {}
_running: set[Task] = set()


def _pool(lane: str) -> QThreadPool:
    if lane not in _pools:
        pool = QThreadPool()
        pool.setMaxThreadCount(1 if lane == DATABASE else 2)
        _pools[lane] = pool
    return _pools[lane]


def wait_for_all(msecs: int = -1) -> bool:
    """Block until every background job has ended (at shutdown, and between tests)."""
    return all(pool.waitForDone(msecs) for pool in _pools.values())


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so delivery is queued to the GUI thread.

    It is parented to the application, so the worker dropping its Python reference never destroys
    it (a QObject destroyed off its thread crashes the process); the task deletes it with
    deleteLater() on the GUI thread once the result has been delivered.
    """

    result = Signal(object)
    error = Signal(object, str)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Work, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        relay, self._relay = self._relay, None
        try:
            value = self._work(lambda done, total, stage: relay.progress.emit(int(done), int(total), str(stage)))
        except BaseException as exc:  # delivered to the GUI thread, never lost on a worker
            relay.error.emit(exc, "".join(traceback.format_exception(exc)))
        else:
            relay.result.emit(value)


class Task(QObject):
    """One background job as seen from the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self, owner: QWidget, on_success, on_known_error, on_progress) -> None:
        super().__init__()
        self._owner = owner
        self._on_success = on_success
        self._on_known_error = on_known_error
        self._on_progress = on_progress
        self._relay = _Relay(QCoreApplication.instance())
        self._relay.result.connect(self._deliver_result)
        self._relay.error.connect(self._deliver_error)
        self._relay.progress.connect(self._deliver_progress)
        self.error: BaseException | None = None
        self.value: Any = None

    def _owner_alive(self) -> bool:
        return self._owner is not None and shiboken6.isValid(self._owner)

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, stage: str) -> None:
        if self._on_progress and self._owner_alive():
            self._on_progress(done, total, stage)
        self.progressed.emit(done, total, stage)

    @Slot(object)
    def _deliver_result(self, value: Any) -> None:
        self.value = value
        try:
            if self._on_success and self._owner_alive():
                self._on_success(value)
            self.succeeded.emit(value)
        finally:
            self._finish()

    @Slot(object, str)
    def _deliver_error(self, exc: BaseException, details: str) -> None:
        self.error = exc
        try:
            if isinstance(exc, KnownError):
                if not self._owner_alive():
                    pass
                elif self._on_known_error:
                    self._on_known_error(exc)
                else:
                    show_known_error(self._owner, exc)
            else:
                show_internal_error(self._owner if self._owner_alive() else None, details)
                sys.excepthook(type(exc), exc, exc.__traceback__)
            self.failed.emit(exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self._relay.deleteLater()
        self.finished.emit()
        _running.discard(self)


def run_task(owner: QWidget, work: Work, *, lane: str = DATABASE,
             on_success: Callable[[Any], None] | None = None,
             on_known_error: Callable[[KnownError], None] | None = None,
             on_progress: Progress | None = None) -> Task:
    """Run `work(progress)` off the GUI thread; callbacks run on the GUI thread while `owner` lives."""
    task = Task(owner, on_success, on_known_error, on_progress)
    _running.add(task)
    _pool(lane).start(_Job(work, task._relay))
    return task


def _internal_error_text() -> str:
    return QCoreApplication.translate(
        "Tasks",
        "ExamSite hit an internal error and the step did not complete. Please send the details below to technical support.")


def show_known_error(parent: QWidget | None, exc: KnownError) -> QMessageBox:
    """A clear sentence for the person at the desk; never a traceback."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Tasks", "Cannot continue"), exc.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("knownErrorBox")
    box.open()
    return box


def show_internal_error(parent: QWidget | None, details: str) -> QMessageBox:
    """A bug: say so plainly, keep the details for support."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Tasks", "Internal error"),
                      _internal_error_text(),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("internalErrorBox")
    box.setDetailedText(details)
    box.open()
    return box


