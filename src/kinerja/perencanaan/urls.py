"""URLs of the planning workspace."""

from django.urls import path

from kinerja.perencanaan import views, views_impor, views_pk

app_name = "perencanaan"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("kerangka/baru/<int:instansi_id>/", views.kerangka_baru, name="kerangka_baru"),
    path("kerangka/<int:pk>/", views.kerangka, name="kerangka"),
    path("kerangka/<int:pk>/ubah/", views.kerangka_ubah, name="kerangka_ubah"),
    path("kerangka/<int:pk>/pohon/", views.pohon, name="pohon"),
    path("kerangka/<int:pk>/manual-iku/", views.manual_iku, name="manual_iku"),
    path("kerangka/<int:pk>/target/", views.target_kerangka, name="target_kerangka"),
    path("kerangka/<int:pk>/anggaran/<int:tahun>/", views.anggaran, name="anggaran"),
    path(
        "kerangka/<int:pk>/anggaran/<int:tahun>/elemen/<int:elemen_pk>/",
        views.anggaran_ubah,
        name="anggaran_ubah",
    ),
    path("kerangka/<int:pk>/salin-tahun/", views.salin_tahun, name="salin_tahun"),
    path("kerangka/<int:kerangka_pk>/elemen/baru/", views.elemen_form, name="elemen_baru"),
    path("kerangka/<int:kerangka_pk>/elemen/<int:pk>/", views.elemen_form, name="elemen_ubah"),
    path("kerangka/<int:pk>/rencana.xlsx", views_impor.unduh, name="unduh"),
    path("kerangka/<int:pk>/impor/", views_impor.impor, name="impor"),
    path(
        "kerangka/<int:pk>/impor/konfirmasi/",
        views_impor.impor_konfirmasi,
        name="impor_konfirmasi",
    ),
    path("elemen/<int:pk>/hapus/", views.elemen_hapus, name="elemen_hapus"),
    path("elemen/<int:pk>/crosscutting/", views.tautan, name="tautan"),
    path("crosscutting/<int:pk>/hapus/", views.tautan_hapus, name="tautan_hapus"),
    path("elemen/<int:elemen_pk>/indikator/baru/", views.indikator_form, name="indikator_baru"),
    path(
        "elemen/<int:elemen_pk>/indikator/<int:pk>/",
        views.indikator_form,
        name="indikator_ubah",
    ),
    path("indikator/<int:pk>/hapus/", views.indikator_hapus, name="indikator_hapus"),
    path("indikator/<int:pk>/target/", views.target, name="target"),
    path("pk/", views_pk.pk_daftar, name="pk_daftar"),
    path("pk/baru/", views_pk.pk_baru, name="pk_baru"),
    path("pk/<int:pk>/", views_pk.pk, name="pk"),
    path("pk/<int:pk>/kepala/", views_pk.pk_kepala, name="pk_kepala"),
    path("pk/<int:pk>/item/tambah/", views_pk.pk_item_tambah, name="pk_item_tambah"),
    path("pk/<int:pk>/anggaran/", views_pk.pk_anggaran, name="pk_anggaran"),
    path("pk/<int:pk>/aksi/<slug:aksi>/", views_pk.pk_aksi, name="pk_aksi"),
    path("pk/<int:pk>/pk.xlsx", views_impor.unduh_pk, name="unduh_pk"),
    path("pk/<int:pk>/impor/", views_impor.impor_pk, name="impor_pk"),
    path(
        "pk/<int:pk>/impor/konfirmasi/",
        views_impor.impor_pk_konfirmasi,
        name="impor_pk_konfirmasi",
    ),
    path("pk-item/<int:pk>/", views_pk.pk_item, name="pk_item"),
    path("pk-item/<int:pk>/hapus/", views_pk.pk_item_hapus, name="pk_item_hapus"),
    path("pk-item/<int:pk>/rencana-aksi/", views_pk.rencana_aksi, name="rencana_aksi"),
    path("pk-anggaran/<int:pk>/hapus/", views_pk.pk_anggaran_hapus, name="pk_anggaran_hapus"),
]
