"""Bundled content of the letters app: one YAML file per letter in ``letters/data``."""

from pathlib import Path

from core.loading import read_yaml, sync, translated_values
from guides.models import Guide
from letters.models import LetterField, LetterTemplate

DATA_DIR = Path(__file__).resolve().parent / "data"


def _lines(options):
    """Options are bundled as a list per language and stored one per line."""
    return {code: "\n".join(values) for code, values in (options or {}).items()}


def load(report, stdout=None):
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = read_yaml(path)
        guide = Guide.objects.filter(slug=data.get("guide", "")).first()
        letter, status = sync(
            LetterTemplate,
            {"slug": data["slug"]},
            {
                "status": data.get("status", "published"),
                "guide_id": guide.id if guide else None,
                **translated_values("title", data["title"]),
                **translated_values("intro", data.get("intro")),
                **translated_values("body", data["body"]),
                **translated_values("filename", data["filename"]),
                **translated_values("keywords", data.get("keywords")),
            },
            report,
        )
        # Links an editor changed in the admin stay as they are; a letter without any gets the bundled ones.
        if status == "created" or not letter.next_step_for.exists():
            letter.next_step_for.set(Guide.objects.filter(slug__in=data.get("next_step_for", [])))
        for order, item in enumerate(data["fields"], start=1):
            sync(
                LetterField,
                {"letter": letter, "name": item["name"]},
                {
                    "order": order,
                    "kind": item.get("kind", "text"),
                    "required": item.get("required", True),
                    **translated_values("label", item["label"]),
                    **translated_values("help_text", item.get("help_text")),
                    **translated_values("options", _lines(item.get("options"))),
                },
                report,
            )
