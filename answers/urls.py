from django.urls import path

from answers import views

app_name = "answers"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]
