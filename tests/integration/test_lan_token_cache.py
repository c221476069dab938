"""Token lookups kept in memory (LanAccess): what the event loop may answer without the database,
and expiries spread so that a room that logged in together is not looked up again together."""

from __future__ import annotations

import pytest

from app.client.http import enrol
from app.services.lan_access import TOKEN_CACHE_SECONDS, LanAccess
from app.simulation.demo_site import create_demo_site
from support.lan import admin_actor, running_lan


@pytest.fixture
def demo(tmp_path):
    demo = create_demo_site(tmp_path / "site", candidates=2)
    yield demo
    demo.site.close()


def test_a_device_is_answered_from_memory_only_after_a_lookup(demo):
    access = LanAccess(demo.site)
    with running_lan(demo.site) as url:
        code = access.issue_code(admin_actor(demo.site, "demo-admin"), "terminal", "R01")
        enrolment = enrol(url, code, "seat-01")
    assert access.cached_device(enrolment.token) is None  # never looked up: the caller must read the database
    device = access.device_for(enrolment.token)
    assert access.cached_device(enrolment.token) == device and device.kind == "terminal"
    assert access.cached_device("not-a-token") is None
    access.revoke_device(admin_actor(demo.site, "demo-admin"), device.id)
    assert access.cached_device(enrolment.token) is None  # a revocation drops it at once


def test_cached_tokens_expire_spread_over_half_the_cache_time():
    deadlines = [LanAccess._trusted_until(1000.0) - 1000.0 for _ in range(400)]
    assert min(deadlines) >= TOKEN_CACHE_SECONDS / 2 and max(deadlines) <= TOKEN_CACHE_SECONDS
    assert max(deadlines) - min(deadlines) > TOKEN_CACHE_SECONDS / 3  # not one burst of lookups
