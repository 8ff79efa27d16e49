"""Site-wide state every page depends on."""

from django.db import connection, models


class SiteState(models.Model):
    """One row: the content version (bumped by every change) and the last sync time."""

    content_version = models.PositiveBigIntegerField(default=0)
    synced_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"content version {self.content_version}"

    @classmethod
    def version(cls):
        """The current content version, read with one plain query: it is read on every anonymous request.

        Raises DatabaseError when the database cannot answer.
        """
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT content_version FROM {cls._meta.db_table} WHERE id = 1")  # noqa: S608 (constant)
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1)[0]

    @classmethod
    def bump(cls):
        """Something pages show has changed: raise the version, in the caller's transaction, so no cached page is old."""
        cls.current()
        cls.objects.filter(pk=1).update(content_version=models.F("content_version") + 1)
