"""Write all content, drafts included, to a JSON file (the backup; see README "Backup and moving")."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import write_export, write_file


class Command(BaseCommand):
    help = "Export all content (every language, drafts included) to FILE, or to standard output with '-'."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON; '-' for standard output.")

    def handle(self, *args, file, **options):
        if file == "-":
            write_export(sys.stdout)
            return
        try:
            write_file(Path(file))
        except OSError as exc:
            raise CommandError(f"nothing exported: cannot write {file}: {exc.strerror or exc}") from exc
        self.stderr.write(f"exported all content to {file}")
