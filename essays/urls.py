from django.urls import path

from essays import views

app_name = "essays"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]
