"""Readiness: the database answers and content has been synced at least once."""

from django.db import DatabaseError, connection

from .models import SiteState


def health():
    """(healthy, reason) without raising."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        state = SiteState.objects.filter(pk=1).only("synced_at").first()
    except DatabaseError:
        return False, "database unavailable"
    if state is None or state.synced_at is None:
        return False, "content not synced"
    return True, "ok"
