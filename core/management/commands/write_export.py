"""Write the public export (``/api/v1/export``) of the current content version to its folder, if it is not
there yet: run after loading or importing content, or from a deploy hook, so that no visitor's request
waits while a large export is written (at 100× the bundled content that takes longer than gunicorn's
30-second worker timeout)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.export import export_file


class Command(BaseCommand):
    help = "Write the export of the current content version (AZAMAT_EXPORT_DIR) once, with its .br and .gz."

    def handle(self, *args, **options):
        if not settings.AZAMAT_EXPORT_DIR:
            raise CommandError("AZAMAT_EXPORT_DIR is empty: the export is streamed, there is no file to write")
        path = export_file()
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
