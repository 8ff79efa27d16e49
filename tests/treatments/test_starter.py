"""The starter data a site ships: complete, plain, safe, and loaded by load_starter."""

import pytest
from django.conf import settings

from treatments import starter
from treatments.models import Condition, Treatment

REQUIRED_CONDITIONS = {
    "back-and-neck-pain",
    "sciatica-and-radiculopathy",
    "complex-regional-pain-syndrome",
    "neuropathic-pain",
    "spinal-compression-fractures",
    "osteoarthritis-and-joint-pain",
    "sacroiliac-joint-pain",
}
REQUIRED_CONDITIONS |= {"spinal-stenosis", "headache-and-occipital-neuralgia", "pain-after-spine-surgery"}
REQUIRED_TREATMENTS = {
    "nerve-blocks", "spinal-cord-stimulation", "radiofrequency-ablation", "epidural-steroid-injections",
    "facet-joint-injections", "joint-injections", "sacroiliac-joint-injections", "vertebral-augmentation",
    "peripheral-nerve-stimulation", "intrathecal-drug-delivery", "trigger-point-injections",
}  # fmt: skip


@pytest.fixture(scope="module")
def data():
    return starter.read()


def test_starter_data_has_every_section_filled(data):
    assert starter.validate(data) == []
    assert {entry["slug"] for entry in data["treatments"]} == REQUIRED_TREATMENTS
    assert {entry["slug"] for entry in data["conditions"]} >= REQUIRED_CONDITIONS


def test_every_starter_page_reads_at_grade_8_or_below(data):
    grades = starter.grades(data)
    assert len(grades) >= 10
    too_hard = {key: grade for key, grade in grades.items() if grade > settings.CONTENT_READING_GRADE_TARGET}
    assert too_hard == {}


def test_starter_data_names_no_reviewer(data):
    for entry in data["treatments"] + data["conditions"]:
        assert not entry.get("reviewed_by") and not entry.get("reviewed")
        assert entry["sources"]


def test_validate_reports_missing_sections_and_unknown_links():
    broken = {
        "care_cards": [{"slug": "c", "urgency": "sometime", "title": "t", "summary": "s", "body": "b"}],
        "treatments": [
            {
                "slug": "x", "name": "X", "conditions": ["nope"], "care_cards": ["missing"], "key_points": ["Only one."],
                "risks": [{"description": "Bruising", "band": "rare", "frequency": "about 2 in 100", "important": True}],
                "sources": [{"title": "A page", "url": "javascript:alert(1)"}],
            }
        ],
        "conditions": [],
    }  # fmt: skip
    problems = "\n".join(starter.validate(broken))
    assert "care card c: urgency must be" in problems
    assert "treatment x: 'overview' is missing or empty" in problems
    assert "treatment x: unknown conditions entry 'nope'" in problems
    assert "treatment x: unknown care_cards entry 'missing'" in problems
    assert "care card c: urgency must be emergency, same_day, soon" in problems
    assert "treatment x: 'key_points' needs 3 to 5 items, not 1" in problems
    assert "'about 2 in 100' does not fit the band 'rare'" in problems and "'about 2 in 100' is common" in problems
    assert "is not a web address" in problems


@pytest.mark.django_db
def test_load_starter_put_every_entry_on_the_site_fully_written():
    treatments = Treatment.objects.published()
    assert set(treatments.values_list("slug", flat=True)) >= REQUIRED_TREATMENTS
    assert set(Condition.objects.published().values_list("slug", flat=True)) >= REQUIRED_CONDITIONS
    for treatment in treatments:
        assert all(treatment.html(field) for field in Treatment.MARKDOWN_FIELDS), treatment.slug
        assert treatment.risks.exists() and treatment.main_risks, treatment.slug
        assert treatment.care_cards.exists() and treatment.faqs.exists() and treatment.conditions.exists()
        assert 3 <= len(treatment.key_point_list) <= 5 and all(c.url for c in treatment.citations), treatment.slug
    for condition in Condition.objects.all():
        assert all(condition.html(field) for field in Condition.MARKDOWN_FIELDS), condition.slug
        assert condition.care_cards.exists() and condition.other_name_list


@pytest.mark.django_db
def test_starter_pages_render(client):
    for treatment in Treatment.objects.all():
        assert client.get(treatment.get_absolute_url()).status_code == 200
    for condition in Condition.objects.all():
        assert client.get(condition.get_absolute_url()).status_code == 200
