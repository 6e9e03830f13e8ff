"""Recommendations tried in a real browser, as a new user would, on the demo data.

The Tim SAKIP of Dinas Bina Marga, Cipta Karya dan Tata Ruang (Sumatera Barat) opens the TW III
2026 recommendations, regenerates them, raises the "far above target" threshold for the agency
(a wrong number is refused first), assigns an item to the Bidang Bina Marga operator; the
operator finds it in "my follow-ups", starts it and finishes it with a note (the note is
required). Screenshots go to docs/img/rekomendasi-*.png.

Runs only with KINERJA_E2E=1 and Debian's chromium (see conftest.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command

from kinerja.analisis.models import Rekomendasi, TindakLanjut
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

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


def test_tim_sakip_dan_pemilik_tindak_lanjut(live_server, page):
    call_command("demo", verbosity=0, tanpa_daftar_akun=True)
    base = live_server.url
    dinas = Instansi.objects.get(nama="Dinas Bina Marga, Cipta Karya dan Tata Ruang")
    tw3 = Periode.objects.get(
        pemda_id=dinas.id_leluhur[0], tahun=2026, jenis_periode="triwulan", nomor=3
    )
    masuk(page, base, "sumbar.timsakip")

    # The list of the agency's TW III recommendations; regenerate it.
    page.goto(f"{base}/analisis/rekomendasi/?instansi={dinas.pk}&periode={tw3.pk}")
    assert page.locator("#tabel-rekomendasi tbody tr[id^=rek-]").count() > 0
    kirim(page, "#tombol-buat")
    assert "diperbarui" in page.locator(".alert-success").inner_text()
    page.screenshot(path=str(IMG / "rekomendasi-daftar.png"), full_page=True)

    # Rules: a wrong threshold is refused with the reason, a right one is saved for the agency.
    page.goto(f"{base}/analisis/rekomendasi/aturan/?instansi={dinas.pk}")
    kartu = "#aturan-jauh_di_atas_target"
    page.fill(f"{kartu} input[name$=ambang]", "seratus")
    kirim(page, f"{kartu} button[type=submit]")
    assert page.locator(f"{kartu} .text-danger").count() == 1
    page.fill(f"{kartu} input[name$=ambang]", "175")
    kirim(page, f"{kartu} button[type=submit]")
    assert "disimpan" in page.locator(".alert-success").inner_text()
    assert "diatur khusus di sini" in page.locator(kartu).inner_text()
    page.locator(kartu).scroll_into_view_if_needed()
    page.screenshot(path=str(IMG / "rekomendasi-aturan.png"), full_page=True)

    # Assign an unassigned item to the Bidang Bina Marga operator.
    rek = (
        Rekomendasi.objects.filter(
            instansi=dinas, periode=tw3, status="aktif", tindak_lanjut__isnull=True
        )
        .order_by("id")
        .first()
    )
    page.goto(f"{base}/analisis/rekomendasi/{rek.pk}/")
    opsi = page.locator(
        "#form-tugaskan select[name=pemilik] option", has_text="sumbar.bidang.binamarga"
    )
    page.select_option(
        "#form-tugaskan select[name=pemilik]", value=opsi.first.get_attribute("value")
    )
    page.fill(
        "#form-tugaskan input[name=tenggat]", (dt.date.today() + dt.timedelta(days=10)).isoformat()
    )
    page.fill(
        "#form-tugaskan textarea[name=instruksi]",
        "Periksa data dan laporkan langkah percepatan TW IV.",
    )
    kirim(page, "#form-tugaskan button[type=submit]")
    assert "ditugaskan" in page.locator(".alert-success").inner_text()
    tl = TindakLanjut.objects.get(rekomendasi=rek)

    # The owner finds it (marked new), starts it, and must write a note to finish it.
    masuk(page, base, "sumbar.bidang.binamarga")
    page.goto(f"{base}/analisis/tindak-lanjut/saya/")
    assert page.locator(f"#tl-{tl.pk} .badge", has_text="Baru").count() == 1
    page.screenshot(path=str(IMG / "rekomendasi-tindak-lanjut-saya.png"), full_page=True)
    page.click(f"#tl-{tl.pk} a")
    page.wait_for_selector("#form-status")
    page.select_option("#form-status select[name=status]", "dikerjakan")
    kirim(page, "#form-status button[type=submit]")
    page.select_option("#form-status select[name=status]", "selesai")
    kirim(page, "#form-status button[type=submit]")
    assert "Catatan wajib" in page.locator("#form-status").inner_text()
    page.fill(
        "#form-status textarea[name=catatan]",
        "Data sudah dicek bersama Tim SAKIP; jadwal percepatan terlampir.",
    )
    kirim(page, "#form-status button[type=submit]")
    assert page.locator("#riwayat li").count() == 3
    tl.refresh_from_db()
    assert tl.status == "selesai"
    page.screenshot(path=str(IMG / "rekomendasi-detail.png"), full_page=True)
    assert page.galat_js == []
