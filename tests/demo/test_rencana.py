"""`kinerja demo`: frameworks, indicators, targets, PK, Rencana Aksi and budget of each agency."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum

from kinerja.organisasi.models import Instansi
from kinerja.perencanaan.models import (
    Anggaran,
    AnggaranPK,
    Elemen,
    Indikator,
    ItemPK,
    KerangkaKinerja,
    LevelOrdinal,
    PerjanjianKinerja,
    RencanaAksi,
    SkalaOrdinal,
    TargetTahunan,
)

pytestmark = pytest.mark.django_db
KUNCI = ["sumbar", "banjar", "kukar", "lumajang"]


@pytest.fixture
def demo():
    call_command("demo", tanpa_daftar_akun=True)


def kerangka(kunci: str) -> KerangkaKinerja:
    akar = Instansi.objects.get(induk__isnull=True, kode=f"contoh-{kunci}")
    return KerangkaKinerja.objects.get(instansi__jalur__startswith=akar.jalur)


def indikator(kunci: str):
    return Indikator.objects.filter(elemen__kerangka=kerangka(kunci))


@pytest.mark.parametrize("kunci", KUNCI)
def test_setiap_instansi_punya_15_indikator_dengan_semua_polaritas_dan_jenis_nilai(demo, kunci):
    ind = indikator(kunci)
    assert ind.count() >= 15
    assert set(ind.values_list("polaritas", flat=True)) == {"positif", "negatif", "rentang"}
    assert set(ind.values_list("jenis_nilai", flat=True)) == {"angka", "persen", "biner", "ordinal"}
    assert set(ind.values_list("agregasi", flat=True)) == {"kumulatif", "nilai_akhir", "rata_rata"}
    assert ind.filter(polaritas="positif", jenis_nilai="angka").exists()
    assert ind.filter(polaritas="positif", jenis_nilai="persen").exists()


@pytest.mark.parametrize("kunci", KUNCI)
def test_manual_iku_terisi_lengkap(demo, kunci):
    for i in indikator(kunci):
        for kolom in (
            "definisi_operasional",
            "formula",
            "satuan",
            "sumber_data",
            "alasan_pemilihan",
        ):
            assert getattr(i, kolom), (i.kode, kolom)
        assert i.unit_penanggung_jawab_id and i.tahun_baseline
        assert i.baseline is not None or i.baseline_teks
        assert i.unit_penanggung_jawab.jalur.startswith(kerangka(kunci).instansi.jalur)
        if i.jenis_nilai == "ordinal":
            assert i.skala and i.skala.level.filter(kode=i.baseline_teks).exists()
        if i.polaritas in ("positif", "negatif") and i.jenis_nilai in ("angka", "persen"):
            assert i.target_akhir_renstra is not None


def test_skala_ordinal_dibuat_sekali_dengan_skornya(demo):
    call_command("demo", tanpa_daftar_akun=True)
    skor = lambda kode: list(  # noqa: E731
        LevelOrdinal.objects.filter(skala__kode=kode).values_list("kode", "skor")
    )
    assert skor("opini-bpk") == [
        (k, Decimal(s)) for k, s in zip(["WTP", "WDP", "TW", "TMP"], "4321", strict=True)
    ]
    assert [k for k, _ in skor("predikat-akip")] == ["AA", "A", "BB", "B", "CC", "C", "D"]
    assert [s for _, s in skor("predikat-akip")] == [Decimal(x) for x in range(7, 0, -1)]
    assert SkalaOrdinal.objects.filter(kode__in=["opini-bpk", "predikat-akip"]).count() == 2


@pytest.mark.parametrize("kunci", KUNCI)
def test_target_tahunan_2025_2026_dan_satu_perubahan_beralasan(demo, kunci):
    ind = indikator(kunci)
    target = TargetTahunan.objects.filter(indikator__in=ind)
    for i in ind.exclude(elemen__level__kode="paket"):
        assert set(i.target.filter(jenis="murni").values_list("tahun", flat=True)) == {2025, 2026}
    perubahan = target.get(jenis="perubahan")
    assert perubahan.tahun == 2026 and perubahan.nomor_versi == 2
    assert perubahan.alasan and perubahan.berlaku_mulai.year == 2026
    for t in target:
        i = t.indikator
        if i.polaritas == "rentang":
            assert t.nilai_min < t.nilai_max
        elif i.jenis_nilai == "biner":
            assert t.nilai_teks == "ya"
        elif i.jenis_nilai == "ordinal":
            assert i.skala.level.filter(kode=t.nilai_teks).exists()
        else:
            assert t.nilai is not None


def test_kode_kepmendagri_berjenjang(demo):
    kode = set(Elemen.objects.filter(kerangka=kerangka("lumajang")).values_list("kode", flat=True))
    assert {"1.03.10", "1.03.10.2.01", "1.03.10.2.01.0017"} <= kode
    for e in Elemen.objects.filter(level__kode__in=["kegiatan", "sub_kegiatan"]):
        assert e.kode.startswith(e.induk.kode + ".")
    paket = Elemen.objects.filter(kerangka=kerangka("kukar"), level__kode="paket")
    assert paket.count() >= 6
    for p in paket:
        assert p.kode_rup and p.metode_pengadaan and p.instansi_pemilik
        assert p.instansi_pemilik.jenis == "pd" and p.induk.level.kode == "area_strategis"


@pytest.mark.parametrize("kunci", KUNCI)
def test_perjanjian_kinerja_ditandatangani_berjenjang(demo, kunci):
    k = kerangka(kunci)
    for tahun in (2025, 2026):
        pk = PerjanjianKinerja.objects.filter(
            tahun=tahun, jabatan__instansi__jalur__startswith=k.instansi.induk.jalur
        )
        assert pk.count() >= 3
        assert set(pk.values_list("status", flat=True)) == {"ditandatangani"}
        # The head's position is the top of the agency's chain (the UKPBJ head answers to
        # the Sekda, outside the agency).
        kepala = (
            pk.filter(nomor_versi=1)
            .exclude(jabatan__atasan__instansi__jalur__startswith=(k.instansi.jalur))
            .get()
        )
        if kunci == "kukar":
            assert kepala.jabatan.nama == "Kepala Bagian Pengadaan Barang dan Jasa"
            assert kepala.jabatan_pihak_kedua.nama == "Sekretaris Daerah"
            assert kepala.pihak_kedua is not None
        else:
            assert kepala.jabatan.nama == "Kepala Dinas"
            assert kepala.jabatan_pihak_kedua_teks.startswith(("Bupati", "Gubernur"))
        assert AnggaranPK.objects.filter(perjanjian=kepala).exists()
        # Every unit head under the head (Kepala Bidang, or Kasubag in the UKPBJ) has a PK.
        bawahan = kepala.jabatan.bawahan.exclude(nama="Sekretaris")
        assert bawahan.count() >= 3
        for j in bawahan:
            assert pk.filter(jabatan=j).exists(), j
        item_kepala = set(kepala.item.values_list("pk", flat=True))
        for p in pk.exclude(pk=kepala.pk):
            assert p.jabatan_pihak_kedua == kepala.jabatan
            for it in p.item.all():
                assert it.item_induk_id in item_kepala, it


def test_pk_perubahan_versi_2_beralasan_dan_setiap_pk_diajukan_sebelum_ditandatangani(demo):
    for pk in PerjanjianKinerja.objects.all():
        assert pk.diajukan_oleh and pk.diajukan_pada < pk.ditandatangani_pada
    v2 = PerjanjianKinerja.objects.filter(nomor_versi=2)
    assert v2.count() == 4
    for pk in v2:
        assert pk.tahun == 2026 and pk.alasan_versi
        perubahan = TargetTahunan.objects.get(jenis="perubahan", indikator__item_pk__perjanjian=pk)
        assert perubahan.alasan in pk.alasan_versi and perubahan.berlaku_mulai == pk.tanggal
        item = pk.item.get(indikator=perubahan.indikator)
        assert item.target == perubahan.nilai


def test_plt_menandatangani_pk_2026_dan_pejabat_lama_pk_2025(demo):
    pk = PerjanjianKinerja.objects.filter(jabatan__nama="Kepala Bidang Tata Ruang")
    assert pk.get(tahun=2026).status_pihak_pertama == "plt"
    assert pk.get(tahun=2025).status_pihak_pertama == "definitif"
    assert pk.get(tahun=2026).pihak_pertama != pk.get(tahun=2025).pihak_pertama


def _rata(nilai):
    return sum(nilai, Decimal(0)) / len(nilai)


def test_target_rencana_aksi_sesuai_jenis_agregasi(demo):
    diperiksa = defaultdict(int)
    for item in ItemPK.objects.select_related("indikator").prefetch_related("rencana_aksi"):
        ind = item.indikator
        ra = {(r.jenis_periode, r.nomor): r for r in item.rencana_aksi.all()}
        tw = [ra[("triwulan", n)] for n in (1, 2, 3, 4)]
        assert all(r.rencana_aksi for r in tw)
        if item.target is None:
            # Binary, ordinal and range targets: TW IV carries the annual target text.
            assert tw[3].target_teks == item.target_teks
            diperiksa["teks"] += 1
            continue
        nilai = [r.target for r in tw]
        if ind.frekuensi == "tahunan":
            assert nilai[3] == item.target
        elif ind.agregasi == "kumulatif":
            assert sum(nilai) == item.target, ind.kode
        elif ind.agregasi == "nilai_akhir":
            assert nilai[3] == item.target, ind.kode
        else:
            assert _rata(nilai) == item.target, ind.kode
        diperiksa[ind.agregasi] += 1
        bulan = [ra.get(("bulan", n)) for n in range(1, 13)]
        if any(bulan):
            for q in range(4):
                bagian = [b.target for b in bulan[q * 3 : q * 3 + 3]]
                harap = {
                    "kumulatif": sum(bagian),
                    "rata_rata": _rata(bagian),
                    "nilai_akhir": bagian[-1],
                }[ind.agregasi]
                assert harap == nilai[q], (ind.kode, q)
            diperiksa["bulanan"] += 1
    assert diperiksa["kumulatif"] >= 8 and diperiksa["nilai_akhir"] >= 8
    assert diperiksa["rata_rata"] >= 4 and diperiksa["teks"] >= 4 and diperiksa["bulanan"] >= 2
    assert RencanaAksi.objects.filter(jenis_periode="bulan").count() >= 24


def test_pagu_program_dan_kegiatan_adalah_jumlah_sub_kegiatan(demo):
    for a in Anggaran.objects.filter(elemen__level__kode__in=["program", "kegiatan"]):
        anak = Anggaran.objects.filter(elemen__induk=a.elemen, tahun=a.tahun)
        assert anak.aggregate(s=Sum("pagu"))["s"] == a.pagu
    for a in Anggaran.objects.prefetch_related("penarikan"):
        assert sorted(p.triwulan for p in a.penarikan.all()) == [1, 2, 3, 4]
        assert sum(p.nilai for p in a.penarikan.all()) == a.pagu
        assert a.keterangan.startswith("Data contoh")
    tahun = set(
        Anggaran.objects.filter(elemen__kerangka=kerangka("kukar")).values_list("tahun", flat=True)
    )
    assert tahun == {2025, 2026}
