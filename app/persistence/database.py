"""Open the site database (SQLite in WAL mode, or PostgreSQL) and keep its schema current."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import KnownError
from app.i18n import tr

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseError(KnownError):
    code = "database"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, FULL sync, and explicit BEGIN (IMMEDIATE for writers) on every connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """The site database. `transaction()` for writes, `read()` for reads; both commit or roll back."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            database = self.url.database or ""
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(self.url, connect_args={"timeout": 15})
            _configure_sqlite(self.engine)
            writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self.engine = create_engine(self.url, pool_pre_ping=True, pool_size=10, max_overflow=20)
            writer = self.engine
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

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
