"""The planning workspace tried in a real browser, as a new planner would, on the demo data.

The Tim SAKIP of Dinas PUTR Lumajang reads the pohon kinerja coloured by the TW III capaian
and prints it; builds a small plan from nothing (a framework, a tujuan, a sasaran, an
indicator whose manual IKU the checks question, a target refused over 100 % and then set);
imports a second plan from the Excel file of the agency's Renstra; changes a signed PK through
a new version, submits it, and the Ketua Tim SAKIP signs it. Screenshots go to docs/img/.

Runs only with KINERJA_E2E=1 and Debian's chromium (see conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode
from kinerja.perencanaan.models import (
    Elemen,
    Indikator,
    KerangkaKinerja,
    PerjanjianKinerja,
)

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
    kirim(page, "main button[type=submit]")


def kirim(page, pemilih):
    """Click a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(pemilih)


def simpan(page):
    kirim(page, "main form.card button[type=submit]")


def test_perencana_baru_mencoba_ruang_kerja_perencanaan(live_server, page, tmp_path):
    call_command("demo", verbosity=0)
    base = live_server.url
    akar = Instansi.objects.get(induk__isnull=True, kode="contoh-lumajang")
    dinas = Instansi.objects.get(jalur__startswith=akar.jalur, singkatan="Dinas PUTR")
    renstra = KerangkaKinerja.objects.get(instansi=dinas)
    tw3 = Periode.objects.get(pemda=akar, tahun=2026, jenis_periode="triwulan", nomor=3)
    masuk(page, base, "lumajang.timsakip")

    # The pohon kinerja, coloured by the TW III 2026 predikat, then printed.
    page.click("text=Perencanaan")
    # Wait for the page (and its scripts) before choosing: a change fired before navigasi.js
    # is bound goes nowhere.
    kirim(page, f"a[href='/perencanaan/kerangka/{renstra.pk}/pohon/']")
    page.wait_for_load_state("load")
    page.select_option("#pilih-periode", label="tanpa capaian")
    page.wait_for_url("**periode=0")
    with page.expect_navigation():
        page.select_option("#pilih-periode", label="Triwulan III 2026")
    assert f"periode={tw3.pk}" in page.url
    page.wait_for_selector("#pohon-kinerja svg")
    assert page.locator("#pohon-kinerja svg path").count() > 10
    assert "Sangat Tinggi" in page.inner_text(".pohon-daftar")
    page.screenshot(
        path=str(IMG / "perencanaan-pohon-kinerja.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1440, "height": 1180},
    )
    # Printing opens every branch and fits the tree to a landscape page.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1100, "height": 800})
    page.wait_for_timeout(500)
    assert page.locator("#pohon-kinerja").bounding_box()["width"] <= 1000
    page.screenshot(
        path=str(IMG / "perencanaan-pohon-cetak.png"),
        clip={"x": 0, "y": 0, "width": 1100, "height": 800},
    )
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    pdf = tmp_path / "pohon.pdf"
    page.pdf(path=str(pdf), format="A4", landscape=True, print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1440, "height": 960})

    # A small plan from nothing.
    page.goto(base + "/perencanaan/")
    page.click(f"a[href='/perencanaan/kerangka/baru/{dinas.pk}/']")
    page.fill("#id_nama", "Renstra percobaan")
    page.fill("#id_tahun_mulai", "2027")
    page.fill("#id_tahun_selesai", "2031")
    simpan(page)
    assert "Kerangka kinerja dibuat." in page.inner_text("main")
    baru = KerangkaKinerja.objects.get(nama="Renstra percobaan")
    page.click("main a.btn-primary:has-text('Tujuan')")
    page.fill("#id_kode", "T1")
    page.fill("#id_nama", "Meningkatnya kemantapan jalan kabupaten")
    simpan(page)
    tujuan = Elemen.objects.get(kerangka=baru, kode="T1")
    page.goto(base + f"/perencanaan/kerangka/{baru.pk}/elemen/baru/?induk={tujuan.pk}")
    assert page.input_value("#id_level") == str(baru.level.get(kode="sasaran").pk)
    page.fill("#id_kode", "S1")
    page.fill("#id_nama", "Menurunnya panjang jalan rusak")
    simpan(page)
    sasaran = Elemen.objects.get(kerangka=baru, kode="S1")
    page.goto(base + f"/perencanaan/elemen/{sasaran.pk}/indikator/baru/")
    page.fill("#id_kode", "IKU-01")
    page.fill("#id_nama", "Persentase jalan kabupaten dalam kondisi rusak berat")
    page.fill("#id_satuan", "%")
    page.select_option("#id_jenis_nilai", "persen")
    page.fill("#id_tahun_baseline", "2028")
    simpan(page)
    teks = page.inner_text("main")
    assert "Definisi operasional belum diisi." in teks
    assert "“rusak”" in teks and "Tahun baseline 2028" in teks
    ind = Indikator.objects.get(elemen=sasaran, kode="IKU-01")
    page.fill("#id_nilai", "120")
    simpan(page)
    assert "melebihi 100" in page.inner_text("main")
    page.fill("#id_nilai", "9,5")
    simpan(page)
    assert ind.target.get(tahun=2027).nilai == 9.5
    page.goto(base + f"/perencanaan/elemen/{sasaran.pk}/indikator/{ind.pk}/")
    page.screenshot(path=str(IMG / "perencanaan-manual-iku.png"), full_page=True)

    # A second plan imported from the Excel file of the agency's Renstra.
    page.goto(base + f"/perencanaan/kerangka/{renstra.pk}/")
    with page.expect_download() as unduhan:
        page.click("text=Ekspor Excel")
    berkas = tmp_path / "renstra.xlsx"
    unduhan.value.save_as(berkas)
    page.goto(base + f"/perencanaan/kerangka/baru/{dinas.pk}/")
    page.fill("#id_nama", "Renstra dari Excel")
    page.fill("#id_tahun_mulai", "2025")
    page.fill("#id_tahun_selesai", "2029")
    simpan(page)
    kedua = KerangkaKinerja.objects.get(nama="Renstra dari Excel")
    page.click("text=Impor Excel")
    page.set_input_files("#id_berkas", str(berkas))
    kirim(page, "main form.card button[type=submit]")
    jumlah = Elemen.objects.filter(kerangka=renstra).count()
    assert page.locator("#ringkasan-impor").inner_text().startswith("Baru")
    page.screenshot(
        path=str(IMG / "perencanaan-impor.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1440, "height": 1100},
    )
    kirim(page, "main button.btn-success")
    assert "baris diimpor" in page.inner_text("main")
    assert Elemen.objects.filter(kerangka=kedua).count() == jumlah

    # A change to a signed PK: a new version, edited, submitted, signed by another planner.
    lama = (
        PerjanjianKinerja.objects.filter(
            jabatan__nama="Kepala Bidang Bina Marga",
            jabatan__instansi__jalur__startswith=akar.jalur,
            tahun=2026,
        )
        .order_by("-nomor_versi")
        .first()
    )
    page.goto(base + f"/perencanaan/pk/?instansi={dinas.pk}&tahun=2026")
    page.click(f"a[href='/perencanaan/pk/{lama.pk}/']")
    assert "dibekukan" in page.inner_text("main")
    page.click("text=Ubah (buat versi baru)")
    page.fill("#alasan-versi", "Tambahan ruas pada APBD Perubahan")
    kirim(page, "#form-versi-baru button[type=submit]")
    assert "Versi baru PK dibuat sebagai draf." in page.inner_text("main")
    draf = PerjanjianKinerja.objects.get(jabatan=lama.jabatan, tahun=2026, nomor_versi=2)
    item = draf.item.order_by("urutan").first()
    page.click(f"a[href='/perencanaan/pk-item/{item.pk}/']")
    page.fill("#id_target", "34")
    simpan(page)
    page.screenshot(path=str(IMG / "perencanaan-pk-editor.png"), full_page=True)
    page.click(f"a[href='/perencanaan/pk-item/{item.pk}/rencana-aksi/']")
    page.fill("#target-4", "34")
    kirim(page, "main form button[type=submit]")
    page.screenshot(path=str(IMG / "perencanaan-rencana-aksi.png"), full_page=True)
    page.goto(base + f"/perencanaan/pk/{draf.pk}/")
    kirim(page, "text=Ajukan untuk direviu")
    masuk(page, base, "lumajang.ketuatimsakip")
    page.goto(base + f"/perencanaan/pk/{draf.pk}/")
    kirim(page, "text=Setujui dan catat penandatanganan")
    draf.refresh_from_db()
    assert draf.status == "ditandatangani"
    page.goto(base + f"/perencanaan/pk/?instansi={dinas.pk}&tahun=2026")
    page.screenshot(path=str(IMG / "perencanaan-pohon-pk.png"), full_page=True)
    assert page.galat_js == []
