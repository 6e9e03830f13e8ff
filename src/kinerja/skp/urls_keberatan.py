"""URL patterns of the keberatan pages, included by `kinerja.skp.urls` under the app namespace."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
