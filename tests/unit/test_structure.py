"""Architecture rules (STYLE.md, Architecture 1–2): who may import what.

Every .py file under app/ and drivers/ is parsed with ``ast`` (nothing is imported) and each
import is checked against RULES. To add a rule, add a row.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Rule:
    modules: tuple[str, ...]  # these top-level names and everything below them...
    allowed_in: tuple[str, ...]  # ...may be imported only by files under these folders
    why: str


RULES: tuple[Rule, ...] = (
    Rule(("PySide6", "shiboken6"), ("app/ui/",), "Qt lives only in the UI"),
    Rule(("sqlalchemy", "alembic"), ("app/persistence/",), "only persistence talks to the database"),
    Rule(("cryptography",), ("app/security/",), "only security holds the cryptography"),
    Rule(("requests",), ("app/sync/", "app/client/"), "HTTP clients live in sync (upstream) and client (LAN)"),
    Rule(("fastapi", "uvicorn", "starlette"), ("app/lan/", "app/upstream/"), "HTTP servers live in lan and upstream"),
    Rule(("cv2", "pyzbar", "zxingcpp", "serial", "av", "dlib", "face_recognition_models"), ("drivers/",),
         "hardware, media and vision libraries live in drivers"),
    Rule(("reportlab", "openpyxl"), ("app/reports/",), "printing PDF and XLSX lives in reports"),
    Rule(("app.ui",), ("app/ui/", "app/cli/"), "the core and the drivers never reach up into the UI"),
    Rule(("app.cli",), ("app/ui/", "app/cli/"), "the core and the drivers never reach up into the CLI"),
)

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("app", "drivers")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    module: str
    rule: Rule

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.module} ({self.rule.why}; allowed in {', '.join(self.rule.allowed_in)})"


def _package_of(path: str) -> list[str]:
    """The dotted package a file belongs to, e.g. app/services/x.py -> ['app', 'services']."""
    return list(Path(path).parts[:-1])


def imported_modules(source: str, path: str) -> list[tuple[int, str]]:
    """Every module name a source file imports, with its line; relative imports made absolute.

    ``from a import b`` yields both ``a`` and ``a.b`` (b may be a module). Literal
    ``importlib.import_module("x")`` and ``__import__("x")`` calls count too.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(path)
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module:
                found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}" if module else alias.name)
                      for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def _matches(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def check_source(source: str, path: str, rules: tuple[Rule, ...] = RULES) -> list[Violation]:
    """The imports in ``source`` (a file at ``path``, relative to the repository) that break a rule."""
    violations = []
    seen = set()
    for line, module in imported_modules(source, path):
        for rule in rules:
            if _matches(module, rule.modules) and not path.startswith(rule.allowed_in):
                key = (line, rule)
                if key not in seen:
                    seen.add(key)
                    violations.append(Violation(path, line, module, rule))
    return violations


def project_files() -> list[Path]:
    return sorted(p for folder in SCANNED for p in (ROOT / folder).rglob("*.py"))


def test_the_code_keeps_the_architecture_rules():
    files = project_files()
    assert any(p.parts[-2:] == ("app", "__init__.py") for p in files), "app/ was not found: wrong ROOT?"
    violations = []
    for file in files:
        relative = file.relative_to(ROOT).as_posix()
        violations += check_source(file.read_text(encoding="utf-8"), relative)
    assert not violations, "forbidden imports:\n" + "\n".join(map(str, violations))


# --- the checker itself ----------------------------------------------------------------------

OUTSIDE = {"app.ui": "drivers/camera/opencv.py", "app.cli": "app/services/site.py"}


@pytest.mark.parametrize(
    "rule,module",
    [pytest.param(rule, module, id=module) for rule in RULES for module in rule.modules],
)
def test_every_rule_catches_a_forbidden_import_and_allows_its_home(rule, module):
    outside = OUTSIDE.get(module, "app/domain/example.py")
    inside = rule.allowed_in[0] + "example.py"
    for source in (f"import {module}\n", f"import {module}.sub as alias\n", f"from {module} import thing\n"):
        assert [v.rule for v in check_source(source, outside)] == [rule], source
        assert check_source(source, inside) == [], source


def test_relative_and_dynamic_imports_are_resolved():
    assert {m for _, m in imported_modules("from ..ui import window\n", "app/services/x.py")} == {
        "app.ui", "app.ui.window"}
    assert {m for _, m in imported_modules("from . import models\n", "app/persistence/__init__.py")} == {
        "app.persistence", "app.persistence.models"}
    assert [str(v).split(":")[1] for v in check_source(
        'import os\n\nimportlib.import_module("PySide6.QtCore")\n', "app/domain/x.py")] == ["3"]
    assert check_source('__import__("sqlalchemy")\n', "app/audit/x.py")[0].module == "sqlalchemy"


def test_a_violation_names_file_line_and_rule():
    source = "from app import ui\nimport cv2\nimport json\n"
    found = [str(v) for v in check_source(source, "app/services/thing.py")]
    assert found == [
        "app/services/thing.py:1: imports app.ui (the core and the drivers never reach up into the UI; "
        "allowed in app/ui/, app/cli/)",
        "app/services/thing.py:2: imports cv2 (hardware, media and vision libraries live in drivers; "
        "allowed in drivers/)",
    ]


def test_similar_names_are_not_confused():
    assert check_source("import avro\nimport serializer\nimport requests_toolbelt\n", "app/domain/x.py") == []
    assert check_source("import app.uix\n", "drivers/x.py") == []
