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
from dataclasses import dataclass
from multiprocessing.connection import wait

from core.problems import ERROR, Problem

from .parser import ParsedArticle, parse_article


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
    def __init__(self, context, max_bytes):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, max_bytes), daemon=True)
        self.process.start()
        child.close()
        self.job = None
        self.started = 0.0

    def give(self, job):
        self.job, self.started = job, time.monotonic()
        self.connection.send(job)

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
    try:
        for worker in pool:
            worker.give(pending.pop())
        while any(worker.job for worker in pool):
            busy = {worker.connection: worker for worker in pool if worker.job}
            for connection in wait(list(busy), timeout=0.05):
                worker = busy[connection]
                try:
                    result = connection.recv()
                except (EOFError, OSError):
                    result = _refused(worker.job, "the file could not be processed; check its Markdown")
                    pool[pool.index(worker)] = worker = _replace(worker, context, max_bytes)
                worker.job = None
                yield result
                if pending:
                    worker.give(pending.pop())
            for index, worker in enumerate(pool):
                if worker.job and time.monotonic() - worker.started > timeout:
                    job = worker.job
                    pool[index] = fresh = _replace(worker, context, max_bytes)
                    yield _refused(
                        job,
                        f"the Markdown took longer than {timeout:g} seconds to render and was refused; "
                        "look for very deeply nested brackets or lists",
                    )
                    if pending:
                        fresh.give(pending.pop())
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.job))


def _replace(worker, context, max_bytes):
    worker.stop(kill=True)
    return _Worker(context, max_bytes)
