from django.db import migrations, models


class Migration(migrations.Migration):
    """The content version, which lived in the ``portal`` app before the kernel became its own app.

    A database of that time keeps its ``portal_contentstate`` table until ``0002`` drops it; the new
    table starts empty and the next ``load_content`` (or any edit) records the moment again.
    """

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentState",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, editable=False, primary_key=True, serialize=False)),
                ("changed_at", models.DateTimeField(verbose_name="content changed at")),
            ],
            options={
                "verbose_name": "content state",
            },
        ),
    ]
