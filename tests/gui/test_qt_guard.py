"""PySide6 6.12.0's emit() dropped a reference to True per call and aborted the console after a
few thousand emits; pyproject excludes that release and app.ui.qt_guard defends against it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from app.ui.qt_guard import emit_loses_references, protect_bools


class Emitter(QObject):
    fired = Signal(int)


def test_many_emits_from_python_leave_true_alone(qapp):
    protect_bools()
    emitter, seen = Emitter(), []
    emitter.fired.connect(seen.append)
    before = sys.getrefcount(True)
    for number in range(20_000):
        emitter.fired.emit(number)
    assert len(seen) == 20_000
    assert sys.getrefcount(True) >= before - 16


def test_the_installed_pyside_does_not_have_the_bug():
    assert not emit_loses_references(), "this PySide6 release loses references on emit: exclude it in pyproject"
