"""What editors see of the reports."""

from datetime import timedelta

from django.apps import apps
from django.db.models import Count, F, Max, Q, Sum, Value
from django.db.models.functions import Greatest
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from feedback.models import Report, SearchCount

WINDOW = timedelta(days=30)


def pages(days=30):
    """Per page: yes and no in the last ``days`` days, how many reports have text, the newest date;
    the pages with most "no" first."""
    since = timezone.localdate() - timedelta(days=days)
    return list(
        Report.objects.since(since)
        .values("page")
        .annotate(
            yes=Count("id", filter=Q(useful=True)),
            no=Count("id", filter=Q(useful=False)),
            texts=Count("id", filter=~Q(doing="", wrong="")),
            newest=Max("created_on"),
        )
        .order_by("-no", "-newest", "page")
    )


def failing_searches(days=30):
    """Per language and query, over the last ``days`` days: searches, how many found nothing, how many
    found something but no result was opened (searches with results less the results opened: a reader
    who opens two results makes up for one who opened none, an estimate without following anyone);
    the queries that failed most first. Those that always helped are left out."""
    since = timezone.localdate() - timedelta(days=days)
    totals = (
        SearchCount.objects.since(since)
        .values("language", "query")
        .annotate(searches=Sum("searches"), nothing=Sum("found_nothing"), clicks=Sum("clicks"))
        .annotate(unopened=Greatest(F("searches") - F("nothing") - F("clicks"), Value(0)))
        .annotate(failed=F("nothing") + F("unopened"))
        .filter(failed__gt=0)
        .order_by("-failed", "-nothing", "-searches", "language", "query")
    )
    return list(totals)


def dashboard_block(request):
    """The pages with most "no" this month and the searches that failed most in the last 30 days, for the
    admin home (core.registry ``dashboard``)."""
    see_reports = request.user.has_perm("feedback.view_report")
    see_searches = request.user.has_perm("feedback.view_searchcount")
    if not (see_reports or see_searches):
        return None
    block = {"template": "feedback/admin/dashboard.html", "see_reports": see_reports, "see_searches": see_searches}
    if see_reports:
        month_start = timezone.localdate().replace(day=1)
        days = (timezone.localdate() - month_start).days
        block["pages"] = [page for page in pages(days) if page["no"]][:10]
    if see_searches:
        block["searches"] = failing_searches(30)[:10]
    return block


# Below this many answers a share says little: the figures show the count and no percentage.
FEW_ANSWERS = 10


def _section(language, page):
    """The part of the site a page belongs to: the app that owns its URL namespace, else "Other pages"."""
    try:
        with override(language):  # the language prefix resolves only in its own language
            namespace = resolve(f"/{language}{page}").namespace
    except Resolver404:
        namespace = ""
    if namespace and apps.is_installed(namespace) and namespace != "feedback":
        return apps.get_app_config(namespace).verbose_name
    return _("Other pages")


def useful_by_section(days):
    """``[{"section", "yes", "answers", "share"}]``: how many answers to "Is this page useful?" each part of
    the site got in the last ``days`` days and the share of "yes" (None below ``FEW_ANSWERS``); one query."""
    since = timezone.localdate() - timedelta(days=days)
    rows = (
        Report.objects.since(since)
        .filter(useful__isnull=False)
        .values("language", "page")
        .annotate(yes=Count("id", filter=Q(useful=True)), answers=Count("id"))
    )
    sections = {}
    for row in rows:
        section = sections.setdefault(str(_section(row["language"], row["page"])), {"yes": 0, "answers": 0})
        section["yes"] += row["yes"]
        section["answers"] += row["answers"]
    return [
        {
            "section": name,
            **counts,
            "share": round(100 * counts["yes"] / counts["answers"]) if counts["answers"] >= FEW_ANSWERS else None,
        }
        for name, counts in sorted(sections.items(), key=lambda item: (-item[1]["answers"], item[0]))
    ]
