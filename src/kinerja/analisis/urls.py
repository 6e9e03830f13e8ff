"""URL map of the analisis app (mounted in kinerja/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "analisis"

urlpatterns: list = []
