"""The treatments admin: lists, search, add, change, validation and permissions."""

import re

import pytest
from django.contrib.auth.models import Permission
from modeltranslation.translator import translator

from core.models import SiteState
from tests.treatments.conftest import TREATMENT_TEXT, make_card, make_treatment
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    return client


def _form_data(client, url, **values):
    """The add/change form's management data, so inline formsets validate like a browser's post."""
    html = client.get(url).content.decode()
    data = {}
    for prefix in set(re.findall(r'name="([\w-]+)-TOTAL_FORMS"', html)):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(values)
    return data


def english_fields(model, values):
    """The admin shows a translated field as FIELD_en and FIELD_es: post the English under its own name."""
    translated = set(translator.get_options_for_model(model).fields)
    return {(f"{name}_en" if name in translated else name): value for name, value in values.items()}


def _treatment_post(client, url, card=None, **overrides):
    markdown = {field: f"{field} text" for field in Treatment.MARKDOWN_FIELDS}
    values = {"name": "New therapy", "slug": "new-therapy", "published": "2024-01-01"} | TREATMENT_TEXT | markdown | overrides
    data = _form_data(client, url, **english_fields(Treatment, values))
    if card:
        data.update({"treatmentcarecard_set-TOTAL_FORMS": "1", "treatmentcarecard_set-0-card": str(card.pk)})
    return client.post(url, data)


def test_list_shows_status_and_last_change(admin_client, treatment):
    html = admin_client.get("/admin/treatments/treatment/").content.decode()
    assert "Updated at" in html and "Published" in html and "Test heat therapy" in html


def test_search_finds_by_plain_alias(admin_client, treatment):
    make_treatment(slug="other", name="Other therapy", plain_alias="something else")
    html = admin_client.get("/admin/treatments/treatment/?q=quiet").content.decode()
    assert "Test heat therapy" in html and "Other therapy" not in html


def test_add_with_a_care_card_creates_a_sanitized_entry(admin_client, db):
    card = make_card()
    response = _treatment_post(
        admin_client, "/admin/treatments/treatment/add/", card=card, overview="Hi <script>alert(1)</script>"
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    treatment = Treatment.objects.get(slug="new-therapy")
    assert "<script" not in treatment.html("overview")
    assert list(treatment.care_cards.all()) == [card]


def test_add_without_a_care_card_is_refused_with_a_message(admin_client, db):
    response = _treatment_post(admin_client, "/admin/treatments/treatment/add/")
    assert response.status_code == 200
    assert "Add at least one" in response.content.decode()
    assert not Treatment.objects.filter(slug="new-therapy").exists()


def test_missing_section_and_duplicate_slug_name_their_fields(admin_client, treatment):
    response = _treatment_post(admin_client, "/admin/treatments/treatment/add/", card=make_card(), slug="test-heat", results="")
    errors = response.context["adminform"].form.errors
    assert "slug" in errors and "results_en" in errors


def test_change_updates_the_page_and_bumps_the_content_version(admin_client, client, treatment):
    before = SiteState.current().content_version
    url = f"/admin/treatments/treatment/{treatment.pk}/change/"
    card = treatment.care_cards.get()
    data = _form_data(admin_client, url)
    html = admin_client.get(url).content.decode()
    initial = re.search(r'name="treatmentcarecard_set-0-id" value="(\d+)"', html).group(1)
    data.update({"treatmentcarecard_set-TOTAL_FORMS": "1", "treatmentcarecard_set-INITIAL_FORMS": "1"})
    data.update(
        {
            "treatmentcarecard_set-0-id": initial,
            "treatmentcarecard_set-0-card": str(card.pk),
            "treatmentcarecard_set-0-treatment": str(treatment.pk),
        }
    )
    markdown = {field: getattr(treatment, field) for field in Treatment.MARKDOWN_FIELDS}
    values = TREATMENT_TEXT | markdown | {"name": treatment.name, "slug": treatment.slug, "published": "2024-01-01"}
    data.update(english_fields(Treatment, values))
    data["overview_en"] = "A freshly edited overview."
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteState.current().content_version > before
    assert "A freshly edited overview." in client.get("/treatments/test-heat/").content.decode()


def test_logged_out_users_are_sent_to_log_in(client, treatment):
    response = client.get("/admin/treatments/treatment/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_rights_are_refused(client, django_user_model, treatment):
    user = django_user_model.objects.create_user("helper", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/treatments/treatment/").status_code == 403
    assert client.get(f"/admin/treatments/treatment/{treatment.pk}/change/").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_treatment"))
    assert client.get("/admin/treatments/treatment/").status_code == 200
    assert client.post(f"/admin/treatments/treatment/{treatment.pk}/delete/", {"post": "yes"}).status_code == 403


def test_picture_upload_is_checked_and_named_in_the_error(admin_client, db, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    svg = SimpleUploadedFile("drawing.svg", b"<svg onload=alert(1)/>", content_type="image/svg+xml")
    response = _treatment_post(admin_client, "/admin/treatments/treatment/add/", card=make_card(), image=svg, image_alt="x")
    errors = response.context["adminform"].form.errors
    assert "drawing.svg" in errors["image"][0] and "SVG files are not accepted" in errors["image"][0]


def test_valid_picture_upload_gets_renditions_and_needs_alt_text(admin_client, db, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pictures.models import ImageAsset
    from tests.pictures.test_images import photo

    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("spine.jpg", photo(1200, 800), content_type="image/jpeg")
    response = _treatment_post(admin_client, "/admin/treatments/treatment/add/", card=make_card(), image=upload, image_alt="")
    assert "image_alt_en" in response.context["adminform"].form.errors
    upload = SimpleUploadedFile("spine.jpg", photo(1200, 800), content_type="image/jpeg")
    response = _treatment_post(
        admin_client, "/admin/treatments/treatment/add/", card=make_card(), image=upload, image_alt="A spine"
    )
    assert response.status_code == 302
    treatment = Treatment.objects.get(slug="new-therapy")
    asset = ImageAsset.objects.get(key=treatment.image_key)
    assert sorted(set(asset.renditions.values_list("width", flat=True))) == [480, 720, 960]
