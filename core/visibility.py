"""Visibility, written once: what the public may see, and what staff may preview."""

from django.db import models
from django.utils import timezone


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """Not a draft, and its publication day has come."""
        return self.filter(draft=False, published__lte=timezone.localdate())

    def visible_to(self, user):
        """Staff preview drafts and scheduled pages; everyone else sees published ones."""
        return self.all() if user.is_active and user.is_staff else self.published()


def is_public(item):
    return not item.draft and item.published <= timezone.localdate()


def publication_status(item):
    """ "Draft", "Scheduled" or "Published", as the admin lists show it."""
    if item.draft:
        return "Draft"
    return "Published" if is_public(item) else "Scheduled"
