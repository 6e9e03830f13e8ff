"""Dashboards of an agency and of a Pemda: who may see them, what they show, how many queries.

Personas: the Kepala of agency 0 (sees his agency only), the Admin Pemda (sees the Pemda and
every agency), an outsider with no role.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.analisis import selectors_dasbor as sel
from kinerja.pengukuran import hasil
from tests.analisis.bantuan_dasbor import bangun_pemda
from tests.dokumen.pdfteks import rapat, teks_halaman, ukuran_halaman
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(instansi, periode=None, **kw):
    q = f"?periode={periode.pk}" if periode else ""
    for k, v in kw.items():
        q += f"&{k}={v}"
    return reverse("analisis:dasbor_instansi", args=[instansi.pk]) + q


def test_kepala_melihat_dasbor_instansinya_sendiri(client):
    d = bangun_pemda()
    client.force_login(d["kepala"][0])
    r = client.get(reverse("analisis:dasbor"))
    assert r.status_code == 302
    assert r["Location"] == url(d["dinas"][0]["dinas"])
    r = client.get(r["Location"])
    assert r.status_code == 200
    html = r.content.decode()
    assert "Perlu perhatian" in html
    assert "Indikator 0-0" in html
    assert "Indikator 1-0" not in html
    # Each chart has its table.
    for tabel in ("tabel-kelompok", "tabel-distribusi", "tabel-efisiensi", "tabel-pengisian"):
        assert f'id="{tabel}"' in html
    assert 'id="data-dasbor"' in html


def test_kepala_tidak_melihat_instansi_lain_atau_pemda(client):
    d = bangun_pemda()
    client.force_login(d["kepala"][0])
    lain = d["dinas"][1]["dinas"]
    assert client.get(url(lain, d["tw2"])).status_code == 404
    assert client.get(url(d["pemda"], d["tw2"])).status_code == 404
    assert client.get(reverse("analisis:dasbor_pdf", args=[lain.pk])).status_code == 404
    ind_lain = d["dinas"][1]["indikator"][0]
    r = client.get(reverse("analisis:dasbor_indikator", args=[ind_lain.pk]))
    assert r.status_code == 404


def test_pengguna_tanpa_peran_ditolak(client):
    d = bangun_pemda(jumlah_dinas=1)
    client.force_login(UserFactory(username="orang_luar"))
    assert client.get(reverse("analisis:dasbor")).status_code == 404
    assert client.get(url(d["pemda"])).status_code == 404
    assert client.get(url(d["dinas"][0]["dinas"])).status_code == 404


def test_tamu_diarahkan_ke_halaman_masuk(client):
    d = bangun_pemda(jumlah_dinas=1)
    r = client.get(url(d["pemda"]))
    assert r.status_code == 302
    assert "/masuk/" in r["Location"]


def test_admin_pemda_melihat_pemda_dan_semua_instansi(client):
    d = bangun_pemda(jumlah_dinas=2)
    client.force_login(d["admin"])
    r = client.get(reverse("analisis:dasbor"))
    assert r["Location"] == url(d["pemda"])
    r = client.get(r["Location"])
    assert r.status_code == 200
    html = r.content.decode()
    assert "Dasbor kinerja Pemda" in html
    for x in d["dinas"]:
        # Drill-down from the Pemda to each agency.
        assert url(x["dinas"], d["tw2"], level="sasaran").replace("&", "&amp;") in html
        assert client.get(url(x["dinas"], d["tw2"])).status_code == 200


def test_tiga_terendah_berurutan_dengan_alasannya(client):
    d = bangun_pemda(jumlah_dinas=2, indikator_per_dinas=3)
    pemda_d = sel.dasbor(instansi=d["pemda"], periode=d["tw2"])
    assert pemda_d.level == "sasaran"
    nama = [x.baris.indikator.nama for x in pemda_d.perhatian[:3]]
    # 35/50 = 70 % in each agency, then 80 %.
    assert set(nama[:2]) == {"Indikator 0-0", "Indikator 1-0"}
    assert nama[2] in {"Indikator 0-1", "Indikator 1-1"}
    pertama = pemda_d.perhatian[0]
    assert pertama.baris.capaian.nilai == Decimal(70)
    teks = " ".join(pertama.alasan)
    assert "70,00 %" in teks and "Sedang" in teks
    assert "Kendala menurut unit" in teks
    # Nilai akhir with 2 of 4 quarters: linear trend 25 → 35 gives 55 at TW IV: a miss.
    assert pertama.meleset
    assert "tidak mencapai target tahun" in teks
    assert pertama.pemilik in {"D0", "D1"}


def test_angka_dasbor_sama_dengan_tabel_capaian():
    d = bangun_pemda(jumlah_dinas=1, indikator_per_dinas=4)
    dinas = d["dinas"][0]["dinas"]
    tabel = hasil.tabel_capaian(instansi=dinas, periode=d["tw2"])
    harapan = {b.indikator.pk: b.capaian_periode.nilai for k in tabel.kelompok for b in k.baris}
    baris = sel.baris_dasbor(instansi=dinas, periode=d["tw2"])
    assert {b.indikator.pk: b.capaian.nilai for b in baris} == harapan
    semua = sel.dasbor(instansi=dinas, periode=d["tw2"], level="")
    assert semua.rollup.nilai == tabel.rollup.nilai


def test_saringan_tingkat(client):
    d = bangun_pemda(jumlah_dinas=1, indikator_per_dinas=2)
    dinas = d["dinas"][0]["dinas"]
    semua = sel.dasbor(instansi=dinas, periode=d["tw2"], level="")
    program = sel.dasbor(instansi=dinas, periode=d["tw2"], level="program")
    assert len(semua.baris) == 3 and len(program.baris) == 1
    assert program.level_nama == "Program"
    client.force_login(d["kepala"][0])
    r = client.get(url(dinas, d["tw2"], level="program"))
    assert "Indikator 0-2" in r.content.decode()


def test_serapan_dan_efisiensi_per_instansi():
    d = bangun_pemda(jumlah_dinas=2)
    x = sel.dasbor(instansi=d["pemda"], periode=d["tw2"])
    k = next(k for k in x.kelompok if k.kunci == d["dinas"][0]["dinas"].pk)
    assert k.pagu == Decimal("1000000") and k.realisasi_anggaran == Decimal("450000")
    assert k.serapan.nilai == Decimal(45)
    assert k.efisiensi.nilai == k.rollup.nilai - Decimal(45)
    assert k.efisiensi.kategori.label == "Efisien"


def test_pdf_untuk_rapat_pimpinan(client):
    d = bangun_pemda(jumlah_dinas=2)
    client.force_login(d["admin"])
    r = client.get(reverse("analisis:dasbor_pdf", args=[d["pemda"].pk]) + f"?periode={d['tw2'].pk}")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    halaman = teks_halaman(r.content)
    # Summary, then one chart per page: capaian, predikat, efficiency, completion, cycle.
    assert len(halaman) == 6
    assert all(w > h for w, h in ukuran_halaman(r.content))  # landscape
    pertama = rapat(halaman[0])
    assert rapat("Perlu perhatian") in pertama
    assert rapat("Indikator 0-0") in pertama and rapat("70,00 %") in pertama
    judul = [
        "Capaian per perangkat daerah",
        "Sebaran predikat",
        "kuadran efisiensi",
        "Kelengkapan pengisian",
        "Kemajuan siklus",
    ]
    for teks, h in zip(judul, halaman[1:], strict=True):
        assert rapat(teks) in rapat(h)


def test_halaman_perbandingan_indikator(client):
    d = bangun_pemda(jumlah_dinas=1)
    ind = d["dinas"][0]["indikator"][0]
    client.force_login(d["kepala"][0])
    r = client.get(reverse("analisis:dasbor_indikator", args=[ind.pk]) + f"?periode={d['tw2'].pk}")
    assert r.status_code == 200
    p = r.context["p"]
    assert p.sekarang.capaian_periode.nilai == Decimal(70)
    assert p.standar.nilai is not None  # 35 against the standard 90
    assert p.renstra.nilai == Decimal(35)
    assert "tren linear" in p.proyeksi.metode
    html = r.content.decode()
    assert "Metode proyeksi" in html
    assert reverse("pengukuran:bukti", args=[p.nilai_tahun_ini[-1].realisasi.pk]) in html


@pytest.mark.parametrize("ukuran", [(1, 2), (4, 12)])
def test_jumlah_kueri_dasbor_instansi_terbatas(client, django_assert_max_num_queries, ukuran):
    d = bangun_pemda(jumlah_dinas=ukuran[0], indikator_per_dinas=ukuran[1])
    client.force_login(d["kepala"][0])
    with django_assert_max_num_queries(32):
        r = client.get(url(d["dinas"][0]["dinas"], d["tw2"]))
    assert r.status_code == 200


@pytest.mark.parametrize("ukuran", [(1, 2), (6, 10)])
def test_jumlah_kueri_dasbor_pemda_terbatas(client, django_assert_max_num_queries, ukuran):
    d = bangun_pemda(jumlah_dinas=ukuran[0], indikator_per_dinas=ukuran[1])
    client.force_login(d["admin"])
    with django_assert_max_num_queries(32):
        r = client.get(url(d["pemda"], d["tw2"], level=""))
    assert r.status_code == 200
    assert len(r.context["d"].baris) == ukuran[0] * (ukuran[1] + 1)


@pytest.mark.parametrize("ukuran", [(1, 2), (3, 8)])
def test_jumlah_kueri_pdf_dan_perbandingan_terbatas(client, django_assert_max_num_queries, ukuran):
    d = bangun_pemda(jumlah_dinas=ukuran[0], indikator_per_dinas=ukuran[1])
    client.force_login(d["admin"])
    with django_assert_max_num_queries(32):
        assert client.get(reverse("analisis:dasbor_pdf", args=[d["pemda"].pk])).status_code == 200
    ind = d["dinas"][0]["indikator"][0]
    with django_assert_max_num_queries(16):
        r = client.get(reverse("analisis:dasbor_indikator", args=[ind.pk]))
    assert r.status_code == 200


def test_pemda_tanpa_periode_dan_instansi_tanpa_indikator(client):
    from tests.factories import PemdaFactory, PerangkatDaerahFactory, beri_peran

    pemda = PemdaFactory()
    dinas = PerangkatDaerahFactory(induk=pemda)
    admin = beri_peran(UserFactory(username="admin_baru"), "admin_pemda", pemda)
    client.force_login(admin)
    r = client.get(url(pemda))
    assert r.status_code == 200
    assert "Belum ada periode pengukuran" in r.content.decode()
    d = bangun_pemda(jumlah_dinas=1)
    kosong = PerangkatDaerahFactory(induk=d["pemda"])
    client.force_login(d["admin"])
    for i in (kosong, dinas):
        r = client.get(url(i, d["tw2"]))
        assert r.status_code == (200 if i == kosong else 404)
    assert (
        "Belum ada indikator yang capaiannya dapat dihitung"
        in client.get(url(kosong, d["tw2"])).content.decode()
    )
