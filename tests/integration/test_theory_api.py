"""The theory LAN API against a real uvicorn server on loopback: isolation, no keys, throttling,
revisions, long-polled events."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from app.client.http import LanRefused
from app.domain.roles import Role
from app.persistence import repositories
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.services.overview import OverviewService
from app.services.theory import TheoryService
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DEMO_STAFF_PASSWORD, create_demo_site
from support.lan import enrolled_client, running_lan

SESSION = "TH1"
P = "/api/v1/theory"
H = "X-Candidate-Token"
FORBIDDEN_FIELDS = {"correct", "answer", "answer_key", "answer_key_sealed", "key_sealed", "solution"}


@pytest.fixture
def room(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=6)
    site = demo.site
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, s, es, r in repositories.roster(session, plan.id)
                   if es.code == SESSION and r.code == "R01"]
    clock = ManualClock(start - timedelta(minutes=5))
    auth = AuthService(site)
    proctor = auth.login("KW0003", DEMO_STAFF_PASSWORD, Role.PROCTOR)
    admin = auth.login("admin", "demo-admin", Role.ADMIN)
    last6 = {t: OverviewService(site).reveal_id_number(admin, t, "test")[-6:] for t in tickets}
    for ticket in tickets[:2]:
        CheckinService(site, clock).decide(proctor, SESSION, ticket, Decision.CONFIRMED, Evidence(
            method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.3, face_same=True))
    console = TheoryService(site, clock)  # the proctor's console: another service than the host's
    with running_lan(site, clock=clock) as base_url:
        terminals = [enrolled_client(site, base_url, "terminal", "R01", name=f"T{n}", clock=clock)
                     for n in range(3)]
        yield demo, clock, console, proctor, tickets, last6, terminals
        for client in terminals:
            client.close()
    site.close()


def _fields(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | set().union(*(_fields(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_fields(v) for v in value)) if value else set()
    return set()


def _login(client, ticket, last6):
    answer = client.post(f"{P}/login", {"ticket_no": ticket, "id_last6": last6})
    return {H: answer["token"]}, answer


def test_a_candidate_token_reaches_only_its_own_sitting_and_no_key_ever_leaves(room):
    demo, clock, console, proctor, tickets, last6, (t0, t1, t2) = room
    a, b = tickets[:2]
    ha, login_a = _login(t0, a, last6[a])
    hb, _ = _login(t1, b, last6[b])
    assert login_a["phase"] == "waiting" and login_a["candidate"]["ticket_no"] == a
    clock.now += timedelta(minutes=5)
    console.start_room(proctor, SESSION, "R01", demo.exam_password)
    paper = t0.get(f"{P}/paper", headers=ha)
    item = paper["items"][0]
    saved = t0.put(f"{P}/answers", {"saves": [{"item_code": item["code"], "response": [item["choices"][0]["key"]],
                                               "flagged": False, "revision": 1}]}, headers=ha)
    assert saved["results"] == [{"revision": 1, "status": "stored"}]
    # B sees only B; A's token is refused on B's terminal and on a third one
    assert t1.get(f"{P}/state", headers=hb)["answers"] == {}
    for client in (t1, t2):
        with pytest.raises(LanRefused) as refused:
            client.get(f"{P}/state", headers=ha)
        assert refused.value.status == 403
        with pytest.raises(LanRefused):
            client.put(f"{P}/answers", {"saves": [{"item_code": item["code"], "response": [], "revision": 5}]},
                       headers=ha)
    with pytest.raises(LanRefused) as refused:
        t0.get(f"{P}/state")
    assert refused.value.status == 403
    with pytest.raises(LanRefused) as refused:
        t0.get(f"{P}/state", headers={H: "forged"})
    assert refused.value.status == 403
    # nothing any route answers carries a key
    clock.now += timedelta(minutes=31)
    answers = [paper, t0.get(f"{P}/state", headers=ha), t0.get(f"{P}/me", headers=ha),
               t0.post(f"{P}/submit", {"saves": []}, headers=ha), t0.get(f"{P}/receipt", headers=ha),
               t0.get(f"{P}/events", params={"after": 0, "wait": 0}, headers=ha),
               t0.post(f"{P}/heartbeat", {"reports": [{"kind": "focus_lost"}]}, headers=ha)]
    for answer in answers:
        assert not (_fields(answer) & FORBIDDEN_FIELDS), answer
    assert set(item) == {"code", "number", "kind", "stem", "points", "choices"}
    assert all(set(choice) == {"key", "label", "text"} for i in paper["items"] for choice in i["choices"])
    assert t1.get(f"{P}/state", headers=hb)["answers"] == {}
    # a new log-in on another terminal supersedes the old one (换机续考)
    hb2, _ = _login(t2, b, last6[b])
    with pytest.raises(LanRefused) as refused:
        t1.get(f"{P}/state", headers=hb)
    assert refused.value.status == 403
    assert t2.get(f"{P}/state", headers=hb2)["phase"] == "running"


def test_login_guessing_is_throttled(room):
    demo, clock, console, proctor, tickets, last6, (t0, t1, t2) = room
    ticket = tickets[0]
    for _ in range(5):
        with pytest.raises(LanRefused) as refused:
            t0.post(f"{P}/login", {"ticket_no": ticket, "id_last6": "000000"})
        assert refused.value.status == 403 and refused.value.code == "login_failed"
    with pytest.raises(LanRefused) as refused:
        t1.post(f"{P}/login", {"ticket_no": ticket, "id_last6": last6[ticket]})
    assert refused.value.status == 429
    with pytest.raises(LanRefused) as refused:
        t2.post(f"{P}/login", {"ticket_no": tickets[2], "id_last6": last6[tickets[2]]})
    assert refused.value.code == "not_checked_in" and refused.value.status == 409


def test_stale_revisions_do_not_overwrite(room):
    demo, clock, console, proctor, tickets, last6, (t0, _, _) = room
    headers, _ = _login(t0, tickets[0], last6[tickets[0]])
    clock.now += timedelta(minutes=5)
    console.start_room(proctor, SESSION, "R01", demo.exam_password)
    item = t0.get(f"{P}/paper", headers=headers)["items"][0]
    first, second = item["choices"][0]["key"], item["choices"][1]["key"]

    def save(key, revision):
        return t0.put(f"{P}/answers", {"saves": [{"item_code": item["code"], "response": [key], "flagged": False,
                                                  "revision": revision}]}, headers=headers)

    assert save(second, 7)["results"][0]["status"] == "stored"
    assert save(first, 6)["results"][0]["status"] == "stale"  # arrived late
    assert save(second, 7)["results"][0]["status"] == "stale"  # replayed
    state = t0.get(f"{P}/state", headers=headers)
    assert state["answers"][item["code"]] == {"response": [second], "flagged": False, "revision": 7}
    assert state["last_revision"] == 7
    with pytest.raises(LanRefused) as refused:
        save("Z", 8)
    assert refused.value.status == 400 and refused.value.code == "bad_save"


def test_room_events_reach_a_waiting_terminal_within_two_seconds(room):
    demo, clock, console, proctor, tickets, last6, (t0, _, _) = room
    headers, _ = _login(t0, tickets[0], last6[tickets[0]])
    after = t0.get(f"{P}/state", headers=headers)["event_seq"]
    got = {}

    def poll():
        got["answer"] = t0.get(f"{P}/events", params={"after": after, "wait": 10}, headers=headers,
                               timeout=15)
        got["at"] = time.monotonic()

    waiter = threading.Thread(target=poll)
    waiter.start()
    started = {}

    def start():
        console.start_room(proctor, SESSION, "R01", demo.exam_password)
        started["at"] = time.monotonic()

    starter = threading.Timer(0.5, start)  # the terminal is waiting by then
    starter.start()
    starter.join(10)
    waiter.join(10)
    assert [e["kind"] for e in got["answer"]["events"]] == ["started"]
    assert got["at"] - started["at"] < 2.0
    assert got["answer"]["last_seq"] == got["answer"]["events"][-1]["seq"]
    # nothing new: the poll answers empty after its wait
    empty = t0.get(f"{P}/events", params={"after": got["answer"]["last_seq"], "wait": 1},
                  headers=headers, timeout=10)
    assert empty["events"] == [] and empty["last_seq"] == got["answer"]["last_seq"]
