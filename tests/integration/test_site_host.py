"""The site host process's parts together: LAN API, recorder supervision, periodic duties."""

from __future__ import annotations

import threading

import pytest

from app.client.http import LanClient
from app.host import SiteHost
from app.simulation.demo_site import DEMO_PASSPHRASE, create_demo_site

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(tmp_path):
    demo = create_demo_site(tmp_path / "site", candidates=2)
    yield demo
    demo.site.close()


def test_the_host_serves_supervises_and_runs_its_duties(demo):
    host = SiteHost(demo.site, DEMO_PASSPHRASE, host="127.0.0.1", port=0, tls=False)
    ran = threading.Event()
    host.duties.append(ran.set)
    url = host.start()
    try:
        client = LanClient(url)
        assert client.get("/api/v1/health")["ok"] is True
        client.close()
        assert ran.wait(10), "the periodic duties did not run"
        recorder = host.supervisor.process
        assert recorder is not None and recorder.poll() is None
    finally:
        host.stop()
    assert recorder.poll() is not None  # the recorder process ended with the host


def test_a_failing_duty_does_not_stop_the_others(demo):
    host = SiteHost(demo.site, DEMO_PASSPHRASE, host="127.0.0.1", port=0, tls=False, record=False)
    calls = threading.Semaphore(0)

    def broken() -> None:
        raise RuntimeError("a bug in one duty")

    host.duties[:] = [broken, calls.release]
    host.start()
    try:
        assert calls.acquire(timeout=10) and calls.acquire(timeout=10)  # ran twice despite the broken one
    finally:
        host.stop()
