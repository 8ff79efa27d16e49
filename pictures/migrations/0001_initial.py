# ImageAsset and Rendition moved here from core: the tables are kept, only Django's record of their owner changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("core", "0002_image_assets")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImageAsset",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=300, unique=True)),
                        ("content_hash", models.CharField(max_length=64)),
                        ("size", models.BigIntegerField(default=0)),
                        ("mtime_ns", models.BigIntegerField(default=0)),
                        ("width", models.PositiveIntegerField(default=0)),
                        ("height", models.PositiveIntegerField(default=0)),
                        ("error", models.TextField(blank=True)),
                    ],
                    options={"db_table": "core_imageasset"},
                ),
                migrations.CreateModel(
                    name="Rendition",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("width", models.PositiveIntegerField()),
                        ("height", models.PositiveIntegerField()),
                        ("format", models.CharField(max_length=4)),
                        ("name", models.CharField(max_length=200, unique=True)),
                        (
                            "asset",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="renditions", to="pictures.imageasset"
                            ),
                        ),
                    ],
                    options={"ordering": ["width"], "db_table": "core_rendition"},
                ),
            ],
            database_operations=[],
        ),
    ]
