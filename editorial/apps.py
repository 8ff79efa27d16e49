from django.apps import AppConfig


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "Editorial tools"

    def ready(self):
        from . import previews

        previews.register_all()
