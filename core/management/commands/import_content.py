"""Load a file written by export_content into this database, all or nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import (
    ImportRefused,
    check_content,
    content_is_empty,
    deletions,
    describe_deletions,
    import_models,
    read_document,
    write_backup,
)


class Command(BaseCommand):
    help = (
        "Import an export_content FILE. The database must have no content, or pass --replace to replace it "
        "(the current content is saved to var/backups/ first). A replacement that would delete content the "
        "file lacks says what and stops, unless --allow-deletions is given. The whole file is checked; if "
        "any part is invalid nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help="Replace the existing content.")
        parser.add_argument(
            "--allow-deletions",
            action="store_true",
            help="With --replace: delete what is in the database but not in the file (without it, refuse).",
        )

    def handle(self, *args, file, replace, allow_deletions, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"nothing imported: cannot read {file}: {exc.strerror or exc}") from exc
        try:
            models = read_document(data)  # a file that cannot be imported must not cost a backup first
            replacing = replace and not content_is_empty()
            if replacing:
                if (gone := deletions(models)) and not allow_deletions:
                    for line in describe_deletions(gone):
                        self.stderr.write(line)
                    total = sum(len(objects) for objects in gone.values())
                    raise ImportRefused(
                        f"the file lacks {total} object(s) the database has (listed above), which --replace "
                        "would delete; if that is intended, run again with --allow-deletions"
                    )
            check_content(models)  # what the file shows would be refused: before any backup or deletion
            if replacing:
                backup_dir = Path(settings.AZAMAT_BACKUP_DIR)
                try:
                    backup = write_backup(backup_dir)
                except OSError as exc:
                    raise ImportRefused(
                        f"cannot save the current content to {backup_dir} first: {exc.strerror or exc}"
                    ) from exc
                self.stdout.write(f"the current content was saved to {backup}")
            counts = import_models(models, replace=replace)
        except ImportRefused as exc:
            raise CommandError(f"nothing imported: {exc}") from exc
        total = sum(counts.values())
        self.stdout.write(f"imported {total} objects from {file}")
