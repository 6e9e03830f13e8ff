"""URL map: each app mounts its own urls module."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Kinerja — Administrasi"
admin.site.site_title = "Kinerja"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("alur/", include("kinerja.alur.urls")),
    path("pengukuran/", include("kinerja.pengukuran.urls")),
    path("perencanaan/", include("kinerja.perencanaan.urls")),
    path("verifikasi/", include("kinerja.dokumen.urls_publik")),
    path("dokumen/", include("kinerja.dokumen.urls")),
    path("analisis/", include("kinerja.analisis.urls")),
    path("skp/", include("kinerja.skp.urls")),
    path("publik/", include("kinerja.portal.urls")),
    path("", include("kinerja.inti.urls")),
]
