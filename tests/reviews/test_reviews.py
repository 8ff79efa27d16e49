"""Clinical reviews bound to the exact text: shown while it matches, honest when it changes, kept through renames
and rebuilds, and made only by clinical reviewers."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.sync import sync_content
from reviews.approval import approve
from reviews.items import all_items, item_for
from reviews.models import Review
from reviews.status import NEVER, REVIEWED, queue, status_of
from treatments.models import CareCard, Treatment

pytestmark = pytest.mark.django_db


def approve_now(kind, key, user):
    item = item_for(kind, key)
    return approve(item, user, item.fingerprint, note="Checked against NICE NG59.")


def review_line(html):
    return re.search(r'<p class="review-status[^"]*">(.*?)</p>', html, re.DOTALL).group(1)


def test_a_page_shows_its_review_while_its_words_match(client, content, reviewer, settings):
    settings.REVIEW_INTERVAL_DAYS = 365
    content.write("checked", title="Checked page")
    sync_content()
    review = approve_now("article", "checked", reviewer)
    line = review_line(client.get("/articles/checked/").content.decode())
    day = timezone.localdate(review.reviewed_at)
    assert f'Reviewed by Dr. Ada Example, MD, pain medicine on <time datetime="{day:%Y-%m-%d}">' in line
    assert f'Next review due <time datetime="{day + datetime.timedelta(days=365):%Y-%m-%d}">' in line
    assert 'href="/about/how-we-write/"' in line


def test_a_one_character_change_says_so_and_goes_back_in_the_queue(client, content, reviewer):
    path = content.write("checked", body="Take one tablet a day.")
    sync_content()
    approve_now("article", "checked", reviewer)
    assert status_of(item_for("article", "checked")).state == REVIEWED
    path.write_text(path.read_text().replace("one tablet", "two tablet"))
    sync_content()
    line = review_line(client.get("/articles/checked/").content.decode())
    assert "This page was updated on" in line and "after its last clinical review on" in line and "Reviewed by" not in line
    assert "checked" in [status.item.key for status in queue(all_items()).changed]


def test_a_card_change_reaches_every_page_that_shows_it(client, content, reviewer):
    card = CareCard.objects.get(slug="emergency-after-procedure")
    content.write("places-card", body="Words.\n\n[[card: emergency-after-procedure]]")
    sync_content()
    treatment = Treatment.objects.filter(care_cards=card).first()
    approve_now("article", "places-card", reviewer)
    approve_now("treatment", treatment.slug, reviewer)
    card.body += "\n- A new sign a clinician must check"
    card.save()
    for path in ("/articles/places-card/", treatment.get_absolute_url()):
        html = client.get(path).content.decode()
        assert "A new sign a clinician must check" in html and "after its last clinical review" in review_line(html)


def test_a_page_never_reviewed_says_so(client, content):
    content.write("fresh")
    sync_content()
    assert "has not yet been reviewed by a clinician" in review_line(client.get("/articles/fresh/").content.decode())
    assert status_of(item_for("article", "fresh")).state == NEVER


def test_someone_outside_the_reviewers_group_cannot_approve(client, content, django_user_model):
    content.write("guarded")
    sync_content()
    editor = django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")
    item = item_for("article", "guarded")
    client.force_login(django_user_model.objects.create_user("staffer", password="a-long-test-password", is_staff=True))
    url = item.admin_url
    response = client.post(url, {"fingerprint": item.fingerprint})
    assert response.status_code in (302, 403) and not Review.objects.exists()
    staff = django_user_model.objects.create_user("editor2", password="a-long-test-password", is_staff=True)
    staff.user_permissions.add(*editor.user_permissions.all())
    client.force_login(staff)
    assert client.post(url, {"fingerprint": item.fingerprint}).status_code == 403
    assert not Review.objects.exists()


def test_a_reviewer_approves_from_the_queue_with_one_button(reviewer_client, content):
    content.write("queued", title="Queued page")
    sync_content()
    item = item_for("article", "queued")
    page = reviewer_client.get(item.admin_url).content.decode()
    assert "Approve this text as clinically reviewed" in page and "Queued page" in page
    response = reviewer_client.post(item.admin_url, {"fingerprint": item.fingerprint, "note": "Fine."})
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.key, review.note, review.reviewer_name, review.text) == ("queued", "Fine.", "Dr. Ada Example", item.text)


def test_a_page_changed_while_the_reviewer_read_it_is_not_approved(reviewer_client, content):
    path = content.write("moving", body="First words.")
    sync_content()
    seen = item_for("article", "moving").fingerprint
    path.write_text(path.read_text().replace("First", "Second"))
    sync_content()
    page = reviewer_client.post(item_for("article", "moving").admin_url, {"fingerprint": seen}).content.decode()
    assert "The page changed while you were reading it" in page and not Review.objects.exists()


def test_a_reviewer_without_a_name_on_their_profile_is_asked_for_one(client, content, django_user_model, reviewer):
    reviewer.reviewer_profile.delete()
    content.write("unnamed")
    sync_content()
    client.force_login(reviewer)
    item = item_for("article", "unnamed")
    page = client.post(item.admin_url, {"fingerprint": item.fingerprint}).content.decode()
    assert "Add your name and credentials" in page and not Review.objects.exists()


def test_the_changed_page_shows_a_readable_diff_against_what_was_approved(reviewer_client, content, reviewer):
    path = content.write("diffed", body="Rest for one day.\n\nThen walk a little.")
    sync_content()
    approve_now("article", "diffed", reviewer)
    path.write_text(path.read_text().replace("one day", "two days"))
    sync_content()
    page = reviewer_client.get(item_for("article", "diffed").admin_url).content.decode()
    assert "Rest for <del>one</del><ins>two</ins> <del>day</del><ins>days</ins>." in page
    assert "The page as patients see it" in page and "Then walk a little." in page


def test_reviews_survive_an_unchanged_resync_and_a_rename(client, content, reviewer):
    path = content.write("old-name", title="Renamed page")
    sync_content()
    approve_now("article", "old-name", reviewer)
    sync_content(force=True)
    assert status_of(item_for("article", "old-name")).state == REVIEWED
    text = path.read_text().replace("published:", "redirect_from: [old-name]\npublished:")
    path.unlink()
    content.write("new-name", text=text)
    sync_content()
    assert status_of(item_for("article", "new-name")).state == REVIEWED
    assert "Reviewed by Dr. Ada Example" in review_line(client.get("/articles/new-name/").content.decode())


def test_export_and_import_bring_reviews_back_after_a_rebuild(content, reviewer, tmp_path):
    content.write("kept")
    sync_content()
    approve_now("article", "kept", reviewer)
    approve_now("card", "emergency-after-procedure", reviewer)
    exported = tmp_path / "reviews.yml"
    call_command("export_reviews", str(exported))
    before = list(Review.objects.values_list("kind", "key", "fingerprint", "reviewed_at", "reviewer_name", "text"))
    Review.objects.all().delete()
    call_command("import_reviews", str(exported))
    after = list(Review.objects.values_list("kind", "key", "fingerprint", "reviewed_at", "reviewer_name", "text"))
    assert sorted(after) == sorted(before) and len(after) == 2
    call_command("import_reviews", str(exported))
    assert Review.objects.count() == 2
    assert status_of(item_for("article", "kept")).state == REVIEWED


def test_an_import_file_with_a_broken_review_names_the_problem(tmp_path, capsys):
    broken = tmp_path / "reviews.yml"
    broken.write_text("reviews:\n  - kind: poem\n    key: x\n")
    with pytest.raises(SystemExit):
        call_command("import_reviews", str(broken))
    err = capsys.readouterr().err
    assert f"{broken}:1: error: review 1: a review is missing" in err


def test_the_queue_sorts_pages_into_never_changed_due_and_overdue(content, reviewer, settings):
    settings.REVIEW_INTERVAL_DAYS = 400
    for slug in ("never", "changed", "soon", "late"):
        content.write(slug)
    sync_content()
    for slug in ("changed", "soon", "late"):
        approve_now("article", slug, reviewer)
    Review.objects.filter(key="soon").update(reviewed_at=timezone.localtime() - datetime.timedelta(days=390))
    Review.objects.filter(key="late").update(reviewed_at=timezone.localtime() - datetime.timedelta(days=500))
    (content.articles / "changed.md").write_text((content.articles / "changed.md").read_text() + "\nMore.\n")
    sync_content()
    waiting = queue(all_items())
    keys = {name: {s.item.key for s in getattr(waiting, name)} for name in ("never", "changed", "due_soon", "overdue")}
    assert "never" in keys["never"] and keys["changed"] == {"changed"}
    assert keys["due_soon"] == {"soon"} and keys["overdue"] == {"late"}


def test_the_admin_index_counts_the_queue(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    html = client.get("/admin/").content.decode()
    assert re.search(r"\d+ never reviewed, \d+ changed since their review", html)


def test_json_ld_names_the_reviewer_only_while_the_review_holds(client, reviewer):
    approve_now("treatment", "nerve-blocks", reviewer)
    html = client.get("/treatments/nerve-blocks/").content.decode()
    assert '"reviewedBy": {"@type": "Person", "name": "Dr. Ada Example", "jobTitle": "MD, pain medicine"}' in html
    treatment = Treatment.objects.get(slug="nerve-blocks")
    treatment.summary += " More."
    treatment.save()
    assert "reviewedBy" not in Client().get("/treatments/nerve-blocks/").content.decode()


def test_check_content_says_how_many_pages_wait_for_review(content):
    from articles.checks import check_content

    warnings = [p for p in check_content().warnings if p.code == "review-queue"]
    assert len(warnings) == 1 and "never reviewed" in warnings[0].message
