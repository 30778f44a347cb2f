from django.urls import path

from guides import views

app_name = "guides"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/print/", views.print_view, name="print"),
    path("<slug:slug>/pdf/", views.download, {"fmt": "pdf"}, name="pdf"),
    path("<slug:slug>/docx/", views.download, {"fmt": "docx"}, name="docx"),
]
