"""The LAN framework against a real uvicorn server on loopback: enrolment, pinning, errors, staff log-in."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.client.http import LanClient, LanRefused, LanUnreachable, enrol
from app.errors import KnownError
from app.lan.server import LanServer
from app.persistence import audit_store
from app.services.lan_access import LanAccess
from app.simulation.demo_site import DEMO_PASSPHRASE, DEMO_PIN, create_demo_site
from support.lan import admin_actor, enrolled_client, running_lan


@pytest.fixture
def demo(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=2)
    yield demo
    demo.site.close()


def _actions(site) -> list[str]:
    with site.db.read() as session:
        return [event.action for event in audit_store.iter_events(session)]


def test_enrolment_over_plain_http_on_loopback(demo):
    site = demo.site
    with running_lan(site) as base_url:
        client = enrolled_client(site, base_url, "terminal", "R01")
        assert client.get("/api/v1/device") == {"id": 1, "name": "terminal-R01", "kind": "terminal",
                                                 "room_code": "R01"}
        assert "now" in client.get("/api/v1/time")
        client.close()
    assert "lan.code_issued" in _actions(site) and "lan.device_enrolled" in _actions(site)


def test_a_code_works_once_and_a_wrong_code_never(demo):
    site = demo.site
    access = LanAccess(site)
    code = access.issue_code(admin_actor(site, "demo-admin"), "terminal")
    with running_lan(site) as base_url:
        enrol(base_url, code, "first")
        with pytest.raises(LanRefused) as used:
            enrol(base_url, code, "second")
        assert used.value.status == 403
        with pytest.raises(LanRefused):
            enrol(base_url, "ABCD-EFGH", "guess")


def test_unknown_or_missing_device_token_is_401(demo):
    with running_lan(demo.site) as base_url:
        for token in (None, "forged"):
            client = LanClient(base_url, device_token=token)
            with pytest.raises(LanRefused) as refused:
                client.get("/api/v1/device")
            assert refused.value.status == 401 and refused.value.code == "device"
            client.close()


def test_tls_pins_the_site_certificate(demo):
    site = demo.site
    server = LanServer(site, tls=True)
    base_url = server.start()
    try:
        assert base_url.startswith("https://127.0.0.1:")
        client = enrolled_client(site, base_url, "station")
        assert client.get("/api/v1/device")["kind"] == "station"
        client.close()
        # the same host with another pin is refused before a byte of the request leaves
        impostor = LanClient(base_url, device_token="x", pinned_sha256="00" * 32)
        with pytest.raises(LanUnreachable):
            impostor.get("/api/v1/health")
        impostor.close()
    finally:
        server.stop()


def test_the_certificate_is_stable_across_restarts(demo):
    first = LanServer(demo.site, tls=True).certificate_sha256
    assert LanServer(demo.site, tls=True).certificate_sha256 == first


def test_plain_http_is_refused_off_loopback(demo):
    with pytest.raises(KnownError) as refused:
        LanServer(demo.site, host="0.0.0.0", tls=False)
    assert refused.value.code == "needs_tls"


def test_errors_come_in_the_callers_language(demo):
    with running_lan(demo.site) as base_url:
        client = LanClient(base_url)
        with pytest.raises(LanRefused) as english:
            client.get("/api/v1/device")
        zh = LanClient(base_url)
        with pytest.raises(LanRefused):
            zh.get("/api/v1/device", headers={"Accept-Language": "zh-CN"})
        client.close()
        zh.close()
    assert "enrol" in english.value.message


def test_staff_log_in_on_a_station_only(demo):
    site = demo.site
    examiner = next(no for no, (role, _) in demo.credentials.items() if role.value == "examiner")
    with running_lan(site) as base_url:
        station = enrolled_client(site, base_url, "station")
        answer = station.post("/api/v1/staff/login", {"staff_no": examiner, "secret": DEMO_PIN, "role": "examiner"})
        assert answer["staff_no"] == examiner and answer["token"]
        with pytest.raises(LanRefused) as wrong:
            station.post("/api/v1/staff/login", {"staff_no": examiner, "secret": "000000", "role": "examiner"})
        assert wrong.value.status == 403
        terminal = enrolled_client(site, base_url, "terminal")
        with pytest.raises(LanRefused) as not_here:
            terminal.post("/api/v1/staff/login", {"staff_no": examiner, "secret": DEMO_PIN, "role": "examiner"})
        assert not_here.value.code == "wrong_device"
        with pytest.raises(LanRefused) as malformed:
            station.post("/api/v1/staff/login", {"staff_no": examiner})
        assert malformed.value.status == 422
        station.close()
        terminal.close()


def test_openapi_is_published(demo):
    with running_lan(demo.site) as base_url:
        spec = LanClient(base_url).get("/openapi.json")
    assert "/api/v1/enrol" in spec["paths"] and spec["info"]["title"] == "ExamSite LAN API"


def test_lan_serve_runs_as_its_own_process(demo, tmp_path):
    """`examsite lan serve` prints its URL once listening; SIGTERM stops it cleanly."""
    env = dict(os.environ, EXAMSITE_PASSPHRASE=DEMO_PASSPHRASE, EXAMSITE_LANG="en")
    command = [sys.executable, "-m", "app.cli.main", "lan", "serve", "--home", str(demo.site.home.root),
               "--host", "127.0.0.1", "--port", "0", "--plain"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as process:
        try:
            lines = [process.stdout.readline(), process.stdout.readline()]
            url = lines[1].strip().rsplit(" ", 1)[-1]
            assert url.startswith("http://127.0.0.1:"), lines
            client = LanClient(url)
            assert client.get("/api/v1/health")["site_id"] == demo.site.config.site_id
            client.close()
        finally:
            process.terminate()
            _, errors = process.communicate(timeout=30)
        assert process.returncode == 0, errors
