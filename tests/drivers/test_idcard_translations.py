"""Every sentence drivers/idcard passes to tr() has a finished Chinese translation with the same placeholders.

(installers/tools/core_catalog.py scans app/ only, so the driver keeps its own check.)
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

from app import i18n

PACKAGE = Path(__file__).resolve().parents[2] / "drivers" / "idcard"


def sentences() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_idcard_sentence_is_translated():
    catalog = i18n._catalog("zh_CN")
    assert len(sentences()) > 20
    missing = sorted(s for s in sentences() if s not in catalog)
    assert missing == []
    for source in sentences():
        assert placeholders(catalog[source]) == placeholders(source), source
