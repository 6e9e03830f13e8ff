"""A Bidang fills its quarter in a real browser with the keyboard only, attaches evidence by
drag-and-drop, submits; the Tim SAKIP returns one value with a reason; the Bidang sees it.

Screenshots go to docs/img/isian-*.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja.demo import data_sumbar
from kinerja.demo.berkas import pdf_satu_halaman
from kinerja.demo.dunia import KATA_SANDI_DEMO
from kinerja.demo.pemuat import muat_demo
from kinerja.pengukuran.models import DataDukung, Periode, Realisasi, StatusRealisasi

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GAMBAR = Path(__file__).resolve().parents[2] / "docs" / "img"
OPERATOR = "sumbar.bidang.binamarga"
VALIDATOR = "sumbar.timsakip"


def masuk(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", KATA_SANDI_DEMO)
    page.click("button[type=submit]")
    page.wait_for_selector("h1")


def potret(page, nama):
    GAMBAR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(GAMBAR / f"isian-{nama}.png"), full_page=True)


def test_bidang_mengisi_dengan_papan_ketik_lalu_validator_mengembalikan(
    live_server, page, tmp_path
):
    muat_demo([data_sumbar.DEMO])
    periode = Periode.objects.get(
        pemda__nama=data_sumbar.DEMO.pemda.nama, tahun=2026, jenis_periode="triwulan", nomor=4
    )
    masuk(page, live_server, OPERATOR)
    page.click("nav >> text=Isi realisasi")
    page.wait_for_selector("#grid-isian")
    assert "Bidang Bina Marga" in page.inner_text("h1 + div")
    isian = page.locator("#grid-isian [data-masuk]")
    jumlah = isian.count()
    assert jumlah >= 5

    # Keyboard only from here: the first field, then type, Tab, Enter.
    isian.first.focus()
    page.keyboard.type("12,3,4")
    page.keyboard.press("Enter")
    page.wait_for_selector("#grid-isian .is-invalid")
    assert "bukan angka" in page.inner_text("#grid-isian .invalid-feedback")
    assert page.evaluate("() => document.activeElement.classList.contains('is-invalid')")
    page.keyboard.press("Control+A")
    page.keyboard.type("87,5")
    page.keyboard.press("Tab")
    page.keyboard.type("Hujan deras menunda pengaspalan ruas Solok")
    page.keyboard.press("Tab")
    page.keyboard.type("Pekerjaan dilanjutkan pada Desember")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('#grid-isian .is-invalid')")
    nilai = ["5,1", "82", "30", "7", "1.530,5", "3", "2"]
    for teks in nilai[: jumlah - 1]:
        # After a save the cursor is already in the next row's value field.
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.hasAttribute('data-masuk')"
            " && document.activeElement.value === ''"
        )
        page.keyboard.type(teks)
        page.keyboard.press("Enter")
    page.wait_for_function(
        "(n) => document.querySelectorAll('#grid-isian .badge.text-bg-secondary').length === n",
        arg=jumlah,
    )
    assert Realisasi.objects.filter(periode=periode, status=StatusRealisasi.DRAF).count() == jumlah
    assert "Terisi " + str(jumlah) in page.inner_text("#ringkasan")
    potret(page, "grid")

    # Evidence for the first row: a PDF dropped onto the upload zone.
    page.locator("#grid-isian td.sel-bukti a").first.click()
    page.wait_for_selector("[data-zona-unggah]")
    pdf = pdf_satu_halaman(["Laporan kemantapan jalan provinsi TW IV"])
    page.evaluate(
        """([isi]) => {
            const dt = new DataTransfer();
            dt.items.add(new File([new Uint8Array(isi)], 'laporan-kemantapan.pdf',
                                  {type: 'application/pdf'}));
            const zona = document.querySelector('[data-zona-unggah]');
            zona.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true}));
            zona.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
        }""",
        [list(pdf)],
    )
    page.wait_for_selector("#daftar-bukti >> text=laporan-kemantapan.pdf")
    # The picker works too, and a file that is not what it claims is refused.
    palsu = tmp_path / "foto.png"
    palsu.write_bytes(b"MZ\x90\x00" + b"\x00" * 64)
    page.set_input_files("[data-zona-unggah] input[type=file]", str(palsu))
    page.wait_for_selector("#panel-bukti-isi .alert-danger")
    assert "bukan PNG" in page.inner_text("#panel-bukti-isi .alert-danger")
    assert DataDukung.objects.count() >= 1
    potret(page, "bukti")
    page.keyboard.press("Escape")
    page.wait_for_selector("#panel-bukti", state="hidden")

    page.click("text=Ajukan semua yang sudah diisi")
    page.wait_for_selector(".alert-success")
    assert f"{jumlah} realisasi diajukan" in page.inner_text(".alert-success")
    potret(page, "diajukan")

    # The Tim SAKIP returns one value with a reason.
    masuk(page, live_server, VALIDATOR)
    page.goto(live_server.url + "/pengukuran/validasi/")
    page.wait_for_selector("#antrean-validasi")
    baris = page.locator("#antrean-validasi tr[data-baris]").first
    baris.locator("textarea[name=catatan]").fill("Lampirkan foto ruas yang belum diaspal.")
    baris.get_by_role("button", name="Kembalikan").click()
    page.wait_for_selector("#antrean-validasi >> text=Dikembalikan ke unit.")
    potret(page, "validasi")
    r = Realisasi.objects.get(periode=periode, status=StatusRealisasi.DIKEMBALIKAN)
    assert r.catatan_validasi == "Lampirkan foto ruas yang belum diaspal."
    page.click("text=Rekap pengisian")
    page.wait_for_selector("#tabel-rekap")
    assert "Bidang Bina Marga" in page.inner_text("#tabel-rekap")
    potret(page, "rekap")

    # Back at the Bidang the reason is on the row, which is editable again.
    masuk(page, live_server, OPERATOR)
    page.goto(
        live_server.url + f"/pengukuran/isian/{r.indikator.instansi_cakupan().pk}/{periode.pk}/"
    )
    baris = page.locator(f"#baris-{r.indikator_id}")
    assert "Lampirkan foto ruas yang belum diaspal." in baris.inner_text()
    assert baris.locator("[data-masuk]").count() == 1
    potret(page, "dikembalikan")

    # Offline round trip: download the format, fix the returned value, add a broken row.
    with page.expect_download() as unduhan:
        page.click("text=Unduh format Excel")
    assert unduhan.value.suggested_filename.endswith(".xlsx")
    unduhan.value.save_as(tmp_path / "format.xlsx")
    wb = load_workbook(tmp_path / "format.xlsx")
    ws = wb["Realisasi"]
    for row in ws.iter_rows(min_row=7):
        if row[1].value == f"IND-{r.indikator_id}":
            row[9].value = 88
            row[11].value = "Foto ruas dilampirkan"
    ws.append([99, "IND-999999", "", "", "", "", "", "", "", "lima", "", "", "", 0])
    berkas = tmp_path / "format-terisi.xlsx"
    wb.save(berkas)
    page.click("text=Impor dari Excel")
    page.set_input_files("input[type=file][name=berkas]", str(berkas))
    page.click("text=Unggah dan periksa")
    page.wait_for_selector("#pratinjau-impor")
    assert "tidak dikenal" in page.inner_text("#pratinjau-impor")
    potret(page, "impor")
    page.click("text=Impor 1 baris")
    page.wait_for_selector(".alert-success")
    r.refresh_from_db()
    assert r.nilai == 88 and r.tindak_lanjut == "Foto ruas dilampirkan"
