"""The SOP file format: the built-in seed files validate, invalid data is refused with messages."""

import copy
import datetime as dt
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.alur import berkas_sop

# Step numbers of each built-in SOP as published (Lumajang has no step 6).
NOMOR_LANGKAH = {
    "sumbar-bmcktr-2024": list(range(1, 10)),
    "banjarnegara-dispermades-2023": list(range(1, 17)),
    "kukar-ukpbj-2020": list(range(1, 18)),
    "lumajang-putr-2024": [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12],
}

# Extraction noise of each seed: repaired in the data, and every repair recorded in catatan.
GARBEL = {
    "sumbar-bmcktr-2024": ["150 / SOP - BMCKTR / 2024"],
    "banjarnegara-dispermades-2023": [
        "BERECANA",
        "Pubishment",
        "Pengukuan",
        "Stragegis",
        "Indiaktor",
        "Pejanjian",
        "pengukran",
        "tiaptiap",
        "SEKRET ARIAT",
        "Pembinas",
        "kinerja kinerja",
    ],
    "kukar-ukpbj-2020": [
        "FBJ",
        "Tempalte",
        "Menetaskan",
        "Mewadengarkan",
        "attributnya",
        "ditusulkan",
        "tivulan",
        "porosapihan",
        "Berkomendasi",
        "Tertpadate",
        "Arahuan",
        "Batasasi",
        "Bencana Aksi",
        "Templata",
        "printernet",
        "mutu buku",
        "emahami",
        "Pengelolaan Kinerja Pengelolaan",
    ],
    "lumajang-putr-2024": ["Penjurangan"],
}


def bawaan() -> dict[str, dict]:
    hasil = {}
    for path in berkas_sop.daftar_bawaan():
        data = berkas_sop.muat_berkas(path)
        hasil[data["kode"]] = data
    return hasil


@pytest.fixture(scope="module")
def semua():
    return bawaan()


def test_daftar_bawaan_memuat_keempat_seed(semua):
    assert set(semua) == set(NOMOR_LANGKAH)
    for path in berkas_sop.daftar_bawaan():
        assert path.name == f"{berkas_sop.muat_berkas(path)['kode']}.yaml"


@pytest.mark.parametrize("kode", sorted(NOMOR_LANGKAH))
def test_berkas_bawaan_sah_dan_lengkap(semua, kode):
    data = semua[kode]
    assert berkas_sop.validasi(data) == []
    assert list(data) == [k for k in berkas_sop.KUNCI_SOP if k in data]
    assert set(berkas_sop.KUNCI_WAJIB) <= set(data)
    for lk in data["langkah"]:
        assert list(lk) == list(berkas_sop.KUNCI_LANGKAH)
    assert data["catatan_transkripsi"], "setiap perbaikan transkripsi harus dicatat"


@pytest.mark.parametrize("kode", sorted(NOMOR_LANGKAH))
def test_nomor_langkah_seperti_diterbitkan(semua, kode):
    assert [lk["no"] for lk in semua[kode]["langkah"]] == NOMOR_LANGKAH[kode]


@pytest.mark.parametrize("kode", sorted(NOMOR_LANGKAH))
def test_ke_yaml_bolak_balik(semua, kode):
    data = semua[kode]
    teks = berkas_sop.ke_yaml(data)
    assert berkas_sop.muat_teks(teks) == data
    # The written text is plain YAML: a standard safe loader reads the same dict.
    assert yaml.safe_load(teks) == data
    assert berkas_sop.ke_yaml(berkas_sop.muat_teks(teks)) == teks


@pytest.mark.parametrize("kode", sorted(GARBEL))
def test_kata_rusak_diperbaiki_dan_dicatat(semua, kode):
    data = dict(semua[kode])
    catatan = " ".join(data.pop("catatan_transkripsi"))
    isi = berkas_sop.ke_yaml(data)
    for kata in GARBEL[kode]:
        pola = re.compile(rf"(?<!\w){re.escape(kata)}(?!\w)")
        assert not pola.search(isi), kata
        assert pola.search(catatan), kata


@pytest.mark.parametrize("kode", sorted(NOMOR_LANGKAH))
def test_setiap_kolom_pelaksana_dipakai(semua, kode):
    data = semua[kode]
    dipakai = {p for lk in data["langkah"] for p in lk["pelaksana"]}
    assert dipakai == {p["kode"] for p in data["pelaksana"]}


def test_keputusan_dan_tujuan_kembali_setiap_seed(semua):
    keputusan = {
        kode: {lk["no"]: lk["kembali_ke"] for lk in d["langkah"] if lk["jenis"] == "keputusan"}
        for kode, d in semua.items()
    }
    assert keputusan == {
        "sumbar-bmcktr-2024": {7: 4},
        "banjarnegara-dispermades-2023": {11: 7},
        "kukar-ukpbj-2020": {6: 1, 17: 11},
        "lumajang-putr-2024": {9: 8},
    }


def test_setiap_seed_dibuka_oleh_pimpinan_atau_perencanaan(semua):
    for kode, d in semua.items():
        pertama = d["langkah"][0]
        if kode == "kukar-ukpbj-2020":
            assert pertama["aksi_sistem"] == "susun_rencana_kinerja"
            assert pertama["pelaksana"] == ["kepala_ukpbj", "tim_pengelola_kelembagaan"]
        else:
            assert pertama["aksi_sistem"] == "buka_siklus" and pertama["pelaksana"] == ["kepala"]


def test_sumbar_isi_kepala_dan_keputusan(semua):
    d = semua["sumbar-bmcktr-2024"]
    assert d["nomor"] == "150/SOP-BMCKTR/2024"
    assert d["tanggal_pembuatan"] == dt.date(2024, 1, 11)
    assert d["tanggal_revisi"] is None
    assert d["disahkan_oleh"]["nip"] == "197209251998031003"
    lk = {x["no"]: x for x in d["langkah"]}
    assert lk[1]["aksi_sistem"] == "buka_siklus" and lk[1]["pelaksana"] == ["kepala"]
    assert lk[4]["pelaksana"] == ["sekretaris", "bidang"]
    assert lk[7]["jenis"] == "keputusan" and lk[7]["kembali_ke"] == 4
    assert lk[9]["aksi_sistem"] == "unggah_esr"
    assert lk[9]["waktu"] == {"jumlah": 2, "satuan": "menit"}


def test_banjarnegara_narasi_dan_langkah_tanpa_waktu(semua):
    d = semua["banjarnegara-dispermades-2023"]
    assert d["nomor"] == "067/14.8/DISPERMADESPPKB/2023"
    assert d["tanggal_pembuatan"] == dt.date(2023, 1, 5) and d["tanggal_efektif"] is None
    n = d["narasi"]
    assert n["latar_belakang"].startswith("Bahwa penyelenggaraan pemerintahan")
    assert len(n["tujuan"]) == 4 and len(n["ruang_lingkup"]) == 2
    assert len(n["definisi"]) == 10 and len(n["dokumen_pelengkap"]) == 4
    assert len(d["dasar_hukum"]) == 7
    lk = {x["no"]: x for x in d["langkah"]}
    assert lk[16]["waktu"] is None and lk[16]["jenis"] == "arsip"
    assert lk[15]["pelaksana"] == lk[16]["pelaksana"] == ["staf"]
    assert lk[14]["aksi_sistem"] == "tanda_tangan" and lk[14]["pelaksana"] == ["kepala"]
    assert lk[2]["waktu"] == {"jumlah": 4, "satuan": "jam"}


def test_ukpbj_pelaksana_dan_alur(semua):
    d = semua["kukar-ukpbj-2020"]
    assert d["nama"] == "Pengelolaan Kinerja"
    assert d["nomor"] == "B-2520/BPBJ/PAPBJ/910/II/2020"
    assert d["disahkan_oleh"]["nip"] == "196710041987011001"
    assert [k.split(":")[0] for k in d["kualifikasi_pelaksana"]] == [
        "Kepala UKPBJ",
        "Tim Pengelola Kelembagaan UKPBJ",
        "Penanggungjawab Kinerja",
    ]
    kp, tim, pj = "kepala_ukpbj", "tim_pengelola_kelembagaan", "penanggung_jawab_kinerja"
    harapan = {1: [kp, tim], 2: [kp, tim], 3: [kp, tim], 4: [kp, tim], 5: [tim], 6: [kp]}
    harapan |= {7: [tim], 8: [tim], 9: [tim], 10: [tim, pj], 11: [pj], 12: [pj]}
    harapan |= {13: [tim], 14: [tim], 15: [tim], 16: [tim], 17: [kp, tim]}
    lk = {x["no"]: x for x in d["langkah"]}
    assert {no: x["pelaksana"] for no, x in lk.items()} == harapan
    assert all(x["waktu"] is None for x in lk.values())
    masukan = lk[1]["kelengkapan"]
    assert "Arahan/prioritas pimpinan" in masukan
    for no in (1, 2, 3, 4):
        assert lk[no]["kelengkapan"] == masukan
        assert lk[no]["keterangan"].startswith("Dilaksanakan melalui lokakarya")
        assert lk[no]["aksi_sistem"] == "susun_rencana_kinerja"
    assert "Template data kinerja" in lk[4]["output"]
    # The flow of steps 10-17 is a chain: each step's input is an output of the step before.
    for no in range(13, 18):
        assert lk[no]["kelengkapan"][0] in lk[no - 1]["output"], no
    assert lk[10]["aksi_sistem"] == "petakan_paket"
    assert lk[17]["aksi_sistem"] == "rapat_pimpinan"
    assert lk[17]["uraian"].startswith("Melaksanakan rapat dengan pimpinan unit")


def test_lumajang_celah_nomor_dan_pelaksana_di_luar_kolom(semua):
    d = semua["lumajang-putr-2024"]
    assert len(d["langkah"]) == 11
    assert any("langkah 6" in c for c in d["catatan_transkripsi"])
    assert [p["label"] for p in d["pelaksana"]] == [
        "Ka Dinas",
        "Sekretaris",
        "Sek. Tim Sakip",
        "Anggota Tim Sakip",
        "Kabid",
        "Ketua TIM SAKIP PD",
    ]
    lk = {x["no"]: x for x in d["langkah"]}
    assert lk[7]["pelaksana"] == ["kepala_bidang"]
    assert lk[7]["aksi_sistem"] == "validasi_realisasi"
    assert lk[8]["pelaksana"] == ["ketua_tim_sakip"]
    assert lk[9]["waktu"] == {"teks": "Sesuai dengan Surat Perjanjian Kontrak"}
    assert lk[9]["pelaksana"] == ["kepala"]
    assert lk[2]["waktu"] == {"jumlah": 60, "satuan": "menit"}
    assert lk[10]["aksi_sistem"] == "buat_surat_pengantar"
    assert d["unit_penyusun"] == "Sub. Bagian Kepegawaian"
    assert d["disahkan_oleh"] == {"jabatan": None, "nama": None, "pangkat": None, "nip": None}


# ---------------------------------------------------------------- invalid data


@pytest.fixture
def sah(semua):
    return copy.deepcopy(semua["sumbar-bmcktr-2024"])


def test_kunci_wajib_hilang_dan_kunci_asing(sah):
    del sah["nama"]
    sah["warna"] = "biru"
    galat = berkas_sop.validasi(sah)
    assert "Kunci 'nama' wajib ada." in galat
    assert "Kunci 'warna' tidak dikenal." in galat


def test_narasi_boleh_tidak_ada(sah):
    sah.pop("narasi", None)
    assert berkas_sop.validasi(sah) == []


def test_nomor_langkah_ganda(sah):
    sah["langkah"][2]["no"] = 2
    assert "Langkah 2: nomor langkah 2 dipakai lebih dari sekali." in berkas_sop.validasi(sah)


def test_nomor_langkah_bukan_bilangan(sah):
    sah["langkah"][0]["no"] = "satu"
    galat = berkas_sop.validasi(sah)
    assert "Langkah ke-1: nomor langkah (no) harus bilangan bulat positif, bukan 'satu'." in galat


def test_pelaksana_tidak_dideklarasikan(sah):
    sah["langkah"][0]["pelaksana"] = ["ketua_tim_sakip"]
    assert (
        "Langkah 1: pelaksana 'ketua_tim_sakip' tidak dideklarasikan di daftar pelaksana."
        in berkas_sop.validasi(sah)
    )


def test_kode_kolom_pelaksana_harus_kode_peran(sah):
    sah["pelaksana"].append({"kode": "hantu", "label": "Hantu"})
    galat = berkas_sop.validasi(sah)
    assert any(g.startswith("pelaksana ke-6: kode 'hantu' bukan kode peran") for g in galat)


def test_kembali_ke_hanya_pada_keputusan(sah):
    sah["langkah"][5]["kembali_ke"] = 2
    assert "Langkah 6: kembali_ke hanya boleh pada langkah berjenis keputusan." in (
        berkas_sop.validasi(sah)
    )


def test_kembali_ke_harus_langkah_sebelumnya(sah):
    sah["langkah"][6]["kembali_ke"] = 8
    pesan = "Langkah 7: kembali_ke 8 harus nomor langkah yang ada sebelum langkah ini."
    assert pesan in berkas_sop.validasi(sah)
    sah["langkah"][6]["kembali_ke"] = 7
    assert "Langkah 7: kembali_ke 7 harus nomor langkah yang ada sebelum langkah ini." in (
        berkas_sop.validasi(sah)
    )


def test_keputusan_tanpa_kembali_ke(sah):
    sah["langkah"][6]["kembali_ke"] = None
    assert any(
        g.startswith("Langkah 7: langkah keputusan harus menyebut kembali_ke")
        for g in (berkas_sop.validasi(sah))
    )


@pytest.mark.parametrize(
    ("waktu", "pesan"),
    [
        ({"jumlah": 2, "satuan": "minggu"}, "Langkah 1: waktu.satuan 'minggu' tidak dikenal"),
        ({"jumlah": 0, "satuan": "jam"}, "Langkah 1: waktu.jumlah 0 harus angka lebih dari nol."),
        ({"jumlah": "2", "satuan": "jam"}, "Langkah 1: waktu.jumlah '2' harus angka"),
        ({"jumlah": True, "satuan": "jam"}, "Langkah 1: waktu.jumlah True harus angka"),
        ({"jumlah": float("nan"), "satuan": "jam"}, "Langkah 1: waktu.jumlah nan harus angka"),
        ({"jumlah": 2, "satuan": ["jam"]}, "Langkah 1: waktu.satuan ['jam'] tidak dikenal"),
        ({"teks": ""}, "Langkah 1: waktu.teks harus teks yang tidak kosong."),
        ({"jumlah": 2}, "Langkah 1: waktu harus berisi tepat {jumlah, satuan} atau {teks}"),
        ("2 Hari", "Langkah 1: waktu harus {jumlah, satuan}, {teks} atau null."),
    ],
)
def test_waktu_tidak_sah(sah, waktu, pesan):
    sah["langkah"][0]["waktu"] = waktu
    assert any(g.startswith(pesan) for g in berkas_sop.validasi(sah)), berkas_sop.validasi(sah)


@pytest.mark.parametrize(
    "waktu",
    [None, {"jumlah": 1.5, "satuan": "hari"}, {"teks": "Sesuai dengan Surat Perjanjian Kontrak"}],
)
def test_waktu_sah(sah, waktu):
    sah["langkah"][0]["waktu"] = waktu
    assert berkas_sop.validasi(sah) == []


def test_aksi_sistem_dan_jenis_tidak_dikenal(sah):
    sah["langkah"][1]["aksi_sistem"] = "terbang"
    sah["langkah"][1]["jenis"] = "pesta"
    galat = berkas_sop.validasi(sah)
    assert "Langkah 2: aksi_sistem 'terbang' tidak dikenal." in galat
    assert any(g.startswith("Langkah 2: jenis 'pesta' tidak dikenal") for g in galat)


def test_kunci_langkah_hilang_dan_asing(sah):
    del sah["langkah"][2]["output"]
    sah["langkah"][2]["durasi"] = 5
    galat = berkas_sop.validasi(sah)
    assert "Langkah 3: kunci 'output' tidak ada." in galat
    assert "Langkah 3: kunci 'durasi' tidak dikenal." in galat


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        ("2024-02-30", "tanggal_efektif: '2024-02-30' bukan tanggal yang sah (format TTTT-BB-HH)."),
        ("11 Januari 2024", "tanggal_efektif: '11 Januari 2024' bukan tanggal yang sah"),
        (20240111, "tanggal_efektif: 20240111 bukan tanggal yang sah"),
        (dt.datetime(2024, 1, 11, 8), "tanggal_efektif: harus tanggal tanpa jam"),
    ],
)
def test_tanggal_tidak_sah(sah, nilai, pesan):
    sah["tanggal_efektif"] = nilai
    assert any(g.startswith(pesan) for g in berkas_sop.validasi(sah))


def test_tanggal_sebagai_teks_iso_sah_dan_ditulis_sebagai_tanggal(sah):
    sah["tanggal_efektif"] = "2024-01-11"
    assert berkas_sop.validasi(sah) == []
    assert berkas_sop.muat_teks(berkas_sop.ke_yaml(sah))["tanggal_efektif"] == dt.date(2024, 1, 11)


def test_nip_dan_disahkan_oleh(sah):
    sah["disahkan_oleh"]["nip"] = "19720925 199803 1 003"
    sah["disahkan_oleh"]["gelar"] = "ST"
    galat = berkas_sop.validasi(sah)
    assert "disahkan_oleh.nip: '19720925 199803 1 003' harus 18 angka tanpa spasi." in galat
    assert any(g.startswith("disahkan_oleh: kunci 'gelar' tidak dikenal") for g in galat)


def test_kode_sop_harus_slug(sah):
    sah["kode"] = "SOP Sumbar"
    assert any(g.startswith("kode: 'SOP Sumbar' tidak sah") for g in berkas_sop.validasi(sah))


def test_daftar_teks(sah):
    sah["dasar_hukum"] = "PP 18/2016"
    sah["peralatan"] = ["Komputer", ""]
    galat = berkas_sop.validasi(sah)
    assert "dasar_hukum: harus berupa daftar teks." in galat
    assert "peralatan: butir ke-2 harus teks yang tidak kosong." in galat


def test_bukan_pemetaan():
    assert berkas_sop.validasi([]) == ["SOP harus berupa pemetaan (objek)."]
    with pytest.raises(berkas_sop.BerkasSOPTidakSah):
        berkas_sop.muat_teks("- satu\n- dua\n")
    with pytest.raises(berkas_sop.BerkasSOPTidakSah):
        berkas_sop.muat_teks("kode: [tidak ditutup\n")


def test_kunci_no_tanpa_kutip_tetap_teks():
    # YAML 1.1 reads a bare `no` as false; SOP files write `no:` for the step number.
    data = berkas_sop.muat_teks("langkah:\n  - no: 1\n    aktif: yes\n    selesai: true\n")
    assert data == {"langkah": [{"no": 1, "aktif": "yes", "selesai": True}]}


def test_ke_yaml_mengurutkan_kunci_dan_menerima_decimal(sah):
    from decimal import Decimal

    acak = dict(reversed(list(sah.items())))
    acak["langkah"][0] = dict(reversed(list(acak["langkah"][0].items())))
    acak["langkah"][0]["waktu"] = {"satuan": "menit", "jumlah": Decimal("10.00")}
    assert berkas_sop.ke_yaml(acak) == berkas_sop.ke_yaml(sah)


def test_kode_pelaksana_adalah_kode_peran_produk():
    from kinerja.organisasi.models import KodePeran

    assert set(KodePeran.values) >= berkas_sop.KODE_PELAKSANA


def test_contoh_di_dokumentasi_sah():
    from pathlib import Path

    teks = (Path(__file__).resolve().parents[2] / "docs" / "format-sop.md").read_text("utf-8")
    contoh = re.search(r"```yaml\n(.*?)```", teks, re.S).group(1)
    data = berkas_sop.muat_teks(contoh)
    assert berkas_sop.validasi(data) == []
    assert [lk["no"] for lk in data["langkah"]] == [1, 2, 3]
    for kode in berkas_sop.AKSI_SISTEM | berkas_sop.KODE_PELAKSANA:
        assert f"`{kode}`" in teks, kode


SAMPAH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda anak: (
        st.lists(anak, max_size=3) | st.dictionaries(st.text(max_size=5), anak, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(
    kunci=st.sampled_from(berkas_sop.KUNCI_SOP),
    kunci_langkah=st.sampled_from(berkas_sop.KUNCI_LANGKAH),
    nilai=SAMPAH,
    nilai_langkah=SAMPAH,
)
def test_nilai_sembarang_tidak_membuat_validasi_gagal(kunci, kunci_langkah, nilai, nilai_langkah):
    data = copy.deepcopy(bawaan()["sumbar-bmcktr-2024"])
    data["langkah"][6][kunci_langkah] = nilai_langkah
    data[kunci] = nilai
    galat = berkas_sop.validasi(data)
    assert all(isinstance(g, str) for g in galat)
