"""Build the one-folder app and the .deb, run the build with no Python on PATH, inspect the package.

Slow: the PyInstaller build takes about 2 minutes on a 2-core machine (figures in docs/install.md).
Set EXAMSITE_ONEFOLDER=DIR to test an existing build (DIR/examsite) instead of building one.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installers" / "build.py"
PASSPHRASE = "installer-test-passphrase"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


def _pyinstaller_missing() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return True
    return False


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    existing = os.environ.get("EXAMSITE_ONEFOLDER")
    if existing:
        return Path(existing)
    if _pyinstaller_missing():
        pytest.skip("PyInstaller is not installed in this environment (pip install pyinstaller)")
    folder = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(BUILD), "onefolder", "--dist", str(folder),
                    "--work", str(tmp_path_factory.mktemp("work"))], check=True, cwd=ROOT)
    return folder


@pytest.fixture(scope="module")
def clean_env(tmp_path_factory) -> dict[str, str]:
    """No virtual environment and no Python: PATH holds /usr/bin and /bin less every python*."""
    bin_dir = tmp_path_factory.mktemp("bin")
    for folder in (Path("/usr/bin"), Path("/bin")):
        for program in folder.iterdir():
            if not program.name.startswith(("python", "pip", "pydoc")) and not (bin_dir / program.name).exists():
                (bin_dir / program.name).symlink_to(program)
    home = tmp_path_factory.mktemp("home")
    environment = {"PATH": str(bin_dir), "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    assert shutil.which("python3", path=environment["PATH"]) is None
    return environment


def run_built(dist: Path, env: dict, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(dist / "examsite" / "examsite"), *args], env={**env, **extra}, capture_output=True,
                          text=True, timeout=timeout)


def test_version(dist, clean_env):
    from app import __version__

    done = run_built(dist, clean_env, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"examsite {__version__}"


def test_site_init_runs_the_bundled_migrations(dist, clean_env, tmp_path):
    home = tmp_path / "site"
    done = run_built(dist, clean_env, "--home", str(home), "--lang", "en", "site", "init", "--site-id", "3201-01",
                     "--name", "测试考点", "--trust-sample-issuer", EXAMSITE_PASSPHRASE=PASSPHRASE,
                     EXAMSITE_ADMIN_PASSWORD="installer-admin-1234")
    assert done.returncode == 0, done.stderr
    assert (home / "site.db").is_file() and (home / "keys").exists()
    info = run_built(dist, clean_env, "--home", str(home), "--lang", "en", "site", "info")
    assert info.returncode == 0 and "3201-01" in info.stdout


def test_demo_window_renders(dist, clean_env, tmp_path):
    picture = tmp_path / "demo.png"
    done = run_built(dist, clean_env, "demo", "--screenshot", str(picture))
    assert done.returncode == 0, done.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_terminal_demo_starts_and_stays_up(dist, clean_env):
    process = subprocess.Popen([str(dist / "examsite" / "examsite"), "--lang", "en", "terminal", "--demo", "--windowed"],
                               env=clean_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "Proctor code" in process.stdout.readline()
        with pytest.raises(subprocess.TimeoutExpired):  # the kiosk window is up; it would have exited on an error
            process.wait(timeout=10)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def test_the_recorder_starts_through_the_built_cli(dist, clean_env, tmp_path):
    """What the site host's supervisor runs inside the build (`examsite video recorder`)."""
    done = run_built(dist, clean_env, "video", "recorder", "--help")
    assert done.returncode == 0 and "--poll" in done.stdout
    module = run_built(dist, clean_env, "-m", "app.cli.main", "--version")  # `python -m` of helper processes
    assert module.returncode == 0 and module.stdout.startswith("examsite ")


def test_simulate(dist, clean_env):
    done = run_built(dist, clean_env, "--lang", "en", "simulate", timeout=900)
    print(done.stdout)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def deb(dist, tmp_path_factory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (not a Debian-family system)")
    subprocess.run([sys.executable, str(BUILD), "deb", "--dist", str(dist)], check=True, cwd=ROOT)
    return next(dist.glob("examsite_*.deb"))


def test_deb_metadata(deb):
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], check=True, capture_output=True, text=True).stdout
    from app import __version__

    assert re.search(rf"^ Version: {re.escape(__version__)}$", info, re.MULTILINE)
    depends = re.search(r"^ Depends: (.*)$", info, re.MULTILINE).group(1)
    for package in ("libzbar0", "fonts-noto-cjk", "libegl1", "libxcb-cursor0", "libxkbcommon-x11-0", "adduser"):
        assert package in depends
    for script in ("postinst", "prerm", "postrm", "conffiles"):
        assert script in info
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True).stdout
    assert "./usr/bin/examsite -> /opt/examsite/examsite" in contents
    assert re.search(r"^-rw------- root/root .* \./etc/examsite/host\.env$", contents, re.MULTILINE)
    assert re.search(r"^-rwxr-xr-x root/root .* \./opt/examsite/examsite$", contents, re.MULTILINE)


def test_deb_installs_into_a_throwaway_root(deb, tmp_path, clean_env):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    control = tmp_path / "DEBIAN"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    for path in ("opt/examsite/examsite", "lib/systemd/system/examsite-host.service", "lib/udev/rules.d/70-examsite.rules",
                 "usr/lib/examsite/examsite-kiosk", "usr/sbin/examsite-provision-terminal",
                 "usr/share/examsite/examsite-kiosk-autostart.desktop"):
        assert (root / path).is_file(), path
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(root / "lib/systemd/system/examsite-host.service")
    assert unit["Service"]["User"] == "examsite"
    assert unit["Service"]["ExecStart"].startswith("/opt/examsite/examsite host --home /var/lib/examsite")
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    if shutil.which("systemd-analyze"):
        checked = subprocess.run(["systemd-analyze", f"--root={root}", "verify",
                                  str(root / "lib/systemd/system/examsite-host.service")],
                                 capture_output=True, text=True)
        assert "Unknown key" not in checked.stderr and "Unknown section" not in checked.stderr, checked.stderr
    rules = (root / "lib/udev/rules.d/70-examsite.rules").read_text()
    assert 'ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="7523"' in rules
    applications = sorted(p.name for p in (root / "usr/share/applications").glob("*.desktop"))
    assert applications == ["examsite-console.desktop", "examsite-desk.desktop", "examsite-station.desktop",
                            "examsite-terminal.desktop"]
    done = subprocess.run([str(root / "opt/examsite/examsite"), "--version"], env=clean_env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("examsite ")
    (root / "var/lib/examsite").mkdir(parents=True)
    (root / "var/lib/examsite/site.db").write_bytes(b"evidence")
    removed = subprocess.run(["sh", str(control / "postrm"), "remove"], env={**os.environ, "DPKG_ROOT": str(root)},
                             capture_output=True, text=True, check=True)
    assert (root / "var/lib/examsite/site.db").read_bytes() == b"evidence" and "KEPT" in removed.stderr
