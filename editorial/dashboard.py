"""The figures staff see: the review queue's counts, helpfulness per page, searches that found nothing."""

from dataclasses import dataclass

from django.db.models import Count, Q

from feedback.models import Feedback
from reviews.items import all_items
from reviews.status import queue
from search.models import MissedSearch

from .translations import translation_tasks

MIN_ANSWERS = 3  # a page needs this many answers before it is ranked as most or least helpful


@dataclass
class PageHelpfulness:
    page: str
    yes: int
    no: int

    @property
    def total(self):
        return self.yes + self.no

    @property
    def share_helpful(self):
        return round(100 * self.yes / self.total) if self.total else 0


def helpfulness():
    """Every page readers answered about, most helpful first."""
    answers = {"yes": Count("id", filter=Q(helpful=True)), "no": Count("id", filter=Q(helpful=False))}
    rows = Feedback.objects.values("page").annotate(**answers)
    pages = [PageHelpfulness(row["page"], row["yes"], row["no"]) for row in rows]
    return sorted(pages, key=lambda p: (-p.share_helpful, -p.total, p.page))


def impact_figures(limit=10):
    pages = [page for page in helpfulness() if page.total >= MIN_ANSWERS]
    least = sorted(pages, key=lambda p: (p.share_helpful, -p.total, p.page))
    review_queue = queue(all_items())
    return {
        "most_helpful": pages[:limit],
        "least_helpful": least[:limit],
        "answers": Feedback.objects.count(),
        "open_comments": Feedback.objects.filter(done=False).exclude(comment="").count(),
        "missed_searches": MissedSearch.objects.order_by("-count", "query")[:25],
        "overdue": review_queue.overdue,
        "queue_counts": review_queue.counts,
        "min_answers": MIN_ANSWERS,
    }


def index_summary():
    counts = queue(all_items()).counts
    tasks = translation_tasks()
    return {
        "review_counts": counts,
        "open_feedback": Feedback.objects.filter(done=False).exclude(comment="").count(),
        "translations_behind": sum(task.state == "behind" for task in tasks),
        "translations_missing": sum(task.state == "missing" for task in tasks),
    }
