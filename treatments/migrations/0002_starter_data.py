"""Load the starter treatments, conditions and care cards so a fresh site shows them; admins edit them after."""

from django.db import migrations


def load_starter(apps, schema_editor):
    from treatments import starter

    if apps.get_model("treatments", "Treatment").objects.exists():
        return
    starter.load(apps)


def remove_starter(apps, schema_editor):
    for name in ("Treatment", "Condition", "CareCard"):
        apps.get_model("treatments", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("treatments", "0001_initial")]

    operations = [migrations.RunPython(load_starter, remove_starter)]
