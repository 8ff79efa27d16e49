"""What a page says about its clinical review, and what the review queue tells staff, date by date.

Never invented, never silent: a page is "reviewed" only while its words are the ones approved, shows who
approved it and when the next review is due, and the queue counts what waits.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.models import SiteState
from reviews.approval import approve, can_approve
from reviews.items import ReviewItem
from reviews.models import Review, ReviewerProfile
from reviews.status import CHANGED, NEVER, REVIEWED, queue, status_of, statuses
from tests.reviews.conftest import make_reviewer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def item(key="dose", text="Take one tablet.", changed_days_ago=3, old_keys=(), kind="article", language="en"):
    changed_at = timezone.localtime() - datetime.timedelta(days=changed_days_ago)
    return ReviewItem(kind, key, key.title(), f"/articles/{key}/", text, changed_at, language, list(old_keys))


def review(of, days_ago=0, text=None, name="Dr. Ada Example", credentials="MD", **fields):
    reviewed_at = fields.pop("reviewed_at", None) or timezone.localtime() - datetime.timedelta(days=days_ago)
    page = item(of.key, text, kind=of.kind, language=of.language) if text is not None else of
    return Review.objects.create(
        kind=of.kind, key=fields.pop("key", of.key), language=of.language, fingerprint=page.fingerprint, text=page.text,
        reviewer_name=name, reviewer_credentials=credentials, reviewed_at=reviewed_at, **fields,
    )  # fmt: skip


def test_a_page_never_reviewed_says_so_and_names_nobody():
    status = status_of(item())
    assert status.state == NEVER and not status.is_current
    assert (status.reviewer_name, status.reviewer_credentials, status.reviewed_on, status.next_due) == ("", "", None, None)
    assert not status.overdue and not status.due_soon


def test_a_reviewed_page_names_its_reviewer_the_day_and_when_the_next_review_is_due(settings):
    settings.REVIEW_INTERVAL_DAYS = 365
    page = item()
    review(page, days_ago=10, name="Dr. Ada Example", credentials="MD, pain medicine")
    status = status_of(page)
    assert status.state == REVIEWED and status.is_current
    assert (status.reviewer_name, status.reviewer_credentials) == ("Dr. Ada Example", "MD, pain medicine")
    assert status.reviewed_on == TODAY - datetime.timedelta(days=10)
    assert status.next_due == TODAY + datetime.timedelta(days=355)
    assert status.changed_on == TODAY - datetime.timedelta(days=3)
    assert not status.overdue and not status.due_soon


def test_a_page_whose_words_changed_after_its_review_is_not_reviewed():
    page = item(text="Take two tablets.")
    review(page, text="Take one tablet.")
    status = status_of(page)
    assert status.state == CHANGED and not status.is_current
    assert not status.overdue and not status.due_soon  # it waits as "changed", not as due


def test_the_latest_review_is_the_one_that_counts_whatever_order_they_were_recorded_in():
    page = item(text="Take two tablets.")
    review(page, days_ago=5, text="Take one tablet.", name="Dr. Later")  # of other words, later
    review(page, days_ago=30)  # of these words, earlier, recorded afterwards (an import)
    status = status_of(page)
    assert status.state == CHANGED and status.reviewer_name == "Dr. Later"
    assert statuses([page])[0].review.reviewer_name == "Dr. Later"


def test_of_two_reviews_made_at_the_same_moment_the_one_recorded_last_counts():
    page = item(text="Take two tablets.")
    moment = timezone.localtime() - datetime.timedelta(days=1)
    review(page, reviewed_at=moment, name="Dr. First")
    review(page, text="Take one tablet.", reviewed_at=moment, name="Dr. Second")
    assert status_of(page).reviewer_name == statuses([page])[0].reviewer_name == "Dr. Second"


def test_a_review_of_another_page_kind_or_language_does_not_count():
    page = item()
    review(item(key="another-page"))
    review(item(kind="card"))
    review(item(language="es"))
    assert status_of(page).state == NEVER and statuses([page])[0].state == NEVER


def test_a_renamed_page_keeps_the_review_of_its_old_name():
    page = item(key="new-name", old_keys=["old-name"])
    review(page, key="old-name")
    assert status_of(page).state == REVIEWED and statuses([page])[0].state == REVIEWED


@pytest.mark.parametrize(
    "reviewed_days_ago,overdue,due_soon",
    [
        (400 - 31, False, False),  # due in 31 days
        (400 - 30, False, True),  # due in 30 days
        (400, False, True),  # due today
        (401, True, False),  # due yesterday
    ],
)
def test_a_review_is_due_soon_within_thirty_days_and_overdue_the_day_after_it_falls_due(
    settings, reviewed_days_ago, overdue, due_soon
):
    settings.REVIEW_INTERVAL_DAYS = 400
    page = item()
    review(page, days_ago=reviewed_days_ago)
    status = status_of(page)
    assert (status.overdue, status.due_soon) == (overdue, due_soon)


def test_the_queue_sorts_and_counts_what_waits_for_a_clinician(settings):
    settings.REVIEW_INTERVAL_DAYS = 400
    never = item("never")
    changed_old, changed_new = item("changed-old", "New words.", 9), item("changed-new", "New words.", 1)
    soon_late, soon_early = item("soon-late"), item("soon-early")
    overdue_a, overdue_b = item("overdue-a"), item("overdue-b")
    fine = item("fine")
    for page in (changed_old, changed_new):
        review(page, text="Old words.")
    review(soon_late, days_ago=375)
    review(soon_early, days_ago=395)
    review(overdue_a, days_ago=450)
    review(overdue_b, days_ago=500)
    review(fine, days_ago=1)
    waiting = queue([fine, overdue_a, soon_late, changed_old, never, overdue_b, soon_early, changed_new])
    keys = {name: [s.item.key for s in getattr(waiting, name)] for name in ("never", "changed", "due_soon", "overdue")}
    assert keys == {
        "never": ["never"],
        "changed": ["changed-new", "changed-old"],  # the latest change first
        "due_soon": ["soon-early", "soon-late"],  # the first due first
        "overdue": ["overdue-b", "overdue-a"],  # the longest overdue first
    }
    assert waiting.counts == {"never": 1, "changed": 2, "due_soon": 2, "overdue": 2}
    assert waiting.waiting == 5  # due soon is a heads-up, not yet waiting


# Approving: only a clinical reviewer, named on the page, and only the words they read.


def test_a_reviewer_s_approval_records_exactly_what_they_read_with_their_name_as_patients_see_it(django_user_model):
    reviewer = make_reviewer(django_user_model, name="  Dr. Ada Example ", credentials=" MD, pain medicine  ")
    page = item()
    version = SiteState.version()
    made = approve(page, reviewer, page.fingerprint, note="  Checked against NICE NG59.  ")
    stored = Review.objects.get()
    assert stored == made
    assert (stored.kind, stored.key, stored.language, stored.fingerprint, stored.text) == (
        "article", "dose", "en", page.fingerprint, "Take one tablet."
    )  # fmt: skip
    assert (stored.reviewer, stored.reviewer_name, stored.reviewer_credentials, stored.note) == (
        reviewer, "Dr. Ada Example", "MD, pain medicine", "Checked against NICE NG59."
    )  # fmt: skip
    assert SiteState.version() != version  # pages showing the review are not served from the cache


def test_a_long_note_is_kept_to_two_thousand_characters(django_user_model):
    reviewer = make_reviewer(django_user_model)
    page = item()
    assert len(approve(page, reviewer, page.fingerprint, note="n" * 2500).note) == 2000


def test_words_that_changed_while_the_reviewer_read_them_are_not_approved(django_user_model):
    reviewer = make_reviewer(django_user_model)
    seen = item(text="Take one tablet.").fingerprint
    with pytest.raises(ValidationError) as caught:
        approve(item(text="Take two tablets."), reviewer, seen)
    assert caught.value.messages == ["The page changed while you were reading it. Read the new text, then approve it."]
    assert not Review.objects.exists()


@pytest.mark.parametrize("name,credentials", [("", "MD"), ("   ", "MD"), ("Dr. Ada", ""), ("Dr. Ada", "  ")])
def test_a_reviewer_must_have_a_name_and_credentials_to_show(django_user_model, name, credentials):
    reviewer = make_reviewer(django_user_model, name=name, credentials=credentials)
    page = item()
    with pytest.raises(ValidationError) as caught:
        approve(page, reviewer, page.fingerprint)
    assert caught.value.messages == ["Add your name and credentials to your reviewer profile first: the page shows them."]
    assert not Review.objects.exists()


def test_a_reviewer_without_a_profile_is_asked_for_one(django_user_model):
    reviewer = make_reviewer(django_user_model)
    ReviewerProfile.objects.filter(user=reviewer).delete()
    page = item()
    with pytest.raises(ValidationError, match="Add your name and credentials"):
        approve(page, reviewer, page.fingerprint)


def test_only_an_active_clinical_reviewer_may_approve(django_user_model):
    page = item()
    staff = django_user_model.objects.create_user("staffer", password="a-long-test-password", is_staff=True)
    ReviewerProfile.objects.create(user=staff, name="Staff Member", credentials="RN")
    former = make_reviewer(django_user_model)
    former.is_active = False
    former.save()
    for user in (staff, former):
        assert not can_approve(user)
        with pytest.raises(PermissionDenied) as caught:
            approve(page, user, page.fingerprint)
        assert str(caught.value) == "Only clinical reviewers can approve a page."
    assert not Review.objects.exists()
    staff.user_permissions.add(Permission.objects.get(codename="approve_page"))
    staff = django_user_model.objects.get(pk=staff.pk)  # permissions are cached on the user object
    assert can_approve(staff) and approve(page, staff, page.fingerprint).reviewer_name == "Staff Member"


def test_a_spanish_page_s_approval_is_recorded_for_the_spanish_page(django_user_model):
    reviewer = make_reviewer(django_user_model)
    page = item(language="es", text="Tome una pastilla.")
    made = approve(page, reviewer, page.fingerprint)
    assert (made.language, made.note) == ("es", "")  # and no note was written, so none is shown
    assert status_of(page).state == REVIEWED and status_of(item()).state == NEVER
