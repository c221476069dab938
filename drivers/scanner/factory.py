"""Choosing a QR decoding backend by name; each library is imported only when asked for.

A missing library is an environment problem, not a bug: the factory raises LibraryMissing with
a sentence that says what to install (STYLE.md, Architecture 3).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from app.i18n import tr
from drivers.errors import LibraryMissing
from drivers.scanner.base import QrBackend


@dataclass(frozen=True)
class BackendSpec:
    name: str
    module: str
    cls: str
    library: str
    install_hint: str


BACKENDS: dict[str, BackendSpec] = {
    spec.name: spec
    for spec in (
        BackendSpec("zxing", "drivers.scanner.zxing_backend", "ZxingBackend", "zxing-cpp", "pip install zxing-cpp"),
        BackendSpec("pyzbar", "drivers.scanner.pyzbar_backend", "PyzbarBackend", "ZBar (pyzbar, libzbar0)",
                    "apt-get install libzbar0; pip install pyzbar"),
        BackendSpec("opencv", "drivers.scanner.opencv_backend", "OpenCvBackend", "OpenCV",
                    "pip install opencv-python-headless"),
        BackendSpec("auto", "drivers.scanner.chain", "ChainBackend", "OpenCV", "pip install opencv-python-headless"),
    )
}

#: Modules the packager must bundle (PyInstaller hidden imports).
HIDDEN_IMPORTS: tuple[str, ...] = tuple(spec.module for spec in BACKENDS.values())


def create_backend(name: str, **options: object) -> QrBackend:
    """A new backend called `name` ('zxing', 'pyzbar', 'opencv' or 'auto'); LibraryMissing when its library is absent."""
    spec = BACKENDS.get(name)
    if spec is None:
        raise ValueError(f"unknown QR backend {name!r}; known: {', '.join(BACKENDS)}")
    try:
        module = importlib.import_module(spec.module)
    except (ImportError, OSError) as missing:
        raise LibraryMissing(tr("The QR code library {library} is not installed on this computer; install it with: {hint}",
                                library=spec.library, hint=spec.install_hint)) from missing
    return getattr(module, spec.cls)(**options)


def available_backends() -> list[str]:
    """Names of the backends whose library loads on this machine, in order of preference."""
    names = []
    for name in (name for name in BACKENDS if name != "auto"):
        try:
            create_backend(name)
        except LibraryMissing:
            continue
        names.append(name)
    return names
