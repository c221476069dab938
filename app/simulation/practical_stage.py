"""The practical stage of the simulated exam day: three examiners score room R01 on their stations.

Real services, the real LAN API on loopback (uvicorn, enrolment, staff log-ins) and the real
station backend with its durable outbox; simulated examiners with simulated handwriting. Each
examiner enrols a station, logs in with their PIN and scores every candidate of the sample on
task T2, signing each sheet (the key is unlocked on the host, production scrypt). One examiner
marks the safety veto for a candidate the others scored well: the spread is over the threshold
and the examiner lead resolves it with a signed reason. Another examiner corrects a signed sheet
with a reason and signs again. The supervisor countersigns the room. At the end every signature
verifies; then a copy of the database is edited with plain SQL (a signed total raised) and the
checks `examsite verify` runs must name that sheet.
"""

from __future__ import annotations

import math
import random
import shutil
import sqlite3
import statistics
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app.client.http import LanClient, enrol
from app.domain.roles import Role
from app.i18n import tr
from app.lan.server import LanServer
from app.persistence import repositories
from app.services.auth import AuthService
from app.services.lan_access import LanAccess
from app.services.home import SiteHome
from app.services.scoring import ScoringService, verify_sheets
from app.services.site import ADMIN_STAFF_NO, open_site, verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_PIN, DemoSite
from app.station.remote import LanStationBackend

SESSION, TASK, ROOM = "PR1", "T2", "R01"
SCORED = 6  # candidates of room R01 scored by all three examiners
EXAMINERS = ("KW0101", "KW0102", "KW0103")
LEAD, SUPERVISOR = "KW0100", "KW0200"
COPY = "tampered-copy"


class CheckFailed(Exception):
    """Something the stage expected did not happen."""


def run(demo: DemoSite, root: Path) -> str:
    site = demo.site
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
    clock = Clock(start + timedelta(minutes=50))
    admin = AuthService(site, clock).login(ADMIN_STAFF_NO, demo.credentials[ADMIN_STAFF_NO][1], Role.ADMIN)
    server = LanServer(site, clock=clock)
    base_url = server.start()
    stations: dict[str, LanStationBackend] = {}
    try:
        for staff_no in EXAMINERS:
            code = LanAccess(site, clock).issue_code(admin, "station", ROOM)
            enrolment = enrol(base_url, code, f"评分终端 {ROOM}-{staff_no}")
            lan = LanClient(enrolment.base_url, device_token=enrolment.token, timeout=30.0)
            stations[staff_no] = LanStationBackend(lan, root / "stations" / staff_no)
            stations[staff_no].login(staff_no, DEMO_PIN)
        summary = _score_the_room(demo, clock, stations)
    finally:
        for station in stations.values():
            station.close()
        server.stop()
    return summary + "; " + _tampered_copy(site, root)


def _score_the_room(demo: DemoSite, clock: Clock, stations: dict[str, LanStationBackend]) -> str:
    site = demo.site
    first = stations[EXAMINERS[0]]
    cards = [c for c in first.candidates() if c.session_code == SESSION and c.room_code == ROOM][:SCORED]
    if len(cards) < 3:
        raise CheckFailed(f"room {ROOM} has only {len(cards)} candidates to score")
    rng = random.Random(11)
    disputed, corrected = cards[0].ticket_no, cards[1].ticket_no
    signing: list[float] = []
    for number, card in enumerate(cards):
        ability = rng.randint(13, 19)
        for index, staff_no in enumerate(EXAMINERS):
            station = stations[staff_no]
            station.task(SESSION, TASK)
            clock.now += timedelta(seconds=40)
            veto = card.ticket_no == disputed and index == 2
            marks = _marks(ability + rng.choice((-1, 0, 0, 1)), rng.choice(("0", "0", "0.5", "1")), veto)
            station.save(SESSION, card.ticket_no, TASK, marks, note="带电操作，判否决" if veto else "")
            began = time.perf_counter()
            signed = station.sign(SESSION, card.ticket_no, TASK, DEMO_PIN, _handwriting(number * 3 + index))
            signing.append(time.perf_counter() - began)
            if signed.state != "signed":
                raise CheckFailed(f"{staff_no}'s sheet for {card.ticket_no} is not signed")
    correction = _correct(stations[EXAMINERS[0]], corrected)
    auth = AuthService(site, clock)
    lead = auth.login(LEAD, DEMO_PIN, Role.EXAMINER_LEAD)
    scoring = ScoringService(site, clock)
    flagged = [c.ticket_no for c in cards if scoring.result(lead, SESSION, c.ticket_no, TASK).final is None]
    if flagged != [disputed]:
        raise CheckFailed(f"expected only {disputed} to wait for the examiner lead, got {flagged}")
    before = scoring.result(lead, SESSION, disputed, TASK)
    others = [s.total for s in before.sheets if s.total > 0]
    decided = (sum(others) / len(others)).quantize(Decimal("0.01"))
    clock.now += timedelta(minutes=5)
    scoring.resolve(lead, SESSION, disputed, TASK, decided, "组长复核现场录像：未见带电操作，否决项不成立，取另两位考评员均分",
                    DEMO_PIN, _handwriting(900))
    supervisor = auth.login(SUPERVISOR, demo.credentials[SUPERVISOR][1], Role.SUPERVISOR)
    clock.now += timedelta(minutes=5)
    countersigned = scoring.countersign_room(supervisor, SESSION, ROOM, demo.credentials[SUPERVISOR][1],
                                             _handwriting(901))
    finals = [scoring.result(lead, SESSION, c.ticket_no, TASK).final for c in cards]
    if any(final is None for final in finals):
        raise CheckFailed("a scored candidate has no final score")
    problem = verify_sheets(site)
    if problem is not None:
        raise CheckFailed(problem)
    if not verify_audit(site).ok:
        raise CheckFailed("the audit chain does not verify after scoring")
    return tr("{count} candidates scored by 3 examiners on LAN stations and signed (median {ms} ms a signature); "
              "a disagreement of {spread} points resolved by the examiner lead at {score}; {correction}; "
              "room {room} countersigned over {signed} signatures; every signature verifies",
              count=len(cards), ms=round(statistics.median(signing) * 1000), spread=before.combined.spread,
              score=decided, correction=correction, room=ROOM, signed=countersigned)


def _correct(station: LanStationBackend, ticket: str) -> str:
    old = station.sheet(SESSION, ticket, TASK)
    entries = dict(old.entries)
    entries["T2-04"] = "0" if entries["T2-04"] != "0" else "0.5"
    station.save(SESSION, ticket, TASK, entries, reason="复核评分记录：工艺扣分登记有误，予以更正")
    new = station.sign(SESSION, ticket, TASK, DEMO_PIN, _handwriting(800))
    if new.version != old.version + 1 or new.state != "signed":
        raise CheckFailed("the correction did not make a new signed version")
    return tr("one signed sheet corrected with a reason ({old} → {new}, version {version})",
              old=old.total, new=new.total, version=new.version)


def _tampered_copy(site, root: Path) -> str:
    """Raise one signed total with plain SQL in a copy of the site; the verify checks must name it."""
    if site.config.db_url is not None:  # only the embedded database is copied with the site folder
        return tr("the plain-SQL edit of a copy is checked with the embedded SQLite database only")
    copy = root / COPY
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=lambda folder, names: [COPY, "stations"] if Path(folder) == root else [])
    home = SiteHome(copy)
    with sqlite3.connect(home.embedded_db_path) as connection:
        sheet_id = connection.execute("SELECT min(id) FROM score_sheet WHERE state = 'signed'").fetchone()[0]
        connection.execute("UPDATE score_sheet SET total = '20' WHERE id = ?", (sheet_id,))
    connection.close()
    copied = open_site(home)
    try:
        if not verify_audit(copied).ok:
            raise CheckFailed("the copy's audit chain broke although only a score sheet was edited")
        problem = verify_sheets(copied)
    finally:
        copied.close()
    if problem is None or str(sheet_id) not in problem:
        raise CheckFailed(f"a plain-SQL edit of signed sheet {sheet_id} was not caught")
    return tr("a plain-SQL edit of a signed total in a copy is caught: {problem}", problem=problem)


def _marks(earned: int, deducted: str, veto: bool) -> dict[str, str]:
    earned = max(0, min(20, earned))
    first = min(earned, 10)
    second = min(earned - first, 5)
    return {"T2-01": str(first), "T2-02": str(second), "T2-03": str(earned - first - second),
            "T2-04": deducted, "T2-05": "1" if veto else "0"}


def _handwriting(seed: int) -> list[list[list[float]]]:
    """Two or three pen strokes of a quick signature, with timing and pressure."""
    local = random.Random(seed)
    strokes, t = [], 0.0
    for stroke in range(local.randint(2, 3)):
        points, x0 = [], 40 + stroke * 90
        for step in range(24):
            t += 12 + local.random() * 6
            points.append([round(x0 + step * 3.2, 1), round(60 + 25 * math.sin(step / 3 + seed), 1), round(t),
                           round(0.4 + 0.3 * local.random(), 2)])
        strokes.append(points)
        t += 150
    return strokes
