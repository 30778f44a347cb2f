"""The "Editors" group with exactly the content permissions (see portal.roles)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal.roles import CONTENT_APPS, EDITORS, editor_permission_codenames


def create_editors(apps, schema_editor):
    for label in CONTENT_APPS:  # permissions are normally created after all migrations
        config = global_apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    wanted = editor_permission_codenames(ContentType.objects.filter(app_label__in=CONTENT_APPS))
    permissions = [
        p
        for p in Permission.objects.filter(content_type__app_label__in=CONTENT_APPS).select_related("content_type")
        if (p.content_type.app_label, p.codename) in wanted
    ]
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_search_trigram_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("constitution", "0001_initial"),
        ("guides", "0001_initial"),
        ("essays", "0001_initial"),
        ("letters", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
