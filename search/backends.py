"""One small interface over two full-text engines: SQLite FTS5 and PostgreSQL text search.

Both receive only the words of a `Plan` (letters and digits), always as
query parameters, never spliced into SQL. Each offers write, delete, clear,
analyze (after a large change), search (ids of one page and the total) and
has_hits (whether a word is on any visible page).
"""

from django.db import connection

from .fts_postgres import PostgresBackend
from .fts_sqlite import SqliteBackend

__all__ = ["PostgresBackend", "SqliteBackend", "backend"]


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
