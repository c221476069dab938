"""Every sentence the core shows a person has a finished Chinese translation with the same placeholders."""

from __future__ import annotations

import importlib.util
import string
from pathlib import Path

from app import i18n

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("core_catalog", ROOT / "installers" / "tools" / "core_catalog.py")
core_catalog = importlib.util.module_from_spec(spec)
spec.loader.exec_module(core_catalog)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_core_sentence_is_translated():
    assert core_catalog.missing_or_unfinished() == []


def test_translations_keep_the_placeholders():
    catalog = i18n._catalog("zh_CN")
    for source in core_catalog.core_sentences():
        assert placeholders(catalog[source]) == placeholders(source), source


def test_language_switch(monkeypatch):
    previous = i18n.language()
    try:
        i18n.set_language("en")
        assert i18n.tr("Error: {message}", message="x") == "Error: x"
        i18n.set_language("zh-CN")
        assert i18n.tr("Error: {message}", message="x") != "Error: x"
    finally:
        i18n.set_language(previous)
