"""Production promises: security headers, admin lockout, cookies, the page cache, and faults."""

import logging
import os
import re
import subprocess
import sys
import time

import pytest
from django.db import connections
from django.db.utils import OperationalError
from django.test import Client, override_settings

from articles.sync import sync_content
from core.models import SiteState
from tests.conftest import PROJECT
from tests.treatments.conftest import make_treatment

pytestmark = pytest.mark.django_db


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update({"DJANGO_SECRET_KEY": "k" + "x9Q!z2@Lm#4Vb%7Nc^1Df&5Gh*8Jk(0Pw)3Rt_6Yu+" * 2, **extra})
    return env


def test_check_deploy_reports_nothing_behind_a_tls_proxy():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=_env(DJANGO_HTTPS="1"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_request_logs_go_to_standard_output_one_line_each():
    script = (
        "import django; django.setup(); import logging; "
        "logging.getLogger('pain_site.requests').info('%s GET /articles/ 200 1.0ms -', 'log-check-0001')"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, env=_env(DJANGO_SETTINGS_MODULE="pain_site.settings"),
                            capture_output=True, text=True)  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if "log-check-0001" in line]
    assert len(lines) == 1 and "INFO pain_site.requests log-check-0001 GET /articles/ 200" in lines[0]
    assert "log-check-0001" not in result.stderr


def test_log_records_still_carry_the_process_id_gunicorn_prints():
    record = logging.getLogger("gunicorn.error").makeRecord(
        "gunicorn.error", logging.INFO, __file__, 1, "Booting worker with pid: %s", (123,), None
    )
    line = logging.Formatter("%(asctime)s [%(process)d] [%(levelname)s] %(message)s").format(record)
    assert f"[{os.getpid()}] [INFO] Booting worker with pid: 123" in line


def test_https_settings_make_cookies_secure_and_send_hsts():
    code = (
        "from pain_site import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    )
    env = _env(DJANGO_HTTPS="1")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["True", "True", "63072000", "True"]


@pytest.mark.parametrize("path", ["/", "/treatments/nerve-blocks/", "/search/?q=pain", "/no-such-page/", "/robots.txt"])
def test_every_response_has_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in ("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                      "form-action 'self'", "object-src 'none'"):  # fmt: skip
        assert directive in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@override_settings(SECURE_HSTS_SECONDS=63072000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True)
def test_hsts_is_sent_over_https():
    response = Client().get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"


def test_request_id_from_the_proxy_is_kept_and_logged(client, caplog):
    with caplog.at_level("INFO", logger="pain_site.requests"):
        response = client.get("/glossary/", HTTP_X_REQUEST_ID="abc123-from-nginx")
    assert response["X-Request-ID"] == "abc123-from-nginx"
    lines = [record.getMessage() for record in caplog.records if record.name == "pain_site.requests"]
    assert len(lines) == 1 and lines[0].startswith("abc123-from-nginx GET /glossary/ 200 ")


def test_admin_is_noindex_and_never_cached(client):
    response = client.get("/admin/login/")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, CSRF_COOKIE_HTTPONLY=True)
def test_cookies_are_secure_httponly_and_samesite(django_user_model):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")
    client = Client(enforce_csrf_checks=False)
    client.get("/admin/login/", secure=True)
    response = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "a-long-test-password"}, secure=True)
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"


def test_admin_locks_after_repeated_failed_logins(django_user_model, settings):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "wrong-password"})
    response = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "a-long-test-password"})
    assert response.status_code == 429
    assert "Sign-in is locked for a while" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "short", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def _get(client, path, **headers):
    response = client.get(path, **headers)
    return response, getattr(response, "from_page_cache", False)


def test_pages_are_cached_then_served_from_the_cache(client, content, page_cache):
    content.write("one", title="First words")
    sync_content()
    first, hit_first = _get(client, "/articles/one/")
    second, hit_second = _get(client, "/articles/one/")
    assert (hit_first, hit_second) == (False, True)
    assert first.content == second.content
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert second["ETag"] == first["ETag"] and second["Vary"] == "Cookie"


def test_a_sync_makes_cached_pages_fresh_at_once(client, content, page_cache):
    content.write("one", title="First words")
    sync_content()
    _get(client, "/articles/one/")
    _get(client, "/")
    content.write("one", title="Second words")
    sync_content()
    response, hit = _get(client, "/articles/one/")
    assert not hit and "Second words" in response.content.decode()
    assert "Second words" in client.get("/").content.decode()


def test_an_admin_save_makes_cached_pages_fresh_at_once(client, db, page_cache):
    treatment = make_treatment(slug="cache-me", name="Cache me therapy")
    _get(client, "/treatments/cache-me/")
    treatment.summary = "A summary written after the page was cached."
    treatment.save()
    response, hit = _get(client, "/treatments/cache-me/")
    assert not hit and "written after the page was cached" in response.content.decode()


def test_staff_pages_are_never_cached(client, content, staff_user, page_cache):
    content.write("one", title="Public words")
    sync_content()
    client.force_login(staff_user)
    for _ in range(2):
        response, hit = _get(client, "/articles/one/")
        assert not hit and response["Cache-Control"] == "private, no-store"
    client.logout()
    anonymous = Client()
    _get(anonymous, "/articles/one/")
    assert "Preview" not in _get(anonymous, "/articles/one/")[0].content.decode()


def test_conditional_get_answers_304(client, content, page_cache):
    content.write("one")
    sync_content()
    first = client.get("/articles/one/")
    by_etag = client.get("/articles/one/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b"" and by_etag["ETag"] == first["ETag"]
    stale = client.get("/articles/one/", HTTP_IF_NONE_MATCH='"not-the-etag"')
    assert stale.status_code == 200


@pytest.mark.parametrize(
    "if_modified_since", ["Sat, 01 Jan 2000 00:00:00 -0000", "Sat, 01 Jan 2000 00:00:00 GMT", "not a date at all", ""]
)
def test_if_modified_since_never_breaks_a_page_or_hides_it(client, content, page_cache, if_modified_since):
    """Pages carry an ETag, not a date: any If-Modified-Since, odd or not, gets the whole page."""
    content.write("one", title="Dated words")
    sync_content()
    client.get("/articles/one/")
    response = client.get("/articles/one/", HTTP_IF_MODIFIED_SINCE=if_modified_since)
    assert response.status_code == 200 and "Dated words" in response.content.decode()


def test_a_new_release_never_serves_the_last_release_s_cached_page(client, content, page_cache, settings):
    content.write("one", title="Release words")
    sync_content()
    settings.RELEASE_ID = "release-a"
    assert _get(client, "/articles/one/")[1] is False
    assert _get(client, "/articles/one/")[1] is True
    settings.RELEASE_ID = "release-b"
    response, hit = _get(client, "/articles/one/")
    assert not hit and "Release words" in response.content.decode()


def test_posts_and_their_answers_are_never_cached(client, content, page_cache):
    content.write("one", title="Posted words")
    sync_content()
    client.post("/articles/one/")
    assert _get(client, "/articles/one/")[1] is False
    response = client.post("/articles/one/")
    assert not getattr(response, "from_page_cache", False)


def _break_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    for connection in connections.all():
        monkeypatch.setattr(connection, "cursor", refuse)


@pytest.mark.parametrize("path", ["/", "/articles/", "/treatments/nerve-blocks/", "/search/?q=pain"])
def test_database_down_gives_a_styled_503_quickly(monkeypatch, path):
    _break_database(monkeypatch)
    started = time.monotonic()
    response = Client(raise_request_exception=False).get(path)
    assert time.monotonic() - started < 2
    assert response.status_code == 503 and response["Retry-After"] == "30"
    html = response.content.decode()
    assert "The library is briefly unavailable" in html and "Traceback" not in html


def test_healthz_reports_the_database_down(monkeypatch):
    _break_database(monkeypatch)
    assert Client(raise_request_exception=False).get("/healthz").status_code == 503


def test_cache_down_degrades_to_uncached_pages(client, content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    content.write("one", title="Still readable")
    sync_content()
    started = time.monotonic()
    for _ in range(2):
        response, hit = _get(client, "/articles/one/")
        assert response.status_code == 200 and not hit and "Still readable" in response.content.decode()
    assert time.monotonic() - started < 3


def test_missing_content_dir_stops_sync_and_leaves_the_site_as_it_was(client, content, settings, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    content.write("one", title="Live page")
    sync_content()
    version = SiteState.current().content_version
    settings.CONTENT_DIR = tmp_path / "gone"
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("sync_content")
    assert SiteState.current().content_version == version
    assert "Live page" in client.get("/articles/one/").content.decode()
