from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pictures", "0001_initial"), ("core", "0003_models_moved_between_apps")]

    operations = [
        migrations.AlterModelTable(name="imageasset", table=None),
        migrations.AlterModelTable(name="rendition", table=None),
    ]
