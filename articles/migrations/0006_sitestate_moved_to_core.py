from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_public_order_index"), ("core", "0003_models_moved_between_apps")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="SiteState")], database_operations=[]),
    ]
