"""Roles. Editors keep the content current; superusers manage accounts.

The "Editors" group (created by a migration) may view, add, change and delete every content
model, except the MCI table, which it may only view: a wrong MCI changes every fee on the site at
once, so it is left to superusers. Editors cannot see or change users, groups or login records.
"""

EDITORS = "Editors"
CONTENT_APPS = ("constitution", "guides", "essays", "letters")
VIEW_ONLY = {("guides", "mcirate")}
ACTIONS = ("view", "add", "change", "delete")


def editor_permission_codenames(content_types):
    """``(app_label, codename)`` of every permission editors get, for the given content types."""
    wanted = set()
    for content_type in content_types:
        if content_type.app_label not in CONTENT_APPS:
            continue
        key = (content_type.app_label, content_type.model)
        for action in ("view",) if key in VIEW_ONLY else ACTIONS:
            wanted.add((content_type.app_label, f"{action}_{content_type.model}"))
    return wanted
