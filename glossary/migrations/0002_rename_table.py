from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("glossary", "0001_initial"), ("core", "0003_models_moved_between_apps")]

    operations = [migrations.AlterModelTable(name="glossaryterm", table=None)]
