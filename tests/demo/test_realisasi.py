"""`kinerja demo`: periods, realisations with evidence, financial realisation, and a refresh."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from kinerja.demo.berkas import FOLDER_BERKAS_CONTOH, simpan_berkas
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import (
    Berkas,
    DataDukung,
    Periode,
    Realisasi,
    RealisasiAnggaran,
)
from kinerja.perencanaan import models as rencana

pytestmark = pytest.mark.django_db
KUNCI = ["sumbar", "banjar", "kukar", "lumajang"]
TABEL = [
    Instansi,
    rencana.KerangkaKinerja,
    rencana.Elemen,
    rencana.Indikator,
    rencana.TargetTahunan,
    rencana.PerjanjianKinerja,
    rencana.ItemPK,
    rencana.RencanaAksi,
    rencana.Anggaran,
    rencana.RencanaPenarikan,
    rencana.AnggaranPK,
    Periode,
    Realisasi,
    DataDukung,
    Berkas,
    RealisasiAnggaran,
]


@pytest.fixture
def demo():
    call_command("demo", tanpa_daftar_akun=True)


def pemda(kunci: str) -> Instansi:
    return Instansi.objects.get(induk__isnull=True, kode=f"contoh-{kunci}")


@pytest.mark.parametrize("kunci", KUNCI)
def test_periode_2025_dikunci_2026_berjalan(demo, kunci):
    status = {
        (p.tahun, p.jenis_periode, p.nomor): (p.status, p.batas_pengisian)
        for p in Periode.objects.filter(pemda=pemda(kunci))
    }
    for tw in (1, 2, 3, 4):
        assert status[(2025, "triwulan", tw)][0] == "dikunci"
    assert status[(2025, "tahun", 1)][0] == "dikunci"
    assert status[(2026, "triwulan", 1)][0] == status[(2026, "triwulan", 2)][0] == "dikunci"
    assert status[(2026, "triwulan", 3)][0] == "ditutup"
    assert status[(2026, "triwulan", 4)] == ("dibuka", dt.date(2027, 1, 10))
    bulan = sorted(n for t, j, n in status if j == "bulan")
    assert bulan == (list(range(1, 11)) if kunci == "kukar" else [])


def _target_triwulan() -> dict[tuple[int, int, int], Decimal | None]:
    """(indicator, year, quarter) → the RA target of the PK version in force at quarter end."""
    hasil: dict[tuple[int, int, int], tuple[dt.date, Decimal | None]] = {}
    for ra in rencana.RencanaAksi.objects.filter(jenis_periode="triwulan").select_related(
        "item_pk__perjanjian"
    ):
        pk = ra.item_pk.perjanjian
        akhir = dt.date(pk.tahun, ra.nomor * 3, 28)
        kunci = (ra.item_pk.indikator_id, pk.tahun, ra.nomor)
        if pk.tanggal <= akhir and (kunci not in hasil or hasil[kunci][0] < pk.tanggal):
            hasil[kunci] = (pk.tanggal, ra.target)
    return {k: v[1] for k, v in hasil.items()}


def test_realisasi_mengisi_semua_periode_lalu_dengan_sebaran_capaian_wajar(demo):
    target = _target_triwulan()
    capaian = []
    tanpa_tw3 = []
    for ind in rencana.Indikator.objects.prefetch_related("realisasi__periode", "target"):
        periode = {
            (r.periode.tahun, r.periode.jenis_periode, r.periode.nomor): r
            for r in ind.realisasi.all()
        }
        tahun_target = {t.tahun for t in ind.target.all()}
        if 2025 in tahun_target:
            assert (2025, "tahun", 1) in periode, ind.kode
            if ind.frekuensi != "tahunan":
                assert all((2025, "triwulan", n) in periode for n in (1, 2, 3, 4)), ind.kode
        if 2026 in tahun_target and ind.frekuensi != "tahunan":
            assert all((2026, "triwulan", n) in periode for n in (1, 2)), ind.kode
            if (2026, "triwulan", 3) not in periode:
                tanpa_tw3.append(ind.kode)
        assert (2026, "triwulan", 4) not in periode
        if ind.jenis_nilai not in ("angka", "persen") or ind.polaritas == "rentang":
            continue
        for (tahun, jenis, nomor), r in periode.items():
            t = target.get((ind.pk, tahun, nomor)) if jenis == "triwulan" else None
            if not t:
                continue
            # Only to check the spread of the invented data; the product uses kinerja.rumus.
            c = r.nilai / t * 100 if ind.polaritas == "positif" else (2 * t - r.nilai) / t * 100
            capaian.append(c)
    assert 1 <= len(tanpa_tw3) <= 4
    assert len(capaian) > 200
    wajar = [c for c in capaian if 80 <= c <= 110]
    assert len(wajar) / len(capaian) > 0.8
    assert len([c for c in capaian if c > 150]) >= 2


def test_status_realisasi_dan_catatan_validator(demo):
    r = Realisasi.objects.select_related("periode")
    assert set(r.filter(periode__tahun=2025).values_list("status", flat=True)) == {"divalidasi"}
    tw3 = r.filter(periode__tahun=2026, periode__jenis_periode="triwulan", periode__nomor=3)
    jumlah = Counter(tw3.values_list("status", flat=True))
    assert jumlah["divalidasi"] > jumlah["diajukan"] + jumlah["dikembalikan"]
    assert jumlah["diajukan"] >= 2 and jumlah["dikembalikan"] >= 2
    for x in tw3.filter(status="dikembalikan"):
        assert x.catatan_validasi and x.divalidasi_oleh is None
    for x in r.filter(status="divalidasi"):
        assert x.divalidasi_oleh and x.divalidasi_pada and x.diisi_oleh
    # Values are typed: ordinal levels as text, binary as 1/0, numbers as numbers.
    for x in r.select_related("indikator"):
        if x.indikator.jenis_nilai == "ordinal":
            assert x.nilai is None and x.nilai_teks
        elif x.indikator.jenis_nilai == "biner":
            assert x.nilai in (0, 1) and not x.nilai_teks
        else:
            assert x.nilai is not None


def test_kendala_dan_tindak_lanjut_diisi_saat_di_bawah_target(demo):
    target = _target_triwulan()
    di_bawah = 0
    for r in Realisasi.objects.filter(
        periode__jenis_periode="triwulan", indikator__jenis_nilai__in=["angka", "persen"]
    ).select_related("indikator", "periode"):
        t = target.get((r.indikator_id, r.periode.tahun, r.periode.nomor))
        if t is None or r.indikator.polaritas == "rentang":
            continue
        kurang = r.nilai < t if r.indikator.polaritas == "positif" else r.nilai > t
        assert bool(r.kendala and r.tindak_lanjut) == kurang, (r, r.nilai, t)
        di_bawah += kurang
    assert di_bawah >= 10


def test_realisasi_bulanan_ukpbj(demo):
    bulan = Realisasi.objects.filter(periode__jenis_periode="bulan")
    assert set(bulan.values_list("periode__pemda__kode", flat=True)) == {"contoh-kukar"}
    assert bulan.values("indikator").distinct().count() >= 3
    assert set(bulan.filter(periode__nomor=10).values_list("status", flat=True)) == {"diajukan"}


def test_data_dukung_disimpan_sekali_per_sha256(demo):
    triwulan = Realisasi.objects.exclude(periode__jenis_periode="tahun")
    assert not triwulan.filter(data_dukung__isnull=True).exists()
    assert DataDukung.objects.exclude(tautan="").count() >= 20
    berkas = list(Berkas.objects.all())
    assert {b.jenis_konten for b in berkas} == {"application/pdf", "text/csv"}
    for b in berkas:
        with default_storage.open(b.berkas.name) as f:
            isi = f.read()
        assert hashlib.sha256(isi).hexdigest() == b.sha256 and len(isi) == b.ukuran
        if b.jenis_konten == "application/pdf":
            assert isi.startswith(b"%PDF-1.4") and b"DATA CONTOH" in isi
            assert isi.rstrip().endswith(b"%%EOF")
    # Many realisations share the same file: stored once, reused by many DataDukung.
    assert DataDukung.objects.filter(berkas__isnull=False).count() > 5 * len(berkas)
    folder, _ = default_storage.listdir(FOLDER_BERKAS_CONTOH)
    tersimpan = sum(len(default_storage.listdir(f"{FOLDER_BERKAS_CONTOH}/{d}")[1]) for d in folder)
    assert tersimpan == len(berkas)

    call_command("demo", tanpa_daftar_akun=True)
    assert sorted(Berkas.objects.values_list("sha256", flat=True)) == sorted(
        b.sha256 for b in berkas
    )
    folder, _ = default_storage.listdir(FOLDER_BERKAS_CONTOH)
    tersimpan = sum(len(default_storage.listdir(f"{FOLDER_BERKAS_CONTOH}/{d}")[1]) for d in folder)
    assert tersimpan == len(berkas)


def test_realisasi_anggaran_per_baris_per_triwulan_lalu(demo):
    for a in rencana.Anggaran.objects.prefetch_related("realisasi__periode"):
        nomor = sorted(r.periode.nomor for r in a.realisasi.all())
        assert nomor == ([1, 2, 3, 4] if a.tahun == 2025 else [1, 2, 3])
        total = sum(r.nilai for r in a.realisasi.all())
        assert 0 < total <= a.pagu
    for a in rencana.Anggaran.objects.filter(elemen__level__kode="program"):
        anak = RealisasiAnggaran.objects.filter(
            anggaran__elemen__induk=a.elemen, anggaran__tahun=a.tahun
        )
        assert anak.aggregate(s=Sum("nilai"))["s"] == a.realisasi.aggregate(s=Sum("nilai"))["s"]


def test_dijalankan_dua_kali_semua_tabel_sama(demo):
    sebelum = {m.__name__: m.objects.count() for m in TABEL}
    call_command("demo", tanpa_daftar_akun=True)
    assert {m.__name__: m.objects.count() for m in TABEL} == sebelum


def test_data_pengguna_lain_yang_menunjuk_demo_ikut_dihapus_saat_disegarkan(
    demo, django_user_model
):
    """A realisation edited in a demo session leaves history; a refresh removes it cleanly."""
    r = Realisasi.objects.filter(periode__status="dibuka").first() or Realisasi.objects.first()
    r.kendala = "diubah pengguna"
    r.save()
    assert r.history.count() == 1
    call_command("demo", tanpa_daftar_akun=True)
    assert not Realisasi.objects.filter(kendala="diubah pengguna").exists()
    assert not Realisasi.history.model.objects.filter(id=r.pk).exists()


def test_berkas_contoh_yang_tidak_dipakai_lagi_dihapus(demo, django_capture_on_commit_callbacks):
    lama = simpan_berkas(b"kode;nilai\nlama;1\n", ekstensi="csv", jenis_konten="text/csv")
    assert default_storage.exists(lama.berkas.name)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", tanpa_daftar_akun=True)
    assert not Berkas.objects.filter(pk=lama.pk).exists()
    assert not default_storage.exists(lama.berkas.name)
    assert Berkas.objects.count() > 10


def test_isian_bertanggal_sebelum_batas_pengisian_periodenya(demo):
    terlambat = 0
    for r in Realisasi.objects.select_related("periode").prefetch_related("data_dukung"):
        tanggal = timezone.localdate(r.diperbarui_pada)
        assert r.diajukan_pada == r.diperbarui_pada and r.diajukan_oleh == r.diisi_oleh
        assert r.periode.tanggal_akhir < tanggal
        assert (tanggal > r.periode.batas_pengisian) == r.terlambat, r
        terlambat += r.terlambat
        if r.divalidasi_pada:
            assert r.divalidasi_pada > r.diajukan_pada
        for d in r.data_dukung.all():
            assert timezone.localdate(d.diunggah_pada) == tanggal
            assert (d.keputusan == "belum") == (d.diputuskan_oleh is None)
            if d.diputuskan_pada:
                assert d.diputuskan_pada > r.diajukan_pada
    assert 1 <= terlambat <= 8
    for t in rencana.TargetTahunan.objects.all():
        assert timezone.localdate(t.dibuat_pada) == t.berlaku_mulai
