"""Shared data and helpers of the alur tests."""

import datetime as dt

from kinerja.alur import services
from kinerja.alur.models import StatusTugas, Tugas

SOP = {
    "kode": "uji-sop",
    "nama": "Pengukuran Kinerja",
    "nomor": "1/SOP/2026",
    "pemda": "Pemerintah Kabupaten Uji",
    "instansi": "Dinas Uji",
    "unit_penyusun": None,
    "tanggal_pembuatan": "2026-01-02",
    "tanggal_revisi": None,
    "tanggal_efektif": "2026-01-03",
    "disahkan_oleh": None,
    "dasar_hukum": ["Perpres 29/2014"],
    "kualifikasi_pelaksana": [],
    "keterkaitan": [],
    "peralatan": [],
    "peringatan": [],
    "pencatatan": [],
    "catatan_transkripsi": [],
    "pelaksana": [
        {"kode": "kepala", "label": "Kepala Dinas"},
        {"kode": "sekretaris", "label": "Sekretaris"},
        {"kode": "bidang", "label": "Bidang"},
        {"kode": "tim_sakip", "label": "Tim SAKIP"},
    ],
    "langkah": [
        {
            "no": 1,
            "uraian": "Kepala Dinas memerintahkan pengukuran kinerja",
            "pelaksana": ["kepala"],
            "kelengkapan": ["Laporan"],
            "waktu": {"jumlah": 10, "satuan": "menit"},
            "output": ["Nota Kepala Dinas"],
            "jenis": "kegiatan",
            "kembali_ke": None,
            "aksi_sistem": "buka_siklus",
            "keterangan": None,
        },
        {
            "no": 2,
            "uraian": "Bidang mengisi format",
            "pelaksana": ["bidang"],
            "kelengkapan": ["Format"],
            "waktu": {"jumlah": 2, "satuan": "hari"},
            "output": ["Draf"],
            "jenis": "kegiatan",
            "kembali_ke": None,
            "aksi_sistem": "isi_realisasi",
            "keterangan": None,
        },
        {
            "no": 3,
            "uraian": "Tim SAKIP menyusun laporan",
            "pelaksana": ["tim_sakip"],
            "kelengkapan": ["Draf"],
            "waktu": {"jumlah": 2, "satuan": "jam"},
            "output": ["Laporan"],
            "jenis": "kegiatan",
            "kembali_ke": None,
            "aksi_sistem": None,
            "keterangan": None,
        },
        {
            "no": 4,
            "uraian": "Kepala Dinas menganalisa; jika tidak setuju dikembalikan",
            "pelaksana": ["kepala", "sekretaris"],
            "kelengkapan": ["Laporan"],
            "waktu": {"teks": "Sesuai dengan Surat Perjanjian Kontrak"},
            "output": ["Laporan"],
            "jenis": "keputusan",
            "kembali_ke": 2,
            "aksi_sistem": "tinjau_laporan",
            "keterangan": None,
        },
        {
            "no": 5,
            "uraian": "Pengarsipan",
            "pelaksana": ["sekretaris"],
            "kelengkapan": ["Laporan"],
            "waktu": {"jumlah": 1, "satuan": "hari"},
            "output": ["Arsip"],
            "jenis": "arsip",
            "kembali_ke": None,
            "aksi_sistem": "arsipkan",
            "keterangan": None,
        },
    ],
}


def buka(d, pengguna=None):
    return services.siklus_buka(
        pengguna=pengguna or d["kepala"],
        template=d["template"],
        instansi=d["dinas"],
        periode=d["periode"],
        jenis_perintah="Nota Dinas",
        nomor_perintah="050/12/2026",
        tanggal_perintah=dt.date(2026, 10, 1),
    )


def aktif(siklus):
    return Tugas.objects.select_related("langkah").get(siklus=siklus, status=StatusTugas.AKTIF)
