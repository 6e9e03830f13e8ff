"""The public portal tried in a real browser without logging in, on the demo data.

A citizen opens /publik/, picks Kabupaten Lumajang, then Dinas PUTR, reads the Tahun 2025
results (the newest, longest period), switches to Triwulan IV 2025, follows a document's
verification code to the verification page and downloads the signed file. Screenshots go to
docs/img/portal-*.png.

Runs only with KINERJA_E2E=1 and Debian's chromium (see conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from kinerja.portal.models import Publikasi

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


@pytest.fixture
def page(browser):
    ctx = browser.new_context(
        locale="id-ID", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    pg = ctx.new_page()
    galat: list[str] = []
    pg.on("pageerror", lambda e: galat.append(str(e)))
    pg.galat_js = galat
    yield pg
    ctx.close()


def test_a_citizen_reads_published_results_and_checks_a_document(live_server, page):
    call_command("demo", verbosity=0)
    assert Publikasi.objects.filter(status="terbit").count() == 8
    base = live_server.url

    page.goto(base + "/publik/")
    assert page.locator("a.navbar-brand, .portal-kepala a").first.is_visible()
    assert "Kabupaten Lumajang" in page.inner_text("main")
    assert page.locator("nav.navbar").count() == 0  # no logged-in menu
    page.screenshot(path=str(IMG / "portal-beranda.png"), full_page=True)

    with page.expect_navigation():
        page.click("text=Pemerintah Kabupaten Lumajang")
    assert "Dinas Pekerjaan Umum dan Tata Ruang" in page.inner_text("main")
    assert "Tahun 2025" in page.inner_text("main")
    page.screenshot(path=str(IMG / "portal-pemda.png"), full_page=True)

    with page.expect_navigation():
        page.click("main table a:has-text('Dinas Pekerjaan Umum dan Tata Ruang')")
    teks = page.inner_text("main")
    assert "Hasil pengukuran kinerja Tahun 2025" in teks
    assert "Sasaran" in teks and "Capaian periode (%)" in teks

    with page.expect_navigation():
        page.click("nav .nav-pills a:has-text('Triwulan IV 2025')")
    assert page.url.endswith("/publik/kabupaten-lumajang/dinas-putr/2025-tw4/")
    assert "Hasil pengukuran kinerja Triwulan IV 2025" in page.inner_text("main")
    page.screenshot(
        path=str(IMG / "portal-instansi.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": 1400},
    )

    # The documents: scroll to them, download the signed file, then verify its code.
    dokumen = page.locator("#judul-dokumen")
    dokumen.scroll_into_view_if_needed()
    page.screenshot(path=str(IMG / "portal-dokumen.png"))
    with page.expect_download() as unduh:
        page.click("main a.btn:has-text('PDF')")
    assert unduh.value.suggested_filename.endswith(".pdf")
    with page.expect_navigation():
        page.click("section[aria-labelledby=judul-dokumen] td a.font-kode")
    assert "/verifikasi/" in page.url
    assert "Berlaku" in page.inner_text("main")
    assert page.galat_js == []


def test_the_pemda_admin_withdraws_and_publishes_again(live_server, page):
    call_command("demo", verbosity=0)
    base = live_server.url
    publik = base + "/publik/kabupaten-lumajang/dinas-putr/2025-tw4/"
    page.goto(base + "/masuk/")
    page.fill("#id_username", "lumajang.adminpemda")
    page.fill("#id_password", "demo-kinerja-2026")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(base + "/publik/kelola/")
    baris = page.locator("tr", has_text="Triwulan IV 2025")
    assert "Terbit" in baris.inner_text()
    baris.locator("input[name=alasan]").fill("Koreksi angka IKU-05 sesuai data dinas")
    with page.expect_navigation():
        baris.locator("button:has-text('Tarik')").click()
    assert "Publikasi ditarik" in page.inner_text("main")
    assert page.request.get(publik).status == 404
    baris = page.locator("tr", has_text="Triwulan IV 2025")
    assert "Koreksi angka IKU-05" in baris.inner_text()
    with page.expect_navigation():
        baris.locator("button:has-text('Terbitkan')").click()
    assert "diterbitkan" in page.inner_text("main")
    page.screenshot(path=str(IMG / "portal-kelola.png"), full_page=True)
    assert page.request.get(publik).status == 200
    assert page.galat_js == []
