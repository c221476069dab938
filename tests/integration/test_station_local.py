"""The examiner station on the site host: LocalStationBackend over the real services and database."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import text

from app.errors import PermissionDenied
from app.persistence import repositories
from app.practical.rules import ScoringRefused
from app.security import FAST_FOR_TESTS
from app.services.auth import LoginFailed
from app.services.scoring import verify_sheets
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DEMO_PIN, create_demo_site
from app.station.local import LocalStationBackend, StationService
from drivers.imaging import encode_jpeg

SESSION, TASK = "PR1", "T2"
STROKES = [[[0, 0, 0, 0.5], [12.5, 4, 16, 0.62], [20, 9, 33, 0.7]]]
EXAMINERS = ("KW0101", "KW0102", "KW0103")


def marks(first: int, second: int = 5, third: int = 5, deducted: str = "0") -> dict[str, str]:
    return {"T2-01": str(first), "T2-02": str(second), "T2-03": str(third), "T2-04": deducted, "T2-05": "0"}


@pytest.fixture
def station_site(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
        tickets = [c.ticket_no for c, _, es, _ in repositories.roster(session, plan.id) if es.code == SESSION]
    clock = Clock(start + timedelta(hours=1))
    yield demo.site, clock, tickets
    demo.site.close()


def station(site, clock, staff_no):
    backend = LocalStationBackend(site, clock, key_params=FAST_FOR_TESTS)
    backend.login(staff_no, DEMO_PIN)
    return backend


def test_an_examiner_sees_their_candidates_in_order_with_photo_and_rubric(station_site):
    site, clock, tickets = station_site
    backend = LocalStationBackend(site, clock, key_params=FAST_FOR_TESTS)
    with pytest.raises(PermissionDenied):
        backend.candidates()
    with pytest.raises(LoginFailed):
        backend.login("KW0101", "000000")
    me = backend.login("KW0101", DEMO_PIN)
    assert (me.staff_no, me.role, me.key_fingerprint) == ("KW0101", "examiner", None)
    cards = backend.candidates()
    assert sorted(card.ticket_no for card in cards) == sorted(tickets)
    assert [(c.room_code, int(c.seat_no)) for c in cards] == sorted((c.room_code, int(c.seat_no)) for c in cards)
    first = cards[0]
    assert first.session_code == SESSION and first.tasks == ("T1", "T2", "T3") and first.name
    assert first.photo_jpeg[:4] == b"\x89PNG" and first.checked_in == "not_yet"
    assert first.my_state == {"T1": "none", "T2": "none", "T3": "none"}
    task = backend.task(SESSION, TASK)
    assert (task.max_score, task.time_limit_minutes, len(task.items)) == ("20", 45, 5)
    kinds = {item.code: (item.kind, item.max_points, item.step, item.quick_deductions) for item in task.items}
    assert kinds["T2-04"] == ("deduction", "4", "0.5", ("0.5", "1", "2"))
    assert kinds["T2-05"] == ("veto", "1", "1", ())
    backend.logout()
    with pytest.raises(PermissionDenied):
        backend.task(SESSION, TASK)


def test_save_sign_and_result_through_the_station(station_site):
    site, clock, tickets = station_site
    a, b, c = (station(site, clock, no) for no in EXAMINERS)
    ticket = tickets[0]
    assert a.sheet(SESSION, ticket, TASK).state == "none"
    draft = a.save(SESSION, ticket, TASK, {"T2-01": "8"}, note="  接线端子松动一处 ")
    assert (draft.state, draft.version, draft.total, draft.note) == ("draft", 1, "8", "接线端子松动一处")
    draft = a.save(SESSION, ticket, TASK, marks(8, deducted="0.5"), note="接线端子松动一处")
    assert draft.total == "17.5" and draft.entries["T2-04"] == "0.5"
    assert next(card for card in a.candidates() if card.ticket_no == ticket).my_state["T2"] == "draft"
    b.save(SESSION, ticket, TASK, {"T2-01": "8"})
    with pytest.raises(ScoringRefused) as refused:
        b.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert refused.value.code == "incomplete"
    signed = a.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert signed.state == "signed" and signed.signed_at == clock() and signed.note == "接线端子松动一处"
    assert a.login("KW0101", DEMO_PIN).key_fingerprint.startswith("SHA256:")
    assert b.sheet(SESSION, ticket, TASK).entries == {"T2-01": "8"}  # B sees only B's own draft
    waiting = b.result(SESSION, ticket, TASK)
    assert (waiting.signed, waiting.required, waiting.complete, waiting.sheets) == (1, 3, False, ())
    b.save(SESSION, ticket, TASK, marks(7))
    b.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    c.save(SESSION, ticket, TASK, marks(9))
    c.sign(SESSION, ticket, TASK, DEMO_PIN, STROKES)
    done = a.result(SESSION, ticket, TASK)
    assert done.complete and not done.flagged and done.final == "17.83"
    assert sorted(s.total for s in done.sheets) == ["17", "17.5", "19"]
    with pytest.raises(ScoringRefused, match="needs a reason"):
        a.save(SESSION, ticket, TASK, marks(9))
    corrected = a.save(SESSION, ticket, TASK, marks(9), reason="复核：T2-01 漏计一分")
    assert (corrected.version, corrected.state, corrected.reason) == (2, "draft", "复核：T2-01 漏计一分")
    assert verify_sheets(site) is None


def test_a_replayed_save_is_applied_once(station_site):
    site, clock, tickets = station_site
    service = StationService(site, clock, FAST_FOR_TESTS)
    a, b = (station(site, clock, no).actor for no in EXAMINERS[:2])
    ticket = tickets[1]
    service.save(a, SESSION, ticket, TASK, marks(6), replay=("outbox-a", 1))
    service.save(a, SESSION, ticket, TASK, marks(7), replay=("outbox-a", 2))
    again = service.save(a, SESSION, ticket, TASK, marks(6), replay=("outbox-a", 1))
    assert again.entries["T2-01"] == "7" and service.applied(a, "outbox-a") == 2
    service.sign(a, SESSION, ticket, TASK, DEMO_PIN, STROKES)
    assert service.save(a, SESSION, ticket, TASK, marks(7), replay=("outbox-a", 2)).state == "signed"
    with pytest.raises(PermissionDenied):
        service.save(b, SESSION, ticket, TASK, marks(1), replay=("outbox-a", 3))
    with pytest.raises(PermissionDenied):
        service.applied(b, "outbox-a")
    with site.db.read() as session:
        saves = session.execute(text("SELECT count(*) FROM audit_event WHERE action = 'scoring.draft_saved'"))
        assert saves.scalar() == 2


def test_workpiece_photos_are_sealed_and_only_for_the_examiner(station_site):
    site, clock, tickets = station_site
    a = station(site, clock, "KW0101")
    jpeg = encode_jpeg(np.full((48, 64, 3), (40, 120, 200), np.uint8))
    with pytest.raises(Exception, match="JPEG"):
        a.add_photo(SESSION, tickets[0], TASK, b"\x89PNG not a jpeg")
    a.add_photo(SESSION, tickets[0], TASK, jpeg)
    a.add_photo(SESSION, tickets[0], TASK, jpeg)
    assert a.service.photos(a.actor, SESSION, tickets[0], TASK) == [jpeg]
    assert a.service.photos(station(site, clock, "KW0102").actor, SESSION, tickets[0], TASK) == []
    with site.db.read() as session:
        stored = session.execute(text("SELECT photo_sealed FROM workpiece_photo")).scalars().all()
    assert len(stored) == 1 and jpeg[16:64] not in bytes(stored[0])
