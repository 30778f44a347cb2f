from django.db import migrations


class Migration(migrations.Migration):
    """Tables the ``portal`` app left behind when the kernel moved to ``core`` (its content state,
    and the search table it had before search became its own app). Nothing reads them."""

    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS portal_contentstate", migrations.RunSQL.noop),
        migrations.RunSQL("DROP TABLE IF EXISTS portal_searchdocument", migrations.RunSQL.noop),
    ]
