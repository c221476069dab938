"""Open the site database (SQLite in WAL mode, or PostgreSQL) and keep its schema current."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DisconnectionError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import KnownError
from app.i18n import tr

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
IDLE_PING_SECONDS = 10.0  # a pooled PostgreSQL connection idle this long is pinged before use
CHECKPOINT_SECONDS = 1.0  # the host's background WAL checkpoints (SQLite)
log = logging.getLogger(__name__)


class DatabaseError(KnownError):
    code = "database"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def _configure_sqlite(engine: Engine, checkpoints: dict) -> None:
    """WAL, foreign keys, FULL sync, and explicit BEGIN (IMMEDIATE for writers) on every connection.
    `checkpoints["background"]`: a checkpointer thread copies the WAL into the database file, so
    no committing connection does it (PRAGMA wal_autocheckpoint=0; see Database.checkpoint_in_background)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=15000")
        if checkpoints["background"]:
            cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _ping_when_idle(engine: Engine) -> None:
    """Pessimistic disconnect handling without a round trip on every checkout: a connection that
    sat in the pool for IDLE_PING_SECONDS is pinged first (the server may have restarted since);
    one in steady use is not. A dead one is replaced by the pool (DisconnectionError)."""

    @event.listens_for(engine, "connect")
    def _connected(_dbapi_connection, record) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection, record) -> None:
        if record is not None:
            record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection, record, _proxy) -> None:
        if time.monotonic() - record.info.get("returned_at", 0.0) < IDLE_PING_SECONDS:
            return
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_connection.rollback()
        except Exception as exc:  # noqa: BLE001 - any failure means this connection is gone
            raise DisconnectionError(str(exc)) from exc


class Database:
    """The site database. `transaction()` for writes, `read()` for reads; both commit or roll back."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self._checkpoints: dict = {"background": False}
        self._checkpointer: threading.Thread | None = None
        self._stop_checkpoints = threading.Event()
        if self.is_sqlite:
            database = self.url.database or ""
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(self.url, connect_args={"timeout": 15})
            _configure_sqlite(self.engine, self._checkpoints)
            writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self.engine = create_engine(self.url, pool_size=10, max_overflow=20)
            _ping_when_idle(self.engine)
            writer = self.engine
        self._write_engine = writer
        self._writer = sessionmaker(writer, expire_on_commit=False)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any exception."""
        with self._guard(), self._writer.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._guard(), self._reader.begin() as session:
            yield session

    @contextmanager
    def core_transaction(self) -> Iterator[Connection]:
        """A write transaction on a plain connection (SQLAlchemy Core, no ORM session): for hot
        paths that run prepared statements only (the terminals' saves)."""
        with self._guard(), self._write_engine.begin() as connection:
            yield connection

    @contextmanager
    def core_read(self) -> Iterator[Connection]:
        with self._guard(), self.engine.begin() as connection:
            yield connection

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise DatabaseError(
                tr("The database cannot be reached or is busy: {detail}", detail=_first_line(exc))
            ) from exc

    def _alembic_config(self, connection) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        return config

    def migrate(self) -> None:
        """Bring the schema to the newest revision (creates it on an empty database)."""
        try:
            with self.engine.begin() as connection:
                command.upgrade(self._alembic_config(connection), "head")
        except SQLAlchemyError as exc:
            raise DatabaseError(
                tr("The database schema could not be brought up to date: {detail}", detail=_first_line(exc))
            ) from exc

    def revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def head_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return ScriptDirectory.from_config(self._alembic_config(connection)).get_current_head()

    def require_current(self) -> None:
        current, head = self.revision(), self.head_revision()
        if current is None:
            raise DatabaseError(tr("This site has no database yet: run 'examsite site init' first."))
        if current != head:
            raise DatabaseError(
                tr(
                    "The database schema is at {current} but this version needs {head}: run 'examsite site migrate'.",
                    current=current,
                    head=head,
                )
            )

    def warm(self, connections: int) -> None:
        """Open `connections` pooled connections now (the host, before terminals arrive: a new
        PostgreSQL connection starts a server process, which is slow under load)."""
        size = getattr(self.engine.pool, "size", None)
        with ExitStack() as opened:
            for _ in range(min(connections, size() if callable(size) else 1)):
                opened.enter_context(self.engine.connect())

    def checkpoint_in_background(self, interval: float = CHECKPOINT_SECONDS) -> None:
        """SQLite: copy the WAL into the database file from a thread of its own, every `interval`
        seconds, instead of inside whichever commit crosses the WAL's size limit (that commit
        waited for the copy and an fsync of the database file: 15-30 ms on this machine).
        PASSIVE checkpoints wait for no reader or writer. Nothing to do for PostgreSQL."""
        if not self.is_sqlite or self._checkpointer is not None or not self.url.database \
                or self.url.database == ":memory:":
            return
        self._checkpoints["background"] = True
        self.engine.dispose()  # pooled connections reopen with wal_autocheckpoint=0
        self._stop_checkpoints.clear()
        self._checkpointer = threading.Thread(target=self._checkpoint_loop, args=(interval,), name="wal-checkpoint",
                                              daemon=True)
        self._checkpointer.start()

    def _checkpoint_loop(self, interval: float) -> None:
        try:
            connection = sqlite3.connect(self.url.database, timeout=15, isolation_level=None)
        except sqlite3.Error as exc:  # commits checkpoint again, as without this thread
            log.warning("no background WAL checkpoints: %s", exc)
            self._checkpoints["background"] = False
            self.engine.dispose()
            return
        try:
            connection.execute("PRAGMA busy_timeout=15000")
            while not self._stop_checkpoints.wait(interval):
                self._checkpoint(connection)
            self._checkpoint(connection)  # the last one, as the host stops
        finally:
            connection.close()

    @staticmethod
    def _checkpoint(connection: sqlite3.Connection) -> None:
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:  # busy or I/O: the next turn (or the next commit) tries again
            log.warning("WAL checkpoint failed: %s", exc)

    def dispose(self) -> None:
        if self._checkpointer is not None:
            self._stop_checkpoints.set()
            self._checkpointer.join()
            self._checkpointer = None
            self._checkpoints["background"] = False
        self.engine.dispose()


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
