"""Perjanjian Kinerja (PermenPAN-RB 53/2014) from the demo: both parties, Plt. status, the
targets and budget lines of the PK exactly, PDF and DOCX; an annual document series."""

from __future__ import annotations

import io

import pytest
from docx import Document

from kinerja.dokumen import services
from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import Jabatan
from kinerja.perencanaan.models import PerjanjianKinerja
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo
from tests.dokumen.pdfteks import rapat, teks_halaman

pytestmark = pytest.mark.django_db

DINAS = "Dinas Bina Marga, Cipta Karya dan Tata Ruang"


@pytest.fixture
def dunia(demo):
    dinas = instansi_demo(DINAS)
    return {
        "dinas": dinas,
        "tw3": periode_demo(dinas, 2026, "triwulan", 3),
        "tw1": periode_demo(dinas, 2026, "triwulan", 1),
        "tim": login_peran("tim_sakip", dinas),
        "kepala": login_peran("kepala", dinas),
    }


def buat(d, format="pdf", periode="tw3", **opsi):
    return services.dokumen_buat(
        pengguna=d["tim"],
        jenis="pk",
        instansi=d["dinas"],
        periode=d[periode],
        format=format,
        **opsi,
    )


def isi(dok):
    with dok.berkas.open("rb") as f:
        return f.read()


def teks_docx(data):
    doc = Document(io.BytesIO(data))
    bagian = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            bagian.extend(c.text for c in r.cells)
    return "\n".join(bagian)


def test_pdf_has_both_parties_every_target_and_budget_line(dunia):
    pk = PerjanjianKinerja.objects.get(
        jabatan__instansi=dunia["dinas"], jabatan__nama="Kepala Dinas", tahun=2026
    )
    teks = rapat("".join(teks_halaman(isi(buat(dunia)))))
    assert "PERJANJIANKINERJATAHUN2026" in teks
    assert "pihakpertama" in teks and "pihakkedua" in teks
    assert rapat(pk.pihak_pertama.nama_lengkap) in teks
    assert "GubernurSumateraBarat" in teks
    for it in pk.item.all():
        assert rapat(it.indikator.nama) in teks
        if it.target is not None:
            assert (
                rapat(format_angka(it.target, 0 if it.target == it.target.to_integral() else 2))
                in teks
            )
    for a in pk.anggaran.all():
        assert rapat(f"Rp {format_angka(a.pagu, 0)}") in teks
    total = sum(a.pagu for a in pk.anggaran.all())
    assert rapat(f"Rp {format_angka(total, 0)}") in teks


def test_an_acting_official_is_written_plt(dunia):
    jab = Jabatan.objects.get(instansi__induk=dunia["dinas"], nama="Kepala Bidang Tata Ruang")
    dok = buat(dunia, jabatan=jab.pk)
    teks = rapat("".join(teks_halaman(isi(dok))))
    assert "Plt.KepalaBidangTataRuang" in teks
    assert dok.status_penandatangan == "plt"
    assert dok.kunci == f"jabatan-{jab.pk}"


def test_docx_has_the_same_content_as_the_pdf(dunia):
    pk = PerjanjianKinerja.objects.get(
        jabatan__instansi=dunia["dinas"], jabatan__nama="Kepala Dinas", tahun=2026
    )
    teks = teks_docx(isi(buat(dunia, format="docx")))
    assert "PERJANJIAN KINERJA TAHUN 2026" in teks
    assert pk.pihak_pertama.nama_lengkap in teks
    for a in pk.anggaran.all():
        assert f"Rp {format_angka(a.pagu, 0)}" in teks
    assert "Sasaran Strategis" in teks and "Indikator Kinerja" in teks


def test_the_pk_is_one_annual_series_and_keeps_its_own_date_when_signed(dunia):
    a = buat(dunia, periode="tw1")
    b = buat(dunia, periode="tw3")
    assert a.pk == b.pk and b.periode is None and b.tahun == 2026
    tanggal = b.snapshot["tanggal"]
    b = services.dokumen_tandatangani(pengguna=dunia["kepala"], dokumen=b)
    assert b.snapshot["tanggal"] == tanggal
    assert rapat(b.kode_verifikasi) in rapat("".join(teks_halaman(isi(b))))
