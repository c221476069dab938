"""Acceptance: kill -9 of the site host during a session of 100 terminals, then a restart on the
same home: no acknowledged answer is lost and every terminal carries on and submits."""

from __future__ import annotations

import pytest

from app.bench.lan import ServerProcess, prepare
from app.persistence import repositories
from app.simulation.terminals import Fleet, held_answers, lost_saves

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

TERMINALS = 100


def allow_submission_from_the_start(site) -> None:
    """The sample plan lets candidates submit after 30 minutes; this session allows it at once."""
    with site.db.transaction() as tx:
        plan = repositories.current_plan(tx)
        plan.rules = {**plan.rules, "earliest_submit_minutes": 0}


def test_kill_9_of_the_host_loses_no_acknowledged_answer(tmp_path, database_url):
    root = tmp_path / "site"
    demo, server, fleet = prepare(root, database_url, TERMINALS, report=lambda line: None)
    allow_submission_from_the_start(demo.site)
    restarted = None
    acknowledged = lambda: sum(len(t.acknowledged) for t in fleet)  # noqa: E731
    failures = lambda: sum(t.failures for t in fleet)  # noqa: E731
    saves = lambda: sum(len(t.latencies) for t in fleet)  # noqa: E731
    try:
        runner = Fleet(fleet, interval=0.5)
        runner.start()
        try:
            runner.until(lambda: acknowledged() >= 3 * TERMINALS, 120)
            server.kill()  # SIGKILL mid-session: requests in flight, transactions open
            failed = failures()
            runner.until(lambda: failures() >= failed + TERMINALS, 60)  # the terminals carry on without it
            restarted = ServerProcess(root, port=server.port)
            before = saves()
            runner.until(lambda: saves() >= before + 3 * TERMINALS, 120)
        finally:
            runner.stop()
        for terminal in fleet:
            terminal.send_pending()
            assert terminal.pending == [], f"{terminal.ticket_no} could not deliver its saves after the restart"
        receipts = [terminal.submit() for terminal in fleet]
        assert all(r["how"] == "candidate" for r in receipts)
    finally:
        for terminal in fleet:
            terminal.close()
        server.kill()
        if restarted is not None:
            restarted.stop()
    held = held_answers(demo.site, "TH1", [t.ticket_no for t in fleet])
    demo.site.close()
    assert sum(lost_saves(t, held[t.ticket_no]) for t in fleet) == 0
    assert all(len(t.acknowledged) >= 1 for t in fleet)
    for terminal, receipt in zip(fleet, receipts):
        assert receipt["answered"] == len([i for i in held[terminal.ticket_no].values() if i["response"]])
