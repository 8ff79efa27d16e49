import itertools

import pytest

from treatments.models import CareCard, Condition, Treatment

_card_numbers = itertools.count(1)

# The pages this release adds to the clinic's range (issue 15).
NEW_IN_THIS_RELEASE = {
    "treatment": [
        "epidural-steroid-injections",
        "facet-joint-injections",
        "joint-injections",
        "sacroiliac-joint-injections",
        "vertebral-augmentation",
        "peripheral-nerve-stimulation",
        "intrathecal-drug-delivery",
        "trigger-point-injections",
    ],
    "condition": ["spinal-stenosis", "headache-and-occipital-neuralgia", "pain-after-spine-surgery"],
}

TREATMENT_TEXT = {
    "plain_alias": "using heat to quiet a pain nerve",
    "summary": "A test treatment.",
    "helps_with": "Back pain",
    "procedure_time": "About an hour",
    "sedation": "Awake, with numbing medicine",
    "imaging": "X-ray",
    "home_same_day": "Yes",
    "relief_starts": "In 2 to 3 weeks",
    "relief_lasts": "Months",
    "back_to_normal": "In a day or two",
    "invasiveness": "needle",
    "questions_to_ask": "Will it help me?\nWhat are the risks?",
    "key_points": "It may ease pain for a time.\nIt is not a cure.\nAsk about the risks first.",
}


def make_card(**overrides):
    number = next(_card_numbers)
    values = {
        "slug": f"test-card-{number}",
        "urgency": "emergency",
        "title": "After a test procedure",
        "summary": "sudden leg weakness",
        "body": "- Sudden leg weakness",
    } | overrides
    return CareCard.objects.create(**values)


def make_treatment(slug="test-heat", name="Test heat therapy", card=True, **overrides):
    markdown = {field: f"The {field} section. Plain words." for field in Treatment.MARKDOWN_FIELDS}
    treatment = Treatment.objects.create(slug=slug, name=name, **(TREATMENT_TEXT | markdown | overrides))
    if card:
        treatment.care_cards.add(make_card(title=f"After {name}"))
    return treatment


def make_condition(slug="test-ache", name="Test ache", card=True, **overrides):
    markdown = {field: f"The {field} section." for field in Condition.MARKDOWN_FIELDS}
    values = {
        "summary": "A test condition.",
        "lead": "An ache that is only for tests.",
        "other_names": "testy pain\nmock ache",
        "self_care_do": "Keep moving",
        "self_care_dont": "Don't rest for days",
        "questions_to_ask": "Why does it hurt?",
        "key_points": "It is common.\nIt often gets better.\nKeep moving.",
    }
    condition = Condition.objects.create(slug=slug, name=name, **(values | markdown | overrides))
    if card:
        condition.care_cards.add(make_card(urgency="soon", title=f"With {name}"))
    return condition


@pytest.fixture
def treatment(db):
    return make_treatment()


@pytest.fixture
def condition(db):
    return make_condition()
