"""SOP dicts in the YAML template shape, transcribed from the seeds, for the document tests."""

from __future__ import annotations

import copy


def _w(jumlah, satuan):
    return {"jumlah": jumlah, "satuan": satuan}


def _l(no, uraian, pelaksana, kelengkapan, waktu, output, jenis="kegiatan", kembali_ke=None):
    return {
        "no": no,
        "uraian": uraian,
        "pelaksana": pelaksana,
        "kelengkapan": kelengkapan,
        "waktu": waktu,
        "output": output,
        "jenis": jenis,
        "kembali_ke": kembali_ke,
        "aksi_sistem": None,
        "keterangan": None,
    }


RRA = "Realisasi Rencana Aksi Akuntabilitas Kinerja"

SOP_BMCKTR = {
    "kode": "sumbar-bmcktr",
    "nama": "Pengukuran Kinerja",
    "nomor": "150/SOP-BMCKTR/2024",
    "pemda": "Pemerintah Provinsi Sumatera Barat",
    "instansi": "Dinas Bina Marga, Cipta Karya dan Tata Ruang",
    "unit_penyusun": "Sekretariat",
    "tanggal_pembuatan": "2024-01-11",
    "tanggal_revisi": None,
    "tanggal_efektif": "2024-01-11",
    "disahkan_oleh": {
        "jabatan": "Kepala",
        "nama": "ERASUKMA MUNAF, ST, MM",
        "pangkat": "Pembina Utama Muda",
        "nip": "19720925 199803 1 003",
    },
    "dasar_hukum": [
        "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
        "Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian "
        "Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
        "Peraturan Gubernur Nomor 29 Tahun 2023 tentang Kedudukan, Susunan Organisasi, Tugas dan "
        "Fungsi serta Tata Kerja Perangkat Daerah",
    ],
    "kualifikasi_pelaksana": [
        "Pendidikan minimal S1 atau sederajat",
        "Memiliki kemampuan untuk menganalisa data",
        "Bisa mengoperasikan komputer",
    ],
    "keterkaitan": [
        "SOP Pengukuran Kinerja",
        "SOP Evaluasi Kinerja Internal",
        "SOP Pengarsipan",
    ],
    "peralatan": ["DPA SKPD", "Komputer", "ATK"],
    "peringatan": [
        "Jika SOP tidak dilaksanakan maka proses evaluasi kinerja internal tidak dapat berjalan "
        "sebagaimana mestinya"
    ],
    "pencatatan": ["Laporan hasil pengukuran kinerja diarsipkan"],
    "pelaksana": [
        {"kode": "kepala", "label": "Kepala Dinas"},
        {"kode": "sekretaris", "label": "Sekretaris"},
        {"kode": "bidang", "label": "Bidang"},
        {"kode": "tim_sakip", "label": "Tim SAKIP"},
        {"kode": "subbag_perencanaan", "label": "Subbag Perencanaan"},
    ],
    "langkah": [
        _l(
            1,
            "Kepala Dinas memerintahkan Sekretaris untuk melakukan pengukuran kinerja",
            ["kepala"],
            ["Laporan Hasil Analisa Data Kinerja"],
            _w(10, "menit"),
            ["Nota Kepala Dinas"],
            jenis="dokumen",
        ),
        _l(
            2,
            "Sekretaris melakukan rapat dengan tim SAKIP untuk memberikan arahan pelaksanaan "
            "kegiatan pengukuran kinerja",
            ["sekretaris"],
            ["Nota Kepala Dinas"],
            _w(2, "jam"),
            ["Notulen Rapat"],
            jenis="rapat",
        ),
        _l(
            3,
            "Tim SAKIP menyiapkan data format pengukuran kinerja dan realisasi keuangan "
            "berdasarkan Perjanjian Kinerja dan Rencana Aksi dan mendistribusikannya kepada "
            "Sekretaris",
            ["tim_sakip"],
            ["Notulen Rapat"],
            _w(1, "jam"),
            [f"Format {RRA}"],
        ),
        _l(
            4,
            "Sekretaris dan Bidang mengisi format pengukuran kinerja dan realisasi keuangan dan "
            "menyiapkan data dukung kemudian menyerahkan kembali kepada Tim SAKIP",
            ["sekretaris", "bidang"],
            [f"Format {RRA}"],
            _w(2, "hari"),
            [f"Draf {RRA}", "Lampiran Data Dukung"],
        ),
        _l(
            5,
            "Tim SAKIP menyusun Laporan Hasil pengukuran kinerja dan Realisasi Keuangan dan "
            "melaporkannya kepada Sekretaris",
            ["tim_sakip"],
            [f"Draf {RRA}", "Lampiran Data Dukung"],
            _w(2, "hari"),
            [RRA],
        ),
        _l(
            6,
            "Sekretaris melaporkan hasil pengukuran kinerja kepada Kepala Dinas",
            ["sekretaris"],
            [RRA],
            _w(30, "menit"),
            [RRA],
        ),
        _l(
            7,
            "Kepala Dinas, Sekretaris, bersama Tim SAKIP menganalisa hasil pengukuran kinerja "
            "yang telah diserahkan, apabila setuju akan digunakan sebagai bahan untuk evaluasi "
            "internal, jika tidak maka dikembalikan untuk dilengkapi",
            ["kepala", "sekretaris", "tim_sakip"],
            [RRA],
            _w(2, "jam"),
            [RRA],
            jenis="keputusan",
            kembali_ke=4,
        ),
        _l(
            8,
            "Sekretaris melaporkan hasil pengukuran kinerja kepada Kepala Dinas",
            ["sekretaris"],
            [RRA],
            _w(30, "menit"),
            [RRA],
        ),
        _l(
            9,
            "Subbag Perencanaan mengunggah Realisasi Rencana Aksi Akuntabilitas Kinerja Triwulanan "
            "pada aplikasi esr.menpan.go.id dan mengarsipkannya",
            ["subbag_perencanaan"],
            [RRA],
            _w(2, "menit"),
            [RRA],
            jenis="unggah",
        ),
    ],
}

_K, _T, _P = "kepala_ukpbj", "tim_pengelola_kelembagaan", "penanggung_jawab_kinerja"
_TEKS = {"teks": "Sesuai jadwal yang ditetapkan"}

SOP_UKPBJ = {
    "kode": "kukar-ukpbj",
    "nama": "Pengelolaan Kinerja",
    "nomor": "B-2520/BPBJ/PAPBJ/910/II/2020",
    "pemda": "Pemerintah Daerah Kabupaten Kutai Kartanegara",
    "instansi": "Sekretariat Daerah",
    "unit_penyusun": "Bagian Pengadaan Barang dan Jasa",
    "tanggal_pembuatan": "2020-11-05",
    "tanggal_revisi": None,
    "tanggal_efektif": None,
    "disahkan_oleh": {
        "jabatan": "Sekretaris Daerah",
        "nama": "Drs. H. SUNDONG, MM",
        "pangkat": None,
        "nip": "19671004 198701 1 001",
    },
    "dasar_hukum": [
        "Undang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara",
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
        "Pemerintah",
        "Peraturan Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang dan Jasa Pemerintah",
    ],
    "kualifikasi_pelaksana": [
        "Kepala UKPBJ: memahami konsep dan penerapan pengelolaan kinerja UKPBJ",
        "Tim Pengelola Kelembagaan UKPBJ: memahami rencana kerja dan arahan pimpinan",
    ],
    "keterkaitan": [],
    "peralatan": ["Komputer/scanner/printer", "Jaringan Internet"],
    "peringatan": [
        "Pelaksana bertanggung jawab atas pelaksanaan aktivitas yang telah dibakukan dan "
        "diterapkan."
    ],
    "pencatatan": [
        "Copy berkas-berkas terkait pengelolaan kinerja dicatat dan didata sebagai data "
        "elektronik dan manual"
    ],
    "pelaksana": [
        {"kode": _K, "label": "Kepala UKPBJ"},
        {"kode": _T, "label": "Tim Pengelola Kelembagaan UKPBJ"},
        {"kode": _P, "label": "Penanggung Jawab Kinerja"},
    ],
    "langkah": [
        _l(
            1,
            "Mendefinisikan tujuan PBJ dan area strategis",
            [_K, _T],
            ["Renstra"],
            _TEKS,
            ["Tujuan PBJ"],
        ),
        _l(
            2,
            "Menetapkan indikator dan atributnya per area strategis",
            [_T],
            [],
            _w(3, "hari"),
            ["Indikator"],
        ),
        _l(
            3,
            "Menyusun usulan baseline dan target kinerja",
            [_T],
            [],
            _w(3, "hari"),
            ["Baseline dan target"],
        ),
        _l(
            4,
            "Menyusun rencana aksi untuk setiap indikator",
            [_T],
            [],
            _w(2, "hari"),
            ["Rencana aksi"],
        ),
        _l(
            5,
            "Mempresentasikan rencana kinerja dan permohonan persetujuan pimpinan",
            [_T],
            [],
            _w(1, "jam"),
            ["Bahan presentasi"],
        ),
        _l(
            6,
            "Melakukan analisis: menyetujui rencana kinerja atau meminta perbaikan",
            [_K],
            [],
            _w(1, "hari"),
            ["Rencana kinerja disetujui"],
            jenis="keputusan",
            kembali_ke=5,
        ),
        _l(
            7,
            "Mengirimkan surat edaran implementasi Pengelolaan Kinerja ke OPD/Unit Kerja",
            [_K],
            [],
            _w(1, "hari"),
            ["Surat edaran"],
        ),
        _l(
            8,
            "Mengirimkan undangan sosialisasi ke Penanggung Jawab Kinerja",
            [_T],
            [],
            _w(1, "hari"),
            ["Undangan"],
        ),
        _l(
            9,
            "Melaksanakan sosialisasi implementasi Pengelolaan Kinerja",
            [_T, _P],
            [],
            _w(3, "jam"),
            ["Daftar hadir"],
            jenis="rapat",
        ),
        _l(
            10,
            "Menurunkan area strategis ke paket-paket pengadaan di masing-masing OPD",
            [_P],
            [],
            _w(5, "hari"),
            ["Paket pengadaan berdasarkan area strategis"],
        ),
        _l(11, "Melaksanakan proses dan rencana aksi", [_P], [], _TEKS, ["Template data kinerja"]),
        _l(
            12,
            "Melaporkan realisasi proses dan rencana aksi",
            [_P],
            [],
            _w(1, "hari"),
            ["Laporan kinerja per paket"],
        ),
        _l(
            13,
            "Mengumpulkan dan melakukan pengolahan data",
            [_T],
            [],
            _w(2, "hari"),
            ["Kompilasi kinerja per indikator"],
        ),
        _l(
            14,
            "Melakukan analisis dan rekomendasi perbaikan",
            [_T],
            [],
            _w(2, "hari"),
            ["Hasil analisis"],
        ),
        _l(
            15,
            "Menyusun laporan kinerja (bulanan/triwulanan/semesteran/tahunan)",
            [_T],
            [],
            _w(2, "hari"),
            ["Laporan pencapaian kinerja"],
        ),
        _l(16, "Mempresentasikan laporan kinerja", [_T], [], _w(1, "jam"), ["Materi presentasi"]),
        _l(
            17,
            "Menyelenggarakan rapat dengan pimpinan unit: indikator tercapai atau waktunya "
            "terlampaui selesai, selain itu ditindaklanjuti",
            [_K, _T],
            [],
            _w(2, "jam"),
            ["Status akhir indikator"],
            jenis="keputusan",
            kembali_ke=11,
        ),
    ],
}


def sop(contoh: dict) -> dict:
    """A deep copy, so a test may change it freely."""
    return copy.deepcopy(contoh)
