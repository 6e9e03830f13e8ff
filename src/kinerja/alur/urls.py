"""URLs of SOP templates and measurement cycles."""

from django.urls import path, re_path

from kinerja.alur import views, views_template

app_name = "alur"
urlpatterns = [
    path("", views.kotak_masuk, name="kotak_masuk"),
    path("siklus/baru/", views.siklus_baru, name="siklus_baru"),
    path("kepatuhan/", views.kepatuhan, name="kepatuhan"),
    path("notifikasi/", views.notifikasi, name="notifikasi"),
    path("siklus/<int:pk>/", views.siklus_detail, name="siklus"),
    path("tugas/<int:pk>/selesai/", views.tugas_selesai, name="tugas_selesai"),
    path("tugas/<int:pk>/putuskan/", views.tugas_putuskan, name="tugas_putuskan"),
    path("tugas/<int:pk>/rapat/", views.rapat_catat, name="rapat_catat"),
    path("tugas/<int:pk>/esr/", views.esr_unggah, name="esr_unggah"),
    path("sop/", views_template.daftar, name="template_daftar"),
    path("sop/impor/", views_template.impor, name="template_impor"),
    path("sop/<int:pk>/", views_template.detail, name="template"),
    path("sop/<int:pk>/ubah/", views_template.ubah, name="template_ubah"),
    path("sop/<int:pk>/salin/", views_template.salin, name="template_salin"),
    path("sop/<int:pk>/cetak.pdf", views_template.cetak_pdf, name="template_pdf"),
    re_path(
        r"^sop/(?P<pk>\d+)/unduh\.(?P<format>yaml|json)$",
        views_template.ekspor,
        name="template_ekspor",
    ),
]
