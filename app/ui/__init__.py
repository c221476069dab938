"""The Qt Widgets user interface: the only package that imports PySide6 (STYLE.md, Architecture 1)."""
