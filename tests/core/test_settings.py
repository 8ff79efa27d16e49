"""Settings come from the environment; the production server refuses to start without a secret key."""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT


def _load_settings(**env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from pain_site import settings as s; "
            "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
        ],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_settings_load_without_a_secret_key_so_staff_commands_run():
    result = _load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False ")


def test_the_production_server_refuses_to_start_without_a_secret_key_in_one_line():
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [str(gunicorn), "--config", "deploy/gunicorn.conf.py", "--check-config"],
        cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "DJANGO_SECRET_KEY is not set: production needs a long random secret key (make serve keeps one in .secret_key)."
    ]


def test_debug_is_off_unless_asked_for():
    result = _load_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.stdout.startswith(
        "False ['localhost', '127.0.0.1'] django.db.backends.sqlite3 django.core.cache.backends.locmem"
    )


def test_environment_selects_database_cache_and_hosts():
    result = _load_settings(
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="example.org, www.example.org",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert result.stdout.split(" ", 1)[0] == "True"
    assert "['example.org', 'www.example.org']" in result.stdout
    assert "postgresql" in result.stdout and "RedisCache" in result.stdout


def test_unknown_cache_url_is_refused():
    result = _load_settings(DJANGO_DEBUG="1", CACHE_URL="memcached://x")
    assert result.returncode != 0 and "CACHE_URL must start with" in result.stderr


def test_media_storage_can_be_s3_by_environment():
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; print(type(storages['default']).__name__)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="pain_site.settings", MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="b")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert result.stdout.strip().endswith("S3Storage"), result.stderr


def test_unknown_media_storage_is_refused():
    result = _load_settings(DJANGO_DEBUG="1", MEDIA_STORAGE="ftp")
    assert result.returncode != 0 and "MEDIA_STORAGE must be" in result.stderr


def test_env_example_names_every_setting_the_site_reads_and_nothing_else():
    read = set()
    for path in ("pain_site/settings.py", "deploy/gunicorn.conf.py"):
        text = (PROJECT / path).read_text()
        read |= set(re.findall(r"""(?:environ\.get|env_int|env_bool|env_list|env)\(\s*["']([A-Z][A-Z0-9_]+)["']""", text))
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (PROJECT / ".env.example").read_text(), re.MULTILINE))
    assert read - listed == set(), "settings missing from .env.example"
    assert listed - read == set(), "settings in .env.example that nothing reads"
