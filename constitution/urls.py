from django.urls import path, register_converter

from constitution import views


class RomanConverter:
    regex = "[IVXLC]{1,6}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class ArticleNumberConverter:
    regex = r"[0-9]{1,3}(?:-[0-9]{1,2})?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(RomanConverter, "roman")
register_converter(ArticleNumberConverter, "artnum")

BOOKLETS = ("pdf", "docx", "epub")

app_name = "constitution"
urlpatterns = [
    path("", views.index, name="index"),
    path("section/<roman:number>/", views.section, name="section"),
    path("article/<artnum:number>/", views.article, name="article"),
    path("changes/", views.changes, name="changes"),
    path("full/", views.full, name="full"),
    *[path(f"full/{fmt}/", views.booklet(fmt), name=f"full-{fmt}") for fmt in BOOKLETS],
    path("<int:year>/", views.index, name="edition-index"),
    path("<int:year>/section/<roman:number>/", views.section, name="edition-section"),
    path("<int:year>/article/<artnum:number>/", views.article, name="edition-article"),
    path("<int:year>/full/", views.full, name="edition-full"),
    *[path(f"<int:year>/full/{fmt}/", views.booklet(fmt), name=f"edition-full-{fmt}") for fmt in BOOKLETS],
]
