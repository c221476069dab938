"""`examsite bench video --streams N --seconds S`: N 1080p RTSP cameras recorded at once by the recorder process.

A real clip (1080p25 H.264 made here with PyAV/libx264 at ~4 Mbit/s, GOP 2 s, like a camera's main
stream; cached under ~/.cache/examsite) is served over RTSP on 127.0.0.1 by aio-rtsp-toolkit, 4–6
streams per server process. A throwaway site gets N cameras; the recorder process — the same one
the site host supervises — records them all by stream copy. Once every stream is recording, its
CPU time is read from /proc/<pid>/stat over S seconds (the RTSP servers' CPU is read the same way and
reported, not counted). At the end the recorder is stopped cleanly, every session directory is
verified, and each segment's timestamps are checked for missing frames.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import KnownError
from app.i18n import tr
from app.simulation.demo_site import DEMO_PASSPHRASE, create_site
from app.video.channel import Assignment, camera_directory, write_desired
from app.video.manifest import verify_directory
from app.video.status import RECORDING, read_status, read_status_document
from app.video.supervisor import RecorderSupervisor

CLIP = dict(seconds=10, size=(1920, 1080), fps=25, bitrate=4_000_000, gop_seconds=2.0)
CLIP_NAME = "bench-1080p25-4mbit-gop2s.mp4"
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

_SERVER = """
import asyncio, os, sys
import aio_rtsp_toolkit.server as server

async def main():
    rtsp = server.RtspServer(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2]))
    await rtsp.start()
    print("READY", flush=True)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    await rtsp.serve_forever()

asyncio.run(main())
"""


@dataclass
class VideoFigures:
    streams: int
    seconds: float
    servers: int
    cpu_pct_per_stream: float  # recorder CPU, % of one core, per stream
    cpu_pct_total: float  # recorder CPU, % of the whole machine (all cores)
    cpu_pct_of_one_core: float  # recorder CPU, % of one core, all streams
    server_cpu_pct_of_one_core: float  # the RTSP servers, reported, not counted
    machine_busy_pct: float  # the whole machine over the window (others' work included)
    cores: int
    bytes_written: int
    mbit_per_stream: float
    segments: int
    lost_frames: int
    gaps: int
    verified: bool
    clip: str
    wall_tiles: int = 0  # --wall: a camera wall of every stream (key frames only) in its own process
    wall_cpu_pct_of_one_core: float = 0.0
    wall_pictures_per_tile_per_s: float = 0.0
    wall_lost_tiles: int = 0
    recording_and_wall_pct_total: float = 0.0  # recorder + wall, % of the whole machine


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def _machine() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values), idle


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_clip(report) -> Path:
    from drivers.recorder.clips import make_clip

    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "examsite"
    path = cache / CLIP_NAME
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        report(tr("Making the 1080p test clip once (about a minute)…"))
        make_clip(path.with_suffix(".part.mp4"), **CLIP)
        os.replace(path.with_suffix(".part.mp4"), path)
    return path


class RtspServers:
    """aio-rtsp-toolkit file servers in child processes, `per_server` streams each."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder, self.count = folder, count
        self.processes: list[subprocess.Popen] = []
        self.ports: list[int] = []

    def start(self, timeout: float = 20) -> RtspServers:
        for _ in range(self.count):
            port = _free_port()
            process = subprocess.Popen([sys.executable, "-c", _SERVER, str(self.folder), str(port)],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self.processes.append(process)
            self.ports.append(port)
            output, deadline = b"", time.monotonic() + timeout
            with selectors.DefaultSelector() as selector:
                selector.register(process.stdout, selectors.EVENT_READ)
                while b"READY\n" not in output and time.monotonic() < deadline:
                    if selector.select(deadline - time.monotonic()):
                        chunk = os.read(process.stdout.fileno(), 4096)
                        if not chunk:
                            break
                        output += chunk
            process.stdout.close()
            if b"READY\n" not in output:
                self.stop()
                raise KnownError(tr("The RTSP test server did not start."), code="bench")
        return self

    def url(self, index: int) -> str:
        return f"rtsp://127.0.0.1:{self.ports[index]}/{CLIP_NAME}?play_count=0"

    def stop(self) -> None:
        for process in self.processes:
            process.kill()
            process.wait(10)
        self.processes = []


def run(streams: int = 16, seconds: float = 30, per_server: int = 5, report=lambda line: None,
        keep: Path | None = None, wall: bool = False) -> VideoFigures:
    if importlib.util.find_spec("aio_rtsp_toolkit") is None:
        raise KnownError(tr("The video bench needs the RTSP test server: pip install aio-rtsp-toolkit."), code="bench")
    clip = bench_clip(report)
    work = Path(tempfile.mkdtemp(prefix="examsite-bench-video-")) if keep is None else keep
    try:
        media = work / "media"
        media.mkdir(parents=True)
        os.link(clip, media / CLIP_NAME) if clip.stat().st_dev == media.stat().st_dev else shutil.copy(clip, media / CLIP_NAME)
        create_site(work / "site").close()
        home = work / "site"
        servers = RtspServers(media, math.ceil(streams / per_server)).start()
        try:
            return _measure(home, servers, streams, seconds, per_server, clip, report, wall)
        finally:
            servers.stop()
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _start_wall(urls: list[str], seconds: float) -> tuple[subprocess.Popen, bytes]:
    """The camera wall (app/ui/console/wall_bench.py) in its own offscreen Qt process; returns once every tile shows a picture."""
    process = subprocess.Popen([sys.executable, "-m", "app.ui.console.wall_bench", "bench", "--seconds", f"{seconds:g}",
                                *urls], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    output, deadline = b"", time.monotonic() + 90
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while b"LIVE\n" not in output and time.monotonic() < deadline:
            if selector.select(deadline - time.monotonic()):
                chunk = os.read(process.stdout.fileno(), 4096)
                if not chunk:
                    break
                output += chunk
    if b"LIVE\n" not in output:
        process.kill()
        process.wait(10)
        raise KnownError(tr("The camera wall did not show every stream within 90 s."), code="bench")
    return process, output.split(b"LIVE\n", 1)[1]


def _wall_result(process: subprocess.Popen, early: bytes) -> dict:
    rest = early + process.stdout.read()
    process.stdout.close()
    process.wait(30)
    lines = [line for line in rest.decode("utf-8", "replace").splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def _measure(home: Path, servers: RtspServers, streams: int, seconds: float, per_server: int, clip: Path,
             report, wall: bool = False) -> VideoFigures:
    now = datetime.now(UTC)
    segment_seconds = max(2.0, min(60.0, seconds / 3))
    assignments = [Assignment("BENCH", "S1", f"R{index // per_server + 1:02d}", f"cam{index + 1:02d}",
                              servers.url(index // per_server), "rtsp",
                              str(camera_directory(home, "BENCH", "S1", f"R{index // per_server + 1:02d}",
                                                   f"cam{index + 1:02d}")), now, "bench", segment_seconds)
                   for index in range(streams)]
    write_desired(home, assignments)
    supervisor = RecorderSupervisor(home, passphrase=DEMO_PASSPHRASE, poll=1.0).start()
    waited = threading.Event()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            document = read_status_document(home) or {}
            live = [s for s in read_status(home) if s.state == RECORDING and s.packets]
            if document.get("pid") == supervisor.pid and len(live) == streams:
                break
            waited.wait(0.5)
        else:
            raise KnownError(tr("Not every stream was recording within 60 s."), code="bench")
        wall_process, wall_early = _start_wall([a.source for a in assignments], seconds + 5) if wall else (None, b"")
        report(tr("{streams} streams recording; measuring {seconds} s…", streams=streams, seconds=f"{seconds:g}"))
        pid = supervisor.pid
        server_pids = [p.pid for p in servers.processes]
        wall_cpu = (lambda: _cpu_seconds(wall_process.pid)) if wall_process else (lambda: 0.0)
        cpu0, servers0, machine0, t0 = _cpu_seconds(pid), sum(map(_cpu_seconds, server_pids)), _machine(), time.monotonic()
        wall0 = wall_cpu()
        bytes0 = sum(s.bytes for s in read_status(home))
        waited.wait(seconds)  # the measurement window
        cpu1, servers1, machine1, t1 = _cpu_seconds(pid), sum(map(_cpu_seconds, server_pids)), _machine(), time.monotonic()
        wall1 = wall_cpu()
        bytes1 = sum(s.bytes for s in read_status(home))
        wall_figures = _wall_result(wall_process, wall_early) if wall_process else {}
        if supervisor.restarts:
            raise KnownError(tr("The recorder process died during the bench."), code="bench")
    finally:
        supervisor.stop()
    from drivers.recorder.clips import frame_holes

    elapsed = t1 - t0
    cores = os.cpu_count() or 1
    recorder_core = 100 * (cpu1 - cpu0) / elapsed
    total, idle = machine1[0] - machine0[0], machine1[1] - machine0[1]
    segments = lost = gaps = written = 0
    verified = True
    for assignment in assignments:
        directory = Path(assignment.directory)
        result = verify_directory(directory, None)
        verified &= result.ok
        gaps += result.gaps
        for segment in sorted(directory.glob("*.ts")):
            segments += 1
            written += segment.stat().st_size
            lost += frame_holes(segment)[1]
    return VideoFigures(
        streams=streams, seconds=round(elapsed, 1), servers=len(servers.ports),
        cpu_pct_per_stream=round(recorder_core / streams, 2), cpu_pct_total=round(recorder_core / cores, 2),
        cpu_pct_of_one_core=round(recorder_core, 1),
        server_cpu_pct_of_one_core=round(100 * (servers1 - servers0) / elapsed, 1),
        machine_busy_pct=round(100 * (total - idle) / total, 1) if total else 0.0, cores=cores,
        bytes_written=written, mbit_per_stream=round((bytes1 - bytes0) * 8 / elapsed / streams / 1e6, 2),
        segments=segments, lost_frames=lost, gaps=gaps, verified=verified, clip=clip.name,
        wall_tiles=int(wall_figures.get("tiles", 0)),
        wall_cpu_pct_of_one_core=round(100 * (wall1 - wall0) / elapsed, 1),
        wall_pictures_per_tile_per_s=float(wall_figures.get("pictures_per_tile_per_s", 0.0)),
        wall_lost_tiles=int(wall_figures.get("lost_tiles", 0)),
        recording_and_wall_pct_total=round((recorder_core + 100 * (wall1 - wall0) / elapsed) / cores, 1))
