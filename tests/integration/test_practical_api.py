"""The practical API against the real LAN server on loopback: independence, staff tokens, PIN locks."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from support.lan import enrolled_client

from app.client.http import LanClient, LanRefused
from app.client.practical import PracticalClient
from app.lan.server import LanServer
from app.persistence import repositories
from app.security import FAST_FOR_TESTS
from app.services.scoring import verify_sheets
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_PIN, create_demo_site
from drivers.imaging import encode_jpeg

SESSION, TASK = "PR1", "T2"
STROKES = [[[0, 0, 0, 0.5], [12.5, 4, 16, 0.62], [20, 9, 33, 0.7]]]
EXAMINERS = ("KW0101", "KW0102", "KW0103")
PATH_NAMES = {"session_code", "ticket_no", "task_code", "outbox_id"}


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
def api(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    site = demo.site
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, _, es, _ in repositories.roster(session, plan.id) if es.code == SESSION]
    clock = Clock(host_time(start))
    with serving(site, clock) as base_url:
        stations = {no: PracticalClient(enrolled_client(site, base_url, "station", name=f"station {no}", clock=clock))
                    for no in EXAMINERS}
        try:
            yield site, base_url, stations, tickets
        finally:
            for station in stations.values():
                station.close()
    site.close()


def host_time(start):
    """The test server's clock: an hour into the session (the session is today in Beijing)."""
    return start + timedelta(hours=1)


def refused(call, status: int) -> LanRefused:
    with pytest.raises(LanRefused) as caught:
        call()
    assert caught.value.status == status, caught.value.message
    return caught.value


def practical_routes(base_url: str) -> list[tuple[str, str]]:
    client = LanClient(base_url)
    try:
        paths = client.get("/openapi.json")["paths"]
    finally:
        client.close()
    return [(method.upper(), path) for path, methods in paths.items() if path.startswith("/api/v1/practical")
            for method in methods]


def test_an_examiner_scores_and_signs_over_the_lan(api):
    site, base_url, stations, tickets = api
    a = stations["KW0101"]
    me = a.login("KW0101", DEMO_PIN)
    assert (me["staff_no"], me["role"], me["key_fingerprint"]) == ("KW0101", "examiner", None)
    cards = a.candidates()
    assert sorted(c["ticket_no"] for c in cards) == sorted(tickets) and "photo_jpeg" not in cards[0]
    assert a.photo(cards[0]["ticket_no"])[:4] == b"\x89PNG"
    task = a.task(SESSION, TASK)
    assert [i["code"] for i in task["items"]] == ["T2-01", "T2-02", "T2-03", "T2-04", "T2-05"]
    assert a.sheet(SESSION, tickets[0], TASK)["state"] == "none"
    saved = a.save(SESSION, tickets[0], TASK, marks(8, "1"), note="少一处接地标识", outbox_id="station-a-1", seq=1)
    assert (saved["state"], saved["total"], saved["note"]) == ("draft", "17", "少一处接地标识")
    assert a.applied("station-a-1") == 1
    sha = a.add_photo(SESSION, tickets[0], TASK, encode_jpeg(__import__("numpy").zeros((32, 32, 3), "uint8")))
    assert re.fullmatch(r"[0-9a-f]{64}", sha)
    signed = a.sign(SESSION, tickets[0], TASK, DEMO_PIN, STROKES)
    assert signed["state"] == "signed" and signed["signed_at"]
    assert a.me()["key_fingerprint"].startswith("SHA256:")
    assert a.result(SESSION, tickets[0], TASK) | {"sheets": None} == {
        "ticket_no": tickets[0], "task_code": TASK, "signed": 1, "required": 3, "complete": False,
        "flagged": False, "final": None, "sheets": None}
    refused(lambda: a.sign(SESSION, tickets[0], TASK, DEMO_PIN, STROKES), 409)
    assert refused(lambda: a.save(SESSION, tickets[0], TASK, {"T2-01": "11"}), 400).code == "out_of_bounds"


def test_examiner_a_can_neither_read_b_marks_before_all_signed_nor_change_them(api):
    site, base_url, stations, tickets = api
    a, b, c = (stations[no] for no in EXAMINERS)
    for no in EXAMINERS:
        stations[no].login(no, DEMO_PIN)
    ticket = tickets[1]
    b.save(SESSION, ticket, TASK, marks(3), note="B 的备注", outbox_id="station-b-1", seq=1)
    b.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    b_sheet = b.sheet(SESSION, ticket, TASK)

    # every route, with A's token, on B's candidate and task: never B's marks or note
    seen = [a.sheet(SESSION, ticket, TASK), a.result(SESSION, ticket, TASK), a.candidates(), a.task(SESSION, TASK)]
    assert "B 的备注" not in repr(seen) and b_sheet["entries"] != seen[0]["entries"] == {}
    assert seen[1]["sheets"] == [] and seen[1]["signed"] == 1
    refused(lambda: a.applied("station-b-1"), 403)
    refused(lambda: a.save(SESSION, ticket, TASK, marks(9), outbox_id="station-b-1", seq=2), 403)
    refused(lambda: a.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES), 409)  # A has no draft; B's is not A's
    mine = a.save(SESSION, ticket, TASK, marks(10))
    assert (mine["version"], mine["total"]) == (1, "20")
    assert b.sheet(SESSION, ticket, TASK) == b_sheet  # A's save made A's own sheet, B's is untouched
    # B's staff token on A's station is refused: a log-in belongs to the station it was made on
    stolen = PracticalClient(a.lan, staff_token=b.staff_token)
    assert refused(stolen.me, 403).code == "login"

    a.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    c.save(SESSION, ticket, TASK, marks(0, "4"))
    c.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    done = a.result(SESSION, ticket, TASK)  # now everyone reads every signed sheet ...
    assert done["complete"] and done["flagged"] and sorted(s["total"] for s in done["sheets"]) == ["13", "20", "6"]
    corrected = a.save(SESSION, ticket, TASK, marks(3), reason="复核后更正")
    assert corrected["version"] == 2  # ... but a save still only ever touches the caller's own sheet
    assert b.sheet(SESSION, ticket, TASK) == b_sheet
    assert verify_sheets(site) is None
    # no practical route has a path parameter that could name another examiner
    for _, path in practical_routes(base_url):
        assert set(re.findall(r"{(\w+)}", path)) <= PATH_NAMES, path


def test_a_station_token_without_a_staff_token_gets_nothing(api):
    site, base_url, stations, tickets = api
    a = stations["KW0101"]
    a.login("KW0101", DEMO_PIN)
    a.save(SESSION, tickets[0], TASK, marks(5))
    anonymous = PracticalClient(a.lan)  # the same enrolled station, no staff log-in
    nobody = LanClient(base_url)  # not even a device token
    values = {"session_code": SESSION, "ticket_no": tickets[0], "task_code": TASK, "outbox_id": "station-a-1"}
    bodies = {"PUT": {"entries": marks(1)}, "POST": {"pin": DEMO_PIN, "strokes": STROKES, "jpeg": "/9j/"}}
    routes = [(m, p) for m, p in practical_routes(base_url) if not p.endswith("/login")]
    assert len(routes) >= 10
    try:
        for method, path in routes:
            url = re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path)
            call = {"GET": anonymous.lan.get, "PUT": anonymous.lan.put, "POST": anonymous.lan.post}[method]
            args = (url,) if method == "GET" else (url, bodies[method])
            assert refused(lambda: call(*args), 403).code == "login", path
            call = {"GET": nobody.get, "PUT": nobody.put, "POST": nobody.post}[method]
            refused(lambda: call(*args), 401)
    finally:
        nobody.close()
    assert a.sheet(SESSION, tickets[0], TASK)["entries"] == marks(5)


def test_wrong_pins_lock_after_five(api):
    site, base_url, stations, tickets = api
    a, b = stations["KW0101"], stations["KW0102"]
    for _ in range(4):
        assert refused(lambda: a.login("KW0101", "000000"), 403).code == "login_failed"
    locked = refused(lambda: a.login("KW0101", "000000"), 403)
    assert "locked" in locked.message or "锁" in locked.message
    refused(lambda: a.login("KW0101", DEMO_PIN), 403)  # the right PIN too, while locked
    # wrong PINs at signing count towards the same lock
    b.login("KW0102", DEMO_PIN)
    b.save(SESSION, tickets[0], TASK, marks(5))
    for _ in range(5):
        assert refused(lambda: b.sign(SESSION, tickets[0], TASK, "999999", STROKES), 400).code == "wrong_pin"
    assert refused(lambda: b.sign(SESSION, tickets[0], TASK, DEMO_PIN, STROKES), 400).code == "locked"
    assert b.sheet(SESSION, tickets[0], TASK)["state"] == "draft"


def test_a_candidate_terminal_cannot_log_an_examiner_in(api):
    site, base_url, stations, tickets = api
    with site.db.read() as session:
        start = repositories.session_by_code(session, repositories.current_plan(session).id, SESSION).starts_at
    terminal = PracticalClient(enrolled_client(site, base_url, "terminal", "R01", clock=Clock(host_time(start))))
    try:
        assert refused(lambda: terminal.login("KW0101", DEMO_PIN), 403).code == "wrong_device"
    finally:
        terminal.close()
