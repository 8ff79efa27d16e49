# GlossaryTerm moved here from core: the table is kept, only Django's record of its owner changes.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="GlossaryTerm",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("term", models.CharField(max_length=60, unique=True)),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                        ("forms", models.JSONField(blank=True, default=list)),
                        ("definition", models.TextField()),
                        ("definition_html", models.TextField()),
                    ],
                    options={"ordering": ["term"], "db_table": "core_glossaryterm"},
                ),
            ],
            database_operations=[],
        ),
    ]
