"""Care cards get a slug (pages place them by it) and a one-line summary; 'urgent' becomes 'same_day'.
Risks get a frequency band, whether they pass or last, and a flag for 'At a glance'. Entries get key
points. Sources become citations (title, publisher, web address, day checked): each old line is kept as
a citation's title, so nothing is lost, and check_content asks for the rest.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils.text import slugify

BANDS = [
    ("very_common", "Very common (more than 1 in 10 people)"),
    ("common", "Common (between 1 in 10 and 1 in 100 people)"),
    ("uncommon", "Uncommon (between 1 in 100 and 1 in 1,000 people)"),
    ("rare", "Rare (between 1 in 1,000 and 1 in 10,000 people)"),
    ("very_rare", "Very rare (fewer than 1 in 10,000 people)"),
    ("not_known", "How often is not known (the studies do not say how often)"),
]
URGENCIES = [
    ("emergency", "Emergency: call 911 now"),
    ("same_day", "Same day: call your doctor today"),
    ("soon", "Soon: make an appointment"),
]


def _lines(text):
    return [line.strip().lstrip("-* ").strip() for line in (text or "").splitlines() if line.strip().lstrip("-* ").strip()]


def forward(apps, schema_editor):
    CareCard = apps.get_model("treatments", "CareCard")
    StarterRecord = apps.get_model("treatments", "StarterRecord")
    keys = {record.object_id: record.key for record in StarterRecord.objects.filter(kind="card")}
    taken = set()
    for card in CareCard.objects.order_by("pk"):
        slug = keys.get(card.pk) or slugify(f"{card.urgency}-{card.title}")[:70] or "card"
        while slug in taken:
            slug = f"{slug[:70]}-{card.pk}"
        taken.add(slug)
        card.slug = slug
        card.urgency = "same_day" if card.urgency == "urgent" else card.urgency
        card.summary = card.title[:200]
        card.save(update_fields=["slug", "urgency", "summary"])
    for owner, source_model in (("Treatment", "TreatmentSource"), ("Condition", "ConditionSource")):
        Source = apps.get_model("treatments", source_model)
        for entry in apps.get_model("treatments", owner).objects.all():
            for order, line in enumerate(_lines(entry.old_sources)):
                Source.objects.create(**{owner.lower(): entry}, title=line[:300], order=order)
    Risk = apps.get_model("treatments", "Risk")
    for risk in Risk.objects.all():
        serious = risk.kind == "serious"
        risk.band, risk.course = ("rare", "lasts") if serious else ("common", "passes")
        risk.save(update_fields=["band", "course"])


def source_model(owner):
    return migrations.CreateModel(
        name=f"{owner}Source",
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("title", models.CharField(help_text="The page's name as its publisher gives it.", max_length=300)),
            ("publisher", models.CharField(blank=True, help_text="Who published it, for example 'NHS' or 'NICE'.", max_length=120)),
            ("url", models.URLField(blank=True, help_text="The page's address, starting with https://.", max_length=500, verbose_name="Web address")),
            ("checked", models.DateField(blank=True, help_text="The day someone last opened the link.", null=True, verbose_name="Link checked")),
            ("order", models.PositiveSmallIntegerField(default=0)),
            (owner.lower(), models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="sources", to=f"treatments.{owner.lower()}")),
        ],
        options={"ordering": ["order", "id"], "abstract": False},
    )


class Migration(migrations.Migration):
    dependencies = [("treatments", "0004_starter_records")]

    operations = [
        migrations.AddField("carecard", "slug", models.SlugField(max_length=80, null=True, db_index=False)),
        migrations.AddField("carecard", "summary", models.CharField(default="", max_length=200)),
        migrations.AddField("treatment", "key_points", models.TextField(default="")),
        migrations.AddField("condition", "key_points", models.TextField(default="")),
        migrations.AddField("risk", "band", models.CharField(choices=BANDS, default="not_known", max_length=12)),
        migrations.AddField("risk", "course", models.CharField(default="passes", max_length=6)),
        migrations.AddField("risk", "important", models.BooleanField(default=False)),
        migrations.RenameField("treatment", "sources", "old_sources"),
        migrations.RenameField("condition", "sources", "old_sources"),
        source_model("Treatment"),
        source_model("Condition"),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.RemoveField("treatment", "old_sources"),
        migrations.RemoveField("condition", "old_sources"),
        migrations.RemoveField("risk", "kind"),
        migrations.AlterField("carecard", "slug", models.SlugField(max_length=80, unique=True)),
    ]
