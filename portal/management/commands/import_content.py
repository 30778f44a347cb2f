"""Load a file written by export_content into this database, all or nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backup import ImportRefused, content_is_empty, import_document, read_document, write_backup


class Command(BaseCommand):
    help = (
        "Import an export_content FILE. The database must have no content, or pass --replace to delete "
        "it first (the current content is saved to var/backups/ before). The whole file is checked; if "
        "any part is invalid nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help="Delete the existing content first.")

    def handle(self, *args, file, replace, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"nothing imported: cannot read {file}: {exc.strerror or exc}") from exc
        try:
            read_document(data)  # a file that cannot be imported must not cost a backup first
            if replace and not content_is_empty():
                backup = write_backup(Path(settings.AZAMAT_BACKUP_DIR))
                self.stdout.write(f"the current content was saved to {backup}")
            counts = import_document(data, replace=replace)
        except ImportRefused as exc:
            raise CommandError(f"nothing imported: {exc}") from exc
        total = sum(counts.values())
        self.stdout.write(f"imported {total} objects from {file}")
