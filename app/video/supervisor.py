"""The site host's supervisor of the recorder process: spawn it, feed it, restart it when it dies.

`RecorderSupervisor(home, passphrase=…, decide=…)` runs one thread in the site host. Every `poll`
seconds it asks `decide(now)` (normally `RecordingService.assignments`) which cameras must be
recording, writes that to HOME/video/recorder/desired.json when it changed, and checks the
recorder process: one that exited (crash, kill -9, OOM) is started again at once, and the new
process resumes every open manifest (docs/video.md, "Supervision"). The recorder is its own
process (`python -m app.video.recorder_process --home HOME`), so a crashed console or site host
window does not stop the video, and a crashed recorder does not take the site host down.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app.video.channel import Assignment, write_desired
from app.video.recorder_process import PASSPHRASE_ENV
from app.video.status import recorder_dir

log = logging.getLogger("examsite.recorder.supervisor")
ROOT = Path(__file__).resolve().parents[2]
FAILING_IF_SHORTER = 5.0  # a recorder that dies sooner than this after its start is restarted with backoff
MAX_RESTART_DELAY = 5.0


def recorder_command(home: Path, poll: float = 0.25) -> list[str]:
    if getattr(sys, "frozen", False):  # the installed one-folder build: no `python -m`, the program is the CLI
        return [sys.executable, "video", "recorder", "--home", str(home), "--poll", str(poll)]
    return [sys.executable, "-m", "app.video.recorder_process", "--home", str(home), "--poll", str(poll)]


class RecorderSupervisor:
    """Keeps one recorder process alive for a site home and tells it what to record."""

    def __init__(self, home: str | Path, *, passphrase: str | None = None,
                 decide: Callable[[datetime], list[Assignment]] | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), poll: float = 0.5,
                 recorder_poll: float = 0.25, stop_timeout: float = 20.0) -> None:
        self.home = Path(home) if isinstance(home, (str, os.PathLike)) else Path(home.root)
        self.passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
        if not self.passphrase:
            raise ValueError("the recorder needs the site passphrase to sign the manifests")
        self.decide = decide
        self.clock = clock
        self.poll = poll
        self.recorder_poll = recorder_poll
        self.stop_timeout = stop_timeout
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self.started_at: list[float] = []  # monotonic time of every spawn
        self.last_exit: int | None = None
        self._desired: list[dict] | None = None
        self._failing = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        process = self.process
        return process.pid if process is not None else None

    def start(self) -> RecorderSupervisor:
        if self._thread is not None:
            return self
        recorder_dir(self.home).mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        self.update()
        self._spawn()
        self._thread = threading.Thread(target=self._run, name="recorder-supervisor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop supervising, then end the recorder cleanly (SIGTERM; segments closed, nothing sealed)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None
        with self._lock:
            process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def update(self) -> None:
        """Ask the decision now and write desired.json if it changed."""
        if self.decide is None:
            return
        assignments = self.decide(self.clock())
        document = [a.to_json() for a in assignments]
        if document != self._desired:
            write_desired(self.home, assignments)
            self._desired = document

    def _spawn(self) -> None:
        environment = {**os.environ, PASSPHRASE_ENV: self.passphrase,
                       "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        with self._lock, open(recorder_dir(self.home) / "recorder.err", "ab") as errors:
            if self._stop.is_set():
                return
            self.process = subprocess.Popen(recorder_command(self.home, self.recorder_poll), env=environment,
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                            cwd=str(ROOT))
            self.started_at.append(time.monotonic())
        log.info("recorder process %d started", self.process.pid)

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.update()
            except Exception:  # a database hiccup must not end supervision; the recorder keeps its last orders
                log.exception("deciding what to record failed")
            process = self.process
            if process is not None and process.poll() is not None:
                self.last_exit = process.returncode
                log.warning("recorder process %d exited with %s; starting it again", process.pid, process.returncode)
                lived = time.monotonic() - self.started_at[-1]
                self._failing = self._failing + 1 if lived < FAILING_IF_SHORTER else 0
                if self._failing and self._stop.wait(min(MAX_RESTART_DELAY, 0.5 * 2 ** self._failing)):
                    return  # it keeps failing at once (no key file, a bug): do not spin
                self.restarts += 1
                self._spawn()
