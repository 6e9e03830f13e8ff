"""UKPBJ reports from the demo (seed 003, Kutai Kartanegara): per package, per indicator and
compiled, for a month, a quarter and a semester; numbers from tabel_capaian and rumus."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from kinerja import rumus
from kinerja.dokumen import services
from kinerja.pengukuran.hasil import tabel_capaian
from kinerja.pengukuran.models import Periode, RealisasiAnggaran
from kinerja.perencanaan.models import Anggaran
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo
from tests.dokumen.pdfteks import rapat, teks_halaman

pytestmark = pytest.mark.django_db

UKPBJ = "Bagian Pengadaan Barang dan Jasa"


@pytest.fixture
def dunia(demo):
    ukpbj = instansi_demo(UKPBJ)
    return {
        "ukpbj": ukpbj,
        "tw3": periode_demo(ukpbj, 2026, "triwulan", 3),
        "sep": periode_demo(ukpbj, 2026, "bulan", 9),
        "tim": login_peran("tim_pengelola_kelembagaan", ukpbj),
        "kepala": login_peran("kepala_ukpbj", ukpbj),
    }


def buat(d, periode, format="xlsx", **opsi):
    dok = services.dokumen_buat(
        pengguna=d["tim"],
        jenis="laporan_ukpbj",
        instansi=d["ukpbj"],
        periode=periode,
        format=format,
        **opsi,
    )
    with dok.berkas.open("rb") as f:
        return dok, f.read()


def test_per_package_absorption_is_rumus_serapan(dunia):
    _, data = buat(dunia, dunia["tw3"], susunan="paket")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert "Indikator" not in wb.sheetnames
    ws = wb["Paket"]
    rows = [r for r in ws.iter_rows(min_row=6) if r[0].value and str(r[0].value).isdigit()]
    assert len(rows) == 6
    for r in rows:
        a = Anggaran.objects.get(elemen__kode_rup=r[1].value, tahun=2026)
        real = sum(
            x.nilai
            for x in RealisasiAnggaran.objects.filter(
                anggaran=a,
                periode__jenis_periode="triwulan",
                periode__tahun=2026,
                periode__nomor__lte=3,
            )
        )
        assert Decimal(str(r[5].value)) == a.pagu
        if real:
            assert Decimal(str(r[6].value)) == real
            s = rumus.serapan(realisasi=real, pagu=a.pagu)
            n = r[0].row
            assert r[7].value == f'=IF(N(F{n})=0,"",G{n}/F{n}*100)'
            assert abs(
                Decimal(str(r[6].value)) / Decimal(str(r[5].value)) * 100 - s.nilai
            ) < Decimal("1e-9")


def test_per_indicator_capaian_for_a_quarter_and_a_month(dunia):
    for periode, boleh in ((dunia["tw3"], {"bulanan", "triwulanan"}), (dunia["sep"], {"bulanan"})):
        _, data = buat(dunia, periode, susunan="indikator")
        ws = openpyxl.load_workbook(io.BytesIO(data))["Indikator"]
        tabel = tabel_capaian(instansi=dunia["ukpbj"], periode=periode)
        harap = {
            b.indikator.kode: b
            for g in tabel.kelompok
            if g.elemen.level.kode != "paket"
            for b in g.baris
            if b.indikator.frekuensi in boleh
        }
        rows = {r[0].value: r for r in ws.iter_rows(min_row=6) if r[0].value in harap}
        assert set(rows) == set(harap)
        for kode, b in harap.items():
            sel = rows[kode][5]
            if b.capaian_periode.nilai is None:
                assert sel.value in (None, "–")
            else:
                assert Decimal(str(sel.value)) == b.capaian_periode.bulat()


def test_a_semester_is_measured_to_its_last_quarter(dunia):
    semester = Periode.objects.create(
        pemda=dunia["ukpbj"].pemda(),
        tahun=2026,
        jenis_periode="semester",
        nomor=1,
        status="dikunci",
    )
    dok, data = buat(dunia, semester, format="pdf")
    teks = rapat("".join(teks_halaman(data)))
    assert "PERIODESEMESTERI2026" in teks and "diukurs.d.TriwulanII2026" in teks
    tw2 = periode_demo(dunia["ukpbj"], 2026, "triwulan", 2)
    tabel = tabel_capaian(instansi=dunia["ukpbj"], periode=tw2)
    assert dok.snapshot["ringkasan"]["rollup"]["n"] is not None
    kode = {b["kode"] for g in dok.snapshot["kelompok"] for b in g["baris"]}
    for g in tabel.kelompok:
        for b in g.baris:
            if b.indikator.kode in kode and b.capaian_periode.nilai is not None:
                assert str(b.capaian_periode.bulat()) in {
                    x["capaian"]["n"] for gg in dok.snapshot["kelompok"] for x in gg["baris"]
                }


def test_the_kepala_ukpbj_signs_the_compiled_report(dunia):
    dok, _ = buat(dunia, dunia["tw3"], format="pdf")
    assert dok.kunci == "kompilasi"
    from kinerja.dokumen.models import NomorUrut

    # The demo has signed other documents this year (e.g. the reports it publishes): the next
    # number of the agency's own sequence follows them.
    urut = NomorUrut.objects.filter(tahun=2026, instansi__jalur__startswith=dunia["ukpbj"].jalur)
    berikut = max((n.terakhir for n in urut), default=0) + 1
    dok = services.dokumen_tandatangani(pengguna=dunia["kepala"], dokumen=dok)
    assert dok.nomor.startswith(f"B-{berikut}/BPBJ/PAPBJ/910/")
