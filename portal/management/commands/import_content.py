"""Load a file written by export_content into this database, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import ImportRefused, import_document


class Command(BaseCommand):
    help = (
        "Import an export_content FILE. The database must have no content, or pass --replace to delete "
        "it first. The whole file is checked; if any part is invalid nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help="Delete the existing content first.")

    def handle(self, *args, file, replace, **options):
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        try:
            counts = import_document(text, replace=replace)
        except ImportRefused as exc:
            raise CommandError(f"nothing imported: {exc}") from exc
        total = sum(counts.values())
        self.stdout.write(f"imported {total} objects from {file}")
