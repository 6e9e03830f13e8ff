"""Each manual IKU, target, Rencana Aksi and budget rule of `perencanaan.validasi`."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.perencanaan import validasi as v
from kinerja.perencanaan.models import Indikator
from kinerja.perencanaan.validasi import NilaiTarget


def indikator(**kw):
    nilai = {
        "nama": "Persentase jalan mantap",
        "satuan": "%",
        "jenis_nilai": "persen",
        "polaritas": "positif",
        "agregasi": "nilai_akhir",
        "frekuensi": "triwulanan",
        "definisi_operasional": "Panjang jalan mantap dibagi panjang jalan",
        "formula": "A / B × 100",
        "sumber_data": "Survei kondisi jalan",
        **kw,
    }
    return Indikator(**nilai)


def kode(temuan):
    return {t.kode: t.tingkat for t in temuan}


def test_manual_iku_lengkap_tidak_menghasilkan_temuan():
    assert v.periksa_indikator(indikator(), tahun_mulai=2025) == []


def test_definisi_operasional_kosong_diperingatkan():
    hasil = v.periksa_indikator(indikator(definisi_operasional="  "))
    assert kode(hasil) == {"definisi_kosong": "peringatan"}
    assert hasil[0].pesan == v.PESAN_DEFINISI_KOSONG
    assert hasil[0].kolom == "definisi_operasional"


def test_formula_kosong_diperingatkan():
    assert kode(v.periksa_indikator(indikator(formula=""))) == {"formula_kosong": "peringatan"}


@pytest.mark.parametrize(
    "nama",
    [
        "Persentase jalan rusak berat",
        "Angka kematian ibu",
        "Persentase penduduk miskin (tingkat kemiskinan)",
        "Tingkat pengangguran terbuka",
        "Rata-rata waktu penyelesaian perizinan",
    ],
)
def test_nama_makin_rendah_makin_baik_dengan_polaritas_positif_diperingatkan(nama):
    hasil = v.periksa_indikator(indikator(nama=nama, jenis_nilai="angka", satuan="hari"))
    assert kode(hasil) == {"polaritas_meragukan": "peringatan"}
    assert "negatif" in hasil[0].pesan


@pytest.mark.parametrize(
    "nama,polaritas",
    [
        ("Persentase jalan rusak berat", "negatif"),
        ("Persentase penurunan angka kemiskinan", "positif"),
        ("Persentase paket pemilihan yang selesai tepat waktu", "positif"),
        ("Indeks ketepatan waktu pelaporan", "positif"),
    ],
)
def test_polaritas_yang_sudah_tepat_tidak_diperingatkan(nama, polaritas):
    hasil = v.periksa_indikator(indikator(nama=nama, polaritas=polaritas))
    assert "polaritas_meragukan" not in kode(hasil)


def test_tahun_baseline_sesudah_awal_rencana_diperingatkan():
    hasil = v.periksa_indikator(indikator(tahun_baseline=2026), tahun_mulai=2025)
    assert kode(hasil) == {"baseline_setelah_mulai": "peringatan"}
    assert "2026" in hasil[0].pesan and "2025" in hasil[0].pesan
    assert v.periksa_indikator(indikator(tahun_baseline=2024), tahun_mulai=2025) == []
    assert v.periksa_indikator(indikator(tahun_baseline=2025), tahun_mulai=2025) == []


def test_ordinal_tanpa_skala_adalah_galat():
    hasil = v.periksa_indikator(indikator(jenis_nilai="ordinal", satuan="opini"))
    assert kode(hasil) == {"ordinal_tanpa_skala": "galat"}
    assert v.ada_galat(hasil)


def test_rentang_hanya_untuk_angka():
    hasil = v.periksa_indikator(indikator(polaritas="rentang", jenis_nilai="biner", satuan="-"))
    assert kode(hasil)["rentang_bukan_angka"] == "galat"


def test_baseline_persen_di_atas_100_adalah_galat():
    hasil = v.periksa_indikator(indikator(baseline=Decimal("100.5")))
    assert kode(hasil) == {"persen_lebih_100": "galat"}


def test_satuan_persen_dengan_jenis_angka_diperingatkan():
    assert kode(v.periksa_indikator(indikator(jenis_nilai="angka"))) == {
        "satuan_persen": "peringatan"
    }


def test_target_akhir_berlawanan_dengan_polaritas_diperingatkan():
    hasil = v.periksa_indikator(indikator(baseline=Decimal(60), target_akhir_renstra=Decimal(50)))
    assert kode(hasil) == {"target_akhir_arah": "peringatan"}
    assert "di bawah" in hasil[0].pesan


def test_target_persen_di_atas_100_adalah_galat():
    hasil = v.periksa_target(indikator(), NilaiTarget(nilai=Decimal("100.01")))
    assert kode(hasil) == {"persen_lebih_100": "galat"}
    assert hasil[0].pesan == v.PESAN_PERSEN_LEBIH_100.format(nilai="100,01")
    assert v.periksa_target(indikator(), NilaiTarget(nilai=Decimal(100))) == []


def test_target_angka_boleh_di_atas_100():
    assert (
        v.periksa_target(indikator(jenis_nilai="angka", satuan="km"), NilaiTarget(Decimal(450)))
        == []
    )


def test_rentang_tanpa_batas_adalah_galat():
    ind = indikator(polaritas="rentang", jenis_nilai="angka", satuan="anak")
    assert kode(v.periksa_target(ind, NilaiTarget(nilai_min=Decimal("2.1")))) == {
        "rentang_tanpa_batas": "galat"
    }
    assert kode(v.periksa_target(ind, NilaiTarget(nilai_min=Decimal(3), nilai_max=Decimal(2)))) == {
        "rentang_terbalik": "galat"
    }
    assert v.periksa_target(ind, NilaiTarget(nilai_min=Decimal(2), nilai_max=Decimal(3))) == []


def test_target_di_luar_periode_rencana_adalah_galat():
    hasil = v.periksa_target(
        indikator(),
        NilaiTarget(nilai=Decimal(80)),
        tahun=2031,
        tahun_mulai=2025,
        tahun_selesai=2029,
    )
    assert kode(hasil) == {"tahun_di_luar": "galat"}


def test_target_negatif_hanya_bila_diizinkan():
    ind = indikator(jenis_nilai="angka", satuan="persen poin")
    assert kode(v.periksa_target(ind, NilaiTarget(nilai=Decimal(-1)))) == {
        "negatif_tidak_boleh": "galat"
    }
    ind.boleh_negatif = True
    assert v.periksa_target(ind, NilaiTarget(nilai=Decimal(-1))) == []


def test_target_ordinal_harus_level_skala():
    ind = indikator(jenis_nilai="ordinal", satuan="opini")
    hasil = v.periksa_target(ind, NilaiTarget(nilai_teks="BAIK"), level_skala=["WTP", "WDP"])
    assert kode(hasil) == {"level_tidak_ada": "galat"}
    assert v.periksa_target(ind, NilaiTarget(nilai_teks="WTP"), level_skala=["WTP", "WDP"]) == []


def tw(*nilai):
    return {
        i: NilaiTarget(nilai=None if x is None else Decimal(x))
        for i, x in enumerate(nilai, start=1)
    }


def test_ra_kumulatif_harus_berjumlah_target_tahunan():
    ind = indikator(jenis_nilai="angka", satuan="km", agregasi="kumulatif")
    cocok = v.periksa_rencana_aksi(
        ind,
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai=Decimal("12.5")),
        target_periode=tw("2.5", "3", "3.5", "3.5"),
    )
    assert cocok == []
    hasil = v.periksa_rencana_aksi(
        ind,
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai=Decimal("12.5")),
        target_periode=tw("2.5", "3", "3.5", "3.4999"),
    )
    assert kode(hasil) == {"ra_kumulatif": "peringatan"}
    assert "12,4999" in hasil[0].pesan and "12,5" in hasil[0].pesan


def test_ra_nilai_akhir_triwulan_terakhir_harus_sama_dengan_target():
    ind = indikator()
    assert (
        v.periksa_rencana_aksi(
            ind,
            jenis_periode="triwulan",
            target_tahun=NilaiTarget(nilai=Decimal(80)),
            target_periode=tw(20, 40, 60, "80.00"),
        )
        == []
    )
    hasil = v.periksa_rencana_aksi(
        ind,
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai=Decimal(80)),
        target_periode=tw(20, 40, 60, 79),
    )
    assert kode(hasil) == {"ra_nilai_akhir": "peringatan"}
    assert "TW IV" in hasil[0].pesan


def test_ra_nilai_akhir_menurun_diperingatkan():
    hasil = v.periksa_rencana_aksi(
        indikator(),
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai=Decimal(80)),
        target_periode=tw(50, 40, 60, 80),
    )
    assert kode(hasil) == {"ra_menurun": "peringatan"}


def test_ra_bulanan_nilai_akhir_memeriksa_desember():
    hasil = v.periksa_rencana_aksi(
        indikator(),
        jenis_periode="bulan",
        target_tahun=NilaiTarget(nilai=Decimal(80)),
        target_periode=tw(*([10] * 11)),
    )
    assert kode(hasil) == {"ra_terakhir_kosong": "peringatan"}
    assert "Desember" in hasil[0].pesan


def test_ra_rata_rata_dibandingkan_persis():
    ind = indikator(agregasi="rata_rata")
    assert (
        v.periksa_rencana_aksi(
            ind,
            jenis_periode="triwulan",
            target_tahun=NilaiTarget(nilai=Decimal(80)),
            target_periode=tw(70, 80, 85, 85),
        )
        == []
    )
    hasil = v.periksa_rencana_aksi(
        ind,
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai=Decimal(80)),
        target_periode=tw(70, 80, 85, 86),
    )
    assert kode(hasil) == {"ra_rata_rata": "peringatan"}


def test_ra_indikator_tahunan_hanya_butuh_periode_terakhir():
    ind = indikator(agregasi="kumulatif", jenis_nilai="angka", satuan="dok", frekuensi="tahunan")
    assert (
        v.periksa_rencana_aksi(
            ind,
            jenis_periode="triwulan",
            target_tahun=NilaiTarget(nilai=Decimal(1)),
            target_periode=tw(None, None, None, 1),
        )
        == []
    )


def test_ra_ya_tidak_periode_terakhir_harus_sama():
    ind = indikator(jenis_nilai="biner", satuan="ya/tidak")
    hasil = v.periksa_rencana_aksi(
        ind,
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai_teks="ya"),
        target_periode={4: NilaiTarget(nilai_teks="tidak")},
    )
    assert kode(hasil) == {"ra_teks_akhir": "peringatan"}


def test_ra_aksi_kosong_diperingatkan():
    hasil = v.periksa_rencana_aksi(
        indikator(),
        jenis_periode="triwulan",
        target_tahun=NilaiTarget(nilai=Decimal(80)),
        target_periode=tw(20, 40, 60, 80),
        aksi={1: "Survei", 2: "", 3: "Pelaksanaan", 4: "Laporan"},
    )
    assert kode(hasil) == {"ra_aksi_kosong": "peringatan"}
    assert "TW II" in hasil[0].pesan


def test_rencana_penarikan_harus_sama_dengan_pagu():
    assert v.periksa_penarikan(Decimal(1000), [Decimal(250)] * 4) == []
    hasil = v.periksa_penarikan(Decimal(1000), [Decimal(250), Decimal(250), Decimal(250), None])
    assert kode(hasil) == {"penarikan_tidak_sama": "peringatan"}
    assert "selisih -250" in hasil[0].pesan
    assert v.periksa_penarikan(Decimal(1000), [None] * 4) == []


def test_pagu_rincian_harus_berjumlah_pagu_induk():
    assert v.periksa_pagu_anak(Decimal(1000), [Decimal(600), Decimal(400)]) == []
    assert kode(v.periksa_pagu_anak(Decimal(1000), [Decimal(600)])) == {"pagu_anak": "peringatan"}


def test_kode_kepmendagri_dan_induknya():
    assert (
        v.periksa_elemen(
            level_kode="sub_kegiatan", kode="1.03.10.2.01.0017", kode_induk="1.03.10.2.01"
        )
        == []
    )
    assert kode(v.periksa_elemen(level_kode="program", kode="1.3.10")) == {
        "kode_kepmendagri": "peringatan"
    }
    assert kode(
        v.periksa_elemen(level_kode="kegiatan", kode="1.03.11.2.01", kode_induk="1.03.10")
    ) == {"kode_induk": "peringatan"}


def test_paket_pengadaan_wajib_kode_rup_angka_metode_dan_pemilik():
    hasil = v.periksa_elemen(
        level_kode="paket", kode="PKT-1", paket=True, kode_rup="RUP-12", ada_pemilik=False
    )
    assert kode(hasil) == {"kode_rup": "galat", "metode_wajib": "galat", "pemilik_wajib": "galat"}
    assert (
        v.periksa_elemen(
            level_kode="paket", kode="PKT-1", paket=True, kode_rup="52418873", metode="Tender"
        )
        == []
    )
