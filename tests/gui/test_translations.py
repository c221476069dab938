"""The Chinese catalog: complete, current with the sources, and the committed .qm built from it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "examsite_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_every_message_is_translated():
    found = list(messages(TS))
    assert found
    unfinished = [(ctx, src) for ctx, src, tr in found if tr.get("type") or not (tr.text or "").strip()]
    assert unfinished == []


def test_translations_keep_the_placeholders():
    wrong = [(ctx, src) for ctx, src, tr in messages(TS)
             if set(PLACEHOLDER.findall(src)) != set(PLACEHOLDER.findall(tr.text or ""))]
    assert wrong == []


def test_committed_qm_is_built_from_the_ts(tmp_path):
    built = tmp_path / "examsite_zh_CN.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes()


def test_catalog_is_current_with_the_sources(tmp_path):
    """lupdate over app/ui finds no string that the committed catalog lacks."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none",
                    "-silent"], check=True, capture_output=True)
    assert sorted((c, s) for c, s, _ in messages(copy)) == sorted((c, s) for c, s, _ in messages(TS))
