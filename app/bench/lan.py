"""`examsite bench lan`: N simulated terminals saving answers over real HTTP to a LAN server process.

1. A demo site with N theory candidates (SQLite in a temporary home, or `--db` PostgreSQL), the
   whole roster checked in, and `examsite lan serve` started on loopback as its own process.
2. N terminals enrolled through the real enrolment exchange; the chief proctor starts every
   room with the exam password; every candidate logs in on their terminal and loads the paper.
3. Each terminal saves one answer about every 2 s (a PUT of one save, timed from request to the
   host's acknowledgement, which it sends only after the commit) and sends a heartbeat every
   5 s. The terminals run as threads of this process, one keep-alive connection each: this
   machine's cores are shared by the host and the terminals. The first `warmup` seconds (default
   5) are not measured: the 300 terminal threads start within a fraction of a second and their
   first requests meet a host that has not yet served any; the measured S seconds that follow
   are the steady state of an exam room. Every save counts for the lost-save check.
4. The server is stopped; the database is read directly. A save is lost when the host
   acknowledged it and the database does not hold it (nor a newer revision of the item), or when
   it was never acknowledged.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.roles import Role
from app.errors import KnownError
from app.i18n import tr
from app.services.auth import AuthService
from app.services.theory import TheoryService
from app.simulation.demo_site import DEMO_PASSPHRASE, create_demo_site
from app.simulation.terminals import (Fleet, SimulatedTerminal, check_in_theory_roster, enrol_terminals, held_answers,
                                      lost_saves)

SESSION = "TH1"
START_TIMEOUT = 60.0
WARMUP_SECONDS = 5.0


@dataclass
class LanFigures:
    terminals: int
    seconds: float
    db: str
    saves: int
    saves_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    lost: int
    unreachable: int
    heartbeat_seconds: float
    interval_seconds: float
    warmup_seconds: float
    server_cpu_pct: float | None  # of one core, over the measured period (None where /proc is missing)
    terminals_cpu_pct: float  # this process: the N simulated terminals


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class ServerProcess:
    """`examsite lan serve --plain` on 127.0.0.1 as its own process; `url` once it listens."""

    def __init__(self, home: Path, port: int = 0) -> None:
        env = dict(os.environ, EXAMSITE_PASSPHRASE=DEMO_PASSPHRASE, EXAMSITE_LANG="en", PYTHONUNBUFFERED="1")
        self.home = home
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli.main", "--home", str(home), "lan", "serve", "--host", "127.0.0.1",
             "--port", str(port), "--plain"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.url = self._wait_for_url()

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        lines = []
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "http://" in line:
                return "http://" + line.split("http://", 1)[1].strip()
        self.kill()
        raise KnownError(tr("The LAN server process did not start: {output}", output="".join(lines)[-2000:]))

    def cpu_seconds(self) -> float | None:
        """User + system CPU of the server process so far (Linux /proc), None elsewhere."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush (the crash test)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def prepare(root: Path, db_url: str | None, terminals: int, report: Callable[[str], None]):
    """The site, the checked-in roster, the server process, enrolled terminals, started rooms,
    logged-in candidates with their papers. Returns (demo, server, simulated terminals)."""
    demo = create_demo_site(root, db_url, candidates=terminals)
    sitters = check_in_theory_roster(demo)
    report(f"site ready, {len(sitters)} candidates checked in ({demo.site.db.display_url})")
    server = ServerProcess(root)
    try:
        actors = {role: AuthService(demo.site).login(no, secret, role)
                  for no, (role, secret) in demo.credentials.items()}
        chief = actors[Role.CHIEF_PROCTOR]
        enrolments = enrol_terminals(demo.site, server.url, actors[Role.ADMIN], len(sitters))
        report(f"{len(enrolments)} terminals enrolled with {server.url}")
        for room in sorted({s.room_code for s in sitters}):
            TheoryService(demo.site).start_room(chief, SESSION, room, demo.exam_password)
        fleet = [SimulatedTerminal(enrolment, s.ticket_no, s.id_last6, seed=n)
                 for n, (enrolment, s) in enumerate(zip(enrolments, sitters))]
        for terminal in fleet:
            terminal.login()
            terminal.load_paper()
        report(f"{len(fleet)} candidates logged in, papers loaded")
    except BaseException:
        server.stop()
        demo.site.close()
        raise
    return demo, server, fleet


def run(terminals: int = 300, seconds: float = 30.0, db_url: str | None = None, interval: float = 2.0,
        warmup: float = WARMUP_SECONDS, report: Callable[[str], None] = lambda line: None) -> LanFigures:
    root = Path(tempfile.mkdtemp(prefix="examsite-bench-lan-"))
    try:
        demo, server, fleet = prepare(root, db_url, terminals, report)
        gc.collect()
        gc.freeze()  # the terminals' own collector pauses would be counted as the host's latency
        runner = Fleet(fleet, interval=interval)
        try:
            runner.start()
            runner.wait(warmup)  # every terminal under way: the measured period starts in the steady state
            counted = [len(terminal.latencies) for terminal in fleet]
            server_cpu, own_cpu = server.cpu_seconds(), _own_cpu()
            started = time.perf_counter()
            runner.wait(seconds)
            elapsed = time.perf_counter() - started
            server_after, own_cpu = server.cpu_seconds(), _own_cpu() - own_cpu
            runner.stop()
            measured = [(first, len(terminal.latencies)) for terminal, first in zip(fleet, counted)]
            server_cpu = None if server_cpu is None or server_after is None else server_after - server_cpu
            for terminal in fleet:  # a save the host could not answer in time is sent once more
                terminal.send_pending()
        finally:
            runner.stop()
            for terminal in fleet:
                terminal.close()
            server.stop()
            gc.unfreeze()
        try:
            held = held_answers(demo.site, SESSION, [t.ticket_no for t in fleet])
        finally:
            demo.site.close()
        lost = sum(lost_saves(t, held.get(t.ticket_no, {})) for t in fleet)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    latencies = [value * 1000 for t, (first, last) in zip(fleet, measured) for value in t.latencies[first:last]]
    report(f"{len(latencies)} saves acknowledged in {elapsed:.1f} s; {lost} lost")
    return LanFigures(terminals=len(fleet), seconds=round(elapsed, 1), db="postgresql" if db_url else "sqlite",
                      saves=len(latencies), saves_per_second=round(len(latencies) / elapsed, 1),
                      p50_ms=round(statistics.median(latencies), 1) if latencies else 0.0,
                      p95_ms=round(percentile(latencies, 0.95), 1), p99_ms=round(percentile(latencies, 0.99), 1),
                      max_ms=round(max(latencies, default=0.0), 1), lost=lost,
                      unreachable=sum(t.failures for t in fleet), heartbeat_seconds=5.0, interval_seconds=interval,
                      warmup_seconds=warmup,
                      server_cpu_pct=None if server_cpu is None else round(100 * server_cpu / elapsed, 1),
                      terminals_cpu_pct=round(100 * own_cpu / elapsed, 1))


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system
