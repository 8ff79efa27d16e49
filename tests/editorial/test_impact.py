"""The impact dashboard's figures, on known data."""

import pytest

from editorial.dashboard import helpfulness, impact_figures
from feedback.models import Feedback
from search.models import MissedSearch

pytestmark = pytest.mark.django_db


def answers(page, yes, no):
    Feedback.objects.bulk_create(
        [Feedback(page=page, helpful=True) for _ in range(yes)] + [Feedback(page=page, helpful=False) for _ in range(no)]
    )


def test_pages_rank_by_share_helpful_and_few_answers_are_left_out():
    answers("/a/", 9, 1)
    answers("/b/", 2, 8)
    answers("/c/", 5, 5)
    answers("/few/", 0, 2)
    figures = impact_figures()
    assert [(p.page, p.share_helpful) for p in figures["most_helpful"]] == [("/a/", 90), ("/c/", 50), ("/b/", 20)]
    assert [p.page for p in figures["least_helpful"]] == ["/b/", "/c/", "/a/"]
    assert figures["answers"] == 32 and {p.page for p in helpfulness()} == {"/a/", "/b/", "/c/", "/few/"}


def test_searches_that_found_nothing_are_counted_without_visitor_data(client):
    for _ in range(3):
        client.get("/search/?q=zzxqv+blorpt")
    client.get("/search/?q=sciatica")
    missed = MissedSearch.objects.get()
    assert (missed.query, missed.count) == ("zzxqv blorpt", 3)
    assert list(impact_figures()["missed_searches"]) == [missed]


def test_the_dashboard_page_shows_the_figures(client, django_user_model):
    answers("/a/", 4, 0)
    MissedSearch.record("pain pump cost")
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    html = client.get("/admin/impact/").content.decode()
    assert ">/a/</a></td><td>100%</td><td>4</td><td>0</td>" in html and "pain pump cost" in html
    assert "Overdue for their clinical review" in html


def test_only_staff_see_the_dashboard(client):
    assert client.get("/admin/impact/").status_code == 302
