"""The Permendagri 86/2017 Renja evaluation form from the demo: column 15 K is
`rumus.hitung_capaian_renstra` over the Renstra years, 13 and 14 are formulas for additive
indicators and every Rp column, the footer carries the roll-up and the editable factors."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from kinerja import rumus
from kinerja.dokumen import services
from kinerja.dokumen.pembuat.renja import KOL, KOL_KET
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import Indikator
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo

pytestmark = pytest.mark.django_db

DINAS = "Dinas Bina Marga, Cipta Karya dan Tata Ruang"


@pytest.fixture
def lembar(demo):
    dinas = instansi_demo(DINAS)
    dok = services.dokumen_buat(
        pengguna=login_peran("tim_sakip", dinas),
        jenis="evaluasi_renja",
        instansi=dinas,
        periode=periode_demo(dinas, 2026, "triwulan", 3),
        isian={"pendorong": "=1+1 koordinasi", "penghambat": "Cuaca"},
    )
    with dok.berkas.open("rb") as f:
        ws = openpyxl.load_workbook(io.BytesIO(f.read()))["Evaluasi Renja"]
    baris = {}
    for r in ws.iter_rows(min_row=8):
        if r[4].value:
            baris[str(r[4].value).rsplit(" (", 1)[0]] = r
    return {"dinas": dinas, "ws": ws, "baris": baris}


def tahunan(ind, tahun, sampai):
    return [
        r.nilai
        for r in Realisasi.objects.filter(
            indikator=ind,
            periode__tahun=tahun,
            periode__jenis_periode="triwulan",
            periode__nomor__lte=sampai,
        ).order_by("periode__nomor")
    ]


def test_column_15_is_the_renstra_capaian_of_rumus(lembar):
    ind = Indikator.objects.get(kode="PRG-01", elemen__kerangka__instansi=lembar["dinas"])
    th2025 = sum(tahunan(ind, 2025, 4))
    th2026 = sum(tahunan(ind, 2026, 3))
    harap = rumus.hitung_capaian_renstra(
        realisasi_tahunan=[th2025, th2026],
        target_akhir=ind.target_akhir_renstra,
        agregasi="kumulatif",
    )
    r = lembar["baris"][ind.nama]
    assert Decimal(str(r[KOL[15][0] - 1].value)) == harap.bulat()
    assert Decimal(str(r[KOL[7][0] - 1].value)) == th2025
    assert Decimal(str(r[KOL[6][0] - 1].value)) == ind.target_akhir_renstra


def test_additive_columns_are_formulas(lembar):
    ind = Indikator.objects.get(kode="PRG-01", elemen__kerangka__instansi=lembar["dinas"])
    r = lembar["baris"][ind.nama]
    n = r[0].row
    k13, rp13 = r[KOL[13][0] - 1].value, r[KOL[13][1] - 1].value
    assert k13.startswith("=SUM(") and k13.count(",") == 3
    assert rp13.startswith("=SUM(")
    assert r[KOL[14][0] - 1].value == f"=N(H{n})+T{n}"
    assert r[KOL[15][1] - 1].value == f'=IF(N(G{n})=0,"",W{n}/G{n}*100)'
    # The quarters the formula adds up are the realisations entered.
    tw = [r[KOL[q][0] - 1].value for q in (9, 10, 11)]
    assert [Decimal(str(v)) for v in tw] == tahunan(ind, 2026, 3)


def test_non_additive_indicator_uses_the_aggregated_value(lembar):
    ind = Indikator.objects.get(kode="IKU-01", elemen__kerangka__instansi=lembar["dinas"])
    r = lembar["baris"][ind.nama]
    akhir = tahunan(ind, 2026, 3)[-1]
    assert Decimal(str(r[KOL[13][0] - 1].value)) == akhir
    harap = rumus.hitung_capaian_renstra(
        realisasi_tahunan=[tahunan(ind, 2025, 4)[-1], akhir], target_akhir=ind.target_akhir_renstra
    )
    assert Decimal(str(r[KOL[15][0] - 1].value)) == harap.bulat()


def test_footer_has_rollup_predikat_and_literal_factors(lembar):
    ws = lembar["ws"]
    kaki = {
        r[0].value: r
        for r in ws.iter_rows(min_row=8)
        if r[0].value and not str(r[0].value).isdigit()
    }
    rata = kaki["Rata-rata capaian kinerja Renstra (%)"][KOL[15][0] - 1].value
    assert rata is not None and 0 < rata < 300
    assert kaki["Predikat kinerja"][5].value == rumus.predikat(Decimal(str(rata))).label
    sel = kaki["Faktor pendorong keberhasilan pencapaian"][5]
    assert sel.value == "=1+1 koordinasi" and sel.data_type == "s"
    assert ws.max_column == KOL_KET
