from django.urls import path

from letters import views

app_name = "letters"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]
