"""A measurement cycle of the Sumatera Barat SOP (seed 001), clicked through in a real browser.

The Kepala Dinas opens the cycle; each step is then done by the demo login holding its role
(Sekretaris records the briefing meeting, Tim SAKIP, Sekretaris and Bidang, …); at step 7 the
Kepala first returns the work to step 4, then approves it. Screenshots of the cycle page and the
compliance view are written to docs/img/.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from kinerja.alur.models import Siklus, StatusTugas, Tugas

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SANDI = "demo-kinerja-2026"
# Who performs each step of SOP 150/SOP-BMCKTR/2024 in the demo.
PELAKU = {
    2: "sumbar.sekretaris",
    3: "sumbar.timsakip",
    4: "sumbar.bidang.binamarga",
    5: "sumbar.timsakip",
    6: "sumbar.sekretaris",
    7: "sumbar.kepala",
    8: "sumbar.sekretaris",
    9: "sumbar.perencanaan",
}


def masuk(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", SANDI)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_kepala_membuka_siklus_dan_setiap_peran_mengerjakan_langkahnya(live_server, page):
    call_command("demo", verbosity=0)
    # The demo already runs a TW IV cycle for this agency: start a fresh one in the browser.
    Siklus.objects.filter(instansi__singkatan="BMCKTR", periode__nomor=4).delete()
    base = live_server.url

    masuk(page, base, "sumbar.kepala")
    page.goto(base + "/alur/siklus/baru/")
    opsi = page.locator("#id_template option").all_inner_texts()
    page.select_option("#id_template", label=next(o for o in opsi if "Bina Marga" in o))
    page.select_option("#id_instansi", label="Dinas Bina Marga, Cipta Karya dan Tata Ruang")
    page.select_option("#id_periode", label="Triwulan IV 2026")
    page.select_option("#id_jenis_perintah", "Nota Dinas")
    page.fill("#id_nomor_perintah", "050/777/BMCKTR/2026")
    page.fill("#id_tanggal_perintah", "2026-11-23")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "Siklus pengukuran dibuka." in page.inner_text("main"), page.inner_text("main")
    url_siklus = page.url
    siklus = Siklus.objects.get(nomor_perintah="050/777/BMCKTR/2026")

    sudah_kembali = False
    for _ in range(20):
        t = (
            Tugas.objects.filter(siklus=siklus, status=StatusTugas.AKTIF)
            .select_related("langkah")
            .first()
        )
        if t is None:
            break
        masuk(page, base, PELAKU[t.langkah.no])
        page.goto(url_siklus)
        assert "Giliran Anda" in page.inner_text("main")
        if page.locator("text=Simpan notulen").count():
            page.fill("#id_tempat", "Ruang Rapat Sekretariat")
            page.fill("#id_pimpinan", "Sekretaris")
            page.fill("#id_peserta", "Tim SAKIP\nKepala Bidang")
            page.fill("#id_notulen", "Arahan pelaksanaan pengukuran kinerja TW IV.")
            page.fill("#id_waktu", "2026-11-23T09:00")
            page.click("text=Simpan notulen")
            page.wait_for_selector("text=Rapat dan notulennya dicatat.")
        if page.locator("text=Simpan catatan unggah").count():
            page.fill("#id_tanggal", "2026-11-23")
            page.fill("#id_referensi", "ESR-2026-TW4-0001")
            page.click("text=Simpan catatan unggah")
            page.wait_for_selector("text=Unggahan ke esr.menpan.go.id dicatat.")
        if t.langkah.jenis == "keputusan":
            if not sudah_kembali:
                page.check("input[name=hasil][value=kembalikan]")
                page.select_option("#id_kembali_ke_no", "4")
                page.fill("#id_alasan", "Data dukung Bidang Bina Marga belum lengkap.")
                page.screenshot(path=str(IMG / "siklus-keputusan.png"), full_page=True)
                sudah_kembali = True
            else:
                page.check("input[name=hasil][value=setuju]")
            page.click("text=Simpan keputusan")
        else:
            page.click("text=Tandai langkah selesai")
        page.wait_for_selector(".alert-success")
        if t.langkah.no == 5 and not sudah_kembali:
            page.screenshot(path=str(IMG / "siklus-berjalan.png"), full_page=True)

    siklus.refresh_from_db()
    assert siklus.status == "selesai"
    masuk(page, base, "sumbar.kepala")
    page.goto(url_siklus)
    assert "Dikembalikan" in page.inner_text("main")
    page.screenshot(path=str(IMG / "siklus-selesai.png"), full_page=True)
    page.goto(base + "/alur/kepatuhan/")
    assert "langkah melewati tenggat" in page.inner_text("main")
    page.screenshot(path=str(IMG / "siklus-kepatuhan.png"), full_page=True)
