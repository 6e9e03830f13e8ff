"""URL map of the portal app (mounted at /publik/ in kinerja/urls.py).

Public addresses use slugs and verification codes, never sequential IDs:
/publik/ · /publik/<pemda>/ · /publik/<pemda>/<instansi>/[<periode>/] ·
/publik/<pemda>/<instansi>/unduh/<kode>/. The publishing page lives under /publik/kelola/
("kelola" is never given to a Pemda as its slug).
"""

from django.urls import path

from kinerja.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("kelola/", views.kelola, name="kelola"),
    path("kelola/terbitkan/", views.kelola_terbitkan, name="terbitkan"),
    path("kelola/<int:pk>/tarik/", views.kelola_tarik, name="tarik"),
    path("<slug:pemda>/", views.pemda, name="pemda"),
    path("<slug:pemda>/<slug:instansi>/", views.instansi, name="instansi"),
    path("<slug:pemda>/<slug:instansi>/unduh/<str:kode>/", views.unduh, name="unduh"),
    path("<slug:pemda>/<slug:instansi>/<slug:periode>/", views.instansi, name="periode"),
]
