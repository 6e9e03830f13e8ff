"""URL patterns of the analisis dasbor pages (included by analisis/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
