"""The installers' hand-written files agree with the application: quick checks, no build needed.

udev rules against the ID-card reader registry, desktop entries against the CLI, the maintainer
scripts' keep-the-data promise, the kiosk wrapper's restart behaviour, terminal provisioning into
a throwaway root, and the Windows installer script against the one-folder build's layout.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
DEB = INSTALLERS / "deb"
TERMINAL = INSTALLERS / "terminal"
sys.path.insert(0, str(INSTALLERS))

import bundle  # noqa: E402
from deb import layout  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_version_comes_from_the_package():
    from app import __version__

    assert bundle.version() == __version__


def test_hidden_imports_cover_every_registry_backend():
    from drivers.scanner.factory import BACKENDS

    hidden = set(bundle.hidden_imports())
    assert {spec.module for spec in BACKENDS.values()} <= hidden
    assert {"drivers.face.dlib_engine", "drivers.face.sim", "drivers.recorder.ffmpeg_backend",
            "drivers.recorder.usb_encoder", "app.video.recorder_process", "app.cli.main"} <= hidden
    assert not [name for name in hidden if "migrations" in name]  # alembic reads those as files
    assert not set(bundle.QT_EXCLUDES) & {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}


def test_data_files_exist_and_carry_the_migrations_and_face_models():
    files = bundle.data_files()
    assert all(Path(source).is_file() for source, _ in files)
    destinations = {f"{folder}/{Path(source).name}" for source, folder in files}
    assert "resources/translations/examsite_zh_CN.qm" in destinations
    assert "resources/translations/core_zh_CN.ts" in destinations
    assert "app/persistence/migrations/env.py" in destinations
    versions = sorted(p.name for p in (ROOT / "app/persistence/migrations/versions").glob("*.py"))
    assert {f"app/persistence/migrations/versions/{name}" for name in versions} <= destinations
    models = {name for name in destinations if name.startswith("face_recognition_models/models/")}
    assert len(models) == 3 and not any("68" in name for name in models)


def test_udev_rules_cover_every_usb_serial_bridge_of_the_reader_factory():
    from drivers.idcard.factory import USB_SERIAL_ADAPTERS

    rules = (DEB / "70-examsite.rules").read_text(encoding="utf-8")
    tty_rules = [line for line in rules.splitlines() if line.startswith('SUBSYSTEM=="tty"')]
    covered = set()
    for line in tty_rules:
        vendor = re.search(r'ATTRS\{idVendor\}=="([0-9a-f]{4})"', line)
        product = re.search(r'ATTRS\{idProduct\}=="([0-9a-f]{4})"', line)
        assert 'MODE="0660"' in line and 'TAG+="uaccess"' in line
        if vendor and product:
            covered.add((int(vendor.group(1), 16), int(product.group(1), 16)))
    assert set(USB_SERIAL_ADAPTERS) <= covered
    assert [line for line in rules.splitlines() if line.startswith('SUBSYSTEM=="hidraw"')]
    for line in rules.splitlines():
        if line and not line.startswith("#"):
            for pair in (part.strip() for part in line.split(", ")):
                assert re.fullmatch(r'[A-Z]+(\{\w+\})?(==|=|\+=)"[^"]*"', pair), pair


def test_each_role_has_a_desktop_entry_whose_command_exists():
    installed = {destination: source for source, destination, _ in layout.STATIC_FILES}
    entries = {path: desktop_entry(source) for path, source in installed.items() if path.endswith(".desktop")}
    roles = {path.rsplit("/", 1)[1] for path in entries if path.startswith("usr/share/applications/")}
    assert roles == {"examsite-console.desktop", "examsite-desk.desktop", "examsite-station.desktop",
                     "examsite-terminal.desktop"}
    for path, entry in entries.items():
        assert entry["Type"] == "Application" and entry["Name"] and entry["Name[zh_CN]"]
        program = shlex.split(entry["Exec"])[0]
        assert program.lstrip("/") in installed, f"{path} runs {program}, which the package does not install"


def test_wrappers_run_commands_the_cli_has():
    from app.cli.main import build_parser

    parser = build_parser()
    for wrapper, words in ((DEB / "examsite-console", ["console"]), (TERMINAL / "examsite-kiosk", ["terminal"])):
        text = wrapper.read_text(encoding="utf-8")
        assert f" {words[0]}" in text
        parser.parse_args(words)
    unit = (DEB / "examsite-host.service").read_text(encoding="utf-8")
    exec_start = shlex.split(re.search(r"^ExecStart=(.*)$", unit, re.MULTILINE).group(1))
    assert exec_start[0] == "/opt/examsite/examsite"
    assert parser.parse_args(exec_start[1:]).command == "host"
    from app.video.supervisor import recorder_command

    sys.frozen = True  # what the one-folder build sets: the recorder is started through the CLI
    try:
        frozen = recorder_command(Path("/var/lib/examsite"))
    finally:
        del sys.frozen
    assert frozen[0] == sys.executable
    args = parser.parse_args(frozen[1:])
    assert (args.command, args.verb, args.home) == ("video", "recorder", "/var/lib/examsite")


def test_shell_scripts_parse():
    for script in (DEB / "postinst", DEB / "prerm", DEB / "postrm", DEB / "examsite-console",
                   TERMINAL / "examsite-kiosk", TERMINAL / "examsite-provision-terminal"):
        subprocess.run(["sh", "-n", str(script)], check=True)
        assert os.access(script, os.X_OK), f"{script.name} is not executable"


def _maintainer(script: str, action: str, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(DEB / script), action], env={**os.environ, "DPKG_ROOT": str(root)},
                          capture_output=True, text=True, check=True)


def test_remove_keeps_the_site_data_and_only_purge_deletes_it_saying_so(tmp_path):
    (tmp_path / "etc/examsite").mkdir(parents=True)
    (tmp_path / "etc/examsite/host.env").write_text("EXAMSITE_PASSPHRASE=\n")
    _maintainer("postinst", "configure", tmp_path)
    data = tmp_path / "var/lib/examsite"
    assert data.is_dir() and (data.stat().st_mode & 0o777) == 0o750
    assert (tmp_path / "etc/examsite/host.env").stat().st_mode & 0o777 == 0o600
    (data / "site.db").write_bytes(b"evidence")
    removed = _maintainer("postrm", "remove", tmp_path)
    assert (data / "site.db").read_bytes() == b"evidence"
    assert "KEPT" in removed.stderr
    purged = _maintainer("postrm", "purge", tmp_path)
    assert not data.exists() and "DELETING" in purged.stderr
    assert not (tmp_path / "etc/examsite").exists()


def _fake_examsite(tmp_path: Path, statuses: list[int]) -> Path:
    """A stand-in `examsite` that logs its arguments and exits with the next status in the list."""
    script = tmp_path / "fake-examsite"
    (tmp_path / "statuses").write_text("\n".join(map(str, statuses)) + "\n")
    script.write_text(f"""#!/bin/sh
printf '%s|%s\\n' "$*" "${{EXAMSITE_ENROL_CODE:-}}" >>{tmp_path}/calls
status=$(head -n1 {tmp_path}/statuses); sed -i 1d {tmp_path}/statuses
case "$*" in *--server*) [ -n "${{EXAMSITE_ENROL_CODE:-}}" ] && echo '{{}}' >"$3/enrolment.json";; esac
exit "$status"
""")
    script.chmod(0o755)
    return script


def test_kiosk_restarts_after_crashes_enrols_once_and_stops_when_a_proctor_closes_it(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "enrol-code").write_text("123456\n")
    env_file = tmp_path / "terminal.env"
    env_file.write_text("EXAMSITE_SERVER=https://10.0.0.2:8443\nEXAMSITE_TERMINAL_NAME=A-01\n")
    fake = _fake_examsite(tmp_path, [70, 137, 0])  # a crash, a kill -9, then closed with the proctor code
    subprocess.run(["sh", str(TERMINAL / "examsite-kiosk")], check=True, timeout=30,
                   env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "EXAMSITE_BIN": str(fake),
                        "EXAMSITE_TERMINAL_HOME": str(data), "EXAMSITE_TERMINAL_ENV": str(env_file),
                        "EXAMSITE_KIOSK_RESTART_DELAY": "0"})
    calls = (tmp_path / "calls").read_text().splitlines()
    assert len(calls) == 3
    assert calls[0] == f"terminal --data {data} --server https://10.0.0.2:8443 --name A-01|123456"
    assert calls[1].endswith("|") and calls[2].endswith("|")  # the one-time code is used once
    assert not (data / "enrol-code").exists() and (data / "enrolment.json").exists()
    log = (data / "kiosk.log").read_text()
    assert "exited with status 70" in log and "exited with status 137" in log and "closed by a proctor" in log


def test_provisioning_a_terminal_into_a_throwaway_root(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    shutil.copy(TERMINAL / "examsite-kiosk.desktop", share / "examsite-kiosk-autostart.desktop")
    root = tmp_path / "root"
    subprocess.run(["sh", str(TERMINAL / "examsite-provision-terminal"), "--server", "https://10.0.0.2:8443",
                    "--name", "A-01", "--code", "654321", "--autologin", "--root", str(root), "--share", str(share)],
                   check=True, capture_output=True, text=True)
    assert "EXAMSITE_SERVER=https://10.0.0.2:8443" in (root / "etc/examsite/terminal.env").read_text()
    data = root / "home/kiosk/.examsite-terminal"
    assert (data / "enrol-code").read_text() == "654321\n"
    assert (data / "enrol-code").stat().st_mode & 0o077 == 0
    autostart = desktop_entry(root / "home/kiosk/.config/autostart/examsite-kiosk.desktop")
    assert autostart["Exec"] == "/usr/lib/examsite/examsite-kiosk"
    assert "autologin-user=kiosk" in (root / "etc/lightdm/lightdm.conf.d/50-examsite-kiosk.conf").read_text()
    refused = subprocess.run(["sh", str(TERMINAL / "examsite-provision-terminal"), "--server", "http://10.0.0.2",
                              "--code", "1", "--root", str(root), "--share", str(share)], capture_output=True, text=True)
    assert refused.returncode == 2 and "https://" in refused.stderr


def test_windows_installer_script_refers_to_the_one_folder_build():
    script = (INSTALLERS / "windows" / "examsite.iss").read_text(encoding="utf-8-sig")
    sections = set(re.findall(r"^\[(\w+)\]", script, re.MULTILINE))
    assert {"Setup", "Files", "Icons", "Run", "UninstallRun", "Tasks", "Registry", "Dirs"} <= sections
    assert re.search(r'^#define AppVersion "([^"]+)"', script, re.MULTILINE).group(1) == bundle.version()
    sources = re.findall(r'Source:\s*"([^"]+)"', script)
    assert sources and all(source.startswith(("{#BuildDir}", "{#SourceDir}", "{#NssmDir}")) for source in sources)
    for source in sources:
        if source.startswith("{#SourceDir}"):  # files of this repository, e.g. the service wrapper's config
            relative = source.removeprefix("{#SourceDir}\\").replace("\\", "/")
            assert (INSTALLERS / "windows" / relative).exists(), relative
    for program in re.findall(r'Filename:\s*"\{app\}\\([^"]+)"', script):
        assert program in ("examsite.exe", "examsitew.exe", "nssm.exe"), program
    commands = [text.replace('""', '"') for text in re.findall(r'Parameters:\s*"((?:[^"]|"")*)"', script)]
    assert any(command.startswith("install {#Service}") and command.endswith(" host") for command in commands)
    assert "uninsneveruninstall" in script.lower()  # the site data folder stays when ExamSite is uninstalled


def _install_step(tmp_path: Path) -> subprocess.CompletedProcess:
    """Run dev.sh's own EXTRAS and ensure_project_installed in tmp_path, with a .venv whose python logs its argv."""
    script = (INSTALLERS / "dev.sh").read_text(encoding="utf-8")
    extras = re.search(r"^EXTRAS=.*$", script, re.MULTILINE).group(0)
    function = re.search(r"^ensure_project_installed\(\) \{\n.*?^\}$", script, re.MULTILINE | re.DOTALL).group(0)
    program = "\n".join([
        "set -euo pipefail", 'say() { :; }', 'die() { echo "$*" >&2; exit 1; }',
        f'VENV={shlex.quote(str(tmp_path / ".venv"))}', 'STAMP="$VENV/.examsite-pyproject.sha256"', extras, function,
        "ensure_project_installed"])
    return subprocess.run(["bash", "-c", program], cwd=tmp_path, capture_output=True, text=True, check=True)


def test_dev_sh_installs_the_build_extra_once_per_pyproject(tmp_path):
    """`installers/dev.sh test` (CI) must install PyInstaller, or tests/installers/test_build.py skips."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(req.lower().startswith("pyinstaller") for req in extras["build"])
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    log = tmp_path / "pip.log"
    python = tmp_path / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "$@" >> {shlex.quote(str(log))}\n')
    python.chmod(0o755)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")

    def installs() -> list[str]:
        return log.read_text().splitlines() if log.exists() else []

    _install_step(tmp_path)
    assert len(installs()) == 1 and re.search(r"-m pip install .*-e \.\[test,build\]$", installs()[0])
    _install_step(tmp_path)
    assert len(installs()) == 1  # nothing changed: no pip run
    stamp = tmp_path / ".venv" / ".examsite-pyproject.sha256"
    stamp.write_text(stamp.read_text().split()[0] + "\n")  # a stamp from when only `.[test]` was installed
    _install_step(tmp_path)
    assert len(installs()) == 2
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'y'\n")
    _install_step(tmp_path)
    assert len(installs()) == 3
    _install_step(tmp_path)
    assert len(installs()) == 3
