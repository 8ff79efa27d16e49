"""The page cache's promises, edge by edge: who gets a stored page, what is stored, and what never is.

A page stored for one visitor and shown to another must be the same public page: never a signed-in
view, never a cookie, never another address's page, never an error page, never a POST's answer.
"""

import logging

import pytest
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory

from core import page_cache
from core.models import SiteState
from core.page_cache import MAX_URL_LENGTH, PageCacheMiddleware

pytestmark = pytest.mark.django_db
PAGE = "/treatments/nerve-blocks/"


def hit(response):
    return getattr(response, "from_page_cache", False)


def twice(client, path, **headers):
    first = client.get(path, **headers)
    return first, client.get(path, **headers)


def test_the_second_reader_gets_the_stored_page_with_headers_that_let_proxies_share_it(client, settings):
    settings.PUBLIC_MAX_AGE = 5
    first, second = twice(client, PAGE)
    assert (hit(first), hit(second)) == (False, True)
    assert second.status_code == 200 and second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"] == "public, max-age=0, s-maxage=5"
    assert second["Vary"] == "Cookie" and second["ETag"] == first["ETag"] and second["ETag"].startswith('"')
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_a_head_request_is_answered_from_the_cache_too(client):
    client.head(PAGE)
    assert hit(client.head(PAGE))


def test_a_reader_with_a_session_cookie_never_gets_or_leaves_a_stored_page(client):
    client.get(PAGE)  # stored for anonymous readers
    client.cookies["sessionid"] = "someone-signed-in"
    for _ in range(2):
        response = client.get(PAGE)
        assert not hit(response) and response["Cache-Control"] == "private, no-store"


def test_a_signed_in_reader_s_pages_are_private(client, staff_user):
    client.force_login(staff_user)
    response = client.get(PAGE)
    assert response["Cache-Control"] == "private, no-store" and not hit(client.get(PAGE))


def test_an_anonymous_reader_s_uncacheable_request_is_not_marked_private(client):
    response = client.post("/search/", {"q": "pain"})
    assert "private" not in response.get("Cache-Control", "")


def test_other_addresses_and_queries_get_their_own_page(client):
    client.get("/search/?q=back+pain")
    other = client.get("/search/?q=headache")
    assert not hit(other) and "headache" in other.content.decode()
    assert hit(client.get("/search/?q=back+pain"))


def test_a_page_fetched_over_https_is_never_the_copy_stored_for_http(client):
    client.get(PAGE)
    assert not hit(client.get(PAGE, secure=True))
    assert hit(client.get(PAGE, secure=True))


def test_a_head_request_never_stores_an_answer_a_get_would_be_served(client):
    client.head(PAGE)
    response = client.get(PAGE)
    assert not hit(response) and b"<h1" in response.content


def test_very_long_addresses_are_served_but_not_stored(client):
    path = PAGE + "?q="
    at_limit = path + "x" * (MAX_URL_LENGTH - len(path))
    over_limit = at_limit + "x"
    assert hit(twice(client, at_limit)[1])
    first, second = twice(client, over_limit)
    assert first.status_code == second.status_code == 200 and not hit(second)


def test_the_admin_is_never_stored(client, settings):
    first, second = twice(client, "/" + settings.ADMIN_URL + "login/")
    assert second.status_code == 200 and not hit(second)


def test_error_pages_are_not_stored(client):
    first, second = twice(client, "/treatments/no-such-treatment/")
    assert second.status_code == 404 and not hit(second)


def test_an_edit_makes_a_new_page_and_the_old_one_is_never_served_again(client):
    client.get(PAGE)
    SiteState.bump()
    assert not hit(client.get(PAGE))


def test_the_next_reader_never_gets_the_first_reader_s_request_id(client):
    client.get(PAGE, HTTP_X_REQUEST_ID="first-reader-0001")
    second = client.get(PAGE, HTTP_X_REQUEST_ID="second-reader-0002")
    assert hit(second) and second["X-Request-ID"] == "second-reader-0002"


# The middleware alone, with a view that answers what the test needs.


def middleware(response_or_view):
    view = response_or_view if callable(response_or_view) else (lambda request: response_or_view)
    return PageCacheMiddleware(view)


def anonymous_get(path=PAGE, **extra):
    request = RequestFactory().get(path, **extra)
    return request


def served_twice(view, **extra):
    cached = middleware(view)
    first = cached(anonymous_get(**extra))
    second = cached(anonymous_get(**extra))
    return first, second


def test_a_page_that_sets_a_cookie_is_never_stored_for_the_next_reader():
    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("choice", "one-reader-only")
        return response

    first, second = served_twice(view)
    assert not hit(second) and "Cache-Control" not in first


def test_a_page_marked_private_is_never_stored():
    def view(request):
        response = HttpResponse("private words")
        response["Cache-Control"] = "private"
        return response

    assert not hit(served_twice(view)[1])


def test_a_streamed_page_is_never_stored():
    assert not hit(served_twice(lambda request: StreamingHttpResponse(iter([b"a", b"b"])))[1])


def test_a_page_for_a_signed_in_user_is_never_stored_even_without_a_session_cookie():
    class User:
        is_authenticated = True

    def view(request):
        request.user = User()
        return HttpResponse("staff view")

    assert not hit(served_twice(view)[1])


def test_a_stored_page_keeps_its_status_headers_and_words_but_not_what_belonged_to_its_request():
    def view(request):
        response = HttpResponse("stored words", content_type="text/plain; charset=utf-8")
        response["Content-Language"] = "es"
        response["X-Request-ID"] = "first-reader"
        return response

    first, second = served_twice(view)
    assert hit(second) and second.status_code == 200 and second.content == b"stored words"
    assert second["Content-Type"] == "text/plain; charset=utf-8" and second["Content-Language"] == "es"
    assert "X-Request-ID" not in second


def test_a_stored_page_tells_shared_caches_it_differs_by_cookie_even_if_its_view_never_read_one(settings):
    # Real pages read the session (and so say Vary: Cookie) today; a page that did not must not lose it.
    settings.PUBLIC_MAX_AGE = 1
    first, second = served_twice(lambda request: HttpResponse("plain words"))
    for response in (first, second):
        assert response["Vary"] == "Cookie" and response["Cache-Control"] == "public, max-age=0, s-maxage=1"
        assert response["ETag"] == first["ETag"] and first["ETag"].startswith('"')


def test_pages_stay_stored_for_page_cache_seconds(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 123
    stored = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda key, value, timeout: stored.append(timeout) or real_set(key, value, timeout))
    served_twice(lambda request: HttpResponse("x"))
    assert stored == [123]


def test_every_key_carries_the_release_and_the_content_version(settings):
    settings.RELEASE_ID = "release-7"
    request = anonymous_get("/a/?b=c")
    key = page_cache.page_key(request, 42)
    assert key.startswith("page:release-7:42:") and len(key.rsplit(":", 1)[1]) == 32
    assert key != page_cache.page_key(request, 43)
    assert key != page_cache.page_key(anonymous_get("/a/?b=d"), 42)
    assert key != page_cache.page_key(RequestFactory().head("/a/?b=c"), 42)


def test_a_cache_that_fails_is_logged_and_the_page_is_still_served(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache went away")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    with caplog.at_level(logging.WARNING, logger="core.page_cache"):
        first, second = served_twice(lambda request: HttpResponse("still here"))
    assert second.content == b"still here" and not hit(second)
    assert [record.getMessage() for record in caplog.records] == ["page cache unavailable"] * 4
    assert all(record.exc_info and record.exc_info[0] is ConnectionError for record in caplog.records)  # and why


def test_when_the_database_cannot_say_the_version_the_page_is_served_uncached(monkeypatch):
    from django.db import DatabaseError

    def no_database(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr(SiteState, "version", classmethod(no_database))
    assert page_cache.content_version() is None
    first, second = served_twice(lambda request: HttpResponse("from the view"))
    assert second.content == b"from the view" and not hit(second) and "Cache-Control" not in second


def test_posts_are_answered_by_the_view_every_time():
    calls = []

    def view(request):
        calls.append(request.method)
        return HttpResponse("answer")

    cached = middleware(view)
    for _ in range(2):
        assert not hit(cached(RequestFactory().post(PAGE)))
    assert calls == ["POST", "POST"]


def test_stored_pages_are_for_anonymous_readers_only():
    assert page_cache.is_anonymous_read(anonymous_get())
    signed_in = anonymous_get()
    signed_in.COOKIES["sessionid"] = "x"
    assert not page_cache.is_anonymous_read(signed_in)
    assert not page_cache.is_anonymous_read(RequestFactory().put(PAGE))
    assert not page_cache.is_anonymous_read(RequestFactory().get("/admin/login/"))
    assert page_cache.is_anonymous_read(RequestFactory().get("/administration-guide/"))


def test_a_client_without_cookies_is_an_anonymous_reader():
    assert hit(twice(Client(), PAGE)[1])


def test_whatever_a_signed_in_person_sends_is_answered_privately():
    class User:
        is_authenticated = True

    def view(request):
        request.user = User()
        return HttpResponse("saved")

    response = middleware(view)(RequestFactory().post("/feedback/"))
    assert response["Cache-Control"] == "private, no-store"
