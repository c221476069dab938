"""A throwaway PostgreSQL cluster for the test session.

The cluster lives in a temporary folder, listens on 127.0.0.1 at a free port with trust
authentication and its unix socket inside that folder, runs with fsync off, and is stopped and
removed when the session ends. initdb refuses to run as root, so under root the folder is handed
to the ``postgres`` user and the server binaries run as that user.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

MISSING_BINARIES = "PostgreSQL server binaries (initdb/pg_ctl) not found: install postgresql"
_PREFIX = "examsite-pg-"
_SETTINGS = """
# examsite test cluster
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockets}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
logging_collector = off
"""


class ClusterUnavailable(Exception):
    """The machine cannot run a throwaway cluster; the message says why (used as a skip reason)."""


def find_server_binaries() -> tuple[str, str] | None:
    """Return the paths of initdb and pg_ctl, from PATH or the newest /usr/lib/postgresql/*/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl

    def major(path: str) -> float:
        try:
            return float(Path(path).parts[-3])
        except ValueError:
            return 0.0

    for bin_dir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=major, reverse=True):
        initdb, pg_ctl = os.path.join(bin_dir, "initdb"), os.path.join(bin_dir, "pg_ctl")
        if os.access(initdb, os.X_OK) and os.access(pg_ctl, os.X_OK):
            return initdb, pg_ctl
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresCluster:
    """One running server. ``create_database()`` hands out a new empty database per call."""

    def __init__(self, port: int, root: Path, pg_ctl: str, run_as: str | None) -> None:
        self.port = port
        self.root = root
        self._pg_ctl = pg_ctl
        self._run_as = run_as
        self._names = itertools.count(1)
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        self.admin_dsn = f"host=127.0.0.1 port={port} user=postgres dbname=postgres connect_timeout=10"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def create_database(self) -> str:
        """Create a new empty database and return its SQLAlchemy URL."""
        name = f"examsite_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.admin_dsn, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Stop the server (immediately: its data is thrown away) and remove its folder."""
        if self.data_dir.joinpath("postmaster.pid").exists():
            _run([self._pg_ctl, "-D", str(self.data_dir), "-m", "immediate", "-w", "-t", "30", "stop"],
                 self._run_as, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def _run(argv: list[str], run_as: str | None, check: bool = True) -> subprocess.CompletedProcess:
    if run_as:
        if shutil.which("runuser"):
            argv = ["runuser", "-u", run_as, "--", *argv]
        else:
            argv = ["su", run_as, "-s", "/bin/sh", "-c", shlex.join(argv)]
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        raise RuntimeError(f"{shlex.join(argv)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done


def _log_tail(root: Path) -> str:
    try:
        return (root / "server.log").read_text(errors="replace")[-3000:]
    except OSError:
        return "(no server log)"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_clusters(pg_ctl: str, run_as: str | None) -> None:
    """Stop and remove clusters left behind by test runs that were killed outright."""
    for root in Path(tempfile.gettempdir()).glob(_PREFIX + "*"):
        try:
            owner_pid = int((root / "owner.pid").read_text())
        except (OSError, ValueError):
            continue
        if not _pid_alive(owner_pid):
            PostgresCluster(0, root, pg_ctl, run_as).stop()


def start_cluster() -> PostgresCluster:
    """Initialise and start a cluster; raise ClusterUnavailable when this machine cannot."""
    binaries = find_server_binaries()
    if binaries is None:
        raise ClusterUnavailable(MISSING_BINARIES)
    initdb, pg_ctl = binaries
    run_as = None
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise ClusterUnavailable("running as root and there is no 'postgres' user to run initdb as") from None
        run_as = "postgres"
    _remove_stale_clusters(pg_ctl, run_as)

    root = Path(tempfile.mkdtemp(prefix=_PREFIX))
    (root / "owner.pid").write_text(str(os.getpid()))
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    cluster = None
    try:
        _run([initdb, "-D", str(root / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8",
              "--locale=C", "--no-sync"], run_as)
        conf = root / "data" / "postgresql.conf"
        base_conf = conf.read_text()
        for attempt in range(5):
            port = _free_port()
            conf.write_text(base_conf + _SETTINGS.format(port=port, sockets=root))
            cluster = PostgresCluster(port, root, pg_ctl, run_as)
            started = _run([pg_ctl, "-D", str(root / "data"), "-l", str(root / "server.log"),
                            "-w", "-t", "60", "start"], run_as, check=False)
            if started.returncode == 0:
                break
            if "could not bind" not in _log_tail(root) or attempt == 4:
                raise RuntimeError(f"pg_ctl start failed:\n{started.stdout}{started.stderr}\n{_log_tail(root)}")
        atexit.register(cluster.stop)
        return cluster
    except BaseException:
        if cluster is not None:
            cluster.stop()
        else:
            shutil.rmtree(root, ignore_errors=True)
        raise
