"""load_starter: a release's new starter entries reach a running site; what an admin edited or deleted stays theirs."""

import copy

import pytest
from django.core.management import call_command

from tests.treatments.conftest import NEW_IN_THIS_RELEASE
from treatments import starter
from treatments.loading import load_starter
from treatments.models import CareCard, Condition, StarterRecord, Treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    return client


@pytest.fixture
def shipped():
    """The starter files as they ship, already on the site."""
    data = starter.read()
    load_starter(data)
    return data


def _with_new_treatment(data):
    newer = copy.deepcopy(data)
    entry = copy.deepcopy(next(e for e in newer["treatments"] if e["slug"] == "nerve-blocks"))
    entry.update(slug="new-release-therapy", name="New release therapy", other_names=["new shot"])
    newer["treatments"].append(entry)
    return newer


def test_a_second_run_changes_nothing(shipped):
    report = load_starter(shipped)
    assert not report.changed and not report.kept
    assert len(report.unchanged) == len(shipped["care_cards"]) + len(shipped["conditions"]) + len(shipped["treatments"])


def test_a_later_release_adds_its_new_entry_with_links_cards_and_risks(shipped, client):
    report = load_starter(_with_new_treatment(shipped))
    assert report.created == ["treatment new-release-therapy"] and not report.updated
    added = Treatment.objects.get(slug="new-release-therapy")
    assert added.risks.count() == len(next(e for e in shipped["treatments"] if e["slug"] == "nerve-blocks")["risks"])
    assert added.care_cards.exists() and added.conditions.exists()
    assert client.get("/treatments/new-release-therapy/").status_code == 200


def test_unedited_entries_get_the_newer_starter_text(shipped):
    newer = copy.deepcopy(shipped)
    newer["treatments"][0]["summary"] = "A corrected summary that a later release ships."
    report = load_starter(newer)
    assert report.updated == [f"treatment {newer['treatments'][0]['slug']}"]
    assert Treatment.objects.get(slug=newer["treatments"][0]["slug"]).summary.startswith("A corrected summary")


def test_a_card_an_admin_edited_is_never_overwritten(shipped, admin_client):
    record = StarterRecord.objects.get(kind="card", key=shipped["care_cards"][0]["slug"])
    url = f"/admin/treatments/carecard/{record.object_id}/change/"
    response = admin_client.post(
        url,
        {
            "urgency": "emergency",
            "title_en": "Our clinic's own title",
            "slug": record.key,
            "summary_en": "our words",
            "body_en": "- Our own words",
        },
    )
    assert response.status_code == 302
    newer = copy.deepcopy(shipped)
    newer["care_cards"][0]["body"] = "- A newer starter body"
    report = load_starter(newer)
    assert (f"card {record.key}", "edited by an admin") in report.kept
    assert CareCard.objects.get(pk=record.object_id).body == "- Our own words"


def test_an_entry_an_admin_deleted_is_not_brought_back(shipped, admin_client):
    condition = Condition.objects.get(slug="sacroiliac-joint-pain")
    response = admin_client.post(f"/admin/treatments/condition/{condition.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    report = load_starter(shipped)
    assert ("condition sacroiliac-joint-pain", "deleted by an admin") in report.kept
    assert not Condition.objects.filter(slug="sacroiliac-joint-pain").exists()


def test_an_entry_made_by_hand_at_a_starter_address_is_left_alone(shipped):
    newer = _with_new_treatment(shipped)
    Treatment.objects.create(**{**{f: "x" for f in starter.TREATMENT_TEXT}, "slug": "new-release-therapy"})
    report = load_starter(newer)
    assert ("treatment new-release-therapy", "an entry with this address was made by hand") in report.kept
    assert Treatment.objects.get(slug="new-release-therapy").name == "x"


def test_incomplete_starter_files_change_nothing_and_say_why(shipped):
    broken = copy.deepcopy(shipped)
    broken["treatments"][0]["results"] = ""
    with pytest.raises(ValueError, match="'results' is missing or empty"):
        load_starter(broken)


def test_the_command_prints_what_it_did(capsys, shipped):
    call_command("load_starter")
    assert "0 added, 0 updated" in capsys.readouterr().out


def test_a_site_from_the_last_release_gets_the_new_pages_and_keeps_its_edited_ones(shipped, client):
    for kind, model in (("treatment", Treatment), ("condition", Condition)):
        model.objects.filter(slug__in=NEW_IN_THIS_RELEASE[kind]).delete()
        StarterRecord.objects.filter(kind=kind, key__in=NEW_IN_THIS_RELEASE[kind]).delete()
    edited = Treatment.objects.get(slug="nerve-blocks")
    edited.summary = "Our clinic's own summary of nerve blocks."
    edited.save()
    StarterRecord.mark_edited(edited)  # what an admin save does (tested through the admin above)

    report = load_starter(shipped)

    assert sorted(report.created) == sorted(f"{kind} {slug}" for kind, slugs in NEW_IN_THIS_RELEASE.items() for slug in slugs)
    assert ("treatment nerve-blocks", "edited by an admin") in report.kept
    assert Treatment.objects.get(slug="nerve-blocks").summary == "Our clinic's own summary of nerve blocks."
    for slug in NEW_IN_THIS_RELEASE["treatment"]:
        assert client.get(f"/treatments/{slug}/").status_code == 200
    for slug in NEW_IN_THIS_RELEASE["condition"]:
        assert client.get(f"/conditions/{slug}/").status_code == 200
