"""`pengukuran.hasil.hitung_baris`: the bridge from stored rows to `kinerja.rumus`."""

from __future__ import annotations

from decimal import Decimal

from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import Indikator, RencanaAksi, TargetTahunan


def _indikator(**kw):
    return Indikator(
        nama="Persentase jalan mantap",
        satuan="%",
        jenis_nilai="persen",
        agregasi=kw.pop("agregasi", "nilai_akhir"),
        **kw,
    )


def test_periode_tahun_tanpa_rencana_aksi_memakai_target_tahunan():
    ind = _indikator()
    b = hasil.hitung_baris(
        ind,
        target=TargetTahunan(indikator=ind, tahun=2025, nilai=Decimal("80")),
        ra={},
        per_periode={1: Realisasi(indikator=ind, nilai=Decimal("72"))},
        n=1,
        jumlah_periode=1,
    )
    assert b.capaian_periode.nilai == Decimal("90")
    assert b.capaian_tahun.nilai == Decimal("90")
    assert b.target_periode_teks == b.target_tahun_teks


def test_periode_tahun_dengan_target_rencana_aksinya_sendiri_tetap_memakainya():
    ind = _indikator()
    b = hasil.hitung_baris(
        ind,
        target=TargetTahunan(indikator=ind, tahun=2025, nilai=Decimal("80")),
        ra={1: RencanaAksi(target=Decimal("75"))},
        per_periode={1: Realisasi(indikator=ind, nilai=Decimal("72"))},
        n=1,
        jumlah_periode=1,
    )
    assert b.capaian_periode.nilai == Decimal("96")
    assert b.capaian_tahun.nilai == Decimal("90")


def test_triwulan_tanpa_rencana_aksi_tetap_tidak_dapat_dihitung_terhadap_target_periode():
    ind = _indikator()
    b = hasil.hitung_baris(
        ind,
        target=TargetTahunan(indikator=ind, tahun=2026, nilai=Decimal("80")),
        ra={},
        per_periode={1: Realisasi(indikator=ind, nilai=Decimal("72"))},
        n=1,
        jumlah_periode=4,
    )
    assert b.capaian_periode.nilai is None and b.capaian_periode.alasan is not None
    assert b.capaian_tahun.nilai == Decimal("90")
