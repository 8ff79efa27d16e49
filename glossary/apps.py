from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "glossary"

    def ready(self):
        from core import datafiles

        from .datafile import GLOSSARY_FILE, SPANISH_GLOSSARY_FILE, parse_glossary
        from .store import save_glossary

        datafiles.register(datafiles.DataFile(GLOSSARY_FILE, parse_glossary, save_glossary))
        datafiles.register(datafiles.DataFile(SPANISH_GLOSSARY_FILE, parse_glossary, save_glossary, language="es"))
