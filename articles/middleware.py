"""Development live reload: a saved, added or deleted file shows on the next page load."""

import logging

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

from .discovery import ContentDirError
from .reporting import format_problem
from .sync import needs_sync, sync_content

logger = logging.getLogger(__name__)


class DevelopmentContentSyncMiddleware:
    """Runs an incremental sync before a page is served, when CONTENT_AUTO_SYNC is on (make run).

    Production syncs once at deploy instead; this middleware then removes itself.
    """

    def __init__(self, get_response):
        if not settings.CONTENT_AUTO_SYNC:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(("/static/", "/media/")):
            self._sync()
        return self.get_response(request)

    def _sync(self):
        try:
            if not needs_sync():
                return
            report = sync_content()
        except ContentDirError as exc:
            logger.warning("content not synced: %s", exc)
            return
        for problem in report.failed + report.warnings:
            logger.warning("%s", format_problem(problem))
