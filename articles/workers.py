"""Parse files in worker processes, each with a time limit.

Python-Markdown cannot be interrupted from another thread, and some inputs
(thousands of nested brackets) make it run for minutes. So every file is
parsed in a forked worker; a worker that overruns its limit is killed, the
file is reported as refused, and a fresh worker takes the next file. Using
several workers also puts both cores to work on a cold sync.
"""

import contextlib
import multiprocessing
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait

from core.problems import ERROR, Problem

from .parser import ParsedArticle, parse_article

JOBS_PER_WORKER = 2  # the one being parsed and the next, already in the pipe
# A queued file must fit in the pipe's buffer (about 180 KB): sending a larger one would wait until the worker
# reads it, and a worker stuck on pathological Markdown would never be killed.
QUEUED_MAX_BYTES = 64 * 1024


@dataclass
class Job:
    path: str
    slug: str
    raw: bytes
    digest: str


def _serve(connection, max_bytes):
    while True:
        job = connection.recv()
        if job is None:
            return
        try:
            result = parse_article(job.path, job.slug, job.raw, max_bytes=max_bytes, digest=job.digest)
        except Exception as exc:  # a bug in a library must refuse one file, not the sync
            result = _refused(job, f"the file could not be processed ({type(exc).__name__}); check its Markdown")
        connection.send(result)


def _refused(job, message):
    parsed = ParsedArticle(path=job.path, slug=job.slug, content_hash=job.digest)
    parsed.problems.append(Problem(job.path, 1, ERROR, message, "refused"))
    return parsed


class _Worker:
    """One forked parser and the jobs sent to it, oldest first.

    Each worker holds a second job in its pipe (when it is small), so it
    starts on that one as soon as it is done instead of waiting for the sync
    to save its result.
    """

    def __init__(self, context, max_bytes):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, max_bytes), daemon=True)
        self.process.start()
        child.close()
        self.jobs = deque()
        self.started = 0.0  # when the oldest job became the one being parsed

    @property
    def job(self):
        return self.jobs[0] if self.jobs else None

    def give(self, job):
        if not self.jobs:
            self.started = time.monotonic()
        self.jobs.append(job)
        self.connection.send(job)

    def done(self):
        """The oldest job is answered; the next one started about now (within the time the sync took to notice)."""
        self.jobs.popleft()
        self.started = time.monotonic()

    def stop(self, kill=False):
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.connection.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def parse_in_workers(jobs, *, workers, timeout, max_bytes):
    """Yield one ParsedArticle per job, in completion order."""
    pending = list(reversed(jobs))
    if not pending:
        return
    context = multiprocessing.get_context("fork")
    pool = [_Worker(context, max_bytes) for _ in range(max(1, min(workers, len(pending))))]

    def top_up(worker):
        while pending and len(worker.jobs) < JOBS_PER_WORKER:
            if worker.jobs and len(pending[-1].raw) > QUEUED_MAX_BYTES:
                return
            worker.give(pending.pop())

    try:
        for worker in pool:  # one file each first, so two files go to two workers
            worker.give(pending.pop())
        for worker in pool:
            top_up(worker)
        while any(worker.jobs for worker in pool):
            busy = {worker.connection: worker for worker in pool if worker.jobs}
            for connection in wait(list(busy), timeout=0.05):
                worker = busy[connection]
                try:
                    result = connection.recv()
                except (EOFError, OSError):
                    result = _refused(worker.job, "the file could not be processed; check its Markdown")
                    pool[pool.index(worker)] = worker = _replace(worker, context, max_bytes, pending)
                else:
                    worker.done()
                top_up(worker)
                yield result
            for index, worker in enumerate(pool):
                if worker.jobs and time.monotonic() - worker.started > timeout:
                    job = worker.job
                    pool[index] = fresh = _replace(worker, context, max_bytes, pending)
                    top_up(fresh)
                    yield _refused(
                        job,
                        f"the Markdown took longer than {timeout:g} seconds to render and was refused; "
                        "look for very deeply nested brackets or lists",
                    )
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.jobs))


def _replace(worker, context, max_bytes, pending):
    """Kill a worker whose oldest job failed; the jobs queued behind that one go back to the pending list."""
    worker.stop(kill=True)
    pending.extend(reversed(list(worker.jobs)[1:]))
    return _Worker(context, max_bytes)
