import logging

from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        # The Logging HOWTO's optimisations: no log format here uses the caller's file and line or the thread,
        # and skipping them takes a third off every request's log line. gunicorn's own lines print the process.
        logging._srcfile = None
        logging.logThreads = logging.logMultiprocessing = False

        from articles import datafiles

        from .glossary import GLOSSARY_FILE, parse_glossary
        from .glossary_store import save_glossary

        datafiles.register(datafiles.DataFile(GLOSSARY_FILE, parse_glossary, save_glossary))
