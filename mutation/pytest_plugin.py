"""Loaded by `make mutation` into each pytest session mutmut starts; `make test` never loads it.

mutmut tests two mutants at once, each in a process forked from one that has already run the tests. So:
- the SQLite test database is made (migrated, starter entries loaded) once, by that first run, and each
  mutant's run works on a copy of its own, used as it is, instead of spending seconds building or
  checking one, or sharing one;
- each run keeps its temporary folders to itself, inside the workspace;
- the Redis twin of a page-cache test is left out: two runs at once would share, and empty, one Redis
  database; its local-memory twin tests the same behaviour.
"""

import multiprocessing
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

_own_database = None


def _testing_a_mutant():
    return "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", "")


def pytest_configure(config):
    if _testing_a_mutant():
        folder = Path.cwd().parent / "tmp" / str(os.getpid())
        folder.parent.mkdir(exist_ok=True)
        config.option.basetemp = str(folder)


def pytest_collection_modifyitems(config, items):
    redis = [item for item in items if getattr(item, "callspec", None) and item.callspec.params.get("page_cache") == "redis"]
    if redis:
        items[:] = [item for item in items if item not in redis]
        config.hook.pytest_deselected(items=redis)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """Point this run at a private copy of the test database the first run made."""
    global _own_database
    if not _testing_a_mutant():
        return
    from django.db import connections

    settings = connections["default"].settings_dict
    template = settings.get("TEST", {}).get("NAME")
    if not settings["ENGINE"].endswith("sqlite3") or not template or not Path(template).exists():
        return
    _own_database = f"{template}.{os.getpid()}"
    source, copy = sqlite3.connect(template), sqlite3.connect(_own_database)
    with source, copy:
        source.backup(copy)  # a consistent copy, write-ahead log included
    source.close()
    copy.close()
    settings["TEST"] = {**settings["TEST"], "NAME": _own_database}


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """While the test database is set up for a mutant's run: take the copy as it is (migrated, starter loaded)."""
    if fixturedef.argname != "django_db_setup" or not _own_database:
        yield
        return
    from django.conf import settings
    from django.core import management
    from django.db.backends.base.creation import BaseDatabaseCreation

    create_test_db, call_command = BaseDatabaseCreation.create_test_db, management.call_command

    def use_the_copy(self, *args, **kwargs):
        self.connection.close()
        settings.DATABASES[self.connection.alias]["NAME"] = _own_database
        self.connection.settings_dict["NAME"] = _own_database
        return _own_database

    def without_starter(name, *args, **kwargs):
        return None if name == "load_starter" else call_command(name, *args, **kwargs)

    BaseDatabaseCreation.create_test_db, management.call_command = use_the_copy, without_starter
    try:
        yield
    finally:
        BaseDatabaseCreation.create_test_db, management.call_command = create_test_db, call_command


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if _testing_a_mutant():  # mutmut ends a mutant's process with os._exit: stop its sync workers first
        for child in multiprocessing.active_children():
            child.kill()
    if _own_database:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(_own_database + suffix).unlink(missing_ok=True)
    if _testing_a_mutant() and config.option.basetemp:
        shutil.rmtree(config.option.basetemp, ignore_errors=True)
