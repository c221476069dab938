"""Persistence: the only package that imports SQLAlchemy and Alembic (STYLE.md, point 2).

`Database` opens SQLite (embedded default, WAL) or PostgreSQL and migrates the schema;
repositories give the services what they need without leaking SQL upwards.
"""

from app.persistence.database import Database, DatabaseError

__all__ = ["Database", "DatabaseError"]
