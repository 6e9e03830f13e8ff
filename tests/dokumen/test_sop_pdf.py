"""The SOP in the PermenPAN-RB 35/2012 layout: content, pages, flowchart structure, speed."""

from __future__ import annotations

import io
import logging
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from kinerja.alur.berkas_sop import daftar_bawaan, muat_berkas
from kinerja.dokumen.render import kueri
from kinerja.dokumen.sop_pdf import (
    SOPTidakSah,
    data_sop,
    format_waktu,
    render_sop_pdf,
    render_sop_png,
)
from tests.dokumen.contoh_sop import SOP_BMCKTR, SOP_UKPBJ, sop
from tests.dokumen.pdfteks import rapat, teks_halaman, ukuran_halaman


def _baris(teks: str) -> list[str]:
    return [b.strip() for b in teks.split("\n")]


def _simbol(data_sop_dict) -> list[dict]:
    return kueri("sop", data_sop(data_sop_dict), "<simbol-sop>")


def test_halaman_identitas_lengkap():
    pdf = render_sop_pdf(SOP_BMCKTR)
    assert pdf.startswith(b"%PDF-")
    halaman = teks_halaman(pdf)
    isi = rapat(halaman[0])
    for frasa in [
        "PEMERINTAH PROVINSI SUMATERA BARAT",
        "DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG",
        "SEKRETARIAT",
        "Nomor SOP",
        "150/SOP-BMCKTR/2024",
        "Tanggal Pembuatan",
        "Tanggal Revisi",
        "Tanggal Efektif",
        "11 Januari 2024",
        "Disahkan oleh",
        "Kepala,",
        "ERASUKMA MUNAF, ST, MM",
        "Pembina Utama Muda",
        "NIP. 19720925 199803 1 003",
        "Nama SOP",
        "PENGUKURAN KINERJA",
        "Dasar Hukum:",
        "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
        "Kualifikasi Pelaksana:",
        "Memiliki kemampuan untuk menganalisa data",
        "Keterkaitan:",
        "SOP Evaluasi Kinerja Internal",
        "Peralatan/Perlengkapan:",
        "DPA SKPD",
        "Peringatan:",
        "Pencatatan dan Pendataan:",
        "Laporan hasil pengukuran kinerja diarsipkan",
    ]:
        assert rapat(frasa) in isi, frasa
    # Tanggal Revisi is empty in the SOP: printed as a dash right after its label
    assert _baris(halaman[0])[_baris(halaman[0]).index("Tanggal Revisi") + 1] == "-"


def test_tabel_prosedur_melintang_dengan_isi_setiap_langkah():
    pdf = render_sop_pdf(SOP_BMCKTR)
    assert ukuran_halaman(pdf) == [(210, 297), (297, 210)]
    prosedur = teks_halaman(pdf)[1]
    baris = _baris(prosedur)
    for kepala in ["No", "Uraian Prosedur", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu"]:
        assert kepala in baris, kepala
    assert "Output" in baris and "Ket." in baris
    for p in SOP_BMCKTR["pelaksana"]:
        assert rapat(p["label"]) in rapat(prosedur)
    for lk in SOP_BMCKTR["langkah"]:
        assert str(lk["no"]) in baris
        assert rapat(lk["uraian"]) in rapat(prosedur)
    for waktu in ["10 menit", "2 jam", "1 jam", "2 hari", "30 menit", "2 menit"]:
        assert waktu in baris, waktu
    assert {"Mulai", "Selesai", "Ya", "Tidak"} <= set(baris)


def test_sop_17_langkah_berpindah_halaman_dengan_kepala_berulang_dan_konektor():
    pdf = render_sop_pdf(SOP_UKPBJ)
    halaman = teks_halaman(pdf)
    assert len(halaman) == 3
    assert ukuran_halaman(pdf)[1:] == [(297, 210), (297, 210)]
    nomor = []
    for teks in halaman[1:]:
        baris = _baris(teks)
        assert "Uraian Prosedur" in baris and "Kelengkapan" in baris
        # the off-page connector "A" appears on both sides of the page break
        assert "A" in baris
        nomor += [b for b in baris if b.isdigit() and 1 <= int(b) <= 17]
    assert [str(n) for n in range(1, 18)] == sorted(set(nomor), key=int)
    assert rapat("Sesuai jadwal yang ditetapkan") in rapat(halaman[1])


def test_waktu_render_sop_17_langkah():
    # every render gets different text, so Typst's in-process cache cannot answer it
    durasi = []
    for n in range(4):
        s = sop(SOP_UKPBJ)
        for lk in s["langkah"]:
            lk["uraian"] += f" (varian {n})"
        mulai = time.perf_counter()
        pdf = render_sop_pdf(s)
        durasi.append(time.perf_counter() - mulai)
        assert rapat("(varian") in rapat(teks_halaman(pdf)[1])
    print(f"render SOP 17 langkah: {min(durasi):.3f}-{max(durasi):.3f} s")
    assert max(durasi) < 2.0


def test_simbol_di_setiap_lajur_pelaksana():
    simbol = _simbol(SOP_BMCKTR)
    kode = [p["kode"] for p in SOP_BMCKTR["pelaksana"]]
    diharapkan = sorted(
        (i, kode.index(k)) for i, lk in enumerate(SOP_BMCKTR["langkah"]) for k in lk["pelaksana"]
    )
    assert sorted((s["i"], s["lajur"]) for s in simbol) == diharapkan
    assert all(s["peran"] == "langkah" for s in simbol)


def test_keputusan_terakhir_diakhiri_kapsul_selesai():
    simbol = _simbol(SOP_UKPBJ)
    akhir = [s for s in simbol if s["peran"] == "akhir"]
    assert akhir == [{"i": 16, "lajur": 0, "peran": "akhir"}]


def test_jenis_simbol_dan_rute():
    d = data_sop(SOP_BMCKTR)
    langkah = d["langkah"]
    assert [lk["simbol"] for lk in langkah] == [
        "mulai",
        *["proses"] * 5,
        "keputusan",
        "proses",
        "selesai",
    ]
    # 1 (Kepala) → 2 (Sekretaris): sideways, then down
    assert langkah[0]["maju"] == {"dari": 0, "ke": 1, "cara": "samping"}
    # 6 (Sekretaris) → 7 (Kepala, Sekretaris, Tim SAKIP): straight down in the shared lane
    assert langkah[5]["maju"] == {"dari": 1, "ke": 1, "cara": "bawah"}
    # 7 returns to 4 along the left side, into the Sekretaris lane
    assert langkah[6]["kembali"] == {"ke": 3, "dari": 0, "lajur": 1, "sisi": "kiri", "geser": False}
    assert langkah[-1]["maju"] is None
    assert [lk["waktu"] for lk in langkah[:3]] == ["10 menit", "2 jam", "1 jam"]
    assert d["tanggal_revisi"] == "-" and d["tanggal_efektif"] == "11 Januari 2024"


def _dua_langkah(lajur_a, lajur_b, n=5):
    return {
        **sop(SOP_BMCKTR),
        "pelaksana": [{"kode": f"p{i}", "label": f"P{i}"} for i in range(n)],
        "langkah": [
            {"no": 1, "uraian": "a", "pelaksana": [f"p{i}" for i in lajur_a]},
            {"no": 2, "uraian": "b", "pelaksana": [f"p{i}" for i in lajur_b]},
        ],
    }


@pytest.mark.parametrize(
    ("a", "b", "maju"),
    [
        ([2], [2], {"dari": 2, "ke": 2, "cara": "bawah"}),
        ([1, 3], [3], {"dari": 3, "ke": 3, "cara": "bawah"}),
        ([0, 4], [2], {"dari": 2, "ke": 2, "cara": "gabung"}),
        ([1, 2], [4], {"dari": 2, "ke": 4, "cara": "samping"}),
        ([3], [0, 4], {"dari": 3, "ke": 4, "cara": "samping"}),
        ([2, 3], [0], {"dari": 2, "ke": 0, "cara": "samping"}),
    ],
)
def test_rute_maju(a, b, maju):
    assert data_sop(_dua_langkah(a, b))["langkah"][0]["maju"] == maju


def test_rute_kembali_memilih_sisi_yang_bebas():
    s = _dua_langkah([3], [1])
    s["langkah"].append(
        {"no": 3, "uraian": "c", "pelaksana": ["p1"], "jenis": "keputusan", "kembali_ke": 1}
    )
    s["langkah"].append({"no": 4, "uraian": "d", "pelaksana": ["p0"]})
    # step 1 leaves to the left (towards lane 1), so the return takes the right side
    kembali = data_sop(s)["langkah"][2]["kembali"]
    assert kembali == {"ke": 0, "dari": 1, "lajur": 3, "sisi": "kanan", "geser": False}
    # both sides taken: the decision goes right, step 1 goes left → enter above the middle
    s["langkah"][3]["pelaksana"] = ["p4"]
    kembali = data_sop(s)["langkah"][2]["kembali"]
    assert kembali["sisi"] == "kiri" and kembali["geser"] is True
    assert render_sop_pdf(s).startswith(b"%PDF-")


def test_langkah_dengan_kembali_ke_digambar_sebagai_keputusan():
    s = _dua_langkah([0], [1])
    s["langkah"].append(
        {"no": "3", "uraian": "rapat", "pelaksana": ["p0"], "jenis": "rapat", "kembali_ke": 2}
    )
    s["langkah"].append({"no": 4, "uraian": "d", "pelaksana": ["p0"]})
    lk = data_sop(s)["langkah"][2]
    assert lk["simbol"] == "keputusan"
    assert lk["kembali"]["ke"] == 1


def test_langkah_terakhir_keputusan():
    s = _dua_langkah([0], [1])
    s["langkah"][1].update(jenis="keputusan", kembali_ke=1)
    lk = data_sop(s)["langkah"][1]
    assert lk["simbol"] == "keputusan" and lk["selesai_sesudah"] is True


@pytest.mark.parametrize(
    ("waktu", "teks"),
    [
        ({"jumlah": 10, "satuan": "menit"}, "10 menit"),
        ({"jumlah": "2", "satuan": "Jam"}, "2 jam"),
        ({"jumlah": 1.5, "satuan": "hari"}, "1,5 hari"),
        ({"jumlah": "2.00", "satuan": "hari"}, "2 hari"),
        (
            {"teks": "Sesuai dengan Surat Perjanjian Kontrak"},
            "Sesuai dengan Surat Perjanjian Kontrak",
        ),
        (None, ""),
    ],
)
def test_format_waktu(waktu, teks):
    assert format_waktu(waktu) == teks


@pytest.mark.parametrize(
    "waktu", [{"jumlah": 2, "satuan": "minggu"}, {"jumlah": "dua", "satuan": "jam"}]
)
def test_format_waktu_menolak(waktu):
    with pytest.raises(SOPTidakSah):
        format_waktu(waktu)


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (lambda s: s["langkah"][0].update(pelaksana=["siapa"]), "tidak dikenal siapa"),
        (lambda s: s["langkah"][0].update(pelaksana=[]), "tidak ada pelaksana"),
        (lambda s: s["langkah"][6].update(kembali_ke=8), "bukan langkah sebelumnya"),
        (lambda s: s["langkah"][6].update(kembali_ke=99), "bukan langkah sebelumnya"),
        (lambda s: s["langkah"][1].update(no=1), "dipakai dua kali"),
        (lambda s: s["langkah"][1].update(jenis="lain"), "jenis tidak dikenal"),
        (lambda s: s.update(langkah=[]), "tidak mempunyai langkah"),
        (lambda s: s.update(pelaksana=[]), "tidak mempunyai pelaksana"),
        (lambda s: s.update(kertas="a3"), "kertas"),
    ],
)
def test_sop_tidak_sah(ubah, pesan):
    s = sop(SOP_BMCKTR)
    ubah(s)
    with pytest.raises(SOPTidakSah, match=pesan):
        render_sop_pdf(s)


MARKUP = "#set text(red) $x^2$ *b* _i_ <l> @r [k] \\ `c` // k"


def test_markup_dalam_sop_dicetak_apa_adanya():
    s = sop(SOP_BMCKTR)
    s["nama"] = f"Nama {MARKUP}"
    s["nomor"] = MARKUP
    s["dasar_hukum"] = [f"Dasar {MARKUP}", "Kedua"]
    s["pelaksana"][0]["label"] = f"Lajur {MARKUP}"
    s["langkah"][0]["uraian"] = f"Uraian {MARKUP}"
    s["langkah"][0]["keterangan"] = f"Ket {MARKUP}"
    s["langkah"][0]["waktu"] = {"teks": f"Waktu {MARKUP}"}
    halaman = teks_halaman(render_sop_pdf(s))
    satu, dua = rapat(halaman[0]), rapat("".join(halaman[1:]))
    assert rapat(MARKUP) in satu
    assert rapat(f"Dasar {MARKUP}") in satu
    for awal in ["Lajur", "Uraian", "Ket", "Waktu"]:
        assert rapat(f"{awal} {MARKUP}") in dua, awal


def test_kertas_f4_dan_logo():
    buf = io.BytesIO()
    Image.new("RGB", (40, 40), (0, 90, 160)).save(buf, format="PNG")
    pdf = render_sop_pdf(SOP_BMCKTR, kertas="f4", logo=buf.getvalue())
    assert ukuran_halaman(pdf) == [(215, 330), (330, 215)]
    assert b"/Image" in pdf


def test_png_halaman_prosedur():
    gambar = render_sop_png(SOP_UKPBJ, ppi=40)
    assert len(gambar) == 3
    lebar, tinggi = Image.open(io.BytesIO(gambar[1])).size
    assert lebar > tinggi


@pytest.mark.parametrize(
    "berkas",
    daftar_bawaan()
    or [pytest.param(None, marks=pytest.mark.skip(reason="belum ada SOP bawaan di alur/bawaan"))],
    ids=lambda p: p.stem if p else "tidak-ada",
)
def test_sop_bawaan_dicetak(berkas):
    data = muat_berkas(berkas)
    pdf = render_sop_pdf(data)
    halaman = teks_halaman(pdf)
    assert len(halaman) >= 2
    semua = rapat("".join(halaman[1:]))
    for lk in data["langkah"]:
        assert rapat(str(lk["uraian"])) in semua, lk["no"]
    simbol = kueri("sop", data_sop(data), "<simbol-sop>")
    assert {s["i"] for s in simbol} == set(range(len(data["langkah"])))


@st.composite
def _sop_acak(draw):
    n_lajur = draw(st.integers(1, 8))
    n_langkah = draw(st.integers(1, 22))
    langkah = []
    for no in range(1, n_langkah + 1):
        lajur = draw(st.sets(st.integers(0, n_lajur - 1), min_size=1, max_size=3))
        kembali = draw(st.none() | st.integers(1, no - 1)) if no > 1 else None
        langkah.append(
            {
                "no": no,
                "uraian": draw(st.text(min_size=0, max_size=120)),
                "pelaksana": [f"p{k}" for k in sorted(lajur)],
                "jenis": "keputusan" if kembali else "kegiatan",
                "kembali_ke": kembali,
                "waktu": {"jumlah": no, "satuan": "jam"},
            }
        )
    return {
        **sop(SOP_BMCKTR),
        "pelaksana": [{"kode": f"p{i}", "label": f"Lajur {i}"} for i in range(n_lajur)],
        "langkah": langkah,
    }


@settings(max_examples=20, deadline=None)
@given(_sop_acak())
def test_sop_acak_selalu_tercetak(s):
    pdf = render_sop_pdf(s)
    assert pdf.startswith(b"%PDF-")
    simbol = kueri("sop", data_sop(s), "<simbol-sop>")
    assert len([x for x in simbol if x["peran"] == "langkah"]) == sum(
        len(lk["pelaksana"]) for lk in s["langkah"]
    )


@pytest.mark.parametrize("contoh", [SOP_BMCKTR, SOP_UKPBJ], ids=["9-langkah", "17-langkah"])
def test_tata_letak_tanpa_peringatan_typst(contoh, caplog):
    with caplog.at_level(logging.WARNING, logger="kinerja.dokumen"):
        render_sop_pdf(sop(contoh))
    assert not caplog.records
