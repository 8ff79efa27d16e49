"""The first starter treatments, conditions and care cards, frozen as they shipped.

The data sits beside this file (0002_starter_data.json) with its Markdown
already rendered, and nothing here imports the project's live code, so later
changes to the starter text or its reader can never break a fresh install.
Newer starter entries reach a site through `manage.py load_starter`.
"""

import json
from pathlib import Path

from django.db import migrations

FROZEN = Path(__file__).with_name("0002_starter_data.json")


def _add_faqs(model, owner_field, owner, faqs):
    for order, faq in enumerate(faqs):
        model.objects.create(**{owner_field: owner}, order=order, **faq)


def load_starter(apps, schema_editor):
    if apps.get_model("treatments", "Treatment").objects.exists():
        return
    data = json.loads(FROZEN.read_text(encoding="utf-8"))
    CareCard = apps.get_model("treatments", "CareCard")
    cards = {card.pop("key"): CareCard.objects.create(**card) for card in data["care_cards"]}
    conditions = {}
    for entry in data["conditions"]:
        condition = apps.get_model("treatments", "Condition").objects.create(**entry["fields"])
        for key in entry["care_cards"]:
            apps.get_model("treatments", "ConditionCareCard").objects.create(condition=condition, card=cards[key])
        _add_faqs(apps.get_model("treatments", "ConditionQuestion"), "condition", condition, entry["faqs"])
        conditions[condition.slug] = condition
    treatments = {}
    for entry in data["treatments"]:
        treatment = apps.get_model("treatments", "Treatment").objects.create(**entry["fields"])
        for key in entry["care_cards"]:
            apps.get_model("treatments", "TreatmentCareCard").objects.create(treatment=treatment, card=cards[key])
        for order, risk in enumerate(entry["risks"]):
            apps.get_model("treatments", "Risk").objects.create(treatment=treatment, order=order, **risk)
        _add_faqs(apps.get_model("treatments", "TreatmentQuestion"), "treatment", treatment, entry["faqs"])
        treatment.conditions.add(*[conditions[slug] for slug in entry["conditions"]])
        treatments[treatment.slug] = treatment
    for entry in data["conditions"]:
        for slug in entry["treatments"]:
            treatments[slug].conditions.add(conditions[entry["fields"]["slug"]])


def remove_starter(apps, schema_editor):
    for name in ("Treatment", "Condition", "CareCard"):
        apps.get_model("treatments", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("treatments", "0001_initial")]

    operations = [migrations.RunPython(load_starter, remove_starter)]
