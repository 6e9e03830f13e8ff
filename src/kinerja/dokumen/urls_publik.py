"""The public verification address printed under each signed document's QR code."""

from django.urls import path

from kinerja.dokumen import verifikasi

app_name = "verifikasi"
urlpatterns = [
    path("", verifikasi.cari, name="cari"),
    path("<str:kode>/", verifikasi.halaman, name="halaman"),
]
