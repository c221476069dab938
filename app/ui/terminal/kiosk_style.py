"""The kiosk's stylesheet: sizes follow the screen (readable at 1920×1080, fits 1366×768), with a
larger-text and a high-contrast variant the candidate can switch on."""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_HEIGHT = 1080
BASE_PX = 24  # body text at 1080 lines
MIN_BASE_PX = 17
LARGE_FACTOR = 1.3


@dataclass(frozen=True)
class Palette:
    page: str
    panel: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    answered: str
    answered_text: str
    flagged: str
    flagged_text: str
    unanswered: str
    current: str
    error: str
    success: str
    warning_bg: str


NORMAL = Palette(page="#eef2f6", panel="#ffffff", text="#17232f", muted="#51606e", border="#c3ccd5",
                 accent="#1f5f99", accent_text="#ffffff", answered="#1f5f99", answered_text="#ffffff",
                 flagged="#f0a020", flagged_text="#1b1300", unanswered="#ffffff", current="#0b2740",
                 error="#b3261e", success="#1e6b35", warning_bg="#fff4d6")
HIGH_CONTRAST = Palette(page="#000000", panel="#000000", text="#ffffff", muted="#ffff66", border="#ffffff",
                        accent="#ffff00", accent_text="#000000", answered="#ffff00", answered_text="#000000",
                        flagged="#00e5ff", flagged_text="#000000", unanswered="#000000", current="#ff66ff",
                        error="#ff8080", success="#66ff66", warning_bg="#222200")


def base_px(height: int, large: bool) -> int:
    size = max(MIN_BASE_PX, round(BASE_PX * height / REFERENCE_HEIGHT))
    return round(size * LARGE_FACTOR) if large else size


def kiosk_stylesheet(height: int, *, large: bool = False, contrast: bool = False) -> str:
    p = HIGH_CONTRAST if contrast else NORMAL
    b = base_px(height, large)
    small, big, huge = round(b * 0.8), round(b * 1.25), round(b * 1.9)
    cell = round(b * 2.0)
    return f"""
QWidget#kiosk, QWidget#kioskPage {{ background: {p.page}; color: {p.text}; }}
QWidget#kiosk QLabel, QWidget#kiosk QCheckBox, QWidget#kiosk QRadioButton {{ color: {p.text}; font-size: {b}px; }}
QFrame#kioskBar {{ background: {p.panel}; border-bottom: 2px solid {p.border}; }}
QFrame#panel {{ background: {p.panel}; border: 1px solid {p.border}; border-radius: 8px; }}
QWidget#kiosk QLabel#title {{ font-size: {big}px; font-weight: 700; }}
QWidget#kiosk QLabel#hero {{ font-size: {huge}px; font-weight: 700; }}
QWidget#kiosk QLabel#countdown {{ font-size: {big}px; font-weight: 700; font-family: "DejaVu Sans Mono", monospace; }}
QWidget#kiosk QLabel#countdownLow {{ font-size: {big}px; font-weight: 700; color: {p.error};
                                     font-family: "DejaVu Sans Mono", monospace; }}
QWidget#kiosk QLabel#muted {{ color: {p.muted}; font-size: {small}px; }}
QWidget#kiosk QLabel#stem {{ font-size: {big}px; }}
QWidget#kiosk QLabel#error {{ color: {p.error}; font-weight: 700; }}
QWidget#kiosk QLabel#saved {{ color: {p.success}; font-weight: 700; }}
QWidget#kiosk QLabel#saving {{ color: {p.muted}; font-weight: 700; }}
QWidget#kiosk QLabel#offline {{ color: {p.error}; font-weight: 700; }}
QWidget#kiosk QLabel#notice {{ background: {p.warning_bg}; border: 2px solid {p.flagged}; border-radius: 6px;
                               padding: 8px 14px; font-weight: 600; }}
QWidget#kiosk QLabel#photo {{ background: {p.panel}; border: 1px solid {p.border}; }}
QWidget#kiosk QLineEdit {{ font-size: {big}px; padding: 8px 10px; border: 2px solid {p.border}; border-radius: 6px;
                           background: {p.panel}; color: {p.text}; }}
QWidget#kiosk QLineEdit:focus {{ border-color: {p.accent}; }}
QWidget#kiosk QPushButton {{ font-size: {b}px; padding: {round(b * .45)}px {b}px; border: 2px solid {p.border};
                             border-radius: 6px; background: {p.panel}; color: {p.text}; }}
QWidget#kiosk QPushButton:checked {{ background: {p.flagged}; color: {p.flagged_text}; border-color: {p.flagged}; }}
QWidget#kiosk QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QWidget#kiosk QPushButton#primary {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
                                     font-weight: 700; }}
QWidget#kiosk QPushButton#primary:disabled {{ background: {p.panel}; color: {p.muted}; border-color: {p.border}; }}
QWidget#kiosk QPushButton#small {{ font-size: {small}px; padding: 4px 10px; }}
QFrame#option {{ background: {p.panel}; border: 2px solid {p.border}; border-radius: 8px; }}
QFrame#option[chosen="true"] {{ border: 3px solid {p.accent}; }}
QWidget#kiosk QFrame#option QLabel {{ font-size: {big}px; }}
QWidget#kiosk QFrame#option QRadioButton, QWidget#kiosk QFrame#option QCheckBox {{ font-size: {big}px; font-weight: 700;
                                                                                   spacing: {round(b * .5)}px; }}
QWidget#kiosk QRadioButton::indicator, QWidget#kiosk QCheckBox::indicator {{ width: {big}px; height: {big}px; }}
QWidget#kiosk QPushButton#cell {{ min-width: {cell}px; max-width: {cell}px; min-height: {cell}px; max-height: {cell}px;
                                  padding: 0; font-size: {small}px; border-radius: 4px;
                                  background: {p.unanswered}; color: {p.text}; border: 2px solid {p.border}; }}
QWidget#kiosk QPushButton#cell[status="answered"] {{ background: {p.answered}; color: {p.answered_text};
                                                     border-color: {p.answered}; }}
QWidget#kiosk QPushButton#cell[status="flagged"] {{ background: {p.flagged}; color: {p.flagged_text};
                                                    border-color: {p.flagged}; }}
QWidget#kiosk QPushButton#cell[current="true"] {{ border: 3px solid {p.current}; font-weight: 700; }}
QWidget#kiosk QLabel#legendAnswered {{ background: {p.answered}; border: 2px solid {p.answered}; }}
QWidget#kiosk QLabel#legendFlagged {{ background: {p.flagged}; border: 2px solid {p.flagged}; }}
QWidget#kiosk QLabel#legendUnanswered {{ background: {p.unanswered}; border: 2px solid {p.border}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""
