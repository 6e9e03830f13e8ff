"""URL patterns of the annual evaluation pages, included by `kinerja.skp.urls` under the app
namespace (`skp:tahunan`, `skp:pdf_tahunan`)."""

from __future__ import annotations

from django.urls import URLPattern, path

from kinerja.skp import views_tahunan

urlpatterns: list[URLPattern] = [
    path("tahunan/<int:pegawai_id>/<int:tahun>/", views_tahunan.tahunan, name="tahunan"),
    path(
        "tahunan/<int:pegawai_id>/<int:tahun>/pdf/",
        views_tahunan.pdf_tahunan,
        name="pdf_tahunan",
    ),
]
