from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        from articles import datafiles

        from .glossary import GLOSSARY_FILE, parse_glossary
        from .glossary_store import save_glossary

        datafiles.register(datafiles.DataFile(GLOSSARY_FILE, parse_glossary, save_glossary))
