"""Build the one-folder app and the .deb, run the build with no Python on PATH, inspect the package.

One build serves every test here; the built `examsite` runs from a scratch folder with a PATH that
holds no Python: --version, site init (the bundled migrations), the demo window, the kiosk, the
recorder command, and `examsite simulate` through to the build's own platform service.
Slow: about 4 minutes on a 2-core machine, half of it the build (figures in docs/install.md).
Set EXAMSITE_ONEFOLDER=DIR to test an existing build (DIR/examsite) instead of building one.
"""

from __future__ import annotations

import configparser
import json
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
PLATFORM_ENV = {"EXAMSITE_UPSTREAM_PASSPHRASE": "installer-platform-passphrase"}

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


def _pyinstaller_missing() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return True
    return False


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """One build for the whole file; deleted afterwards (600 MB, and the .deb beside it 250 MB)."""
    existing = os.environ.get("EXAMSITE_ONEFOLDER")
    if existing:
        yield Path(existing)
        return
    if _pyinstaller_missing():
        pytest.skip("PyInstaller is not installed in this environment (pip install -e '.[build]')")
    folder, work = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work")
    try:
        subprocess.run([sys.executable, str(BUILD), "onefolder", "--dist", str(folder), "--work", str(work)],
                       check=True, cwd=ROOT)
        shutil.rmtree(work)
        yield folder
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


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
    """The built program, started from its HOME (not the repository: nothing may be read from the source tree)."""
    return subprocess.run([str(dist / "examsite" / "examsite"), *args], env={**env, **extra}, cwd=env["HOME"],
                          capture_output=True, text=True, timeout=timeout)


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
                               env=clean_env, cwd=clean_env["HOME"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
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


@pytest.fixture
def built_platform(dist, clean_env, tmp_path):
    """(url, folder) of the build's own `examsite upstream serve` (FastAPI, uvicorn) on a free loopback port."""
    folder = tmp_path / "platform"
    process = subprocess.Popen([str(dist / "examsite" / "examsite"), "--lang", "en", "upstream", "serve", "--dir",
                                str(folder), "--port", "0"], env={**clean_env, **PLATFORM_ENV}, cwd=clean_env["HOME"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = next((line.strip().rsplit(" ", 1)[-1] for line in process.stdout if "listening on" in line), None)
        assert url, process.stderr.read()
        yield url, folder
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()


def test_simulate_the_whole_day_through_to_the_platform(dist, clean_env, built_platform):
    """Every stage of `examsite simulate` in the build, the sync to the build's platform service included.

    12 candidates rather than the default 60: the count the suite's own simulated day uses
    (tests/integration), enough for every stage and every incident (3 late, 6 absent, a killed
    terminal moved to a free seat, a cut LAN cable, an extension, a forced submission, 6 candidates
    scored by 3 examiners); more candidates only repeat the same code, and cost 15 s here.
    """
    url, folder = built_platform
    done = run_built(dist, clean_env, "--lang", "en", "simulate", "--candidates", "12", "--upstream", url,
                     "--upstream-dir", str(folder), timeout=900, **PLATFORM_ENV)
    print(done.stdout)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert done.stdout.count("✓") == 9 and "✗" not in done.stdout
    assert "a killed terminal's candidate resumed" in done.stdout  # the helper process (`examsite -c …`) ran
    assert "sync skipped" not in done.stdout
    records = run_built(dist, clean_env, "upstream", "records", "--dir", str(folder), "--json", **PLATFORM_ENV)
    assert records.returncode == 0, records.stderr
    delivered = json.loads(records.stdout)["records"]
    assert len(delivered) > 1 and {record["site_id"] for record in delivered} == {"DEMO-3201-01"}


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


@pytest.fixture
def throwaway_root(tmp_path) -> Path:
    root = tmp_path / "root"
    yield root
    shutil.rmtree(root, ignore_errors=True)  # a second copy of the build


def test_deb_installs_into_a_throwaway_root(deb, tmp_path, throwaway_root, clean_env):
    root = throwaway_root
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
