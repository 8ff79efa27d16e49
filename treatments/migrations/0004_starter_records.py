"""Record which entries came from the first starter data (migration 0002), and which an admin has since changed.

`load_starter` updates only entries nobody edited. An entry counts as edited
here when any of its text, risks, questions, cards or links differs from what
0002 shipped (read from the frozen 0002_starter_data.json, never live code).
"""

import json
from pathlib import Path

from django.db import migrations, models

FROZEN = Path(__file__).with_name("0002_starter_data.json")


def _faqs(queryset):
    return [{"question": q.question, "answer": q.answer} for q in queryset.order_by("order", "id")]


def _shipped_faqs(faqs):
    return [{"question": faq["question"], "answer": faq["answer"]} for faq in faqs]


def _same_fields(obj, fields):
    return all(getattr(obj, name) == value for name, value in fields.items() if name != "rendered")


def record_shipped_entries(apps, schema_editor):
    StarterRecord = apps.get_model("treatments", "StarterRecord")
    data = json.loads(FROZEN.read_text(encoding="utf-8"))
    CareCard = apps.get_model("treatments", "CareCard")
    card_keys = {}
    for card in data["care_cards"]:
        match = CareCard.objects.filter(urgency=card["urgency"], title=card["title"], body=card["body"]).exclude(
            pk__in=card_keys.values()
        ).first()
        if match:
            card_keys[card["key"]] = match.pk
        StarterRecord.objects.create(kind="card", key=card["key"], object_id=match.pk if match else None, edited=not match)
    for kind, model_name in (("condition", "Condition"), ("treatment", "Treatment")):
        for entry in data[f"{kind}s"]:
            obj = apps.get_model("treatments", model_name).objects.filter(slug=entry["fields"]["slug"]).first()
            StarterRecord.objects.create(
                kind=kind, key=entry["fields"]["slug"], object_id=obj.pk if obj else None,
                edited=obj is None or not _unchanged(kind, obj, entry, card_keys),
            )


def _unchanged(kind, obj, entry, card_keys):
    cards = sorted(card_keys.get(key, -1) for key in entry["care_cards"])
    if not _same_fields(obj, entry["fields"]) or sorted(obj.care_cards.values_list("pk", flat=True)) != cards:
        return False
    if kind == "condition":
        return _faqs(obj.faqs) == _shipped_faqs(entry["faqs"])
    risks = [{"kind": r.kind, "description": r.description, "frequency": r.frequency} for r in obj.risks.order_by("order", "id")]
    return risks == entry["risks"] and _faqs(obj.faqs) == _shipped_faqs(entry["faqs"])


class Migration(migrations.Migration):

    dependencies = [
        ('treatments', '0003_entry_pictures'),
    ]

    operations = [
        migrations.CreateModel(
            name='StarterRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('card', 'Care card'), ('condition', 'Condition'), ('treatment', 'Treatment')], max_length=10)),
                ('key', models.CharField(help_text="The entry's slug (a care card's key) in the starter files.", max_length=80)),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True)),
                ('applied_hash', models.CharField(blank=True, help_text='Which version of the starter text was applied.', max_length=64)),
                ('edited', models.BooleanField(default=False, help_text='An admin changed or deleted it, so load_starter leaves it alone.')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('kind', 'key'), name='one_starter_record_per_entry')],
            },
        ),
        migrations.RunPython(record_shipped_entries, migrations.RunPython.noop),
    ]
