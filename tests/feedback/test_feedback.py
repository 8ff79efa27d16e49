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
