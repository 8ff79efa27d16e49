"""What admins do: preview unsaved changes as patients will see them, see who changed what, restore a version."""

import re

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from core.models import SiteState
from tests.treatments.test_admin import _form_data
from treatments.models import Risk, Treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    return client


def change_url(treatment):
    return f"/admin/treatments/treatment/{treatment.pk}/change/"


def filled_form(client, treatment, **changes):
    """The change form as the browser would post it, inlines included, with some fields changed."""
    html = client.get(change_url(treatment)).content.decode()
    data = _form_data(client, change_url(treatment))
    for name, value in re.findall(r'<input[^>]+name="([^"]+)"[^>]+value="([^"]*)"', html):
        if not name.startswith("_"):  # the buttons: Save, Save and continue, Preview
            data.setdefault(name, value)
    for name, body in re.findall(r'<textarea[^>]+name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.DOTALL):
        data.setdefault(name, __import__("html").unescape(body.lstrip("\n")))
    for name, value in re.findall(r'<select[^>]+name="([^"]+)"[^>]*>.*?<option value="([^"]*)"[^>]*selected', html, re.DOTALL):
        data.setdefault(name, value)
    for name in re.findall(r'<input type="checkbox" name="([^"]+)"[^>]*checked', html):
        data[name] = "on"
    for prefix in set(re.findall(r'name="([\w-]+)-TOTAL_FORMS"', html)):
        data[f"{prefix}-TOTAL_FORMS"] = re.search(rf'name="{prefix}-TOTAL_FORMS"[^>]*value="(\d+)"', html).group(1)
        data[f"{prefix}-INITIAL_FORMS"] = re.search(rf'name="{prefix}-INITIAL_FORMS"[^>]*value="(\d+)"', html).group(1)
    data.update(changes)
    return data


def test_preview_shows_the_unsaved_change_as_patients_see_it_and_saves_nothing(admin_client):
    treatment = Treatment.objects.get(slug="nerve-blocks")
    version_before, risks_before = SiteState.version(), Risk.objects.filter(treatment=treatment).count()
    data = filled_form(admin_client, treatment, summary_en="A summary seen only in the preview.", _preview="Preview")
    response = admin_client.post(change_url(treatment), data)
    html = response.content.decode()
    assert response.status_code == 200, html[:2000]
    assert "A summary seen only in the preview." in html and "Preview of your unsaved changes" in html
    assert 'id="key-points-heading"' in html and "At a glance" in html
    assert Treatment.objects.get(pk=treatment.pk).summary != "A summary seen only in the preview."
    assert SiteState.version() == version_before and Risk.objects.filter(treatment=treatment).count() == risks_before
    assert not LogEntry.objects.exists() and not Version.objects.exists()
    assert "Preview of your unsaved changes" not in admin_client.get(treatment.get_absolute_url()).content.decode()


def test_a_save_is_kept_in_the_history_with_who_and_when_and_can_be_restored(admin_client):
    treatment = Treatment.objects.get(slug="radiofrequency-ablation")
    original = treatment.summary
    response = admin_client.post(change_url(treatment), filled_form(admin_client, treatment, summary_en="A first edit."))
    assert response.status_code == 302
    admin_client.post(change_url(treatment), filled_form(admin_client, treatment, summary_en="A second edit."))
    versions = Version.objects.get_for_object(treatment)
    assert [v.field_dict["summary"] for v in versions] == ["A second edit.", "A first edit."]
    assert versions[0].revision.user.username == "boss"
    history = admin_client.get(f"/admin/treatments/treatment/{treatment.pk}/history/").content.decode()
    assert all(f"/history/{version.pk}/" in history for version in versions) and "boss" in history
    first = versions[1]
    restore_url = f"/admin/treatments/treatment/{treatment.pk}/history/{first.pk}/"
    form = admin_client.get(restore_url).content.decode()
    assert "A first edit." in form
    admin_client.post(restore_url, filled_form(admin_client, treatment, summary_en="A first edit."))
    assert Treatment.objects.get(pk=treatment.pk).summary == "A first edit."
    assert original != "A first edit."


def test_deleted_risks_come_back_when_an_earlier_version_is_restored(admin_client):
    treatment = Treatment.objects.get(slug="spinal-cord-stimulation")
    with reversion.create_revision():
        treatment.save()
    risks = Risk.objects.filter(treatment=treatment).count()
    version = Version.objects.get_for_object(treatment).first()
    Risk.objects.filter(treatment=treatment).first().delete()
    version.revision.revert(delete=True)
    assert Risk.objects.filter(treatment=treatment).count() == risks
