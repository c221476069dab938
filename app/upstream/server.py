"""Running the platform reference service: uvicorn in a thread (tests, bench) or in this process.

Plain HTTP is enough for the reference service: what travels is sealed to the platform (HPKE)
and signed by the site, and receipts are signed by the platform, so a party in the middle can
delay or drop deliveries but neither read nor forge them. A real platform adds TLS in front.
"""

from __future__ import annotations

import threading
import time

import uvicorn

from app.errors import KnownError
from app.i18n import tr
from app.upstream.app import create_app
from app.upstream.platform import Platform

START_TIMEOUT = 20.0


class UpstreamServer:
    def __init__(self, platform: Platform, host: str = "127.0.0.1", port: int = 0) -> None:
        self.platform, self.host, self.port = platform, host, port
        self.app = create_app(platform)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def config(self) -> uvicorn.Config:
        return uvicorn.Config(self.app, host=self.host, port=self.port, log_config=None, log_level="warning",
                              access_log=False, timeout_keep_alive=30, lifespan="off",
                              timeout_graceful_shutdown=5)

    def start(self) -> str:
        """Serve in a background thread; returns the base URL once the socket is listening."""
        self._server = uvicorn.Server(self.config())
        self._thread = threading.Thread(target=self._server.run, name="upstream-api", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while self._thread.is_alive() and not self._server.started and time.monotonic() < deadline:
            time.sleep(0.02)  # uvicorn has no "listening" callback; this polls its flag while it binds
        if not self._server.started:
            self.stop()
            raise KnownError(tr("The platform service could not start on {host}:{port}.", host=self.host,
                                port=self.port), code="upstream_start")
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.port = port
        return f"http://{self.host}:{port}"

    def run(self) -> None:
        """Serve in this thread until interrupted (the `examsite upstream serve` process)."""
        uvicorn.Server(self.config()).run()

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_TIMEOUT)
        self._server = self._thread = None
