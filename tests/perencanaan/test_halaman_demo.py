"""Every planning page opens on the four demo agencies' plans (the UKPBJ's too)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.organisasi.models import Instansi, KodePeran, Peran
from kinerja.perencanaan.models import (
    Elemen,
    Indikator,
    KerangkaKinerja,
    PerjanjianKinerja,
)

# Every test here must use the test database, or pytest-django would set none up.
pytestmark = pytest.mark.django_db
KUNCI = ["sumbar", "banjar", "kukar", "lumajang"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`kinerja demo` once for the module; removed again afterwards."""
    from kinerja.demo.pemuat import hapus_demo

    with django_db_blocker.unblock():
        call_command("demo", tanpa_daftar_akun=True, stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        hapus_demo()


def kerangka(kunci: str) -> KerangkaKinerja:
    akar = Instansi.objects.get(induk__isnull=True, kode=f"contoh-{kunci}")
    return KerangkaKinerja.objects.select_related("instansi").get(
        instansi__jalur__startswith=akar.jalur
    )


def perencana(k: KerangkaKinerja):
    kode = [KodePeran.TIM_SAKIP, KodePeran.SUBBAG_PERENCANAAN, KodePeran.TIM_PENGELOLA_KELEMBAGAAN]
    p = (
        Peran.objects.filter(kode__in=kode, instansi__jalur__startswith=k.instansi.jalur)
        .select_related("pengguna")
        .first()
    )
    return p.pengguna


def url_halaman(k: KerangkaKinerja) -> list[str]:
    e = Elemen.objects.filter(kerangka=k, level__punya_anggaran=True).first()
    i = Indikator.objects.filter(elemen__kerangka=k).first()
    pk = (
        PerjanjianKinerja.objects.filter(item__indikator__elemen__kerangka=k, tahun=2026)
        .order_by("-nomor_versi")
        .first()
    )
    it = pk.item.first()
    return [
        reverse("perencanaan:beranda"),
        reverse("perencanaan:kerangka", args=[k.pk]),
        reverse("perencanaan:pohon", args=[k.pk]),
        reverse("perencanaan:manual_iku", args=[k.pk]),
        reverse("perencanaan:target_kerangka", args=[k.pk]),
        reverse("perencanaan:anggaran", args=[k.pk, 2026]),
        reverse("perencanaan:pk_daftar") + f"?instansi={k.instansi_id}&tahun=2026",
        reverse("perencanaan:unduh", args=[k.pk]),
        reverse("perencanaan:impor", args=[k.pk]),
        reverse("perencanaan:kerangka_ubah", args=[k.pk]),
        reverse("perencanaan:elemen_ubah", args=[k.pk, e.pk]),
        reverse("perencanaan:elemen_baru", args=[k.pk]) + f"?induk={e.pk}",
        reverse("perencanaan:tautan", args=[e.pk]),
        reverse("perencanaan:indikator_ubah", args=[i.elemen_id, i.pk]),
        reverse("perencanaan:indikator_baru", args=[e.pk]),
        reverse("perencanaan:target", args=[i.pk]),
        reverse("perencanaan:anggaran_ubah", args=[k.pk, 2026, e.pk]),
        reverse("perencanaan:pk", args=[pk.pk]),
        reverse("perencanaan:pk_item_tambah", args=[pk.pk]),
        reverse("perencanaan:pk_item", args=[it.pk]),
        reverse("perencanaan:rencana_aksi", args=[it.pk]),
        reverse("perencanaan:rencana_aksi", args=[it.pk]) + "?jenis=bulan",
        reverse("perencanaan:unduh_pk", args=[pk.pk]),
        reverse("perencanaan:impor_pk", args=[pk.pk]),
    ]


@pytest.mark.parametrize("kunci", KUNCI)
def test_setiap_halaman_perencanaan_terbuka_untuk_perencana_demo(demo, client, kunci):
    k = kerangka(kunci)
    client.force_login(perencana(k))
    for url in url_halaman(k):
        r = client.get(url)
        assert r.status_code == 200, url
