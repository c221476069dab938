"""A guard against a PySide6 bug that would abort the console after a few thousand signal emits.

PySide6 6.12.0's SignalInstance.emit() returns True (or False) without taking a reference to it,
so every emit from Python — ours, and app/ui/tasks.py's for each background job — takes one
reference away from the bool singletons. On Python 3.11, where they are not immortal, the
interpreter aborts ("bool_dealloc") once the count reaches zero: minutes into a desk that decodes
camera frames several times a second. `protect_bools()` measures whether the installed PySide6
has the bug and, if so, gives True and False a reference count they cannot run out of, which is
what Python 3.12 does for them anyway. Nothing happens where the bug is absent.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

RESERVE = 1 << 40
_protected = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """Measure the bug: do 8 emits from Python take references away from True?"""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= 8


def protect_bools() -> bool:
    """Apply the guard once if this PySide6 needs it (CPython before 3.12 only). Returns whether it is on."""
    global _protected
    if _protected:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or not emit_loses_references():
        return False
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += RESERVE
    _protected = True
    return True
