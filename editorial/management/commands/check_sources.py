"""check_sources: visit every cited web address and report the broken, moved and slow ones as PATH:LINE: lines."""

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.management.base import BaseCommand

from core.commands import plain_database_errors
from core.link_check import check_link
from editorial.sources import cited_links


class Command(BaseCommand):
    help = "Visit every source's web address; print broken links as errors, moved and slow ones as warnings."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds to wait for an answer (default 10).")
        parser.add_argument(
            "--slow", type=float, default=3.0, help="Answers slower than this many seconds are reported (default 3)."
        )
        parser.add_argument("--workers", type=int, default=8, help="Addresses visited at once (default 8).")

    def handle(self, *args, timeout=10.0, slow=3.0, workers=8, **options):
        with plain_database_errors():
            links = list(cited_links(settings.CONTENT_DIR))
        urls = sorted({link.url for link in links})
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            results = dict(zip(urls, pool.map(lambda url: check_link(url, timeout), urls), strict=True))
        errors = warnings = 0
        for link in sorted(links, key=lambda link: (link.path, link.line)):
            level, message = _verdict(results[link.url], slow)
            if level:
                self.stdout.write(f"{link.path}:{link.line}: {level}: {message}")
                errors, warnings = errors + (level == "error"), warnings + (level == "warning")
        self.stderr.write(f"{len(urls)} address(es) checked: {errors} broken, {warnings} moved or slow.")
        if errors:
            raise SystemExit(1)


def _verdict(result, slow):
    if result.status is None:
        return "error", f"{result.url} {result.error}"
    if result.broken:
        return "error", f"{result.url} is broken (it answered {result.status}); find the page's new address or remove the source"
    if result.moved:
        where = f" to {result.location}" if result.location else ""
        return "warning", f"{result.url} has moved{where} ({result.status}); update the source's url"
    if result.seconds > slow:
        return "warning", f"{result.url} took {result.seconds:.1f} seconds to answer"
    return None, ""
