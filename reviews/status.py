"""Whether a page is reviewed, changed since its review, or never reviewed: never invented, never silent."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .models import Review

REVIEWED, CHANGED, NEVER = "reviewed", "changed", "never"
DUE_SOON_DAYS = 30


@dataclass
class ReviewStatus:
    item: object  # ReviewItem
    review: Review | None  # the latest review of this page, if any

    @property
    def state(self):
        if self.review is None:
            return NEVER
        return REVIEWED if self.review.fingerprint == self.item.fingerprint else CHANGED

    @property
    def is_current(self):
        return self.state == REVIEWED

    @property
    def reviewer_name(self):
        return self.review.reviewer_name if self.review else ""

    @property
    def reviewer_credentials(self):
        return self.review.reviewer_credentials if self.review else ""

    @property
    def reviewed_on(self):
        return self.review.reviewed_on if self.review else None

    @property
    def changed_on(self):
        return timezone.localdate(self.item.changed_at)

    @property
    def next_due(self):
        return self.reviewed_on + datetime.timedelta(days=settings.REVIEW_INTERVAL_DAYS) if self.review else None

    @property
    def overdue(self):
        return self.is_current and self.next_due < timezone.localdate()

    @property
    def due_soon(self):
        today = timezone.localdate()
        return self.is_current and today <= self.next_due <= today + datetime.timedelta(days=DUE_SOON_DAYS)


def latest_review(item):
    return Review.objects.filter(kind=item.kind, key__in=item.keys, language=item.language).first()


def status_of(item):
    return ReviewStatus(item, latest_review(item))


def statuses(items):
    """ReviewStatus for many items with one query."""
    items = list(items)
    latest = {}
    for review in Review.objects.order_by("-reviewed_at", "-id"):
        latest.setdefault((review.kind, review.key, review.language), review)
    found = []
    for item in items:
        review = next((latest[(item.kind, k, item.language)] for k in item.keys if (item.kind, k, item.language) in latest), None)
        found.append(ReviewStatus(item, review))
    return found


@dataclass
class Queue:
    never: list
    changed: list
    due_soon: list
    overdue: list

    @property
    def counts(self):
        return {
            "never": len(self.never),
            "changed": len(self.changed),
            "due_soon": len(self.due_soon),
            "overdue": len(self.overdue),
        }

    @property
    def waiting(self):
        return len(self.never) + len(self.changed) + len(self.overdue)


def queue(items):
    all_statuses = statuses(items)
    return Queue(
        never=[s for s in all_statuses if s.state == NEVER],
        changed=sorted((s for s in all_statuses if s.state == CHANGED), key=lambda s: s.item.changed_at, reverse=True),
        due_soon=sorted((s for s in all_statuses if s.due_soon), key=lambda s: s.next_due),
        overdue=sorted((s for s in all_statuses if s.overdue), key=lambda s: s.next_due),
    )
