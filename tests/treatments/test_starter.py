"""The starter data a fresh site shows: complete, plain and loaded by the migration."""

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
REQUIRED_TREATMENTS = {"nerve-blocks", "spinal-cord-stimulation", "radiofrequency-ablation"}


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
        "care_cards": [{"key": "c", "urgency": "sometime", "title": "t", "body": "b"}],
        "treatments": [{"slug": "x", "name": "X", "conditions": ["nope"], "care_cards": ["missing"], "risks": []}],
        "conditions": [],
    }
    problems = "\n".join(starter.validate(broken))
    assert "care card c: urgency must be" in problems
    assert "treatment x: 'overview' is missing or empty" in problems
    assert "treatment x: unknown conditions entry 'nope'" in problems
    assert "treatment x: unknown care_cards entry 'missing'" in problems
    assert "risks need both" in problems


@pytest.mark.django_db
def test_migration_loaded_the_starter_entries_fully_written():
    treatments = Treatment.objects.published()
    assert set(treatments.values_list("slug", flat=True)) >= REQUIRED_TREATMENTS
    assert set(Condition.objects.published().values_list("slug", flat=True)) >= REQUIRED_CONDITIONS
    for treatment in treatments:
        assert all(treatment.html(field) for field in Treatment.MARKDOWN_FIELDS), treatment.slug
        assert treatment.risks.filter(kind="common").exists() and treatment.risks.filter(kind="serious").exists()
        assert treatment.care_cards.exists() and treatment.faqs.exists() and treatment.conditions.exists()
        assert treatment.reviewed_by == ""
    for condition in Condition.objects.all():
        assert all(condition.html(field) for field in Condition.MARKDOWN_FIELDS), condition.slug
        assert condition.care_cards.exists() and condition.other_name_list


@pytest.mark.django_db
def test_starter_pages_render(client):
    for treatment in Treatment.objects.all():
        assert client.get(treatment.get_absolute_url()).status_code == 200
    for condition in Condition.objects.all():
        assert client.get(condition.get_absolute_url()).status_code == 200
