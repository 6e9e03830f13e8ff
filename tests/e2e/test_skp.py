"""Employee performance (SKP) tried in a real browser on the Lumajang demo.

A Kepala Bidang opens their own SKP, then their team, and evaluates the PPPK staff member's
Triwulan IV; the personnel section reads the unit recap with the distribution check, the
cascade tree, and previews an import whose rows have errors. Screenshots go to docs/img/skp-*.png.

Runs only with KINERJA_E2E=1 and Debian's chromium (see conftest.py).
"""

from __future__ import annotations

import io
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode
from kinerja.skp.data_contoh import muat_data_contoh
from kinerja.skp.models import SKP, PenilaianSKP

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SANDI = "demo-kinerja-2026"


@pytest.fixture
def page(browser):
    ctx = browser.new_context(locale="id-ID", viewport={"width": 1440, "height": 960})
    pg = ctx.new_page()
    galat: list[str] = []
    pg.on("pageerror", lambda e: galat.append(str(e)))
    pg.galat_js = galat
    yield pg
    ctx.close()


def masuk(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", SANDI)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def kirim(page, pemilih):
    with page.expect_navigation():
        page.click(pemilih)


def test_pegawai_atasan_dan_kepegawaian_memakai_skp(live_server, page, tmp_path):
    def hanya_skp(hasil):
        muat_data_contoh(hasil)
        return ["kinerja.skp.data_contoh"]

    with mock.patch("kinerja.demo.pemuat.muat_tambahan_aplikasi", hanya_skp):
        call_command("demo", verbosity=0)
    base = live_server.url
    akar = Instansi.objects.get(induk__isnull=True, kode="contoh-lumajang")
    dinas = Instansi.objects.get(jalur__startswith=akar.jalur, singkatan="Dinas PUTR")
    tw3 = Periode.objects.get(pemda=akar, tahun=2026, jenis_periode="triwulan", nomor=3)
    tw4 = Periode.objects.get(pemda=akar, tahun=2026, jenis_periode="triwulan", nomor=4)

    # A Kepala Bidang's own SKP.
    masuk(page, base, "lumajang.kabid.bm")
    page.goto(base + "/skp/?tahun=2026")
    assert page.locator("#skp-saya tbody tr").count() == 1
    page.screenshot(path=str(IMG / "skp-saya.png"), full_page=True)
    kirim(page, "#skp-saya a.btn")
    assert page.locator("#tabel-rhk tbody tr").count() > 3
    page.screenshot(path=str(IMG / "skp-detail.png"), full_page=True)

    # Triwulan IV realisation with a link as evidence.
    sendiri = SKP.objects.get(pegawai__nama="Teguh Prasetyo", tahun=2026)
    page.goto(base + f"/skp/{sendiri.pk}/realisasi/{tw4.pk}/")
    kosong = page.locator("#form-realisasi input[name^=nilai-]").first
    kosong.fill("31,5")
    kirim(page, "#form-realisasi button[type=submit]")
    assert "Realisasi tersimpan" in page.inner_text("main")
    page.locator("input[name=tautan]").first.fill(
        "https://bukti.contoh.lumajangkab.go.id/pho-ruas-12"
    )
    kirim(page, "main form.card button[type=submit]")
    assert "Bukti dukung dilampirkan" in page.inner_text("main")
    page.screenshot(path=str(IMG / "skp-realisasi.png"), full_page=True)

    # The team: the PPPK staff member, evaluated for Triwulan IV.
    page.goto(base + "/skp/tim/?tahun=2026")
    assert "Dimas Aditya" in page.inner_text("#tim")
    page.screenshot(path=str(IMG / "skp-tim.png"), full_page=True)
    kirim(page, "#tim a.btn")
    dimas = SKP.objects.get(pegawai__nama="Dimas Aditya", tahun=2026)
    page.goto(base + f"/skp/{dimas.pk}/nilai/{tw4.pk}/")
    page.select_option("#id_rating_hasil_kerja", "sesuai")
    page.select_option("#id_rating_perilaku", "di_atas")
    page.fill(
        "#id_umpan_balik_hasil", "Laporan progres ruas Pasirian–Candipuro lengkap dan tepat waktu."
    )
    # Perilaku kerja per BerAKHLAK value, beside the expectation stated on the SKP.
    assert page.locator("#tabel-perilaku tbody tr").count() == 7
    page.select_option("#id_rating_pelayanan", "di_atas")
    page.fill("#id_umpan_balik_pelayanan", "Menanggapi aduan jalan berlubang di hari yang sama.")
    page.screenshot(path=str(IMG / "skp-nilai.png"), full_page=True)
    kirim(page, "#form-nilai button[type=submit]")
    nilai = PenilaianSKP.objects.get(skp=dimas, periode=tw4)
    assert nilai.predikat == "baik"
    assert nilai.perilaku.get(nilai="pelayanan").rating == "di_atas"

    # The personnel section: recap with the distribution check, cascade, import preview.
    masuk(page, base, "lumajang.kepegawaian")
    page.goto(base + f"/skp/rekap/?instansi={dinas.pk}&periode={tw3.pk}")
    assert page.locator("#tabel-rekap tbody tr").count() >= 11
    assert page.locator("#peringatan-distribusi").count() == 1
    page.screenshot(path=str(IMG / "skp-rekap.png"), full_page=True)
    page.goto(base + "/skp/cascade/?tahun=2026")
    page.wait_for_selector("#pohon-skp canvas")
    assert page.locator(".skp-pohon-daftar li").count() > 20
    page.screenshot(path=str(IMG / "skp-cascade.png"), full_page=False)

    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "NIP",
            "Nama",
            "Jenis ASN",
            "Unit Kerja",
            "Jabatan",
            "Jabatan Atasan",
            "Status Jabatan",
            "TMT Jabatan",
        ]
    )
    ws.append(
        [
            "199403122020122003",
            "Rina Lestari",
            "PNS",
            "Bidang Bina Marga",
            "Kepala Seksi Jalan",
            "Kepala Bidang Bina Marga",
            "Definitif",
            "02/01/2026",
        ]
    )
    ws.append(["1994031220", "Andi Saputra", "PPPK", "Bidang Jalan", "", "", "", ""])
    path = tmp_path / "pegawai.xlsx"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
    page.goto(base + "/skp/impor/")
    page.set_input_files("input[name=berkas]", str(path))
    kirim(page, "main form.card button[type=submit]")
    assert page.locator("#pratinjau-impor tr.table-danger").count() == 1
    page.screenshot(path=str(IMG / "skp-impor.png"), full_page=True)
    assert not page.galat_js, page.galat_js


def test_keberatan_dan_evaluasi_tahunan(live_server, page):
    """The PPPK employee (no SAKIP role) sees his pending objection; the Kepala, atasan of his
    pejabat penilai, changes the evaluation; the penilai of the moved employee opens the annual
    evaluation that combines both SKP."""

    def hanya_skp(hasil):
        muat_data_contoh(hasil)
        return ["kinerja.skp.data_contoh"]

    with mock.patch("kinerja.demo.pemuat.muat_tambahan_aplikasi", hanya_skp):
        call_command("demo", verbosity=0)
    base = live_server.url
    from kinerja.skp.data_contoh import NIP_PINDAH
    from kinerja.skp.models import Keberatan

    masuk(page, base, "lumajang.pppk")
    page.goto(base + "/skp/keberatan/")
    assert "Butuh Perbaikan" in page.inner_text("#tabel-saya")

    masuk(page, base, "lumajang.kepala")
    page.goto(base + "/skp/keberatan/")
    assert page.locator("#tabel-menunggu tbody tr").count() == 1
    kirim(page, "#tabel-menunggu a.btn")
    page.check("input[name=keputusan][value=diubah]")
    page.select_option("#id_rating_hasil_kerja", "sesuai")
    page.select_option("#id_rating_perilaku", "sesuai")
    page.fill(
        "#id_pertimbangan",
        "Bukti dukung menunjukkan keterlambatan karena data penyedia; hasil kerja sesuai.",
    )
    page.screenshot(path=str(IMG / "skp-keberatan.png"), full_page=True)
    kirim(page, "#form-putus button[type=submit]")
    k = Keberatan.objects.get()
    assert k.status == "diubah" and k.predikat_baru == "baik"
    assert k.penilaian.predikat == "baik"

    masuk(page, base, "lumajang.kepegawaian")
    pindah = SKP.objects.filter(pegawai__nip=NIP_PINDAH).order_by("mulai")
    assert pindah.count() == 2
    page.goto(base + f"/skp/tahunan/{pindah[0].pegawai_id}/2026/")
    assert "Subbagian Keuangan" in page.inner_text("main")
    assert page.locator("#form-tahunan").count() == 1
    page.screenshot(path=str(IMG / "skp-tahunan.png"), full_page=True)
    assert not page.galat_js, page.galat_js
