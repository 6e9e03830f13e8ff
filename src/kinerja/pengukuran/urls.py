"""URLs of the measurement pages."""

from django.urls import path

from kinerja.pengukuran import views, views_impor, views_isian, views_rekap, views_validasi

app_name = "pengukuran"
urlpatterns = [
    path("capaian/<int:instansi_id>/<int:periode_id>/", views.capaian, name="capaian"),
    path("indikator/<int:pk>/", views.indikator, name="indikator"),
    path("isian/", views_isian.pilih, name="isian_pilih"),
    path("isian/<int:instansi_id>/<int:periode_id>/", views_isian.halaman, name="isian"),
    path(
        "isian/<int:instansi_id>/<int:periode_id>/indikator/<int:indikator_id>/",
        views_isian.simpan,
        name="isian_simpan",
    ),
    path(
        "isian/<int:instansi_id>/<int:periode_id>/anggaran/<int:anggaran_id>/",
        views_isian.simpan_anggaran,
        name="isian_anggaran",
    ),
    path("isian/<int:instansi_id>/<int:periode_id>/ajukan/", views_isian.ajukan, name="ajukan"),
    path(
        "isian/<int:instansi_id>/<int:periode_id>/format.xlsx",
        views_impor.format_unduh,
        name="format_unduh",
    ),
    path("isian/<int:instansi_id>/<int:periode_id>/impor/", views_impor.impor, name="impor"),
    path(
        "isian/<int:instansi_id>/<int:periode_id>/impor/konfirmasi/",
        views_impor.impor_konfirmasi,
        name="impor_konfirmasi",
    ),
    path("realisasi/<int:realisasi_id>/bukti/", views_isian.bukti, name="bukti"),
    path(
        "realisasi/<int:realisasi_id>/bukti/unggah/",
        views_isian.bukti_unggah,
        name="bukti_unggah",
    ),
    path(
        "realisasi/<int:realisasi_id>/bukti/tautan/",
        views_isian.bukti_tautan,
        name="bukti_tautan",
    ),
    path("bukti/<int:pk>/hapus/", views_isian.bukti_hapus, name="bukti_hapus"),
    path("bukti/<int:pk>/putuskan/", views_isian.bukti_putuskan, name="bukti_putuskan"),
    path("bukti/<int:pk>/unduh/", views_isian.bukti_unduh, name="bukti_unduh"),
    path("rekap/", views_rekap.rekap, name="rekap"),
    path("rekap/pengingat/", views_rekap.pengingat, name="pengingat"),
    path("validasi/", views_validasi.antrean, name="validasi"),
    path(
        "validasi/<int:instansi_id>/<int:periode_id>/indikator/<int:indikator_id>/",
        views_validasi.putuskan,
        name="validasi_putuskan",
    ),
    path(
        "validasi/<int:instansi_id>/<int:periode_id>/terima/",
        views_validasi.terima_banyak,
        name="validasi_terima",
    ),
]
