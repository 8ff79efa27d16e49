# core keeps only site-wide state: SiteState arrives from articles; the glossary and pictures move to their own
# apps. Tables are kept (state only here); later migrations give them their new apps' names.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_image_assets"),
        ("glossary", "0001_initial"),
        ("pictures", "0001_initial"),
        ("articles", "0005_public_order_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Rendition"),
                migrations.DeleteModel(name="ImageAsset"),
                migrations.DeleteModel(name="GlossaryTerm"),
                migrations.CreateModel(
                    name="SiteState",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("content_version", models.PositiveBigIntegerField(default=0)),
                        ("synced_at", models.DateTimeField(blank=True, null=True)),
                    ],
                    options={"db_table": "articles_sitestate"},
                ),
            ],
            database_operations=[],
        ),
    ]
