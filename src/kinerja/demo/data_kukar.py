"""Demo data (data contoh) of seed 003: Bagian Pengadaan Barang dan Jasa (UKPBJ), Sekretariat
Daerah Kabupaten Kutai Kartanegara (SOP B-2520/BPBJ/PAPBJ/910/II/2020, 17 steps).

Roles of the SOP: Kepala UKPBJ, Tim Pengelola Kelembagaan UKPBJ and Penanggung Jawab Kinerja,
who may sit in another agency: here one sits in the UKPBJ and two in the agencies that own
procurement packages (Dinas Pekerjaan Umum, Dinas Pendidikan). The head's Perjanjian Kinerja
is with the Sekretaris Daerah. Names of people and every number are invented.
"""

from __future__ import annotations

import datetime as dt

from kinerja.demo.dunia import DemoPemda, Jab, Login, Node, Orang, Pemangku

INSTANSI = [
    Node(
        "pemda",
        "Pemerintah Kabupaten Kutai Kartanegara",
        None,
        jenis="pemda",
        singkatan="Pemkab Kukar",
        kota="Tenggarong",
    ),
    Node(
        "setda",
        "Sekretariat Daerah Kabupaten Kutai Kartanegara",
        "pemda",
        jenis="pd",
        singkatan="Setda",
        alamat="Tenggarong, Kutai Kartanegara",
        kota="Tenggarong",
    ),
    Node(
        "ukpbj",
        "Bagian Pengadaan Barang dan Jasa",
        "setda",
        singkatan="UKPBJ",
        alamat="Tenggarong, Kutai Kartanegara",
        kota="Tenggarong",
        pola_nomor_surat="B-{urut}/BPBJ/PAPBJ/910/{tahun}",
    ),
    Node(
        "pengelolaan",
        "Subbagian Pengelolaan Pengadaan Barang dan Jasa",
        "ukpbj",
        jenis="subunit",
    ),
    Node(
        "lpse",
        "Subbagian Pengelolaan Layanan Pengadaan Secara Elektronik",
        "ukpbj",
        jenis="subunit",
    ),
    Node(
        "advokasi",
        "Subbagian Pembinaan dan Advokasi Pengadaan Barang dan Jasa",
        "ukpbj",
        jenis="subunit",
    ),
    Node("organisasi", "Bagian Organisasi", "setda"),
    Node(
        "dpu",
        "Dinas Pekerjaan Umum Kabupaten Kutai Kartanegara",
        "pemda",
        jenis="pd",
        singkatan="DPU",
        kota="Tenggarong",
    ),
    Node("dpu_bm", "Bidang Bina Marga", "dpu"),
    Node(
        "disdik",
        "Dinas Pendidikan Kabupaten Kutai Kartanegara",
        "pemda",
        jenis="pd",
        singkatan="Disdik",
        kota="Tenggarong",
    ),
    Node("disdik_sarpras", "Bidang Sarana dan Prasarana", "disdik"),
    Node(
        "dinkes",
        "Dinas Kesehatan Kabupaten Kutai Kartanegara",
        "pemda",
        jenis="pd",
        singkatan="Dinkes",
        kota="Tenggarong",
    ),
    Node(
        "inspektorat",
        "Inspektorat Kabupaten Kutai Kartanegara",
        "pemda",
        jenis="pd",
        singkatan="Inspektorat",
        kota="Tenggarong",
    ),
]

ORANG = [
    Orang("sekda", "Muhammad Ridwan", "19680915 199203 1 008", "IV/d", "setda", "Dr. H.", "M.Si"),
    Orang("kabag", "Andi Mappaseng", "19760128 200112 1 003", "IV/a", "ukpbj", belakang="ST, MT"),
    Orang(
        "kasubag_pengelolaan",
        "Rusmini",
        "19810603 200604 2 015",
        "III/d",
        "pengelolaan",
        belakang="SE, M.M.",
    ),
    Orang(
        "kasubag_lpse",
        "Hendra Kurniawan",
        "19850211 200903 1 007",
        "III/d",
        "lpse",
        belakang="S.Kom, M.T.I.",
    ),
    Orang(
        "kasubag_advokasi",
        "Nur Aisyah",
        "19830919 200801 2 011",
        "III/d",
        "advokasi",
        belakang="S.H.",
    ),
    Orang(
        "kelembagaan",
        "Yusuf Hamdani",
        "19880405 201101 1 012",
        "III/c",
        "pengelolaan",
        belakang="ST",
    ),
    Orang(
        "pj_ukpbj", "Ratna Sari Dewi", "19900717 201503 2 005", "III/b", "advokasi", belakang="SE"
    ),
    Orang("pj_dpu", "Irwan Syahrani", "19820822 200903 1 010", "III/d", "dpu_bm", belakang="ST"),
    Orang(
        "pj_disdik",
        "Wulan Safitri",
        "19870614 201001 2 020",
        "III/c",
        "disdik_sarpras",
        belakang="S.Pd, M.Pd",
    ),
    Orang(
        "auditor",
        "Syamsul Bahri",
        "19740303 199903 1 009",
        "IV/a",
        "inspektorat",
        belakang="SE, M.Si, CGCAE",
    ),
    Orang(
        "admin_pemda",
        "Dian Permata",
        "19910922 201503 2 006",
        "III/b",
        "organisasi",
        belakang="S.Kom",
    ),
]

JABATAN = [
    Jab("sekda", "Sekretaris Daerah", "setda", None, "II.a"),
    Jab("kabag", "Kepala Bagian Pengadaan Barang dan Jasa", "ukpbj", "sekda", "III.a"),
    Jab(
        "kasubag_pengelolaan",
        "Kepala Subbagian Pengelolaan Pengadaan Barang dan Jasa",
        "pengelolaan",
        "kabag",
        "IV.a",
    ),
    Jab(
        "kasubag_lpse",
        "Kepala Subbagian Pengelolaan Layanan Pengadaan Secara Elektronik",
        "lpse",
        "kabag",
        "IV.a",
    ),
    Jab(
        "kasubag_advokasi",
        "Kepala Subbagian Pembinaan dan Advokasi Pengadaan Barang dan Jasa",
        "advokasi",
        "kabag",
        "IV.a",
    ),
]

PEMANGKU = [
    Pemangku("sekda", "sekda", "definitif", dt.date(2021, 8, 2), None, "821.2/150/2021"),
    Pemangku("kabag", "kabag", "definitif", dt.date(2022, 5, 9), None, "821.2/210/2022"),
    Pemangku("kasubag_pengelolaan", "kasubag_pengelolaan", "definitif", dt.date(2020, 3, 2)),
    Pemangku("kasubag_lpse", "kasubag_lpse", "definitif", dt.date(2021, 1, 4)),
    Pemangku("kasubag_advokasi", "kasubag_advokasi", "definitif", dt.date(2023, 2, 6)),
]

LOGIN = [
    Login("kukar.kepala_ukpbj", "kabag", (("kepala_ukpbj", "ukpbj"),)),
    Login("kukar.kelembagaan", "kelembagaan", (("tim_pengelola_kelembagaan", "ukpbj"),)),
    Login("kukar.pj.ukpbj", "pj_ukpbj", (("penanggung_jawab_kinerja", "ukpbj"),)),
    # Penanggung Jawab Kinerja sitting in the agencies that own the packages.
    Login("kukar.pj.dpu", "pj_dpu", (("penanggung_jawab_kinerja", "ukpbj"),)),
    Login("kukar.pj.disdik", "pj_disdik", (("penanggung_jawab_kinerja", "ukpbj"),)),
    Login("kukar.inspektorat", "auditor", (("inspektorat", "pemda"),)),
    Login("kukar.adminpemda", "admin_pemda", (("admin_pemda", "pemda"),)),
]

DEMO = DemoPemda(
    kunci="kukar",
    instansi=INSTANSI,
    agensi="ukpbj",
    kepala_daerah="Bupati Kutai Kartanegara",
    orang=ORANG,
    jabatan=JABATAN,
    pemangku=PEMANGKU,
    login=LOGIN,
    jabatan_kepala="kabag",
    jabatan_per_unit={
        "pengelolaan": "kasubag_pengelolaan",
        "lpse": "kasubag_lpse",
        "advokasi": "kasubag_advokasi",
    },
    pihak_kedua_kepala="sekda",
    pengisi={"*": "kukar.pj.ukpbj", "dpu": "kukar.pj.dpu", "disdik": "kukar.pj.disdik"},
    validator={"*": "kukar.kelembagaan"},
    jenis_kerangka="ukpbj",
    periode_bulanan=True,
)
