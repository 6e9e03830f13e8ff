"""The dashboards on the demo data, as each demo Kepala and each Admin Pemda opens them.

Each finds the three worst indicators of their agency or Pemda with the reasons; the numbers
equal the capaian table's; a leadership decision recorded in a meeting shows on the dashboard
and on the indicator's comparison page (with last year's value from the 2025 demo data).
"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from kinerja.alur.models import KeputusanIndikator, Rapat
from kinerja.analisis import selectors_dasbor as sel
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Periode

pytestmark = pytest.mark.django_db
KEPALA = {
    "sumbar": "sumbar.kepala",
    "banjar": "banjar.kepala",
    "kukar": "kukar.kepala_ukpbj",
    "lumajang": "lumajang.kepala",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`kinerja demo` once for the module; removed again afterwards."""
    from kinerja.demo.pemuat import hapus_demo

    with django_db_blocker.unblock():
        call_command("demo", tanpa_daftar_akun=True, stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        hapus_demo()


def pengguna(username):
    return get_user_model().objects.get(username=username)


@pytest.mark.parametrize("kunci", sorted(KEPALA))
def test_kepala_dan_pemda_menemukan_tiga_terendah(client, demo, kunci):
    for username in (KEPALA[kunci], f"{kunci}.adminpemda"):
        client.force_login(pengguna(username))
        r = client.get(reverse("analisis:dasbor"), follow=True)
        assert r.status_code == 200, username
        d = r.context["d"]
        assert d.periode.label == "Triwulan III 2026"
        assert len(r.context["tiga"]) == 3, username
        nilai = [x.baris.capaian.nilai for x in d.perhatian]
        assert nilai == sorted(nilai)
        for x in r.context["tiga"]:
            assert x.alasan and x.baris.indikator.nama in r.content.decode()
        if username.endswith("adminpemda"):
            assert d.mode_pemda


@pytest.mark.parametrize("kunci", sorted(KEPALA))
def test_angka_sama_dengan_tabel_capaian(demo, kunci):
    akar = Instansi.objects.get(induk__isnull=True, kode=f"contoh-{kunci}")
    periode = Periode.objects.get(pemda=akar, tahun=2026, jenis_periode="triwulan", nomor=3)
    for instansi in (akar, *akar.anak.all()):
        tabel = hasil.tabel_capaian(instansi=instansi, periode=periode)
        d = sel.dasbor(instansi=instansi, periode=periode, level="")
        harapan = {b.indikator.pk: b.capaian_periode.nilai for k in tabel.kelompok for b in k.baris}
        assert {b.indikator.pk: b.capaian.nilai for b in d.baris} == harapan
        assert d.rollup.nilai == tabel.rollup.nilai


def test_keputusan_rapat_pimpinan_tampil(client, demo):
    akar = Instansi.objects.get(induk__isnull=True, kode="contoh-sumbar")
    rapat = Rapat.objects.filter(tugas__siklus__instansi__jalur__startswith=akar.jalur).first()
    assert rapat is not None
    periode = rapat.tugas.siklus.periode
    d = sel.dasbor(instansi=rapat.tugas.siklus.instansi, periode=periode)
    terburuk = d.perhatian[0].baris.indikator
    KeputusanIndikator.objects.create(
        rapat=rapat, indikator=terburuk, hasil="ditindaklanjuti", arahan="Percepat paket jalan."
    )
    client.force_login(pengguna("sumbar.kepala"))
    r = client.get(
        reverse("analisis:dasbor_instansi", args=[rapat.tugas.siklus.instansi_id])
        + f"?periode={periode.pk}"
    )
    html = r.content.decode()
    assert "Percepat paket jalan." in html
    assert "Dikembalikan dengan arahan" in html
    r = client.get(
        reverse("analisis:dasbor_indikator", args=[terburuk.pk]) + f"?periode={periode.pk}"
    )
    assert "Percepat paket jalan." in r.content.decode()
    p = r.context["p"]
    # The demo holds 2025: the same quarter last year and the 2025 year-end are compared.
    assert p.tahun_lalu is not None and p.tahun_lalu.periode.label == "Triwulan III 2025"
    assert [y["tahun"] for y in p.per_tahun] == [2025]
    assert p.renstra_tahun_ke == 2 and p.renstra_jumlah_tahun == 5
    assert p.proyeksi.metode


def test_kepala_lumajang_tidak_membuka_dasbor_sumbar(client, demo):
    sumbar = Instansi.objects.get(induk__isnull=True, kode="contoh-sumbar")
    client.force_login(pengguna("lumajang.kepala"))
    for i in (sumbar, *sumbar.anak.all()):
        url = reverse("analisis:dasbor_instansi", args=[i.pk])
        assert client.get(url).status_code == 404


def test_setiap_periode_terbuka_termasuk_bulanan_dan_tahunan(client, demo):
    akar = Instansi.objects.get(induk__isnull=True, kode="contoh-kukar")
    client.force_login(pengguna("kukar.kepala_ukpbj"))
    ukpbj = Instansi.objects.get(jalur__startswith=akar.jalur, singkatan="UKPBJ")
    jenis = set()
    for p in Periode.objects.filter(pemda=akar):
        r = client.get(
            reverse("analisis:dasbor_instansi", args=[ukpbj.pk]) + f"?periode={p.pk}&level="
        )
        assert r.status_code == 200, p.label
        jenis.add(p.jenis_periode)
    assert {"bulan", "triwulan", "tahun"} <= jenis
    pdf = client.get(reverse("analisis:dasbor_pdf", args=[ukpbj.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
