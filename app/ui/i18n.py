"""Qt's side of translation: our catalog and Qt's own, the CJK font, the locale.

Chinese is the first language: `zh_CN` installs `examsite_zh_CN.qm` and Qt's `qtbase_zh_CN.qm`;
English is the source language and needs no translator. The core's own sentences are switched
at the same time (app.i18n.set_language), so one language shows everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.i18n import TRANSLATIONS_DIR, language, set_language

CATALOG = "examsite"
PREFERRED_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                   "PingFang SC", "Noto Sans SC")

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str | None) -> str:
    """Switch the whole UI to `lang` ("zh_CN" or "en"); returns the language in effect."""
    chosen = set_language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator(app)
        if ours.load(f"{CATALOG}_zh_CN", str(TRANSLATIONS_DIR)):
            _installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
        for translator in _installed:
            app.installTranslator(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return chosen


def is_chinese() -> bool:
    return language() == "zh_CN"


def apply_font(app: QApplication) -> QFont:
    """A CJK-capable UI font: the first preferred family installed, else Qt's default."""
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    available = [family for family in PREFERRED_FONTS if family in families]
    if available:
        font.setFamilies(available + [font.family()])
    font.setPointSizeF(10.5)
    app.setFont(font)
    return font
