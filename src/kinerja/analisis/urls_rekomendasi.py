"""URL patterns of the analisis rekomendasi pages (included by analisis/urls.py)."""

from django.urls import path

from kinerja.analisis import rekomendasi_views as v

urlpatterns: list = [
    path("rekomendasi/", v.daftar, name="rekomendasi"),
    path("rekomendasi/buat/", v.buat, name="rekomendasi_buat"),
    path("rekomendasi/<int:pk>/", v.detail, name="rekomendasi_detail"),
    path("rekomendasi/<int:pk>/tindak-lanjut/", v.tugaskan, name="tindak_lanjut_tugaskan"),
    path("rekomendasi/aturan/", v.aturan, name="aturan_rekomendasi"),
    path("rekomendasi/aturan/<slug:jenis>/", v.aturan_simpan, name="aturan_rekomendasi_simpan"),
    path("tindak-lanjut/", v.tindak_lanjut, name="tindak_lanjut"),
    path("tindak-lanjut/saya/", v.tindak_lanjut_saya, name="tindak_lanjut_saya"),
    path("tindak-lanjut/<int:pk>/status/", v.ubah_status, name="tindak_lanjut_status"),
]
