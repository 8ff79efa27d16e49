"""The commands staff run, run as staff run them: a plain shell, no production secrets, no traceback ever."""

import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT, article_text

STAFF_SHELL = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}


def run(args, tmp_path, **env):
    database = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    return subprocess.run(
        args, cwd=PROJECT, env={**STAFF_SHELL, "DATABASE_URL": database, **env}, capture_output=True, text=True, timeout=300
    )


def manage(*args):
    return [sys.executable, "manage.py", *args]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    return tmp_path / "content"


def test_make_check_sets_up_and_reports_each_problem_with_its_file_and_line(tmp_path, folder):
    (folder / "articles" / "good.md").write_text(article_text(title="Good"), encoding="utf-8")
    (folder / "articles" / "broken.md").write_text("---\ntitle: Broken\npublished: someday\n---\nBody\n", encoding="utf-8")
    result = run(["make", "--no-print-directory", "check"], tmp_path, CONTENT_DIR=str(folder))
    assert result.returncode != 0
    assert f"{folder}/articles/broken.md:3: error: 'published' must be a date" in result.stdout
    assert "articles/good.md" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_content_in_a_plain_shell_needs_no_secret_key(tmp_path, folder):
    (folder / "articles" / "good.md").write_text(article_text(title="Good"), encoding="utf-8")
    assert run(manage("migrate", "--noinput"), tmp_path).returncode == 0
    result = run(manage("check_content"), tmp_path, CONTENT_DIR=str(folder))
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["check_content", "sync_content", "load_starter"])
def test_a_database_that_is_not_set_up_is_one_line_saying_what_to_do(tmp_path, folder, command):
    result = run(manage(command), tmp_path, CONTENT_DIR=str(folder))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot be used" in lines[0] and "make check" in lines[0]


def test_a_wrong_setting_is_one_line_naming_it(tmp_path):
    result = run(manage("check_content"), tmp_path, CACHE_URL="memcached://127.0.0.1")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Setting problem: CACHE_URL must start with redis://, rediss:// or locmem://, not 'memcached://127.0.0.1'"
    ]
