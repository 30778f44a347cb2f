from django.urls import path

from essays import views

app_name = "essays"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/pdf/", views.download, {"fmt": "pdf"}, name="pdf"),
    path("<slug:slug>/docx/", views.download, {"fmt": "docx"}, name="docx"),
]
