"""Parsing in worker processes: every file gets one answer, and one bad file never costs another its page."""

import os
import time

from articles import workers
from articles.parser import content_hash
from articles.workers import Job, parse_in_workers
from tests.conftest import article_text


def job(slug, body=None):
    raw = article_text(title=f"Title {slug}", body=body).encode()
    return Job(f"articles/{slug}.md", slug, raw, content_hash(raw))


def parse(jobs, worker_count=1, timeout=5):
    return {parsed.slug: parsed for parsed in parse_in_workers(jobs, workers=worker_count, timeout=timeout, max_bytes=200_000)}


def test_every_file_is_answered_once_with_more_files_than_workers():
    results = list(parse_in_workers([job(f"a-{index}") for index in range(25)], workers=2, timeout=5, max_bytes=200_000))
    assert sorted(parsed.slug for parsed in results) == sorted(f"a-{index}" for index in range(25))
    assert all(parsed.ok for parsed in results)


def test_a_slow_file_is_refused_and_the_files_queued_behind_it_are_parsed():
    results = parse([job("before"), job("slow", body="[" * 20000 + "x" + "]" * 20000), job("after"), job("last")], timeout=1)
    assert not results["slow"].ok
    assert "took longer than 1 seconds" in results["slow"].first_error().message
    assert all(results[slug].ok for slug in ("before", "after", "last"))


def test_a_worker_that_dies_costs_only_the_file_it_was_parsing(monkeypatch):
    real_parse = workers.parse_article

    def crash_on_one(path, slug, raw, **kwargs):
        if slug == "crash":
            os._exit(1)
        return real_parse(path, slug, raw, **kwargs)

    monkeypatch.setattr(workers, "parse_article", crash_on_one)  # the forked workers inherit it
    results = parse([job("before"), job("crash"), job("after"), job("last")])
    assert results["crash"].first_error().code == "refused"
    assert all(results[slug].ok for slug in ("before", "after", "last"))


def test_a_large_file_waiting_behind_a_slow_one_does_not_stop_the_time_limit():
    large = job("large", body="Plain words for a long page. " * 6500)  # about 190 KB: more than a pipe holds
    assert 180_000 < len(large.raw) < 200_000
    started = time.monotonic()
    results = parse([job("slow", body="[" * 20000 + "x" + "]" * 20000), large, job("after")], timeout=1)
    assert time.monotonic() - started < 10
    assert not results["slow"].ok
    assert results["large"].ok and results["after"].ok
