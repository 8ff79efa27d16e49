"""Run one sync in a fresh process and print seconds and peak memory as JSON (used by bench/content_sync.py)."""

import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pain_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from articles import frontmatter, schema, workers  # noqa: E402
from articles.parser import ParsedArticle  # noqa: E402
from articles.sync import sync_content  # noqa: E402
from rendering.markup import _markdown  # noqa: E402


def markdown_only(path, slug, raw, *, max_bytes=None, digest=None):
    """What-if for the bench, never shipped: a worker that reads the front matter and runs Python-Markdown, and
    nothing else (no sanitising, cards, prose, word count or grade). What a sync costs with checks that cost nothing."""
    parsed = ParsedArticle(path=path, slug=slug, content_hash=digest)
    data, key_lines, parsed.body, _ = frontmatter.read(raw)
    parsed.meta, _ = schema.validate(data, key_lines, slug, "en")
    parsed.html = _markdown().convert(parsed.body)
    return parsed


if os.environ.get("BENCH_MARKDOWN_ONLY_WORKERS"):
    workers.parse_article = markdown_only


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


call_command("migrate", verbosity=0)
cpu_before = cpu_seconds(resource.RUSAGE_SELF)
started = time.perf_counter()
report = sync_content()
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(
    json.dumps(
        {
            "seconds": seconds,
            "peak_mb": own,
            "worker_peak_mb": worker_peak,
            "workers": settings.CONTENT_SYNC_WORKERS,
            "cpu_main": cpu_seconds(resource.RUSAGE_SELF) - cpu_before,
            "cpu_workers": cpu_seconds(resource.RUSAGE_CHILDREN),
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": report.unchanged,
            "failed": len(report.failed),
        }
    )
)
