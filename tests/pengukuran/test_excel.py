"""Excel round trip: download the pre-filled format, fill it offline, preview every row before
anything is written (including a deliberately broken file), confirm in one transaction, and
re-import the same file without changing anything."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.inti.models import Peristiwa
from kinerja.pengukuran import services
from kinerja.pengukuran.models import Realisasi, RealisasiAnggaran

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia(dunia_isian, skala_opini):
    d = dunia_isian
    d["angka"] = d.tambah_indikator(d["bidang_a"], 3)
    (d["biner"],) = d.tambah_indikator(d["bidang_a"], jenis_nilai="biner", satuan="ya/tidak")
    (d["ordinal"],) = d.tambah_indikator(
        d["bidang_a"], jenis_nilai="ordinal", skala=skala_opini, satuan="opini"
    )
    (d["milik_b"],) = d.tambah_indikator(d["bidang_b"])
    services.realisasi_simpan(
        pengguna=d["operator_a"], indikator=d["angka"][0], periode=d["periode"], nilai="10"
    )
    return d


def unduh(client, d):
    resp = client.get(reverse("pengukuran:format_unduh", args=[d["bidang_a"].pk, d["periode"].pk]))
    assert resp.status_code == 200
    return load_workbook(io.BytesIO(resp.content))


def simpan(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def baris_kode(ws, kode):
    for row in ws.iter_rows(min_row=7):
        if row[1].value == kode:
            return row
    raise AssertionError(kode)


def unggah(client, d, isi: bytes, nama="format.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("pengukuran:impor", args=[d["bidang_a"].pk, d["periode"].pk])
    return client.post(url, {"berkas": SimpleUploadedFile(nama, isi)})


def token(resp) -> str:
    m = re.search(r'name="token" value="([^"]+)"', resp.content.decode())
    return m.group(1) if m else ""


def konfirmasi(client, d, tok):
    url = reverse("pengukuran:impor_konfirmasi", args=[d["bidang_a"].pk, d["periode"].pk])
    return client.post(url, {"token": tok}, follow=True)


def jejak():
    return Peristiwa.objects.filter(aksi__startswith="realisasi").count()


def test_format_berisi_indikator_target_dan_nilai_sekarang(client, dunia):
    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    ws = wb["Realisasi"]
    assert ws["A1"].value == "FORMAT REALISASI RENCANA AKSI"
    assert [c.value for c in ws[6]][:4] == ["No", "Kode", "Sasaran / program", "Indikator"]
    r = baris_kode(ws, f"IND-{d['angka'][0].pk}")
    assert r[3].value == d["angka"][0].nama
    assert r[6].value == "100" and r[7].value == "50"  # annual and TW II targets
    assert r[9].value == 10 and r[13].value == 1  # current value and its version
    kode = {row[1].value for row in ws.iter_rows(min_row=7)}
    assert f"IND-{d['milik_b'].pk}" not in kode
    assert wb["_kinerja"].sheet_state == "veryHidden"
    assert wb["Anggaran"]["B7"].value.startswith("ANG-")


def test_format_hanya_untuk_yang_dapat_melihat(client, dunia):
    d = dunia
    client.force_login(d["operator_b"])
    url = reverse("pengukuran:format_unduh", args=[d["bidang_a"].pk, d["periode"].pk])
    assert client.get(url).status_code == 404


def test_bolak_balik_lalu_impor_ulang_tidak_mengubah_apa_pun(client, dunia):
    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    ws = wb["Realisasi"]
    baris_kode(ws, f"IND-{d['angka'][0].pk}")[9].value = "12,5"
    baris_kode(ws, f"IND-{d['angka'][1].pk}")[9].value = 1234.567  # a number cell
    baris_kode(ws, f"IND-{d['angka'][1].pk}")[10].value = "Cuaca buruk"
    baris_kode(ws, f"IND-{d['biner'].pk}")[9].value = "Ya"
    baris_kode(ws, f"IND-{d['ordinal'].pk}")[9].value = "WDP"
    wa = wb["Anggaran"]
    for row in wa.iter_rows(min_row=7):
        if row[1].value == f"ANG-{d['anggaran_1'].pk}":
            row[5].value = 150000
    isi = simpan(wb)
    sebelum = jejak()
    resp = unggah(client, d, isi, "Realisasi TW II.xlsx")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Akan disimpan <strong>5</strong>" in html
    assert jejak() == sebelum  # the preview writes nothing
    assert Realisasi.objects.get(indikator=d["angka"][0]).nilai == 10
    resp = konfirmasi(client, d, token(resp))
    assert "5 baris diimpor" in resp.content.decode()
    assert Realisasi.objects.get(indikator=d["angka"][0]).nilai == Decimal("12.5")
    r = Realisasi.objects.get(indikator=d["angka"][1])
    assert r.nilai == Decimal("1234.567") and r.kendala == "Cuaca buruk"
    assert Realisasi.objects.get(indikator=d["biner"]).nilai == 1
    assert Realisasi.objects.get(indikator=d["ordinal"]).nilai_teks == "WDP"
    assert RealisasiAnggaran.objects.get(anggaran=d["anggaran_1"]).nilai == 150000
    assert RealisasiAnggaran.objects.get(anggaran=d["anggaran_program"]).nilai == 150000
    p = Peristiwa.objects.filter(aksi="realisasi.simpan").latest("id")
    assert p.alasan == "impor Excel: Realisasi TW II.xlsx"
    # The same file again: every row unchanged, nothing to confirm, no new version.
    versi = dict(Realisasi.objects.values_list("pk", "versi"))
    jumlah = Peristiwa.objects.count()
    resp = unggah(client, d, isi)
    html = resp.content.decode()
    assert "Akan disimpan <strong>0</strong>" in html and not token(resp)
    assert "Tidak berubah <strong>5</strong>" in html
    assert dict(Realisasi.objects.values_list("pk", "versi")) == versi
    assert Peristiwa.objects.count() == jumlah


def test_berkas_rusak_galat_per_baris_sebelum_apa_pun_ditulis(client, dunia):
    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    ws = wb["Realisasi"]
    a0, a1, a2 = d["angka"]
    baris_kode(ws, f"IND-{a0.pk}")[9].value = "sepuluh"  # text in a number cell
    baris_kode(ws, f"IND-{a1.pk}")[9].value = "20"
    baris_kode(ws, f"IND-{a2.pk}")[9].value = "30"
    baris_kode(ws, f"IND-{d['biner'].pk}")[9].value = "mungkin"
    ws.append([99, "IND-999999", "", "tak ada", "", "", "", "", "", "5", "", "", "", 0])
    ws.append([100, "XYZ", "", "", "", "", "", "", "", "5", "", "", "", 0])
    ws.append([101, f"IND-{a1.pk}", "", "", "", "", "", "", "", "21", "", "", "", 0])  # duplicate
    ws.append([102, f"IND-{d['milik_b'].pk}", "", "", "", "", "", "", "", "7", "", "", "", 0])
    ws.append([103, "", "", "", "", "", "", "", "", "8", "", "", "", 0])  # no code
    resp = unggah(client, d, simpan(wb))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "“sepuluh” bukan angka" in html
    assert "Pilih Ya atau Tidak" in html
    assert "Kode “IND-999999” tidak dikenal" in html and "Kode “XYZ” tidak dikenal" in html
    assert "muncul lebih dari sekali" in html
    assert "bukan tanggung jawab Bidang A" in html
    assert "Kode kosong" in html
    # Only the one valid row would be saved; nothing is written before confirming.
    assert "Akan disimpan <strong>1</strong>" in html
    assert not Realisasi.objects.filter(indikator=a2).exists()
    konfirmasi(client, d, token(resp))
    assert Realisasi.objects.get(indikator=a2).nilai == 30
    assert not Realisasi.objects.filter(indikator=a1).exists()
    assert Realisasi.objects.get(indikator=a0).nilai == 10


def test_kolom_salah_ditolak_seluruhnya(client, dunia):
    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    wb["Realisasi"].cell(row=6, column=10, value="Nilai")
    resp = unggah(client, d, simpan(wb))
    assert resp.status_code == 422
    assert "Kolom wajib tidak ditemukan di lembar Realisasi: Realisasi" in resp.content.decode()
    assert not token(resp)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"%PDF-1.4 bukan excel", "bukan Excel"),
        (b"PK\x03\x04 zip rusak", "bukan Excel"),
        (b"", "kosong"),
    ],
)
def test_bukan_xlsx_ditolak(client, dunia, isi, pesan):
    d = dunia
    client.force_login(d["operator_a"])
    resp = unggah(client, d, isi)
    assert resp.status_code == 422 and pesan in resp.content.decode()
    assert not token(resp)


def test_format_periode_lain_ditolak(client, dunia):
    from tests.factories import PeriodeFactory

    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    lain = PeriodeFactory(pemda=d["pemda"], tahun=2026, nomor=3)
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("pengukuran:impor", args=[d["bidang_a"].pk, lain.pk])
    resp = client.post(url, {"berkas": SimpleUploadedFile("f.xlsx", simpan(wb))})
    assert resp.status_code == 422
    assert "format Triwulan II 2026, bukan Triwulan III 2026" in resp.content.decode()


def test_nilai_yang_diubah_sejak_unduh_atau_terkunci_ditolak(client, dunia):
    d = dunia
    a0, a1, _ = d["angka"]
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    # After the download a colleague changes a0 and a1 is entered, submitted and validated.
    services.realisasi_simpan(
        pengguna=d["operator_a2"], indikator=a0, periode=d["periode"], nilai="11", versi=1
    )
    r = services.realisasi_simpan(
        pengguna=d["operator_a2"], indikator=a1, periode=d["periode"], nilai="5"
    )
    r = services.realisasi_ubah_status(pengguna=d["operator_a2"], realisasi=r, aksi="ajukan")
    ws = wb["Realisasi"]
    baris_kode(ws, f"IND-{a0.pk}")[9].value = "12"
    baris_kode(ws, f"IND-{a1.pk}")[9].value = "6"
    resp = unggah(client, d, simpan(wb))
    html = resp.content.decode()
    assert "sudah diubah orang lain sejak format diunduh" in html
    assert "berstatus diajukan" in html
    assert "Akan disimpan <strong>0</strong>" in html


def test_perubahan_di_antara_pratinjau_dan_konfirmasi_membatalkan_semua(client, dunia):
    d = dunia
    a0, a1, _ = d["angka"]
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    baris_kode(wb["Realisasi"], f"IND-{a0.pk}")[9].value = "12"
    baris_kode(wb["Realisasi"], f"IND-{a1.pk}")[9].value = "20"
    resp = unggah(client, d, simpan(wb))
    tok = token(resp)
    services.realisasi_simpan(
        pengguna=d["operator_a2"], indikator=a0, periode=d["periode"], nilai="11", versi=1
    )
    resp = konfirmasi(client, d, tok)
    assert "Tidak ada yang disimpan" in resp.content.decode()
    assert Realisasi.objects.get(indikator=a0).nilai == 11
    assert not Realisasi.objects.filter(indikator=a1).exists()


def test_token_palsu_atau_milik_orang_lain_ditolak(client, dunia):
    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    baris_kode(wb["Realisasi"], f"IND-{d['angka'][1].pk}")[9].value = "20"
    tok = token(unggah(client, d, simpan(wb)))
    assert "kedaluwarsa" in konfirmasi(client, d, tok + "x").content.decode()
    client.force_login(d["operator_a2"])
    assert "kedaluwarsa" in konfirmasi(client, d, tok).content.decode()
    assert not Realisasi.objects.filter(indikator=d["angka"][1]).exists()


def test_baris_anggaran_agregat_tidak_diimpor(client, dunia):
    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    for row in wb["Anggaran"].iter_rows(min_row=7):
        if row[1].value == f"ANG-{d['anggaran_program'].pk}":
            row[5].value = 5
    resp = unggah(client, d, simpan(wb))
    assert "dihitung dari rinciannya" in resp.content.decode()


def test_tanggal_di_sel_angka_ditolak(client, dunia):
    import datetime as dt

    d = dunia
    client.force_login(d["operator_a"])
    wb = unduh(client, d)
    baris_kode(wb["Realisasi"], f"IND-{d['angka'][1].pk}")[9].value = dt.date(2026, 6, 30)
    html = unggah(client, d, simpan(wb)).content.decode()
    assert "Realisasi: Sel berisi tanggal" in html
