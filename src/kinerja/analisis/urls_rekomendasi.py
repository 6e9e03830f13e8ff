"""URL patterns of the analisis rekomendasi pages (included by analisis/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
