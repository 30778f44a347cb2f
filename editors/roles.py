"""Roles. Editors keep the content current; superusers manage accounts.

The "Editors" group may view, add, change and delete every model of the content apps
(``core.registry``), except what an app declares view-only (the MCI table: a wrong MCI changes every
fee on the site at once, so it is left to superusers). Editors cannot see or change users, groups or
login records. The group is brought in line after every ``migrate``, so a model an upgrade adds reaches
editors without a migration of its own.
"""

from django.contrib.auth.management import create_permissions

from core import registry

EDITORS = "Editors"
ACTIONS = ("view", "add", "change", "delete")


def editor_permission_codenames(content_types):
    """``(app_label, codename)`` of every permission editors get, for the given content types."""
    labels, view_only, others = set(registry.content_labels()), registry.editor_view_only(), registry.editor_models()
    wanted = set()
    for content_type in content_types:
        key = (content_type.app_label, content_type.model)
        if key in others:
            actions = others[key]
        elif content_type.app_label in labels:
            actions = ("view",) if key in view_only else ACTIONS
        else:
            continue
        wanted.update((content_type.app_label, f"{action}_{content_type.model}") for action in actions)
    return wanted


def _labels():
    """The apps whose models editors may get permissions for."""
    return tuple(registry.content_labels()) + tuple({label for label, _name in registry.editor_models()})


def sync_editors_group(using="default", **kwargs):
    """Give the Editors group exactly the permissions of ``editor_permission_codenames`` (a
    ``post_migrate`` receiver; creates the group on a new database)."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    labels = _labels()
    for label in labels:  # normally created by auth's own post_migrate; be sure
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    wanted = editor_permission_codenames(ContentType.objects.db_manager(using).filter(app_label__in=labels))
    permissions = [
        permission
        for permission in Permission.objects.db_manager(using)
        .filter(content_type__app_label__in=labels)
        .select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    group, _created = Group.objects.db_manager(using).get_or_create(name=EDITORS)
    group.permissions.set(permissions)
