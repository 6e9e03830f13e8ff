"""URL patterns of the keberatan pages, included by `kinerja.skp.urls` under the app namespace."""

from __future__ import annotations

from django.urls import URLPattern, path

from kinerja.skp import views_keberatan

urlpatterns: list[URLPattern] = [
    path("keberatan/", views_keberatan.keberatan_daftar, name="keberatan_daftar"),
    path("keberatan/<int:pk>/", views_keberatan.keberatan_detail, name="keberatan_detail"),
    path("keberatan/<int:pk>/tarik/", views_keberatan.keberatan_tarik, name="keberatan_tarik"),
    path(
        "keberatan/ajukan/<int:penilaian_id>/",
        views_keberatan.keberatan_ajukan,
        name="keberatan_ajukan",
    ),
    path(
        "keberatan/ajukan/tahunan/<int:penilaian_tahunan_id>/",
        views_keberatan.keberatan_ajukan_tahunan,
        name="keberatan_ajukan_tahunan",
    ),
]
