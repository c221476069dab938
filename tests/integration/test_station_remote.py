"""LanStationBackend over the real LAN API: a Wi-Fi drop (a relay we unplug), a station crash, catch-up."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import text
from support.lan import admin_actor

from app.client.http import LanClient, enrol
from app.domain.roles import Role
from app.lan.server import LanServer
from app.persistence import repositories
from app.security import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.lan_access import LanAccess
from app.services.scoring import verify_sheets
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PIN, create_demo_site
from app.simulation.lan_cable import LanCable
from app.station.local import StationService
from app.station.outbox import Outbox
from app.station.remote import LanStationBackend, Offline
from drivers.imaging import encode_jpeg

SESSION, TASK = "PR1", "T2"
STROKES = [[[0, 0, 0, 0.5], [12.5, 4, 16, 0.62], [20, 9, 33, 0.7]]]
CATCH_UP_SECONDS = 15


def marks(first: int, deducted: str = "0") -> dict[str, str]:
    return {"T2-01": str(first), "T2-02": "5", "T2-03": "5", "T2-04": deducted, "T2-05": "0"}


@contextmanager
def serving(site, clock):
    server = LanServer(site, clock=clock)
    server.app.state.scoring_key_params = FAST_FOR_TESTS
    base_url = server.start()
    try:
        yield base_url
    finally:
        server.stop()


@pytest.fixture
def wifi(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    site = demo.site
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, _, es, _ in repositories.roster(session, plan.id) if es.code == SESSION]
    clock = Clock(start + timedelta(hours=1))
    with serving(site, clock) as base_url, LanCable(base_url) as cable:
        code = LanAccess(site, clock).issue_code(admin_actor(site, DEMO_ADMIN_PASSWORD), "station")
        enrolment = enrol(cable.url, code, "tablet R01")

        def station() -> LanStationBackend:
            lan = LanClient(enrolment.base_url, device_token=enrolment.token, timeout=1.0)
            return LanStationBackend(lan, tmp_path / "station", retry_seconds=0.2)

        yield site, clock, cable, station, tickets, tmp_path / "station"
    site.close()


def caught_up(backend: LanStationBackend) -> threading.Event:
    done = threading.Event()
    backend.on_change(lambda: backend.pending() == 0 and backend.connected() and done.set())
    return done


def host_sheet(site, clock, staff_no, ticket):
    actor = AuthService(site, clock).login(staff_no, DEMO_PIN, Role.EXAMINER)
    return StationService(site, clock, FAST_FOR_TESTS).sheet(actor, SESSION, ticket, TASK)


def saves_on_host(site, ticket) -> int:
    with site.db.read() as session:
        return session.execute(text("SELECT count(*) FROM audit_event WHERE action = 'scoring.draft_saved' "
                                    "AND subject LIKE :s"), {"s": f"%:{ticket}:%"}).scalar()


def test_online_the_remote_station_behaves_like_the_local_one(wifi):
    site, clock, cable, station, tickets, _ = wifi
    backend = station()
    try:
        me = backend.login("KW0101", DEMO_PIN)
        assert me.staff_no == "KW0101" and backend.connected()
        cards = backend.candidates()
        assert len(cards) == len(tickets) and cards[0].photo_jpeg[:4] == b"\x89PNG"
        assert backend.task(SESSION, TASK).items[3].quick_deductions == ("0.5", "1", "2")
        state = backend.save(SESSION, tickets[0], TASK, marks(7, "0.5"), note="接线松动")
        assert (state.state, state.total, state.note, state.pending) == ("draft", "16.5", "接线松动", 0)
        signed = backend.sign(SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
        assert signed.state == "signed" and signed.signed_at == clock()
        result = backend.result(SESSION, tickets[0], TASK)
        assert (result.signed, result.required, result.complete) == (1, 3, False)
        assert backend.save(SESSION, tickets[0], TASK, marks(8), reason="更正").version == 2
    finally:
        backend.close()
    assert verify_sheets(site) is None


def test_a_wifi_drop_loses_nothing_and_the_station_catches_up(wifi):
    site, clock, cable, station, tickets, _ = wifi
    backend = station()
    try:
        backend.login("KW0102", DEMO_PIN)
        backend.candidates()
        backend.task(SESSION, TASK)
        backend.save(SESSION, tickets[0], TASK, {"T2-01": "2"})
        cable.unplug()
        for first in (3, 4, 6):
            state = backend.save(SESSION, tickets[0], TASK, marks(first), note=f"第{first}次")
        assert not backend.connected() and state.pending == 3 and state.total == "16" and state.note == "第6次"
        backend.add_photo(SESSION, tickets[0], TASK, encode_jpeg(np.zeros((24, 24, 3), np.uint8)))
        backend.save(SESSION, tickets[1], TASK, marks(9))
        assert backend.pending() == 5
        with pytest.raises(Offline, match="signing"):
            backend.sign(SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
        assert backend.sheet(SESSION, tickets[0], TASK).entries == marks(6)  # the draft stays
        assert {c.ticket_no: c.my_state[TASK] for c in backend.candidates()}[tickets[1]] == "draft"
        assert host_sheet(site, clock, "KW0102", tickets[0]).entries == {"T2-01": "2"}  # the host has not seen them
        done = caught_up(backend)
        cable.plug()
        assert done.wait(CATCH_UP_SECONDS), "the station did not catch up"
        assert host_sheet(site, clock, "KW0102", tickets[0]).entries == marks(6)
        assert host_sheet(site, clock, "KW0102", tickets[0]).note == "第6次"
        assert host_sheet(site, clock, "KW0102", tickets[1]).entries == marks(9)
        assert saves_on_host(site, tickets[0]) == 4  # every entry once: nothing lost, nothing doubled
        with site.db.read() as session:
            assert session.execute(text("SELECT count(*) FROM workpiece_photo")).scalar() == 1
        assert backend.sign(SESSION, tickets[0], TASK, DEMO_PIN, STROKES).state == "signed"
    finally:
        backend.close()


def test_a_station_crash_keeps_the_outbox_and_a_replay_is_applied_once(wifi):
    site, clock, cable, station, tickets, folder = wifi
    first = station()
    first.login("KW0103", DEMO_PIN)
    first.task(SESSION, TASK)
    cable.unplug()
    first.save(SESSION, tickets[2], TASK, marks(1))
    first.save(SESSION, tickets[2], TASK, marks(2))
    first._stop.set()  # the station dies: no log-out, nothing more is sent
    first._wake.set()
    first._worker.join()
    first.client.close()
    outbox_file = folder / "KW0103.outbox"
    with open(outbox_file, "ab") as handle:
        handle.write(b'{"seq":3,"op":"save","bo')  # the power went in the middle of a write
    cable.plug()

    second = station()
    try:
        second.login("KW0103", DEMO_PIN)  # the outbox is sent at log-in
        assert second.pending() == 0
        assert host_sheet(site, clock, "KW0103", tickets[2]).entries == marks(2)
        assert saves_on_host(site, tickets[2]) == 2
        # an acknowledgement lost in a crash: the host's replay mark keeps the save from applying twice
        lines = [line for line in outbox_file.read_text().splitlines() if '"ack"' not in line]
        outbox_file.write_text("\n".join(lines) + "\n")
        assert len(Outbox.open(folder, "KW0103").pending()) == 2
        second.logout()
        second.login("KW0103", DEMO_PIN)
        assert second.pending() == 0 and saves_on_host(site, tickets[2]) == 2
        outbox_id = json.loads(outbox_file.read_text().splitlines()[0])["outbox"]
        assert second.client.applied(outbox_id) == 2
    finally:
        second.close()
