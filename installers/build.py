#!/usr/bin/env python3
"""Build a release of ExamSite: the one-folder application and the Debian package.

    python installers/build.py onefolder [--dist DIR] [--work DIR]   PyInstaller one-folder build (dist/examsite)
    python installers/build.py deb [--dist DIR] [--out DIR]          .deb from that build (dist/examsite_V_ARCH.deb)
    python installers/build.py all                                   both

The version comes from app/__init__.py. Run it with the project's Python (the one whose
site-packages hold PySide6, dlib and the rest: `.venv/bin/python installers/build.py all`);
PyInstaller must be installed there (`pip install pyinstaller`). The Windows installer is built
on Windows from the same one-folder build: see installers/windows/README.md.
Each step ends with one JSON line of figures (seconds, bytes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bundle  # noqa: E402
from deb import layout as deb_layout  # noqa: E402

ROOT = bundle.ROOT


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_onefolder(dist: Path, work: Path) -> Path:
    """Run PyInstaller on installers/examsite.spec; returns dist/examsite."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is not installed for this Python: pip install pyinstaller") from None
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(HERE / "examsite.spec")],
                   check=True, cwd=ROOT)
    folder = dist / bundle.APP_NAME
    (folder / "VERSION").write_text(bundle.version() + "\n", encoding="ascii")
    figures = {"step": "onefolder", "version": bundle.version(), "seconds": round(time.monotonic() - started, 1),
               "bytes": folder_size(folder), "files": sum(1 for p in folder.rglob("*") if p.is_file()),
               "path": str(folder)}
    print(json.dumps(figures), flush=True)
    return folder


def build_deb(dist: Path, out: Path) -> Path:
    """Lay the one-folder build out as a Debian package and build it with dpkg-deb."""
    folder = dist / bundle.APP_NAME
    if not (folder / bundle.APP_NAME).is_file():
        raise SystemExit(f"no one-folder build in {folder}: run `build.py onefolder` first")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is not installed (apt-get install dpkg)")
    started = time.monotonic()
    staging = out / "deb-staging"
    if staging.exists():
        shutil.rmtree(staging)
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    deb_layout.lay_out(staging, folder, bundle.version(), arch)
    package = out / f"{bundle.APP_NAME}_{bundle.version()}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(staging), str(package)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(staging)
    print(json.dumps({"step": "deb", "seconds": round(time.monotonic() - started, 1),
                      "bytes": package.stat().st_size, "path": str(package)}), flush=True)
    return package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build ExamSite's one-folder app and .deb.")
    parser.add_argument("target", choices=("onefolder", "deb", "all"))
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the builds go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the spec's analysis imports Qt hooks, no screen needed
    if args.target in ("onefolder", "all"):
        build_onefolder(dist, args.work.resolve())
    if args.target in ("deb", "all"):
        build_deb(dist, dist)
    return 0


if __name__ == "__main__":
    sys.exit(main())
