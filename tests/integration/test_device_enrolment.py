"""A terminal's or station's enrolment kept in its folder (app/cli/enrolment.py), against the real API."""

from __future__ import annotations

import pytest

from app.cli.enrolment import CODE_ENV, ENROLMENT_FILE, load_or_enrol
from app.errors import KnownError
from app.services.lan_access import LanAccess
from app.simulation.demo_site import create_demo_site
from support.lan import admin_actor, running_lan


@pytest.fixture
def demo(tmp_path):
    demo = create_demo_site(tmp_path / "site", candidates=2)
    yield demo
    demo.site.close()


def _code(site, kind):
    return LanAccess(site).issue_code(admin_actor(site, "demo-admin"), kind, "R01")


def test_first_start_enrols_and_later_starts_reuse_it(demo, tmp_path, monkeypatch):
    folder = tmp_path / "terminal"
    with running_lan(demo.site) as url:
        monkeypatch.setenv(CODE_ENV, _code(demo.site, "terminal"))
        first = load_or_enrol(folder, url, "seat-01", "terminal")
        assert (folder / ENROLMENT_FILE).stat().st_mode & 0o777 == 0o600
        monkeypatch.delenv(CODE_ENV)
        assert load_or_enrol(folder, None, None, "terminal") == first
        with pytest.raises(KnownError) as elsewhere:
            load_or_enrol(folder, "http://127.0.0.1:1", None, "terminal")
        assert elsewhere.value.code == "enrolled_elsewhere"


def test_a_station_code_does_not_make_a_terminal(demo, tmp_path, monkeypatch):
    with running_lan(demo.site) as url:
        monkeypatch.setenv(CODE_ENV, _code(demo.site, "station"))
        with pytest.raises(KnownError) as wrong:
            load_or_enrol(tmp_path / "t", url, "seat-02", "terminal")
    assert wrong.value.code == "wrong_kind"
    assert not (tmp_path / "t" / ENROLMENT_FILE).exists()


def test_an_unenrolled_device_without_a_server_is_told_what_to_do(tmp_path):
    with pytest.raises(KnownError) as missing:
        load_or_enrol(tmp_path, None, None, "station")
    assert missing.value.code == "not_enrolled"
