"""What goes into the one-folder build: version, hidden imports, data files, exclusions.

Read by installers/examsite.spec (PyInstaller) and by installers/build.py and the installer tests,
so that the spec, the .deb and the Windows script agree on one list. Hidden imports come from the
driver registries: a backend that a factory imports by name (importlib) is invisible to
PyInstaller's analysis, so each registry says which modules it may load.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "examsite"

#: Qt modules ExamSite never imports (it uses QtCore, QtGui and QtWidgets only); left out of the build.
QT_EXCLUDES = tuple(f"PySide6.{name}" for name in (
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets",
    "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest",
    "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtCharts", "QtDataVisualization", "QtGraphs",
    "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation", "QtSensors", "QtSerialPort", "QtSerialBus",
    "QtTextToSpeech", "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtPdf", "QtPdfWidgets",
    "QtDesigner", "QtHelp", "QtUiTools", "QtTest", "QtSql", "QtXml", "QtConcurrent", "QtOpenGL",
    "QtOpenGLWidgets", "QtNetworkAuth", "QtHttpServer",
))
#: Python packages that only the tests and benches' extras use.
PYTHON_EXCLUDES = ("tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "matplotlib", "skimage", "scipy",
                   "IPython", "ruff", "aio_rtsp_toolkit", "setuptools", "pkg_resources", "pip")

#: dlib's model files that drivers/face loads (drivers/face/models.py); the 68-point model (95 MB) is not used.
FACE_MODEL_PACKAGE = "face_recognition_models"

#: The one-folder build's own files that the installers refer to (relative to dist/examsite).
EXECUTABLE = {"linux": APP_NAME, "win32": f"{APP_NAME}.exe"}


def version() -> str:
    """The version in app/__init__.py (`__version__`), read without importing the application."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not found:
        raise SystemExit("app/__init__.py has no __version__")
    return found.group(1)


def _package_modules(package: str) -> list[str]:
    """Every module of one of our packages, from the source tree (none of them is imported)."""
    modules = []
    base = ROOT / package
    for path in sorted(base.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        if "migrations" in relative.parts:  # alembic reads these as files (data_files), never imports them
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        modules.append(".".join(parts))
    return modules


def registry_hidden_imports() -> list[str]:
    """Modules the driver factories load by name, from the registries themselves."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from drivers.face import ENGINES
    from drivers.recorder.factory import BACKENDS as RECORDER_BACKENDS
    from drivers.scanner.factory import HIDDEN_IMPORTS as SCANNER_BACKENDS

    face = [f"drivers.face.{'dlib_engine' if name == 'dlib' else name}" for name in ENGINES] + ["dlib"]
    recorder = ["drivers.recorder.segment_recorder", "drivers.recorder.usb_encoder"]
    recorder += [f"drivers.recorder.{name}_backend" for name in RECORDER_BACKENDS if name != "pyav"]
    return [*SCANNER_BACKENDS, *face, *recorder, "zxingcpp", "pyzbar.pyzbar", "serial.tools.list_ports", "av", "cv2"]


def hidden_imports() -> list[str]:
    """Our own modules (CLI commands and panels are imported inside functions) plus the registries'."""
    names = _package_modules("app") + _package_modules("drivers") + registry_hidden_imports()
    # the LAN API and the upstream client: uvicorn picks its protocol and loop modules by name
    # (httptools and uvloop where installed, see pyproject.toml; h11 and asyncio otherwise)
    names += ["uvicorn.lifespan.on", "uvicorn.protocols.http.h11_impl", "uvicorn.loops.asyncio",
              "uvicorn.protocols.http.httptools_impl", "uvicorn.loops.uvloop",
              "psycopg_binary", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql.psycopg"]
    return sorted(set(names))


def face_model_files() -> list[tuple[str, str]]:
    """(source, destination folder) of the model files drivers/face needs, from the installed package."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from drivers.face.models import LANDMARKS_5, MMOD, RESNET

    spec = importlib.util.find_spec(FACE_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{FACE_MODEL_PACKAGE} is not installed: pip install face-recognition-models")
    folder = Path(next(iter(spec.submodule_search_locations)))
    files = [(str(folder / "__init__.py"), FACE_MODEL_PACKAGE)]
    files += [(str(folder / "models" / name), f"{FACE_MODEL_PACKAGE}/models") for name in (LANDMARKS_5, RESNET, MMOD)]
    return files


def zbar_library() -> list[tuple[str, str]]:
    """libzbar from this machine (the Linux pyzbar wheel has none; the Windows wheel ships its DLLs)."""
    if not sys.platform.startswith("linux"):
        return []
    from ctypes.util import find_library

    name = find_library("zbar")
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                   "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"):
        if name and (Path(folder) / name).is_file():
            return [(str(Path(folder) / name), ".")]
    raise SystemExit("libzbar is not installed: apt-get install libzbar0")


def data_files() -> list[tuple[str, str]]:
    """(source, destination folder inside the build) for everything read as a file at run time."""
    files = [
        (str(ROOT / "resources" / "translations" / "examsite_zh_CN.qm"), "resources/translations"),
        (str(ROOT / "resources" / "translations" / "core_zh_CN.ts"), "resources/translations"),
    ]
    migrations = ROOT / "app" / "persistence" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files.append((str(path), str(path.parent.relative_to(ROOT))))
    for path in sorted((ROOT / "app").rglob("*")):  # package data (pyproject: *.ini, *.mako, *.json)
        if path.suffix in (".ini", ".json") and "__pycache__" not in path.parts:
            files.append((str(path), str(path.parent.relative_to(ROOT))))
    return files + face_model_files()
