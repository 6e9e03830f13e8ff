"""URL map of the skp app (mounted in kinerja/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "skp"

urlpatterns: list = []
