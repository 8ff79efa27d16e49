"""The fast paths' memo of the content version: fresh enough, one read at a time, and cleared by local changes."""

import asyncio

import pytest

from articles.sync import sync_content
from core.content_version import RecentVersion
from core.page_cache import recent_version
from tests.conftest import FakeClock, run_async
from tests.treatments.conftest import make_treatment


class Reads:
    """A stand-in for the database: counts reads and answers what the test sets."""

    def __init__(self, value=1):
        self.value, self.count = value, 0

    def __call__(self):
        self.count += 1
        return self.value


def test_a_version_is_reused_until_it_is_older_than_max_age():
    clock, reads = FakeClock(100.0), Reads(7)
    memo = RecentVersion(reads, max_age=0.01, clock=clock)
    assert memo.current() == 7 and memo.current() == 7 and reads.count == 1
    reads.value = 8
    clock.now += 0.011
    assert memo.current() == 8 and reads.count == 2


def test_max_age_zero_reads_every_time():
    reads = Reads(3)
    memo = RecentVersion(reads, max_age=0)
    memo.current()
    memo.current()
    assert reads.count == 2


def test_a_failed_read_is_not_kept():
    clock, reads = FakeClock(100.0), Reads(None)
    memo = RecentVersion(reads, max_age=60, clock=clock)
    assert memo.current() is None
    reads.value = 4
    assert memo.current() == 4 and reads.count == 2


def test_forget_makes_the_next_request_read_again():
    reads = Reads(1)
    memo = RecentVersion(reads, max_age=60)
    memo.current()
    reads.value = 2
    memo.forget()
    assert memo.current() == 2


def test_age_is_counted_from_when_the_read_started():
    clock, reads = FakeClock(100.0), Reads(5)

    def slow_read():
        clock.now += 5  # the database took five seconds to answer
        return reads()

    memo = RecentVersion(slow_read, max_age=6, clock=clock)
    memo.current()
    clock.now += 1.5
    assert memo.fresh() is None


def test_requests_arriving_together_share_one_read():
    reads = Reads(9)

    async def scenario():
        started = asyncio.Event()
        release = asyncio.Event()

        async def in_thread(read):
            started.set()
            await release.wait()
            return read()

        memo = RecentVersion(reads, max_age=0)
        waiting = [asyncio.ensure_future(memo.acurrent(in_thread)) for _ in range(20)]
        await started.wait()
        release.set()
        return await asyncio.gather(*waiting)

    assert run_async(scenario()) == [9] * 20 and reads.count == 1


def test_a_read_that_raises_reaches_every_waiter_and_the_next_request_reads_again():
    async def scenario():
        async def broken(read):
            raise RuntimeError("thread pool gone")

        async def working(read):
            return read()

        memo = RecentVersion(Reads(2), max_age=60)
        results = await asyncio.gather(memo.acurrent(broken), memo.acurrent(broken), return_exceptions=True)
        return results, await memo.acurrent(working)

    results, after = run_async(scenario())
    assert all(isinstance(result, RuntimeError) for result in results) and after == 2


@pytest.mark.django_db
def test_a_sync_in_this_process_clears_the_memo_at_once(content, monkeypatch):
    monkeypatch.setattr(recent_version, "_max_age", 3600)
    content.write("one", title="First")
    sync_content()
    before = recent_version.current()
    content.write("one", title="Second")
    sync_content()
    assert recent_version.current() == before + 1


@pytest.mark.django_db
def test_an_admin_save_in_this_process_clears_the_memo_at_once(monkeypatch):
    monkeypatch.setattr(recent_version, "_max_age", 3600)
    before = recent_version.current()
    make_treatment("memo-check", "Memo check")
    assert recent_version.current() > before
