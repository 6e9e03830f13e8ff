"""Planning pages: who may open and change what, forms that put refusals on their fields, and a
number of queries that does not grow with the size of the plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan import services
from kinerja.perencanaan.models import Elemen, Indikator, TargetTahunan
from tests.factories import PeriodeFactory
from tests.perencanaan.conftest import buat_indikator

pytestmark = pytest.mark.django_db


def url(nama, *args):
    return reverse(f"perencanaan:{nama}", args=args)


def halaman_baca(d, pk=None):
    k = d.kerangka
    daftar = [
        url("beranda"),
        url("kerangka", k.pk),
        url("pohon", k.pk),
        url("manual_iku", k.pk),
        url("target_kerangka", k.pk),
        url("anggaran", k.pk, 2026),
        url("target", d.ind_sasaran.pk),
        url("tautan", d.program.pk),
        url("pk_daftar") + f"?instansi={d.dinas.pk}&tahun=2026",
        url("unduh", k.pk),
    ]
    if pk is not None:
        daftar += [
            url("pk", pk.pk),
            url("rencana_aksi", pk.item.first().pk),
            url("unduh_pk", pk.pk),
        ]
    return daftar


def test_perencana_membuka_semua_halaman(client, dunia, pk_kepala):
    client.force_login(dunia.perencana)
    for u in halaman_baca(dunia, pk_kepala):
        assert client.get(u).status_code == 200, u


def test_inspektorat_membaca_tetapi_tidak_mengubah(client, dunia, pk_kepala):
    client.force_login(dunia.inspektorat)
    for u in halaman_baca(dunia, pk_kepala):
        assert client.get(u).status_code == 200, u
    html = client.get(url("kerangka", dunia.kerangka.pk)).content.decode()
    assert url("elemen_ubah", dunia.kerangka.pk, dunia.program.pk) not in html
    for u in (
        url("elemen_baru", dunia.kerangka.pk),
        url("indikator_ubah", dunia.sasaran.pk, dunia.ind_sasaran.pk),
        url("kerangka_ubah", dunia.kerangka.pk),
        url("anggaran_ubah", dunia.kerangka.pk, 2026, dunia.program.pk),
        url("pk_item", pk_kepala.item.first().pk),
        url("impor", dunia.kerangka.pk),
    ):
        assert client.get(u).status_code == 404, u
    r = client.post(url("target", dunia.ind_sasaran.pk), {"tahun": 2027, "nilai": "85"})
    assert r.status_code == 403
    assert not TargetTahunan.objects.filter(tahun=2027).exists()


def test_perencana_instansi_lain_tidak_melihat_halaman_ubah(client, dunia):
    client.force_login(dunia.perencana_b)
    assert client.get(url("elemen_baru", dunia.kerangka.pk)).status_code == 404
    assert client.get(url("kerangka", dunia.kerangka.pk)).status_code == 404
    r = client.post(url("elemen_hapus", dunia.kegiatan.pk), follow=True)
    assert r.status_code == 404
    assert Elemen.objects.filter(pk=dunia.kegiatan.pk).exists()


def test_operator_bidang_membaca_rencana_instansinya(client, dunia):
    client.force_login(dunia.operator)
    assert client.get(url("kerangka", dunia.kerangka.pk)).status_code == 200
    assert client.get(url("elemen_baru", dunia.kerangka.pk)).status_code == 404


def test_tambah_elemen_dan_galat_di_kolomnya(client, dunia):
    client.force_login(dunia.perencana)
    data = {
        "level": dunia.level["program"].pk,
        "induk": dunia.sasaran.pk,
        "kode": "1.03.10",
        "nama": "Program ganda",
    }
    r = client.post(url("elemen_baru", dunia.kerangka.pk), data)
    assert r.status_code == 422
    assert "sudah dipakai" in r.context["form"].errors["kode"][0]
    data["kode"] = "1.03.11"
    r = client.post(url("elemen_baru", dunia.kerangka.pk), data)
    assert r.status_code == 302
    assert Elemen.objects.filter(kerangka=dunia.kerangka, kode="1.03.11").exists()


def test_manual_iku_baru_menampilkan_peringatan_reviu(client, dunia):
    client.force_login(dunia.perencana)
    r = client.post(
        url("indikator_baru", dunia.sasaran.pk),
        {
            "kode": "IKU-9",
            "nama": "Angka kematian ibu",
            "jenis": "iku",
            "sifat": "outcome",
            "satuan": "per 100.000 KH",
            "polaritas": "positif",
            "jenis_nilai": "angka",
            "agregasi": "nilai_akhir",
            "metode_negatif": "selisih",
            "frekuensi": "tahunan",
            "tahun_baseline": "2026",
        },
        follow=True,
    )
    html = r.content.decode()
    assert "Definisi operasional belum diisi." in html
    assert "“kematian”" in html
    assert "Tahun baseline 2026 sesudah awal periode rencana (2025)" in html
    assert Indikator.objects.filter(kode="IKU-9").exists()


def test_ubah_target_dari_halaman_membuat_versi_perubahan(client, dunia):
    client.force_login(dunia.perencana)
    u = url("target", dunia.ind_sasaran.pk)
    r = client.post(u, {"tahun": 2026, "nilai": "75", "versi_terakhir": 1})
    assert r.status_code == 422
    assert services.PESAN_ALASAN_PERUBAHAN in r.content.decode()
    r = client.post(
        u,
        {
            "tahun": 2026,
            "nilai": "75",
            "berlaku_mulai": "2026-07-01",
            "alasan": "APBD Perubahan",
            "versi_terakhir": 1,
        },
    )
    assert r.status_code == 302
    t = dunia.ind_sasaran.target.get(tahun=2026, nomor_versi=2)
    assert (t.jenis, t.nilai, t.alasan) == ("perubahan", Decimal(75), "APBD Perubahan")
    # The same form submitted again (version 1 seen) is a stale edit.
    r = client.post(
        u,
        {
            "tahun": 2026,
            "nilai": "70",
            "berlaku_mulai": "2026-08-01",
            "alasan": "x",
            "versi_terakhir": 1,
        },
    )
    assert r.status_code == 409


def test_alur_pk_dari_halaman(client, dunia, pk_kepala):
    client.force_login(dunia.perencana)
    r = client.post(url("pk_aksi", pk_kepala.pk, "ajukan"), {"versi": pk_kepala.versi})
    assert r.status_code == 302
    pk_kepala.refresh_from_db()
    assert pk_kepala.status == "diajukan"
    html = client.get(url("pk", pk_kepala.pk)).content.decode()
    assert 'id="reviu-pk"' not in html  # the submitter does not review
    client.force_login(dunia.perencana2)
    html = client.get(url("pk", pk_kepala.pk)).content.decode()
    assert 'id="reviu-pk"' in html
    client.post(url("pk_aksi", pk_kepala.pk, "tandatangani"), {"versi": pk_kepala.versi})
    pk_kepala.refresh_from_db()
    assert pk_kepala.status == "ditandatangani"
    html = client.get(url("pk", pk_kepala.pk)).content.decode()
    assert url("pk_item_tambah", pk_kepala.pk) not in html
    assert "dibekukan" in html
    r = client.post(
        url("pk_aksi", pk_kepala.pk, "versi_baru"),
        {"versi": pk_kepala.versi, "alasan": "Target perubahan"},
    )
    baru = pk_kepala.jabatan.perjanjian.get(tahun=2026, nomor_versi=2)
    assert r["Location"] == url("pk", baru.pk)


def test_rencana_aksi_dari_halaman_dengan_peringatan(client, dunia, pk_kepala):
    client.force_login(dunia.perencana)
    item = pk_kepala.item.get()
    r = client.post(
        url("rencana_aksi", item.pk),
        {
            "jenis": "triwulan",
            "versi": item.versi,
            **{
                f"target_{n}": v for n, v in zip(range(1, 5), ["20", "40", "60", "70"], strict=True)
            },
            **{f"aksi_{n}": f"Aksi {n}" for n in range(1, 5)},
        },
        follow=True,
    )
    assert "TW IV (70) tidak sama dengan target tahunan (80)" in r.content.decode()
    r = client.post(
        url("rencana_aksi", item.pk), {"jenis": "triwulan", "versi": 0, "target_1": "x"}
    )
    assert r.status_code == 409


def perbesar(d, n):
    """Add n sasaran, each with a program, two indicators with targets, and a budget line."""
    for i in range(n):
        s = Elemen.objects.create(
            kerangka=d.kerangka,
            level=d.level["sasaran"],
            induk=d.tujuan,
            kode=f"S{10 + i}",
            nama=f"Sasaran {i}",
        )
        p = Elemen.objects.create(
            kerangka=d.kerangka,
            level=d.level["program"],
            induk=s,
            kode=f"1.03.{20 + i}",
            nama=f"Program {i}",
            unit=d.bidang,
        )
        for j, e in enumerate((s, p)):
            buat_indikator(e, f"X{i}-{j}", unit_penanggung_jawab=d.bidang if j else None)
        services.anggaran_simpan(
            pengguna=d.perencana,
            elemen=p,
            tahun=2026,
            pagu=Decimal(1000),
            penarikan=[Decimal(250)] * 4,
        )


def jumlah_kueri(client, alamat):
    with CaptureQueriesContext(connection) as q:
        r = client.get(alamat)
    assert r.status_code == 200, alamat
    return len(q.captured_queries)


def test_jumlah_kueri_halaman_tidak_bertambah_dengan_besarnya_rencana(client, dunia, pk_kepala):
    periode = PeriodeFactory(pemda=dunia.pemda, nomor=3)
    services.anggaran_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.program,
        tahun=2026,
        pagu=Decimal(5000),
        penarikan=[Decimal(1250)] * 4,
    )
    Realisasi.objects.create(indikator=dunia.ind_sasaran, periode=periode, nilai=Decimal(70))
    client.force_login(dunia.perencana)
    alamat = halaman_baca(dunia, pk_kepala)[1:-1]
    alamat.append(url("pohon", dunia.kerangka.pk) + f"?periode={periode.pk}")
    alamat.append(url("pk_item_tambah", pk_kepala.pk))
    sebelum = {a: jumlah_kueri(client, a) for a in alamat}
    perbesar(dunia, 6)
    indikator = list(Indikator.objects.filter(kode__startswith="X"))
    services.pk_item_tambah(pengguna=dunia.perencana, pk=pk_kepala, indikator=indikator)
    for it in pk_kepala.item.all():
        services.ra_simpan(
            pengguna=dunia.perencana,
            item=it,
            jenis_periode="triwulan",
            baris={n: ("80", f"aksi {n}") for n in range(1, 5)},
        )
    for ind in indikator:
        services.target_simpan(
            pengguna=dunia.perencana,
            indikator=ind,
            tahun=2026,
            nilai=services.NilaiTarget(Decimal(79)),
            berlaku_mulai=dt.date(2026, 6, 1),
            alasan="uji",
        )
    sesudah = {a: jumlah_kueri(client, a) for a in alamat}
    assert sesudah == sebelum
    assert max(sesudah.values()) <= 30
