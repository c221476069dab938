"""Words for the codes the station shows: check-in status and the examiner's own sheet state."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CHECKIN = {
    "checked_in": QT_TRANSLATE_NOOP("Station", "Checked in"),
    "absent": QT_TRANSLATE_NOOP("Station", "Absent"),
    "not_yet": QT_TRANSLATE_NOOP("Station", "Not checked in"),
    "expected": QT_TRANSLATE_NOOP("Station", "Not checked in"),
}
_SHEET = {
    "none": QT_TRANSLATE_NOOP("Station", "Not scored"),
    "draft": QT_TRANSLATE_NOOP("Station", "Draft"),
    "signed": QT_TRANSLATE_NOOP("Station", "Signed"),
}


def checkin_text(code: str) -> str:
    return QCoreApplication.translate("Station", _CHECKIN[code]) if code in _CHECKIN else code


def sheet_text(code: str) -> str:
    return QCoreApplication.translate("Station", _SHEET[code]) if code in _SHEET else code


def chip_name(code: str) -> str:
    """The object name that colours a sheet state: signed green, draft amber, none grey."""
    return {"signed": "chipSigned", "draft": "chipDraft"}.get(code, "chipNone")
