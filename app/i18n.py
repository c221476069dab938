"""Translation of the core's sentences (errors, CLI summaries) without Qt.

Source text is English with named placeholders (`{ticket}`); Chinese is the first language of
the product and the default. The core's catalog is a Qt Linguist file,
`resources/translations/core_zh_CN.ts` (context "core"), read here with the standard library so
that the core never imports Qt; the GUI's own strings use Qt's translators (app/ui/i18n.py).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

SUPPORTED = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_language = os.environ.get("EXAMSITE_LANG", DEFAULT_LANGUAGE)
_speaking: ContextVar[str | None] = ContextVar("examsite_language", default=None)  # one request's language


def normalise_language(lang: str | None) -> str:
    """Map 'zh', 'zh-CN', 'zh_CN.UTF-8', 'en_US'... onto a supported language code."""
    if not lang:
        return DEFAULT_LANGUAGE
    lang = lang.replace("-", "_").split(".")[0].lower()
    return "en" if lang.startswith("en") else "zh_CN"


def set_language(lang: str | None) -> str:
    global _language
    _language = normalise_language(lang)
    return _language


def language() -> str:
    return normalise_language(_speaking.get() or _language)


@contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """Answer in `lang` within this context only (a LAN request in its caller's language)."""
    token = _speaking.set(normalise_language(lang))
    try:
        yield language()
    finally:
        _speaking.reset(token)


def speak_in_this_context(lang: str | None) -> str:
    """Set this context's language without restoring it: for a context that ends with its request."""
    _speaking.set(normalise_language(lang))
    return language()


@lru_cache(maxsize=4)
def _catalog(lang: str) -> dict[str, str]:
    path = TRANSLATIONS_DIR / f"core_{lang}.ts"
    if not path.exists():
        return {}
    catalog: dict[str, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not (translation.text or "").strip():
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            catalog[source] = translation.text
    return catalog


def tr(text: str, **params: object) -> str:
    """Translate `text` into the current language and fill its named placeholders."""
    lang = language()
    translated = text if lang == "en" else _catalog(lang).get(text, text)
    return translated.format(**params) if params else translated
