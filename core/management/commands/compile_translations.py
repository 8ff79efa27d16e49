"""compile_translations: turn the Spanish catalog (locale/*/LC_MESSAGES/django.po) into the .mo files Django reads.

Django's own compilemessages needs GNU gettext's msgfmt, which a fresh machine
does not have; Babel (a Python package, pinned in requirements.txt) does the
same job. `make run`, `make test`, `make serve` and `make check` run this.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/django.po into django.mo (only those that changed)."

    def handle(self, *args, **options):
        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                with open(po_path, "rb") as handle:
                    try:
                        catalog = read_po(handle, locale=po_path.parent.parent.name, abort_invalid=True)
                    except Exception as exc:  # Babel raises its own PoFileError with the line
                        raise CommandError(f"{po_path}: {exc}") from None
                with open(mo_path, "wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                compiled += 1
        if options["verbosity"]:
            self.stdout.write(f"Compiled {compiled} translation catalog(s).")
