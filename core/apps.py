import logging

from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        # The Logging HOWTO's optimisations: the log format uses none of the caller's file and line, thread or
        # process, and skipping them takes a third off every request's log line.
        logging._srcfile = None
        logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False

        from articles import datafiles

        from .glossary import GLOSSARY_FILE, parse_glossary
        from .glossary_store import save_glossary

        datafiles.register(datafiles.DataFile(GLOSSARY_FILE, parse_glossary, save_glossary))
