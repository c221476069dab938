"""Keep resources/translations/core_zh_CN.ts in step with the core's `tr("…")` sentences.

    python installers/tools/core_catalog.py          # add new sentences (unfinished), drop unused ones
    python installers/tools/core_catalog.py --check  # exit 1 when a sentence is missing or unfinished

The GUI's strings are handled by pyside6-lupdate; this covers the Qt-free core and the drivers.
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "resources" / "translations" / "core_zh_CN.ts"


def core_sentences(root: Path = ROOT) -> dict[str, str]:
    """Every literal passed as the first argument of `tr(...)` in the core and drivers → 'file:line'."""
    found: dict[str, str] = {}
    paths = sorted((root / "app").rglob("*.py")) + sorted((root / "drivers").rglob("*.py"))
    for path in paths:
        if path.relative_to(root).parts[:2] == ("app", "ui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(root)}:{node.lineno}")
    return found


def read_catalog(path: Path = CATALOG) -> tuple[ET.ElementTree, ET.Element, dict[str, ET.Element]]:
    tree = ET.parse(path)
    context = next(c for c in tree.getroot().iter("context") if c.findtext("name") == "core")
    messages = {m.findtext("source"): m for m in context.iter("message")}
    return tree, context, messages


def missing_or_unfinished(path: Path = CATALOG) -> list[str]:
    _, _, messages = read_catalog(path)
    problems = []
    for source in core_sentences():
        message = messages.get(source)
        translation = None if message is None else message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            problems.append(source)
    return problems


def add_new(path: Path = CATALOG) -> list[str]:
    """Add new sentences as unfinished and drop the ones no source uses any more."""
    tree, context, messages = read_catalog(path)
    sentences = core_sentences()
    dropped = [source for source in messages if source not in sentences]
    for source in dropped:
        context.remove(messages.pop(source))
    added = []
    for source, where in sentences.items():
        if source in messages:
            continue
        message = ET.SubElement(context, "message")
        location = ET.SubElement(message, "location")
        location.set("filename", where.split(":")[0])
        location.set("line", where.split(":")[1])
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "unfinished"})
        added.append(source)
    if added or dropped:
        ET.indent(tree, space="    ")
        with open(path, "wb") as stream:
            stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(stream, encoding="utf-8", xml_declaration=False)
            stream.write(b"\n")
    return added


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        problems = missing_or_unfinished()
        for source in problems:
            print(f"untranslated: {source}")
        return 1 if problems else 0
    for source in add_new():
        print(f"added (unfinished): {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
