"""The `examsite` command line: site init, package verify/import, staff, audit verify, simulate."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile

import pytest

from app import __version__
from app.cli.main import main
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PASSPHRASE

pytestmark = pytest.mark.slow


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("EXAMSITE_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
    monkeypatch.setenv("EXAMSITE_LANG", "en")
    monkeypatch.delenv("EXAMSITE_DB", raising=False)
    root = tmp_path / "site"
    assert main(["--home", str(root), "--lang", "en", "site", "init", "--site-id", "CLI-TEST", "--name", "测试考点",
                 "--trust-sample-issuer"]) == 0
    return root


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_and_import_a_sample(home, tmp_path, capsys):
    package = tmp_path / "sample.espkg"
    code, out, _ = run(capsys, "package", "make-sample", "--home", str(home), "--out", str(package), "--candidates", "12")
    assert code == 0 and "Exam password" in out
    code, out, _ = run(capsys, "package", "verify", "--home", str(home), str(package))
    assert code == 0 and "genuine and intact" in out and "12 candidates" in out
    code, out, err = run(capsys, "--home", str(home), "package", "import", str(package))
    assert code == 0, err
    assert "12 candidates" in out
    code, out, _ = run(capsys, "--home", str(home), "staff", "list")
    assert code == 0 and "no password yet" in out
    code, out, _ = run(capsys, "--home", str(home), "audit", "verify")
    assert code == 0 and "intact" in out


def test_bad_packages_give_one_line_and_a_nonzero_exit(home, tmp_path, capsys):
    package = tmp_path / "sample.espkg"
    assert run(capsys, "--home", str(home), "package", "make-sample", "--out", str(package), "--candidates", "4")[0] == 0
    truncated = tmp_path / "truncated.espkg"
    truncated.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    code, out, err = run(capsys, "--home", str(home), "package", "verify", str(truncated))
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1
    tampered = tmp_path / "tampered.espkg"
    with zipfile.ZipFile(package) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, data + b" " if info.filename == "staff.json" else data)
    code, _, err = run(capsys, "--home", str(home), "package", "verify", str(tampered))
    assert code != 0 and "staff.json" in err
    code, _, err = run(capsys, "--home", str(home), "package", "verify", str(tmp_path / "missing.espkg"))
    assert code != 0 and len(err.strip().splitlines()) == 1


def test_audit_verify_catches_a_plain_sql_edit(home, capsys):
    database = sqlite3.connect(home / "site.db")
    with database:
        database.execute("UPDATE audit_event SET actor = 'intruder' WHERE seq = 1")
    database.close()
    code, out, _ = run(capsys, "--home", str(home), "audit", "verify")
    assert code == 1 and "event 1" in out


def test_wrong_passphrase_is_a_clear_refusal(home, capsys, monkeypatch):
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", "wrong passphrase")
    code, _, err = run(capsys, "--home", str(home), "package", "import", str(home / "nothing.espkg"))
    assert code == 2 and "passphrase" in err.lower() and "Traceback" not in err


def test_commands_without_a_site_say_so(tmp_path, capsys):
    code, _, err = run(capsys, "--home", str(tmp_path / "empty"), "audit", "verify")
    assert code == 2 and "site init" in err


def test_simulate_passes_every_stage(tmp_path, capsys):
    code, out, _ = run(capsys, "simulate", "--candidates", "10")
    assert code == 0, out
    assert out.count("✓") >= 4 and "✗" not in out


def test_console_script_runs_in_a_subprocess(tmp_path):
    result = subprocess.run([sys.executable, "-m", "app.cli.main", "--version"], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == f"examsite {__version__}"
    result = subprocess.run([sys.executable, "-m", "app.cli.main", "--lang", "zh", "--home", str(tmp_path / "none"),
                             "audit", "verify"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "site init" in result.stderr


def test_examsite_verify_checks_the_chain_and_the_signatures(home, capsys):
    code, out, _ = run(capsys, "--home", str(home), "verify")
    assert code == 0 and "intact" in out and "score sheet" in out and "0 video sessions" in out
    database = sqlite3.connect(home / "site.db")
    with database:
        database.execute("UPDATE audit_event SET subject = 'forged' WHERE seq = 1")
    database.close()
    code, out, _ = run(capsys, "--home", str(home), "verify")
    assert code == 1 and "FAILED" in out and "event 1" in out
