"""The site host: the process that owns the database on exam day.

It serves the LAN API to terminals and stations, keeps the recorder process alive and told what
to record (RecorderSupervisor following RecordingService), and runs the periodic duties that
must happen even when no console is open: the theory sweep (automatic submission at the end of
time). The console windows may be closed and reopened at any time; this keeps running.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from app.audit.trail import utc_now
from app.lan.server import LanServer
from app.services.recording import RecordingService
from app.services.site import Site
from app.services.theory import TheoryService
from app.video.supervisor import RecorderSupervisor

log = logging.getLogger("examsite.host")
DUTY_SECONDS = 1.0


class SiteHost:
    def __init__(self, site: Site, passphrase: str, *, host: str = "0.0.0.0", port: int = 8443,
                 tls: bool | None = None, record: bool = True,
                 clock: Callable[[], datetime] = utc_now, dedicated: bool = False) -> None:
        """`dedicated`: this process is the host (`examsite host`), tuned for it (LanServer)."""
        self.site = site
        self.server = LanServer(site, host, port, tls=tls, clock=clock, dedicated=dedicated)
        self.theory = TheoryService(site, clock)
        self.recording = RecordingService(site, clock)
        self.supervisor = (RecorderSupervisor(site.home, passphrase=passphrase, decide=self.recording.assignments,
                                              clock=clock) if record else None)
        self.duties: list[Callable[[], object]] = [self.theory.sweep]
        self.url: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        self.url = self.server.start()
        if self.supervisor is not None:
            self.supervisor.start()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run_duties, name="site-host-duties", daemon=True)
        self._thread.start()
        return self.url

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None
        if self.supervisor is not None:
            self.supervisor.stop()
        self.server.stop()

    def _run_duties(self) -> None:
        while not self._stop.wait(DUTY_SECONDS):
            for duty in self.duties:
                try:
                    duty()
                except Exception:  # a failing duty must not stop the others; it is logged for support
                    log.exception("site host duty %s failed", getattr(duty, "__name__", duty))
