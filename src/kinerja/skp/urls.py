"""URL map of the skp app (mounted in kinerja/urls.py at /skp/)."""

from django.urls import include, path

from kinerja.skp import views, views_impor

app_name = "skp"

urlpatterns: list = [
    path("", include("kinerja.skp.urls_tahunan")),
    path("", include("kinerja.skp.urls_keberatan")),
    path("", views.beranda, name="beranda"),
    path("tim/", views.tim, name="tim"),
    path("cascade/", views.cascade, name="cascade"),
    path("rekap/", views.rekap, name="rekap"),
    path("rekap/xlsx/", views.rekap_xlsx, name="rekap_xlsx"),
    path("impor/", views_impor.impor, name="impor"),
    path("buat/", views.buat_untuk, name="buat_untuk"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/pdf/", views.pdf_skp, name="pdf_skp"),
    path("<int:pk>/status/", views.ubah_status, name="status"),
    path("<int:pk>/pindah/", views.pindah, name="pindah"),
    path("<int:pk>/rhk/", views.rhk_tambah, name="rhk_tambah"),
    path("<int:pk>/ekspektasi/", views.ekspektasi, name="ekspektasi"),
    path("<int:pk>/realisasi/<int:periode_id>/", views.realisasi, name="realisasi"),
    path("<int:pk>/nilai/<int:periode_id>/", views.nilai, name="nilai"),
    path("<int:pk>/evaluasi/<int:periode_id>/pdf/", views.pdf_evaluasi, name="pdf_evaluasi"),
    path("rhk/<int:pk>/hapus/", views.rhk_hapus, name="rhk_hapus"),
    path("rhk/<int:pk>/indikator/", views.indikator_tambah, name="indikator_tambah"),
    path("indikator/<int:pk>/hapus/", views.indikator_hapus, name="indikator_hapus"),
    path("realisasi/<int:pk>/bukti/", views.bukti_tambah, name="bukti_tambah"),
    path("bukti/<int:pk>/", views.bukti_unduh, name="bukti_unduh"),
]
