"""Running the LAN API: uvicorn in a thread (tests, the console) or as the host's own process.

TLS uses the site's derived certificate (app/security/tls.py); plain HTTP is allowed only on a
loopback address, where nothing crosses a wire. The private key is handed to uvicorn as an
encrypted PEM in a private temporary directory that is removed when the server stops.
"""

from __future__ import annotations

import gc
import ipaddress
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import uvicorn

from app.audit.trail import utc_now
from app.errors import KnownError
from app.i18n import tr
from app.lan.app import create_app
from app.services.site import Site

START_TIMEOUT = 20.0
DB_CONNECTIONS = 10  # opened at start in the host process (tune_host_process)
GC_THRESHOLD = (20_000, 20, 20)  # fewer, shorter young collections under load (see quiet_collector)


def tune_host_process(site: Site) -> None:
    """This process is the site's host, serving every terminal of the venue: its database
    connections are opened now, SQLite's WAL is checkpointed by a thread of its own rather than
    inside a candidate's commit, and the garbage collector is quieted (in that order: what was
    opened is frozen out of collections too). Measured with `examsite bench lan` (docs/terminal.md)."""
    site.db.warm(DB_CONNECTIONS)
    site.db.checkpoint_in_background()
    quiet_collector()


def quiet_collector() -> None:
    """Keep the garbage collector from pausing the host for tens of milliseconds under load: what
    was allocated up to now (modules, the app, the ORM's mappers) is frozen out of collections,
    and young collections run less often. Measured with `examsite bench lan` (docs/terminal.md):
    without it, full collections were the slowest saves (150-250 ms)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LanServer:
    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0, *, tls: bool | None = None,
                 clock: Callable[[], datetime] = utc_now, dedicated: bool = False) -> None:
        """`dedicated`: this process is the site's host (`examsite host`, `examsite lan serve`) and is
        tuned for it (tune_host_process); leave it off where the server shares a process (tests,
        the console)."""
        self.dedicated = dedicated
        self.tls = (not is_loopback(host)) if tls is None else tls
        if not self.tls and not is_loopback(host):
            raise KnownError(tr("The LAN API serves plain HTTP only on this computer (127.0.0.1); "
                                "on the network it needs TLS."), code="needs_tls")
        self.site, self.host, self.port = site, host, port
        self.app = create_app(site, clock=clock)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._private: Path | None = None

    @property
    def certificate_sha256(self) -> str:
        return self.app.state.access.identity.certificate_sha256

    def config(self) -> uvicorn.Config:
        options: dict = {}
        if self.tls:
            self._private = Path(tempfile.mkdtemp(prefix="examsite-tls-"))
            password = secrets.token_hex(16)
            identity = self.app.state.access.identity
            (self._private / "cert.pem").write_bytes(identity.certificate_pem)
            key_file = self._private / "key.pem"
            key_file.touch(mode=0o600)
            key_file.write_bytes(identity.private_key_pem(self.site.require_keys(), password.encode()))
            options = {"ssl_certfile": str(self._private / "cert.pem"), "ssl_keyfile": str(key_file),
                       "ssl_keyfile_password": password}
        return uvicorn.Config(self.app, host=self.host, port=self.port, log_config=None, log_level="warning",
                              access_log=False, timeout_keep_alive=30, lifespan="off", proxy_headers=False,
                              server_header=False, **options)

    def start(self) -> str:
        """Serve in a background thread; returns the base URL once the socket is listening."""
        self._server = uvicorn.Server(self.config())
        if self.dedicated:
            tune_host_process(self.site)
        self._thread = threading.Thread(target=self._server.run, name="lan-api", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while self._thread.is_alive() and not self._server.started and time.monotonic() < deadline:
            time.sleep(0.02)  # uvicorn has no "listening" callback; this polls its flag while it binds
        if not self._server.started:
            self.stop()
            raise KnownError(tr("The LAN API could not start on {host}:{port}.", host=self.host, port=self.port),
                             code="lan_start")
        port = self._server.servers[0].sockets[0].getsockname()[1]
        return f"{'https' if self.tls else 'http'}://{self.host}:{port}"

    def run(self) -> None:
        """Serve in this thread until interrupted (the `examsite lan serve` process)."""
        if self.dedicated:
            tune_host_process(self.site)
        try:
            uvicorn.Server(self.config()).run()
        finally:
            self._cleanup()

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_TIMEOUT)
        self._server = self._thread = None
        self._cleanup()

    def _flush(self) -> None:
        """The terminals' last-seen times held in memory go to the database (app/services/theory_saves.py)."""
        theory = getattr(self.app.state, "theory", None)
        if theory is not None:
            theory.flush()

    def _cleanup(self) -> None:
        self._flush()
        if self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None
