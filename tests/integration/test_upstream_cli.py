"""`examsite upstream …` and `examsite sync …` end to end: the platform service as its own process,
a site pinning its key, delivering over the link, and a second site delivering on a USB stick."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.domain.roles import Role
from app.package import verify_package
from app.services.auth import AuthService
from app.services.outbox import OutboxService
from app.services.home import SiteHome
from app.services.site import ADMIN_STAFF_NO, init_site
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PASSPHRASE, create_site, sample_issuer

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch):
    values = {"EXAMSITE_UPSTREAM_PASSPHRASE": "platform-passphrase", "EXAMSITE_PASSPHRASE": DEMO_PASSPHRASE,
              "EXAMSITE_ADMIN_PASSWORD": DEMO_ADMIN_PASSWORD}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return {**os.environ, **values}


@pytest.fixture
def platform_process(tmp_path, env):
    process = subprocess.Popen([sys.executable, "-m", "app.cli.main", "--lang", "en", "upstream", "serve",
                                "--dir", str(tmp_path / "platform"), "--port", "0"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    for line in process.stdout:
        if "listening on" in line:
            url = line.strip().rsplit(" ", 1)[-1]
            break
    assert url, process.stderr.read()
    yield url
    process.terminate()
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()


def queue_results(site) -> str:
    admin = AuthService(site).login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
    with site.db.transaction() as tx:
        return OutboxService(site).enqueue_results(tx, admin, {"results": [{"ticket_no": "1", "theory": "75"}]},
                                                   plan_code="KH1", session_code="TH1")


def test_deliver_over_the_link_and_by_usb(tmp_path, env, platform_process, capsys):
    platform_dir = str(tmp_path / "platform")
    key_file = tmp_path / "platform.json"
    assert main(["--lang", "en", "upstream", "public-key", "--dir", platform_dir, "--url", platform_process,
                 "--out", str(key_file)]) == 0
    online = create_site(tmp_path / "online")
    offline = init_site(SiteHome(tmp_path / "offline"), site_id="DEMO-3201-02", site_name="离线考点",
                        passphrase=DEMO_PASSPHRASE, admin_password=DEMO_ADMIN_PASSWORD, issuers=[sample_issuer()])
    online_key, offline_key = queue_results_after(online, offline, key_file, platform_process, platform_dir)

    assert main(["--home", str(online.home.root), "sync", "run"]) == 0
    capsys.readouterr()
    assert main(["--home", str(online.home.root), "sync", "status", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["items"]
    assert item["idempotency_key"] == online_key and item["state"] == "delivered"
    assert item["receipt"]["receipt"]["idempotency_key"] == online_key

    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--home", str(offline.home.root), "sync", "export", "--out", str(usb / "site.essync")]) == 0
    assert main(["upstream", "import", "--dir", platform_dir, str(usb / "site.essync"),
                 "--receipts", str(usb / "receipts.json")]) == 0
    assert main(["--home", str(offline.home.root), "sync", "import", str(usb / "receipts.json")]) == 0
    capsys.readouterr()
    assert main(["--home", str(offline.home.root), "sync", "status", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["items"]
    assert item["idempotency_key"] == offline_key and item["state"] == "delivered"

    assert main(["upstream", "records", "--dir", platform_dir, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)["records"]
    assert sorted(r["idempotency_key"] for r in records) == sorted([online_key, offline_key])

    package = tmp_path / "issued.espkg"
    assert main(["--lang", "en", "upstream", "issue", "--dir", platform_dir, "--site", online.config.site_id,
                 "--candidates", "3", "--out", str(package)]) == 0
    issuer = bytes.fromhex(json.loads(key_file.read_text())["issuer_public"])
    assert verify_package(package, online.public, [issuer]) is not None
    online.close()
    offline.close()


def queue_results_after(online, offline, key_file, url, platform_dir):
    keys = []
    for site in (online, offline):
        assert main(["upstream", "add-site", "--dir", platform_dir, "--site-key", str(site.home.keys_path)]) == 0
        assert main(["--home", str(site.home.root), "sync", "configure", "--url", url,
                     "--platform-key", str(key_file)]) == 0
        keys.append(queue_results(OutboxService(site).site))
    return keys
