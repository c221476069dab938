"""rooms_due: what must be recording, as a pure function of the plan, the clock and the operator controls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.services.recording import Control, SessionWindow, rooms_due

START = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
END = START + timedelta(hours=2)
WINDOW = SessionWindow("P1", "TH1", START, END, ("R01", "R02"), preroll_minutes=15)


def due_rooms(now, controls=(), windows=(WINDOW,)):
    return [(d.session, d.room, d.started_by) for d in rooms_due(windows, controls, now)]


def test_recording_starts_at_the_preroll_and_not_a_second_earlier():
    assert due_rooms(START - timedelta(minutes=15, seconds=1)) == []
    assert due_rooms(START - timedelta(minutes=15)) == [("TH1", "R01", "schedule"), ("TH1", "R02", "schedule")]
    assert rooms_due([WINDOW], [], START)[0].since == START - timedelta(minutes=15)


def test_the_preroll_is_a_plan_rule():
    window = SessionWindow("P1", "TH1", START, END, ("R01",), preroll_minutes=30)
    assert due_rooms(START - timedelta(minutes=29), windows=(window,)) == [("TH1", "R01", "schedule")]
    assert due_rooms(START - timedelta(minutes=31), windows=(window,)) == []


def test_recording_goes_on_after_the_end_until_the_room_is_sealed():
    late = END + timedelta(hours=3)
    assert due_rooms(late) == [("TH1", "R01", "schedule"), ("TH1", "R02", "schedule")]
    seal = Control("P1", "TH1", "R01", "seal", "p1", END + timedelta(minutes=10))
    assert due_rooms(late, [seal]) == [("TH1", "R02", "schedule")]
    assert due_rooms(END + timedelta(minutes=9), [seal]) == [("TH1", "R01", "schedule"), ("TH1", "R02", "schedule")]


def test_a_sealed_session_records_nothing():
    sealed = SessionWindow("P1", "TH1", START, END, ("R01",), state="sealed")
    assert due_rooms(START, windows=(sealed,)) == []


def test_a_manual_stop_holds_until_a_manual_start():
    stop = Control("P1", "TH1", "R02", "stop", "chief", START + timedelta(minutes=5), "camera replaced")
    start = Control("P1", "TH1", "R02", "start", "p2", START + timedelta(minutes=7))
    assert due_rooms(START + timedelta(minutes=6), [stop]) == [("TH1", "R01", "schedule")]
    after = rooms_due([WINDOW], [stop, start], START + timedelta(minutes=8))
    assert [(d.room, d.started_by, d.since) for d in after] == [
        ("R01", "schedule", START - timedelta(minutes=15)), ("R02", "p2", start.at)]


def test_controls_of_other_sessions_and_plans_do_not_apply():
    other = [Control("P1", "TH2", "R01", "seal", "p1", START), Control("P2", "TH1", "R01", "stop", "c", START)]
    assert due_rooms(START + timedelta(minutes=1), other) == [("TH1", "R01", "schedule"), ("TH1", "R02", "schedule")]


def test_a_control_in_the_future_of_the_clock_does_not_apply_yet():
    seal = Control("P1", "TH1", "R01", "seal", "p1", END + timedelta(minutes=10))
    assert ("TH1", "R01", "schedule") in due_rooms(END, [seal])
