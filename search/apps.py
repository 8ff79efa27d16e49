from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"

    def ready(self):
        from core import datafiles

        from . import signals  # noqa: F401  (connects receivers)
        from .synonyms import SPANISH_SYNONYMS_FILE, SYNONYMS_FILE, parse_synonyms, save_synonyms

        datafiles.register(datafiles.DataFile(SYNONYMS_FILE, parse_synonyms, save_synonyms))
        datafiles.register(datafiles.DataFile(SPANISH_SYNONYMS_FILE, parse_synonyms, save_synonyms, language="es"))
