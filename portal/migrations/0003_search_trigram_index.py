"""On PostgreSQL, a trigram index lets ``folded LIKE '%word%'`` use an index instead of reading
every document. SQLite has no such index; there the search reads the one folded column."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS portal_search_folded_trgm ON portal_searchdocument USING gin (folded gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS portal_search_folded_trgm"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_searchdocument")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
