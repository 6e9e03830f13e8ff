"""The entry grid: who sees which rows, saving a row with htmx, every bad input, stale edits,
closed periods and locked values, the budget lines, and a bounded number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.inti.models import Peristiwa
from kinerja.pengukuran import services
from kinerja.pengukuran.models import DataDukung, Realisasi, RealisasiAnggaran, StatusRealisasi

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def url_halaman(d, unit="bidang_a"):
    return reverse("pengukuran:isian", args=[d[unit].pk, d["periode"].pk])


def url_simpan(d, ind, unit="bidang_a"):
    return reverse("pengukuran:isian_simpan", args=[d[unit].pk, d["periode"].pk, ind.pk])


def kirim(client, d, ind, nilai="", versi=0, **kw):
    data = {"nilai": nilai, "versi": versi, "kendala": "", "tindak_lanjut": "", **kw}
    return client.post(url_simpan(d, ind), data, **HX)


def jejak_realisasi():
    return Peristiwa.objects.filter(aksi__startswith="realisasi").count()


def test_halaman_memuat_indikator_tanggung_jawab_unit_saja(client, dunia_isian):
    d = dunia_isian
    milik_a = d.tambah_indikator(d["bidang_a"], 2)
    (milik_b,) = d.tambah_indikator(d["bidang_b"])
    # No unit penanggung jawab: the element's unit decides (here Bidang B).
    elemen_b = d["sasaran"]
    elemen_b.unit = d["bidang_b"]
    elemen_b.save()
    (via_elemen,) = d.tambah_indikator(None)
    # An annual indicator is not due in a quarter.
    (tahunan,) = d.tambah_indikator(d["bidang_a"], frekuensi="tahunan")
    client.force_login(d["operator_a"])
    html = client.get(url_halaman(d)).content.decode()
    for ind in milik_a:
        assert f'id="baris-{ind.pk}"' in html
    assert f'id="baris-{milik_b.pk}"' not in html
    assert f'id="baris-{via_elemen.pk}"' not in html
    assert f'id="baris-{tahunan.pk}"' not in html
    client.force_login(d["operator_b"])
    html = client.get(url_halaman(d, "bidang_b")).content.decode()
    assert f'id="baris-{via_elemen.pk}"' in html


def test_baris_menampilkan_nilai_lalu_target_periode_dan_tahun(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    Realisasi.objects.create(indikator=ind, periode=d["periode_lalu"], nilai=Decimal("23.5"))
    client.force_login(d["operator_a"])
    html = client.get(url_halaman(d)).content.decode()
    baris = html[html.index(f'id="baris-{ind.pk}"') :]
    baris = baris[: baris.index("</tr>")]
    assert "23,50" in baris or "23,5" in baris  # last quarter's value
    assert ">50<" in baris  # RA target of TW II
    assert ">100<" in baris  # annual target
    assert 'inputmode="decimal"' in baris


def test_simpan_baris_htmx_menampilkan_capaian_dan_mencatat(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    resp = kirim(client, d, ind, "1.234,5", kendala="hujan deras")
    assert resp.status_code == 200
    html = resp.content.decode()
    r = Realisasi.objects.get()
    assert r.nilai == Decimal("1234.5") and r.kendala == "hujan deras" and r.versi == 1
    # The row comes back with the new version and the capaian from kinerja.rumus:
    # nilai akhir 1.234,5 against the TW II target 50 → 2.469,00 %.
    assert html.startswith(f'<tr id="baris-{ind.pk}"') or f'<tr id="baris-{ind.pk}"' in html
    assert 'name="versi" value="1"' in html
    assert "2.469,00%" in html
    assert 'id="ringkasan"' in html and 'hx-swap-oob="true"' in html
    assert Peristiwa.objects.filter(aksi="realisasi.simpan", pengguna=d["operator_a"]).count() == 1


def test_simpan_ulang_nilai_sama_tidak_menambah_versi_atau_log(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    kirim(client, d, ind, "80")
    assert kirim(client, d, ind, "80,0", versi=1).status_code == 200
    assert Realisasi.objects.get().versi == 1
    assert jejak_realisasi() == 1


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("12,3,4", "bukan angka"),
        ("abc", "bukan angka"),
        ("1e999", "bukan angka"),
        ("-5", "tidak boleh negatif"),
        ("12345678901234567", "terlalu panjang"),
        ("1,23456", "terlalu panjang"),
        ("1.234", "ribuan atau desimal"),
        ("", "wajib diisi"),
        ("   ", "wajib diisi"),
    ],
)
def test_isian_tidak_sah_ditolak_di_kolomnya_tanpa_menyimpan(client, dunia_isian, teks, pesan):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    resp = kirim(client, d, ind, teks)
    assert resp.status_code == 422
    html = resp.content.decode()
    galat = html[html.index(f'id="galat-nilai-{ind.pk}"') :]
    assert pesan in galat[: galat.index("</div>")]
    assert 'aria-invalid="true"' in html
    # What the user typed stays in the field so it can be corrected.
    assert f'value="{teks}"' in html
    assert not Realisasi.objects.exists()
    assert jejak_realisasi() == 0


def test_isian_tidak_sah_pada_baris_yang_ada_tidak_mengubahnya(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    kirim(client, d, ind, "10")
    assert kirim(client, d, ind, "12,3,4", versi=1).status_code == 422
    r = Realisasi.objects.get()
    assert r.nilai == Decimal(10) and r.versi == 1


def test_negatif_boleh_bila_indikator_mengizinkan(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"], boleh_negatif=True, jenis_nilai="angka")
    client.force_login(d["operator_a"])
    assert kirim(client, d, ind, "-2,5").status_code == 200
    assert Realisasi.objects.get().nilai == Decimal("-2.5")


def test_ya_tidak_dan_level_ordinal_lewat_pilihan(client, dunia_isian, skala_opini):
    d = dunia_isian
    (biner,) = d.tambah_indikator(d["bidang_a"], jenis_nilai="biner", satuan="ya/tidak")
    (ordinal,) = d.tambah_indikator(
        d["bidang_a"], jenis_nilai="ordinal", skala=skala_opini, satuan="opini"
    )
    client.force_login(d["operator_a"])
    html = client.get(url_halaman(d)).content.decode()
    assert f'<select name="nilai" form="f-{biner.pk}"' in html
    assert '<option value="WDP">WDP — WDP</option>' in html
    assert kirim(client, d, biner, "ya").status_code == 200
    assert kirim(client, d, ordinal, "WDP").status_code == 200
    assert Realisasi.objects.get(indikator=biner).nilai == 1
    assert Realisasi.objects.get(indikator=ordinal).nilai_teks == "WDP"
    resp = kirim(client, d, ordinal, "XYZ", versi=1)
    assert resp.status_code == 422 and "tidak ada pada skala" in resp.content.decode()
    resp = kirim(client, d, biner, "mungkin", versi=1)
    assert resp.status_code == 422 and "Pilih Ya atau Tidak" in resp.content.decode()


def test_kendala_terlalu_panjang_ditolak_di_kolom_kendala(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    resp = kirim(client, d, ind, "10", kendala="x" * (services.PANJANG_TEKS_MAKS + 1))
    assert resp.status_code == 422
    assert "Kendala terlalu panjang" in resp.content.decode()
    assert not Realisasi.objects.exists()


def test_versi_rusak_ditolak(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    resp = client.post(url_simpan(d, ind), {"nilai": "10", "versi": "x"}, **HX)
    assert resp.status_code == 422 and not Realisasi.objects.exists()


def test_editan_bersamaan_kedua_ditolak_dan_melihat_nilai_lain(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    kirim(client, d, ind, "10")
    # Both open the page at version 1; the colleague saves first.
    client.force_login(d["operator_a2"])
    assert kirim(client, d, ind, "11", versi=1).status_code == 200
    client.force_login(d["operator_a"])
    resp = kirim(client, d, ind, "12", versi=1)
    assert resp.status_code == 409
    html = resp.content.decode()
    assert "sudah diubah oleh pengguna lain" in html
    assert 'value="11"' in html  # the other person's value is shown
    assert "“12”" in html  # and what this user typed is named, not lost silently
    assert "Terakhir diisi oleh operator_a2" in html
    assert 'name="versi" value="2"' in html
    assert Realisasi.objects.get().nilai == Decimal(11)


def test_baris_baru_yang_sudah_dibuat_orang_lain_ditolak(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a2"])
    kirim(client, d, ind, "11")
    client.force_login(d["operator_a"])
    assert kirim(client, d, ind, "12", versi=0).status_code == 409
    assert Realisasi.objects.get().nilai == Decimal(11)


@pytest.mark.parametrize("status", ["ditutup", "dikunci"])
def test_periode_tertutup_hanya_dibaca(client, dunia_isian, status):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    d["periode"].status = status
    d["periode"].save()
    client.force_login(d["operator_a"])
    html = client.get(url_halaman(d)).content.decode()
    assert "data-masuk" not in html and "hanya dapat dibaca" in html
    resp = kirim(client, d, ind, "10")
    assert resp.status_code == 422
    assert f"sudah {status}" in resp.content.decode()
    assert not Realisasi.objects.exists()


def test_nilai_yang_divalidasi_terkunci_bagi_unit(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    kirim(client, d, ind, "10")
    r = Realisasi.objects.get()
    r = services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=r, aksi="ajukan")
    services.realisasi_ubah_status(pengguna=d["tim_sakip"], realisasi=r, aksi="validasi")
    html = client.get(url_halaman(d)).content.decode()
    baris = html[html.index(f'id="baris-{ind.pk}"') :]
    assert "data-masuk" not in baris[: baris.index("</tr>")]
    resp = kirim(client, d, ind, "99", versi=3)
    assert resp.status_code == 422 and "tidak dapat diubah" in resp.content.decode()
    assert Realisasi.objects.get().nilai == Decimal(10)


def test_operator_bidang_lain_tidak_melihat_dan_tidak_mengubah(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_b"])
    assert client.get(url_halaman(d)).status_code == 404
    assert kirim(client, d, ind, "10").status_code == 404
    # Through their own page the indicator of Bidang A does not exist either.
    url = reverse("pengukuran:isian_simpan", args=[d["bidang_b"].pk, d["periode"].pk, ind.pk])
    assert client.post(url, {"nilai": "10", "versi": 0}, **HX).status_code == 404
    assert not Realisasi.objects.exists()


def test_inspektorat_membaca_tanpa_mengubah(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["inspektorat"])
    html = client.get(url_halaman(d)).content.decode()
    assert f'id="baris-{ind.pk}"' in html and "data-masuk" not in html
    resp = kirim(client, d, ind, "10")
    assert resp.status_code == 403
    assert "tidak berhak" in resp.content.decode()
    assert not Realisasi.objects.exists()


def test_tanpa_htmx_kembali_ke_halaman_dengan_pesan(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    resp = client.post(url_simpan(d, ind), {"nilai": "abc", "versi": 0}, follow=True)
    assert resp.redirect_chain[-1][0].endswith(f"#baris-{ind.pk}")
    assert "bukan angka" in resp.content.decode()
    resp = client.post(url_simpan(d, ind), {"nilai": "10", "versi": 0}, follow=True)
    assert "tersimpan" in resp.content.decode()
    assert Realisasi.objects.get().nilai == 10


def test_periode_pemda_lain_404(client, dunia_isian):
    from tests.factories import PeriodeFactory

    d = dunia_isian
    lain = PeriodeFactory(nomor=3)
    client.force_login(d["operator_a"])
    url = reverse("pengukuran:isian", args=[d["bidang_a"].pk, lain.pk])
    assert client.get(url).status_code == 404


def test_pilih_mengarahkan_operator_satu_unit_ke_isian(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_a"])
    resp = client.get(reverse("pengukuran:isian_pilih"))
    assert resp.status_code == 302 and resp["Location"] == url_halaman(d)
    client.force_login(d["tim_sakip"])
    html = client.get(reverse("pengukuran:isian_pilih")).content.decode()
    assert "Bidang A" in html and "Bidang B" in html
    # A Pemda-wide reader (Inspektorat) gets the agencies, read only.
    client.force_login(d["inspektorat"])
    html = client.get(reverse("pengukuran:isian_pilih")).content.decode()
    assert d["dinas"].nama in html and "baca saja" in html


def test_jumlah_kueri_sama_untuk_5_dan_60_indikator(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_a"])

    def isi(daftar):
        for ind in daftar:
            r = Realisasi.objects.create(
                indikator=ind, periode=d["periode"], nilai=10, diisi_oleh=d["operator_a"]
            )
            DataDukung.objects.create(realisasi=r, tautan="https://x.example/a", nama="a")
            Realisasi.objects.create(indikator=ind, periode=d["periode_lalu"], nilai=5)

    sedikit = d.tambah_indikator(d["bidang_a"], 5)
    isi(sedikit)
    with CaptureQueriesContext(connection) as q5:
        assert client.get(url_halaman(d)).status_code == 200
    isi(d.tambah_indikator(d["bidang_a"], 55))
    with CaptureQueriesContext(connection) as q60:
        resp = client.get(url_halaman(d))
    assert resp.content.decode().count("data-masuk") >= 60
    assert len(q60.captured_queries) == len(q5.captured_queries)
    assert len(q60.captured_queries) <= 30


# --- Budget lines ---------------------------------------------------------------------------


def url_anggaran(d, a):
    return reverse("pengukuran:isian_anggaran", args=[d["bidang_a"].pk, d["periode"].pk, a.pk])


def test_realisasi_anggaran_disimpan_dengan_serapan_dan_induk_dijumlahkan(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_a"])
    resp = client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": "150.000", "versi": 0}, **HX)
    assert resp.status_code == 200
    # 150.000 of a pagu of 600.000 → 25,00 %
    assert "25,00%" in resp.content.decode()
    client.post(url_anggaran(d, d["anggaran_2"]), {"nilai": "100000", "versi": 0}, **HX)
    program = RealisasiAnggaran.objects.get(anggaran=d["anggaran_program"])
    assert program.nilai == Decimal(250000)
    html = client.get(url_halaman(d)).content.decode()
    assert "jumlah rincian di bawahnya" in html
    p = Peristiwa.objects.filter(aksi="realisasi_anggaran.simpan").first()
    assert p.sesudah["induk"] == {str(d["anggaran_program"].pk): "250000"}


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("-1", "tidak boleh negatif"),
        ("abc", "bukan angka"),
        ("", "wajib diisi"),
        ("1,234", "terlalu panjang"),
        ("700.000", "melebihi pagu"),
    ],
)
def test_realisasi_anggaran_tidak_sah_ditolak(client, dunia_isian, teks, pesan):
    d = dunia_isian
    client.force_login(d["operator_a"])
    resp = client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": teks, "versi": 0}, **HX)
    assert resp.status_code == 422
    assert pesan in resp.content.decode()
    assert not RealisasiAnggaran.objects.exists()


def test_baris_agregat_tidak_diisi_langsung(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_a"])
    resp = client.post(url_anggaran(d, d["anggaran_program"]), {"nilai": "1", "versi": 0}, **HX)
    assert resp.status_code == 422 and "dihitung dari rincian" in resp.content.decode()


def test_realisasi_anggaran_editan_basi_ditolak(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_a"])
    client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": "100", "versi": 0}, **HX)
    client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": "200", "versi": 1}, **HX)
    resp = client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": "300", "versi": 1}, **HX)
    assert resp.status_code == 409
    assert RealisasiAnggaran.objects.get(anggaran=d["anggaran_1"]).nilai == 200


def test_realisasi_anggaran_bidang_lain_dan_inspektorat(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_b"])
    assert (
        client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": "1", "versi": 0}).status_code == 404
    )
    client.force_login(d["inspektorat"])
    resp = client.post(url_anggaran(d, d["anggaran_1"]), {"nilai": "1", "versi": 0}, **HX)
    assert resp.status_code == 403
    assert not RealisasiAnggaran.objects.exists()


# --- Submitting the period ------------------------------------------------------------------


def test_ajukan_semua_atau_yang_dicentang(client, dunia_isian):
    d = dunia_isian
    a, b, c = d.tambah_indikator(d["bidang_a"], 3)
    client.force_login(d["operator_a"])
    for ind in (a, b):
        kirim(client, d, ind, "10")
    url = reverse("pengukuran:ajukan", args=[d["bidang_a"].pk, d["periode"].pk])
    resp = client.post(url, {"lingkup": "dipilih", "indikator": [a.pk, c.pk]}, follow=True)
    html = resp.content.decode()
    assert "1 realisasi diajukan" in html and "belum diisi" in html
    assert Realisasi.objects.get(indikator=a).status == StatusRealisasi.DIAJUKAN
    assert Realisasi.objects.get(indikator=b).status == StatusRealisasi.DRAF
    client.post(url, {"lingkup": "semua"})
    assert Realisasi.objects.get(indikator=b).status == StatusRealisasi.DIAJUKAN


def test_pengajuan_sesudah_batas_hanya_ditandai_terlambat(client, dunia_isian, time_machine):
    d = dunia_isian
    a, b = d.tambah_indikator(d["bidang_a"], 2)
    client.force_login(d["operator_a"])
    url = reverse("pengukuran:ajukan", args=[d["bidang_a"].pk, d["periode"].pk])
    time_machine.move_to("2026-07-10 16:00 +0700")
    kirim(client, d, a, "10")
    client.post(url, {"lingkup": "semua"})
    time_machine.move_to("2026-07-11 08:00 +0700")
    kirim(client, d, b, "10")
    resp = client.post(url, {"lingkup": "semua"}, follow=True)
    assert "ditandai terlambat" in resp.content.decode()
    assert Realisasi.objects.get(indikator=a).terlambat is False
    late = Realisasi.objects.get(indikator=b)
    assert late.terlambat is True and late.status == StatusRealisasi.DIAJUKAN
    # Late is only a mark: the validator can still return it and the unit can fix it.
    late = services.realisasi_ubah_status(
        pengguna=d["tim_sakip"], realisasi=late, aksi="kembalikan", catatan="lengkapi"
    )
    assert kirim(client, d, b, "12", versi=late.versi).status_code == 200


def test_inspektorat_tidak_dapat_mengajukan(client, dunia_isian):
    d = dunia_isian
    (a,) = d.tambah_indikator(d["bidang_a"])
    client.force_login(d["operator_a"])
    kirim(client, d, a, "10")
    client.force_login(d["inspektorat"])
    url = reverse("pengukuran:ajukan", args=[d["bidang_a"].pk, d["periode"].pk])
    client.post(url, {"lingkup": "semua"})
    assert Realisasi.objects.get().status == StatusRealisasi.DRAF


def test_dokumen_bertanda_tangan_membuat_isian_hanya_dibaca(client, dunia_isian):
    from django.utils import timezone

    from kinerja.dokumen.models import Dokumen

    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    Dokumen.objects.create(
        jenis="laporan_pengukuran",
        instansi=d["dinas"],
        periode=d["periode"],
        tahun=2026,
        judul="Laporan Hasil Pengukuran Kinerja",
        format="pdf",
        versi=1,
        status="ditandatangani",
        nomor="050/1/2026",
        berkas="dokumen/x.pdf",
        nama_berkas="x.pdf",
        sha256="0" * 64,
        dibuat_pada=timezone.now(),
        ditandatangani_pada=timezone.now(),
    )
    client.force_login(d["operator_a"])
    html = client.get(url_halaman(d)).content.decode()
    assert "telah ditandatangani" in html
    assert "data-masuk" not in html and "Ajukan semua" not in html
    resp = kirim(client, d, ind, "10")
    assert resp.status_code == 422 and "telah ditandatangani" in resp.content.decode()
    assert not Realisasi.objects.exists()
