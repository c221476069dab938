"""The one stylesheet: light, calm, high contrast; large touch-friendly role tiles."""

from __future__ import annotations

ACCENT = "#1f5f99"
ERROR = "#b3261e"
SUCCESS = "#1e6b35"
MUTED = "#5f6b76"

STYLESHEET = f"""
QMainWindow, QWidget#page {{ background: #f4f6f8; }}
QLabel#siteName {{ font-size: 20pt; font-weight: 600; color: #1b2a38; }}
QLabel#siteMeta, QLabel#muted {{ color: {MUTED}; }}
QLabel#sectionTitle {{ font-size: 14pt; font-weight: 600; color: #1b2a38; }}
QLabel#error {{ color: {ERROR}; font-weight: 600; }}
QLabel#success {{ color: {SUCCESS}; font-weight: 600; }}
QFrame#header {{ background: #ffffff; border-bottom: 1px solid #d5dbe1; }}
QFrame#card {{ background: #ffffff; border: 1px solid #d5dbe1; border-radius: 6px; }}
QFrame#demoPanel {{ background: #fbfbf4; border: 1px dashed #c9c39a; border-radius: 6px; }}
QPushButton {{ padding: 6px 16px; border: 1px solid #b8c2cc; border-radius: 4px; background: #ffffff; }}
QPushButton:hover {{ background: #eef3f8; }}
QPushButton:disabled {{ color: #9aa5b0; background: #f0f2f4; }}
QPushButton#primary {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; font-weight: 600; }}
QPushButton#primary:disabled {{ background: #9bb5cc; border-color: #9bb5cc; }}
QPushButton#roleTile {{
    background: #ffffff; border: 1px solid #c4ced8; border-radius: 8px; padding: 18px;
    font-size: 15pt; font-weight: 600; color: #1b2a38; text-align: center;
}}
QPushButton#roleTile:hover {{ border: 2px solid {ACCENT}; background: #f3f8fd; }}
QListWidget#navigation {{ background: #ffffff; border: none; border-right: 1px solid #d5dbe1; font-size: 11.5pt;
                          outline: 0; }}
QListWidget#navigation::item {{ padding: 10px 14px; }}
QListWidget#navigation::item:selected {{ background: #e3edf7; color: #1b2a38; border-left: 3px solid {ACCENT}; }}
QTableView {{ background: #ffffff; alternate-background-color: #f7f9fb; gridline-color: #e3e7eb;
             selection-background-color: #d6e6f5; selection-color: #1b2a38; }}
QHeaderView::section {{ background: #eef1f4; padding: 4px 6px; border: none;
                        border-right: 1px solid #d5dbe1; border-bottom: 1px solid #d5dbe1; }}
QToolBar {{ background: #ffffff; border: none; border-bottom: 1px solid #d5dbe1; padding: 4px 8px; spacing: 8px; }}
QToolBar QToolButton {{ padding: 4px 14px; border: 1px solid #b8c2cc; border-radius: 4px; background: #ffffff; }}
QToolBar QToolButton:hover {{ background: #eef3f8; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #d5dbe1; }}
QStatusBar QLabel {{ padding: 0 10px; color: #33414e; }}
QLabel#portrait {{ background: #ffffff; border: 1px solid #d5dbe1; }}
"""
