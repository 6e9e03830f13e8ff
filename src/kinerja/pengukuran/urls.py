"""URLs of the measurement pages."""

from django.urls import path

from kinerja.pengukuran import views

app_name = "pengukuran"
urlpatterns = [
    path("capaian/<int:instansi_id>/<int:periode_id>/", views.capaian, name="capaian"),
    path("indikator/<int:pk>/", views.indikator, name="indikator"),
]
