"""'Was this page helpful?': works without JavaScript, keeps pages cacheable, keeps nothing personal, refuses floods."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client

from feedback import limits
from feedback.models import Feedback

pytestmark = pytest.mark.django_db
PAGE = "/treatments/nerve-blocks/"


def send(client=None, **data):
    values = {"page": PAGE, "helpful": "yes", "comment": "", **data}
    return (client or Client()).post("/feedback/", values, REMOTE_ADDR="203.0.113.7")


def test_every_page_ends_with_the_question_in_a_plain_form(client):
    html = client.get(PAGE).content.decode()
    form = html[html.index("data-feedback") :]
    assert "Was this page helpful?" in form and 'action="/feedback/"' in form and 'method="post"' in form
    assert f'name="page" value="{PAGE}"' in form and 'maxlength="500"' in form
    assert "Please do not include your name or any medical details" in form
    assert "csrfmiddlewaretoken" not in html and html.index("data-feedback") > html.index("<main")


def test_an_answer_is_stored_with_nothing_about_the_reader_and_thanked(client):
    response = send(helpful="no", comment="  How long   does the numbness last? ")
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert response["Cache-Control"] == "no-store" and not response.cookies
    note = Feedback.objects.get()
    assert (note.page, note.helpful, note.comment) == (PAGE, False, "How long does the numbness last?")
    stored = " ".join(str(value) for value in Feedback.objects.values().get().values())
    assert "203.0.113.7" not in stored


def test_the_script_gets_a_short_answer_instead_of_a_page():
    response = Client().post(
        "/feedback/", {"page": PAGE, "helpful": "yes"}, HTTP_ACCEPT="application/json", REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 200 and response.json()["ok"] is True
    assert Feedback.objects.get().comment == ""


@pytest.mark.parametrize(
    "data,status",
    [
        ({"helpful": "maybe"}, 400),
        ({"page": "https://evil.example/"}, 400),
        ({"page": "//evil.example/x"}, 400),
        ({"page": "/no-such-page/"}, 400),
        ({"page": "/admin/"}, 400),
        ({"comment": "x" * 501}, 400),
    ],
)
def test_bad_answers_are_refused_and_not_stored(data, status):
    response = send(**data)
    assert response.status_code == status and "We could not take your answer" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_huge_body_is_refused_before_it_is_read():
    response = Client().generic("POST", "/feedback/", "page=/&helpful=yes&comment=" + "x" * 5000,
                                content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 413 and not Feedback.objects.exists()


def test_another_site_cannot_post_answers():
    response = Client().post("/feedback/", {"page": PAGE, "helpful": "yes"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403 and not Feedback.objects.exists()


def test_the_hidden_field_robots_fill_in_gets_thanks_and_nothing_stored():
    response = send(website="https://spam.example")
    assert response.status_code == 200 and not Feedback.objects.exists()


def test_a_flood_from_one_address_is_slowed_and_others_still_get_through(settings):
    cache.clear()
    for _ in range(limits.PER_HOUR):
        assert send().status_code == 200
    assert send().status_code == 429
    other = Client().post("/feedback/", {"page": PAGE, "helpful": "yes"}, REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 200 and Feedback.objects.count() == limits.PER_HOUR + 1


def test_the_rate_limit_key_is_a_hash_that_changes_every_day():
    today, tomorrow = datetime.date(2026, 12, 1), datetime.date(2026, 12, 2)
    key = limits.daily_key("203.0.113.7", today)
    assert "203.0.113.7" not in key and key != limits.daily_key("203.0.113.7", tomorrow)
    assert key == limits.daily_key("203.0.113.7", today)


def test_the_page_is_still_served_from_the_cache_after_an_answer():
    reader = Client()
    reader.get(PAGE)
    send(reader)
    response = reader.get(PAGE)
    assert getattr(response, "from_page_cache", False) and not reader.cookies


def test_staff_read_notes_newest_first_and_mark_them_done(client, django_user_model):
    send(comment="first")
    send(comment="second")
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    html = client.get("/admin/feedback/feedback/").content.decode()
    assert html.index("second") < html.index("first")
    newest = Feedback.objects.first()
    client.post("/admin/feedback/feedback/", {"action": "mark_done", "_selected_action": [newest.pk]})
    assert Feedback.objects.get(pk=newest.pk).done


def test_a_refusal_is_never_cached_and_a_script_is_told_why():
    page = send(helpful="maybe")
    assert page.status_code == 400 and page["Cache-Control"] == "no-store"
    answer = Client().post("/feedback/", {"page": PAGE, "helpful": "maybe"}, HTTP_ACCEPT="application/json")
    assert answer.status_code == 400 and answer.json() == {"ok": False, "reason": "invalid"}
    thanks = Client().post("/feedback/", {"page": PAGE, "helpful": "no"}, HTTP_ACCEPT="application/json; q=1")
    assert thanks.json() == {"ok": True, "page": PAGE}


def test_a_note_that_is_too_long_says_so_in_words_the_reader_can_act_on():
    response = send(comment="word " * 120)
    assert response.status_code == 400 and not Feedback.objects.exists()
    assert "Your note was too long. Please keep it to 500 letters or fewer." in response.content.decode()


def test_a_note_of_exactly_500_letters_is_kept_once_its_spaces_are_tidied():
    assert send(comment="x" * 500).status_code == 200
    assert send(comment="  " + "y" * 250 + "     " + "z" * 249 + "  ").status_code == 200
    assert [len(note.comment) for note in Feedback.objects.all()] == [500, 500]


def test_a_body_at_the_size_limit_is_read_and_one_byte_more_is_not():
    def post(size):
        start = f"page={PAGE}&helpful=yes&comment="
        body = start + "+" * (size - len(start))
        return Client().generic("POST", "/feedback/", body, content_type="application/x-www-form-urlencoded")

    assert post(limits.MAX_BODY_BYTES).status_code == 200
    too_big = post(limits.MAX_BODY_BYTES + 1)
    assert too_big.status_code == 413 and "Your note was too long" in too_big.content.decode()


def test_answers_from_this_site_s_own_pages_are_taken():
    response = Client().post("/feedback/", {"page": PAGE, "helpful": "yes"}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200 and Feedback.objects.count() == 1


@pytest.mark.parametrize(
    "page",
    [
        "/treatments/nerve-blocks/?from=search",
        "/treatments/nerve-blocks/#risks",
        "/",
        "/glossary/",
    ],
)
def test_any_real_page_of_the_site_can_be_answered_about(page):
    assert send(page=page).status_code == 200
    assert Feedback.objects.get().page == page


@pytest.mark.parametrize(
    "page",
    [
        "treatments/nerve-blocks/",
        "/treatments\\nerve-blocks/",
        "\\\\evil.example/",
        "//evil.example/",
        "/treatments/nerve-blocks/?next=\\evil.example",
        "/feedback/",
        "/" + "a" * 300,
        "",
    ],
)
def test_addresses_that_are_not_a_page_of_this_site_are_refused(page):
    assert send(page=page).status_code == 400 and not Feedback.objects.exists()


def test_a_long_address_of_a_real_page_is_taken_up_to_300_characters():
    page = PAGE + "?q=" + "x" * (300 - len(PAGE) - 3)
    assert len(page) == 300 and send(page=page).status_code == 200
    assert send(page=page + "x").status_code == 400 and Feedback.objects.count() == 1


def test_a_spanish_page_s_answer_is_kept_as_spanish():
    response = Client().post("/es/feedback/", {"page": "/es/tratamientos/nerve-blocks/", "helpful": "yes"})
    assert response.status_code == 200
    note = Feedback.objects.get()
    assert (note.page, note.language, note.helpful) == ("/es/tratamientos/nerve-blocks/", "es", True)


def test_behind_a_proxy_each_reader_is_counted_by_their_own_address(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    cache.clear()

    def from_reader(address):
        data = {"page": PAGE, "helpful": "yes"}
        return Client().post("/feedback/", data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address).status_code

    assert [from_reader("198.51.100.1") for _ in range(limits.PER_HOUR + 1)][-2:] == [200, 429]
    assert from_reader("198.51.100.2") == 200  # the same proxy, another reader


@pytest.mark.parametrize(
    "proxies,forwarded,address",
    [
        (None, "198.51.100.1", "203.0.113.7"),  # no proxy trusted: the header is anyone's to forge
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.1, 198.51.100.1", "198.51.100.1"),  # only the entry our proxy added counts
        (2, "198.51.100.1, 192.0.2.5", "198.51.100.1"),
        (2, "192.0.2.5", "203.0.113.7"),  # fewer entries than proxies: not to be trusted
        (1, " , ", "203.0.113.7"),
        (1, None, "203.0.113.7"),  # no header at all
    ],
)
def test_the_reader_s_address_trusts_only_the_proxies_the_site_is_told_about(settings, proxies, forwarded, address):
    from django.test import RequestFactory

    settings.AXES_IPWARE_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    request = RequestFactory().post("/feedback/", REMOTE_ADDR="203.0.113.7", **headers)
    assert limits.client_address(request) == address


def test_the_rate_limit_key_is_today_s_unless_told_otherwise():
    assert limits.daily_key("203.0.113.7") == limits.daily_key("203.0.113.7", datetime.date.today())
    assert limits.daily_key("203.0.113.7") != limits.daily_key("203.0.113.8")
    assert limits.daily_key("203.0.113.7").startswith("feedback-rate:")


def test_a_note_is_still_taken_when_the_cache_has_gone_away(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache went away")

    monkeypatch.setattr(cache, "add", broken)
    assert send().status_code == 200 and Feedback.objects.count() == 1


def test_the_count_lasts_an_hour(monkeypatch):
    timeouts = []
    real_add = cache.add
    monkeypatch.setattr(cache, "add", lambda key, value, timeout: timeouts.append(timeout) or real_add(key, value, timeout))
    send()
    assert timeouts == [3600]
