"""The dashboards tried in a real browser, as a new Kepala and a new Pemda admin would.

For each demo agency its Kepala logs in, opens the dashboard (`/analisis/dasbor/`), finds the
three worst indicators with their reasons at the top, sees every chart drawn (ECharts, SVG)
next to its table, and follows the worst one to its comparison page; the Admin Pemda of the
same Pemda does the same on the Pemda dashboard and drills down to an agency. Screenshots go to
docs/img/analisis-*.png.

Runs only with KINERJA_E2E=1 and Debian's chromium (see conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SANDI = "demo-kinerja-2026"
KEPALA = [
    ("sumbar", "sumbar.kepala"),
    ("banjar", "banjar.kepala"),
    ("kukar", "kukar.kepala_ukpbj"),
    ("lumajang", "lumajang.kepala"),
]


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


def potret(page, nama, tinggi=2200):
    """Save the top of the page (the whole page when shorter) as docs/img/analisis-<nama>.png."""
    IMG.mkdir(parents=True, exist_ok=True)
    penuh = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(
        path=str(IMG / f"analisis-{nama}.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1440, "height": min(penuh, tinggi)},
    )


def periksa_dasbor(page):
    """The three worst with reasons at the top, every chart drawn beside its table."""
    page.wait_for_selector("#tiga-terendah")
    tiga = page.locator("#tiga-terendah > li")
    assert tiga.count() == 3
    for i in range(3):
        assert tiga.nth(i).locator("ul li").count() >= 1
    for jenis in ("kelompok", "distribusi", "efisiensi", "pengisian"):
        page.wait_for_selector(f"[data-grafik={jenis}] svg")
    for tabel in ("tabel-kelompok", "tabel-distribusi", "tabel-efisiensi", "tabel-pengisian"):
        assert page.locator(f"#{tabel} tbody tr").count() >= 1
    assert page.galat_js == []


def test_kepala_dan_pemda_menemukan_tiga_indikator_terburuk(live_server, page):
    call_command("demo", verbosity=0)
    base = live_server.url
    for kunci, kepala in KEPALA:
        masuk(page, base, kepala)
        page.goto(base + "/analisis/dasbor/")
        periksa_dasbor(page)
        assert "Triwulan III 2026" in page.inner_text("h1 + div")
        potret(page, f"dasbor-{kunci}-kepala")

        # The worst indicator's comparison page: last year, Renstra, standard, projection.
        with page.expect_navigation():
            page.click("#tiga-terendah > li:first-child a")
        page.wait_for_selector("#grafik-indikator svg")
        teks = page.inner_text("#tabel-perbandingan")
        assert "Periode yang sama tahun lalu" in teks and "Target akhir Renstra" in teks
        assert "Metode proyeksi" in page.inner_text("#metode-proyeksi")
        if kunci == "sumbar":
            potret(page, "indikator-sumbar", tinggi=1500)

        masuk(page, base, f"{kunci}.adminpemda")
        page.goto(base + "/analisis/dasbor/")
        periksa_dasbor(page)
        assert "Dasbor kinerja Pemda" in page.inner_text("h1")
        potret(page, f"dasbor-{kunci}-pemda")
        # Drill down: Pemda → the last agency in the capaian table.
        with page.expect_navigation():
            page.click("#tabel-kelompok tbody tr:last-child a")
        page.wait_for_selector("#tiga-terendah, #perlu-perhatian")
        assert "Dasbor kinerja Pemda" not in page.inner_text("h1")
