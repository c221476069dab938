"""The .deb's file tree: the one-folder build under /opt/examsite and the system files around it.

`lay_out(staging, build, version, arch)` fills `staging` with the package's files and DEBIAN/;
installers/build.py then runs `dpkg-deb --root-owner-group --build` on it. The files that are not
generated here (units, udev rules, desktop entries, maintainer scripts) are kept as they are in
installers/deb/ and installers/terminal/, so that they can be read and linted on their own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TERMINAL = HERE.parent / "terminal"
PREFIX = "opt/examsite"

#: Debian packages the build needs on the machine: Qt's xcb/EGL libraries and zbar are not in
#: the build (README's list: installers/dev.sh RUNTIME_PACKAGES), nor are the fonts.
DEPENDS = (
    "adduser", "libzbar0", "fonts-noto-cjk", "fonts-wqy-microhei",
    "libegl1", "libgl1", "libglib2.0-0t64 | libglib2.0-0", "libfontconfig1", "libfreetype6", "libx11-6",
    "libxkbcommon0", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0",
)
RECOMMENDS = ("ffmpeg",)  # the optional ffmpeg recorder backend (EXAMSITE_RECORDER_BACKEND=ffmpeg)

#: (file in installers/, path in the package, mode)
STATIC_FILES = (
    (HERE / "examsite-host.service", "lib/systemd/system/examsite-host.service", 0o644),
    (HERE / "70-examsite.rules", "lib/udev/rules.d/70-examsite.rules", 0o644),
    (HERE / "host.env", "etc/examsite/host.env", 0o600),
    (HERE / "examsite-console.desktop", "usr/share/applications/examsite-console.desktop", 0o644),
    (HERE / "examsite-desk.desktop", "usr/share/applications/examsite-desk.desktop", 0o644),
    (HERE / "examsite-station.desktop", "usr/share/applications/examsite-station.desktop", 0o644),
    (HERE / "examsite-terminal.desktop", "usr/share/applications/examsite-terminal.desktop", 0o644),
    (HERE / "examsite-console", "usr/lib/examsite/examsite-console", 0o755),
    (HERE / "copyright", "usr/share/doc/examsite/copyright", 0o644),
    (TERMINAL / "examsite-kiosk", "usr/lib/examsite/examsite-kiosk", 0o755),
    (TERMINAL / "examsite-provision-terminal", "usr/sbin/examsite-provision-terminal", 0o755),
    (TERMINAL / "examsite-kiosk.desktop", "usr/share/examsite/examsite-kiosk-autostart.desktop", 0o644),
)
MAINTAINER_SCRIPTS = ("postinst", "prerm", "postrm")
CONFFILES = ("/etc/examsite/host.env",)


def _copy_build(build: Path, target: Path) -> None:
    shutil.copytree(build, target, symlinks=True)
    for path in [target, *target.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def _installed_size_kib(staging: Path) -> int:
    total = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def control(version: str, arch: str, installed_kib: int) -> str:
    return "\n".join([
        "Package: examsite",
        f"Version: {version}",
        "Section: misc",
        "Priority: optional",
        f"Architecture: {arch}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(DEPENDS)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Maintainer: ExamSite <examsite@localhost>",
        "Homepage: https://examsite.invalid/",
        "Description: ExamSite (考点通): runs a vocational-skill test venue on exam day",
        " Check-in, paperless theory exams, practical scoring, full-process video and sealed",
        " results in one application: the site host (LAN API, recorder), the staff console,",
        " the check-in desk, the examiner station and the candidate terminal (kiosk).",
        " Site data lives in /var/lib/examsite and is kept when the package is removed.",
        "",
    ])


def lay_out(staging: Path, build: Path, version: str, arch: str) -> None:
    """Fill `staging` with the package tree for the one-folder build in `build`."""
    staging.mkdir(parents=True)
    _copy_build(build, staging / PREFIX)
    (staging / "usr/bin").mkdir(parents=True)
    (staging / "usr/bin/examsite").symlink_to(f"/{PREFIX}/examsite")
    for source, destination, mode in STATIC_FILES:
        target = staging / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        target.chmod(mode)
    for path in staging.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    debian = staging / "DEBIAN"
    debian.mkdir()
    for name in MAINTAINER_SCRIPTS:
        shutil.copyfile(HERE / name, debian / name)
        (debian / name).chmod(0o755)
    (debian / "conffiles").write_text("".join(f"{path}\n" for path in CONFFILES), encoding="ascii")
    (debian / "control").write_text(control(version, arch, _installed_size_kib(staging)), encoding="utf-8")
