"""`kinerja demo --skala pemda`: the synthetic Pemda generator, run here at a small scale."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from kinerja.organisasi.models import Instansi, Pegawai, Peran
from kinerja.organisasi.nip import urai_nip
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import Indikator, ItemPK

pytestmark = pytest.mark.django_db


def muat(**kw):
    keluaran = io.StringIO()
    call_command(
        "demo",
        skala="pemda",
        jumlah_dinas=2,
        indikator_per_dinas=10,
        tanpa_daftar_akun=True,
        stdout=keluaran,
        **kw,
    )
    return keluaran.getvalue()


def hitung(akar: Instansi) -> dict[str, int]:
    return {
        "pd": akar.anak.count(),
        "indikator": Indikator.objects.filter(elemen__kerangka__instansi__induk=akar).count(),
        "item": ItemPK.objects.filter(perjanjian__jabatan__instansi__jalur__startswith=akar.jalur)
        .distinct()
        .count(),
        "realisasi": Realisasi.objects.filter(periode__pemda=akar).count(),
        "peran": Peran.objects.filter(instansi__jalur__startswith=akar.jalur).count(),
    }


def test_pemda_sintetis_kecil_dibuat_lengkap_dan_bisa_diulang():
    teks = muat()
    assert "Pemerintah Kabupaten Sintetis" in teks and "detik" in teks
    akar = Instansi.objects.get(induk__isnull=True, kode="contoh-sintetis")
    jumlah = hitung(akar)
    # Two agencies plus the Inspektorat; ten indicators each, each measured in TW I–III.
    assert jumlah == {"pd": 3, "indikator": 20, "item": 20, "realisasi": 60, "peran": 21}
    for p in Pegawai.objects.filter(unit__jalur__startswith=akar.jalur):
        urai_nip(p.nip)
    item = ItemPK.objects.filter(
        perjanjian__jabatan__instansi__jalur__startswith=akar.jalur, target__isnull=False
    )
    for it in item.filter(indikator__agregasi="kumulatif"):
        assert sum(r.target for r in it.rencana_aksi.all()) == it.target
    for it in item.filter(indikator__agregasi="nilai_akhir"):
        assert it.rencana_aksi.get(nomor=4).target == it.target
    assert item.filter(indikator__agregasi="kumulatif").exists()
    # Each value was entered by the operator of the indicator's Bidang (Bidang I for sasaran).
    for r in Realisasi.objects.filter(periode__pemda=akar).select_related("indikator"):
        lingkup = r.diisi_oleh.peran.get(kode="bidang").instansi
        assert r.indikator.unit_penanggung_jawab in (lingkup, lingkup.induk)
        assert r.diajukan_oleh == r.diisi_oleh and r.diajukan_pada
        if r.status == "divalidasi":
            assert r.divalidasi_oleh.peran.filter(kode="kepala_bidang", instansi=lingkup).exists()
    # The four seed agencies are there too, and a second run gives the same rows.
    assert Instansi.objects.filter(induk__isnull=True, kode__startswith="contoh-").count() == 5
    muat()
    akar = Instansi.objects.get(induk__isnull=True, kode="contoh-sintetis")
    assert hitung(akar) == jumlah


def test_demo_biasa_tidak_menghapus_pemda_sintetis():
    muat()
    call_command("demo", tanpa_daftar_akun=True, stdout=io.StringIO())
    assert Instansi.objects.filter(kode="contoh-sintetis").exists()
