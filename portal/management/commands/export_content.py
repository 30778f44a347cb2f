"""Write all content, drafts included, to a JSON file (the backup; see README "Backup and moving")."""

import sys

from django.core.management.base import BaseCommand

from portal.backup import write_export


class Command(BaseCommand):
    help = "Export all content (every language, drafts included) to FILE, or to standard output with '-'."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON; '-' for standard output.")

    def handle(self, *args, file, **options):
        if file == "-":
            write_export(sys.stdout)
            return
        with open(file, "w", encoding="utf-8", newline="\n") as stream:
            write_export(stream)
        self.stderr.write(f"exported all content to {file}")
