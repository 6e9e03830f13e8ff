"""The agency-period achievement table and the indicator page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisasi.models import KodePeran
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import ItemPK, PerjanjianKinerja, RencanaAksi
from tests.factories import (
    ElemenFactory,
    IndikatorFactory,
    JabatanFactory,
    KerangkaFactory,
    LevelFactory,
    PegawaiFactory,
    PeriodeFactory,
    TargetFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)

pytestmark = pytest.mark.django_db


def buat_indikator(dinas, periode, n, polaritas="positif"):
    kerangka = KerangkaFactory(instansi=dinas)
    level = LevelFactory(kerangka=kerangka)
    elemen = ElemenFactory(level=level, kerangka=kerangka)
    jab = JabatanFactory(instansi=dinas)
    pk = PerjanjianKinerja.objects.create(
        jabatan=jab, tahun=2026, pihak_pertama=PegawaiFactory(unit=dinas)
    )
    hasil = []
    for _ in range(n):
        ind = IndikatorFactory(elemen=elemen, polaritas=polaritas, agregasi="kumulatif")
        TargetFactory(indikator=ind, nilai=Decimal("32"))
        item = ItemPK.objects.create(perjanjian=pk, indikator=ind, target=Decimal("32"))
        for tw in range(1, 5):
            RencanaAksi.objects.create(item_pk=item, nomor=tw, target=Decimal("8"))
        Realisasi.objects.create(indikator=ind, periode=periode, nilai=Decimal("4.88"))
        hasil.append(ind)
    return hasil


@pytest.fixture
def dunia():
    unit = UnitFactory()
    dinas = unit.induk
    periode = PeriodeFactory(pemda=dinas.induk, nomor=1)
    return {
        "dinas": dinas,
        "periode": periode,
        "kepala": beri_peran(UserFactory(), KodePeran.KEPALA, dinas),
        "luar": beri_peran(UserFactory(), KodePeran.KEPALA, UnitFactory().induk),
    }


def url(d):
    return reverse("pengukuran:capaian", args=[d["dinas"].pk, d["periode"].pk])


def test_tabel_menampilkan_capaian_dari_rumus(client, dunia):
    buat_indikator(dunia["dinas"], dunia["periode"], 1, polaritas="negatif")
    client.force_login(dunia["kepala"])
    html = client.get(url(dunia)).content.decode()
    # TW I: R 4,88 against the RA target 8 (negatif): (2×8 − 4,88)/8 × 100 = 139,00
    assert "139,00" in html
    # against the annual target 32: (64 − 4,88)/32 × 100 = 184,75
    assert "184,75" in html
    assert "Sangat Tinggi" in html


def test_jumlah_kueri_terbatas_berapa_pun_banyaknya_indikator(client, dunia):
    client.force_login(dunia["kepala"])
    buat_indikator(dunia["dinas"], dunia["periode"], 3)
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(url(dunia)).status_code == 200
    buat_indikator(dunia["dinas"], dunia["periode"], 30)
    with CaptureQueriesContext(connection) as banyak:
        assert client.get(url(dunia)).status_code == 200
    assert len(banyak.captured_queries) == len(sedikit.captured_queries)
    assert len(banyak.captured_queries) <= 15


def test_instansi_lain_tidak_dapat_melihat(client, dunia):
    client.force_login(dunia["luar"])
    assert client.get(url(dunia)).status_code == 404


def test_periode_pemda_lain_ditolak(client, dunia):
    client.force_login(dunia["kepala"])
    lain = PeriodeFactory(nomor=2)
    resp = client.get(reverse("pengukuran:capaian", args=[dunia["dinas"].pk, lain.pk]))
    assert resp.status_code == 404


def test_halaman_indikator_dengan_manual_dan_riwayat(client, dunia):
    ind = buat_indikator(dunia["dinas"], dunia["periode"], 1)[0]
    ind.definisi_operasional = "Panjang jalan mantap dibagi panjang jalan"
    ind.save()
    client.force_login(dunia["kepala"])
    html = client.get(reverse("pengukuran:indikator", args=[ind.pk])).content.decode()
    assert "Panjang jalan mantap" in html
    assert "Triwulan I 2026" in html
    # kumulatif: 4,88 s.d. TW I against the annual target 32 → 15,25
    assert "15,25" in html
    client.force_login(dunia["luar"])
    assert client.get(reverse("pengukuran:indikator", args=[ind.pk])).status_code == 404


def test_beranda_menautkan_capaian_periode_terakhir(client, dunia):
    buat_indikator(dunia["dinas"], dunia["periode"], 1)
    client.force_login(dunia["kepala"])
    html = client.get(reverse("beranda")).content.decode()
    assert url(dunia) in html


def test_tanggal_dan_angka_indonesia_di_halaman(client, dunia):
    ind = buat_indikator(dunia["dinas"], dunia["periode"], 1)[0]
    t = ind.target.get()
    t.berlaku_mulai = dt.date(2026, 1, 2)
    t.save()
    client.force_login(dunia["kepala"])
    html = client.get(reverse("pengukuran:indikator", args=[ind.pk])).content.decode()
    assert "2 Januari 2026" in html
    assert "4,88" in html
