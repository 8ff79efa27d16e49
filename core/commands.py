"""What staff see when a command cannot run: one line naming the cause and the fix, never a traceback."""

import contextlib

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError


@contextlib.contextmanager
def plain_database_errors():
    """Turn a missing or unreachable database into one line that says what to do."""
    try:
        yield
    except DatabaseError as exc:
        where = settings.DATABASES["default"]["NAME"]
        raise CommandError(
            f"the database ({where}) cannot be used: {str(exc).strip().splitlines()[0]}. "
            "Run `make check` (it sets the database up first), or set DATABASE_URL to the site's database."
        ) from None
