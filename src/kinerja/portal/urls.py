"""URL map of the portal app (mounted in kinerja/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "portal"

urlpatterns: list = []
