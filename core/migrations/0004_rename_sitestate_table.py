from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0003_models_moved_between_apps"), ("articles", "0006_sitestate_moved_to_core")]

    operations = [migrations.AlterModelTable(name="sitestate", table=None)]
