"""Rebuild the search index from the database (after a restore, or a change of search settings)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.indexer import rebuild


class Command(BaseCommand):
    help = "Drop and rebuild the full-text search index for every article, treatment, condition and glossary term."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild()
        self.stdout.write(f"Indexed {count} documents.")
