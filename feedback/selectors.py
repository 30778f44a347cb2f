"""What editors see of the reports."""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from feedback.models import Report

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


def dashboard_block(request):
    """The pages with most "no" this month, for the admin home (core.registry ``dashboard``)."""
    if not request.user.has_perm("feedback.view_report"):
        return None
    month_start = timezone.localdate().replace(day=1)
    days = (timezone.localdate() - month_start).days
    worst = [page for page in pages(days) if page["no"]][:10]
    return {"template": "feedback/admin/dashboard.html", "pages": worst}
