"""check_content tells staff, in one line, how many pages wait for a clinical review."""

from django.db import DatabaseError

from core.problems import WARNING, Problem

from .items import all_items
from .status import queue


def check_review_queue():
    try:
        waiting = queue(all_items())
    except DatabaseError:
        return
    counts = waiting.counts
    if waiting.waiting:
        message = (
            f"{counts['never']} page(s) never reviewed, {counts['changed']} changed since their review and "
            f"{counts['overdue']} overdue: a clinical reviewer approves them in the admin's review queue"
        )
        yield Problem("admin/reviews/queue", 1, WARNING, message, "review-queue")
