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

app_name = "constitution"
urlpatterns = [
    path("", views.index, name="index"),
    path("section/<roman:number>/", views.section, name="section"),
    path("article/<artnum:number>/", views.article, name="article"),
    path("changes/", views.changes, name="changes"),
    path("<int:year>/", views.index, name="edition-index"),
    path("<int:year>/section/<roman:number>/", views.section, name="edition-section"),
    path("<int:year>/article/<artnum:number>/", views.article, name="edition-article"),
]
