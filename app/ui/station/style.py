"""The station's additions to the console stylesheet: large touch targets (at least 44 px)."""

from __future__ import annotations

from app.ui.style import ACCENT, ERROR, MUTED, SUCCESS

TOUCH = 44  # px: the smallest hit target on the station
WARNING = "#8a5a00"

STATION_STYLESHEET = f"""
QWidget#stationRoot {{ background: #f4f6f8; }}
QFrame#stationBar {{ background: #ffffff; border-bottom: 1px solid #d5dbe1; }}
QLabel#stationTitle {{ font-size: 14pt; font-weight: 600; color: #1b2a38; }}
QPushButton {{ min-height: {TOUCH}px; font-size: 11.5pt; }}
QPushButton#keypadKey {{ font-size: 18pt; font-weight: 600; min-width: 72px; min-height: 56px; }}
QPushButton#stepper {{ font-size: 16pt; font-weight: 700; min-width: {TOUCH}px; max-width: {TOUCH}px; padding: 0; }}
QPushButton#quick {{ padding: 4px 10px; color: #7a2a12; border-color: #e0b8a8; background: #fff7f3; }}
QPushButton#taskTab {{ padding: 6px 18px; font-weight: 600; }}
QPushButton#taskTab:checked {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; }}
QPushButton#veto {{ font-weight: 600; padding: 4px 14px; }}
QPushButton#veto:checked {{ background: {ERROR}; color: #ffffff; border-color: {ERROR}; }}
QPushButton#danger {{ color: {ERROR}; border-color: #e3b1ad; }}
QLineEdit {{ min-height: 40px; font-size: 13pt; padding: 0 8px; border: 1px solid #b8c2cc; border-radius: 4px;
            background: #ffffff; }}
QLineEdit#points {{ font-size: 15pt; font-weight: 600; qproperty-alignment: AlignCenter; min-width: 64px;
                   max-width: 72px; }}
QLineEdit#points[invalid="true"] {{ border: 2px solid {ERROR}; }}
QLineEdit#pin {{ font-size: 22pt; letter-spacing: 6px; qproperty-alignment: AlignCenter; min-height: 52px; }}
QFrame#itemRow {{ background: #ffffff; border: 1px solid #dde3e9; border-radius: 6px; }}
QFrame#itemRow[veto="true"] {{ background: #fdf1f0; border-color: #e3b1ad; }}
QLabel#itemCode {{ font-weight: 600; color: {ACCENT}; }}
QLabel#bounds {{ color: {MUTED}; font-size: 9.5pt; }}
QLabel#total {{ font-size: 24pt; font-weight: 700; color: #1b2a38; }}
QLabel#totalVetoed {{ font-size: 24pt; font-weight: 700; color: {ERROR}; }}
QLabel#online {{ color: {SUCCESS}; font-weight: 600; }}
QLabel#offline {{ color: {WARNING}; font-weight: 600; }}
QLabel#chipSigned {{ color: {SUCCESS}; font-weight: 600; }}
QLabel#chipDraft {{ color: {WARNING}; font-weight: 600; }}
QLabel#chipNone {{ color: {MUTED}; }}
QLabel#warning {{ color: {ERROR}; font-weight: 600; }}
QListWidget#candidates {{ background: #ffffff; border: none; border-right: 1px solid #d5dbe1; outline: 0; }}
QListWidget#candidates::item {{ border-bottom: 1px solid #e9edf1; }}
QListWidget#candidates::item:selected {{ background: #e3edf7; }}
QFrame#signedBanner {{ background: #eaf5ee; border: 1px solid #b7dcc2; border-radius: 6px; }}
QFrame#resultBox {{ background: #ffffff; border: 1px solid #d5dbe1; border-radius: 6px; }}
"""
