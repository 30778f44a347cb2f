from django.urls import path

from answers import views

app_name = "reminders"
urlpatterns = [
    path("<slug:document>/", views.reminder, name="form"),
    path("<slug:document>.ics", views.reminder_ics, name="ics"),
]
