"""URL patterns of the analisis dasbor pages (included by analisis/urls.py)."""

from django.urls import path

from kinerja.analisis import views_dasbor

urlpatterns: list = [
    path("dasbor/", views_dasbor.masuk, name="dasbor"),
    path("dasbor/<int:instansi_id>/", views_dasbor.halaman, name="dasbor_instansi"),
    path("dasbor/<int:instansi_id>/cetak.pdf", views_dasbor.cetak, name="dasbor_pdf"),
    path("dasbor/indikator/<int:pk>/", views_dasbor.indikator, name="dasbor_indikator"),
]
