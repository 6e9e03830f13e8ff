"""URLs of the document pages (the public verification page is in `urls_publik`)."""

from django.urls import path

from kinerja.dokumen import views

app_name = "dokumen"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("<int:instansi_id>/<int:periode_id>/", views.daftar, name="daftar"),
    path("<int:instansi_id>/<int:periode_id>/buat/<slug:jenis>/", views.buat, name="buat"),
    path("berkas/<int:pk>/unduh/", views.unduh, name="unduh"),
    path("berkas/<int:pk>/isian/", views.isian, name="isian"),
    path("berkas/<int:pk>/tandatangani/", views.tandatangani, name="tandatangani"),
    path("berkas/<int:pk>/arsipkan/", views.arsipkan, name="arsipkan"),
    path("pemda/<int:pemda_id>/<int:periode_id>/", views.pemda, name="pemda"),
    path("pekerjaan/<int:pk>/", views.pekerjaan, name="pekerjaan"),
    path("pekerjaan/<int:pk>/unduh/", views.pekerjaan_unduh, name="pekerjaan_unduh"),
    path("pekerjaan/<int:pk>/ulangi/", views.pekerjaan_ulangi, name="pekerjaan_ulangi"),
]
