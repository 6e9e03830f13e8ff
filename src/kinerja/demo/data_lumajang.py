"""Demo data (data contoh) of seed 004: Dinas Pekerjaan Umum dan Tata Ruang, Kabupaten
Lumajang (SOP 060/31194/427.56/2024, 12 steps).

Roles of the SOP: Kepala Dinas, Sekretaris, Sekretaris Tim SAKIP, anggota Tim SAKIP, Ketua
Tim SAKIP, a Kepala Bidang per Bidang (who validates the Bidang's data) and Subbag
Kepegawaian (the SOP was drafted there; it also measures employees, PNS and PPPK). Names of
people and every number are invented; the address is the one on the SOP.
"""

from __future__ import annotations

import datetime as dt

from kinerja.demo.dunia import DemoPemda, Jab, Login, Node, Orang, Pemangku

INSTANSI = [
    Node(
        "pemda",
        "Pemerintah Kabupaten Lumajang",
        None,
        jenis="pemda",
        singkatan="Pemkab Lumajang",
        kota="Lumajang",
    ),
    Node(
        "pd",
        "Dinas Pekerjaan Umum dan Tata Ruang",
        "pemda",
        jenis="pd",
        singkatan="Dinas PUTR",
        alamat="Jalan Jendral Sutoyo No.4 Lumajang 67315",
        telepon="(0334)-88144",
        kota="Lumajang",
        pola_nomor_surat="060/{urut}/427.56/{tahun}",
    ),
    Node("sekretariat", "Sekretariat", "pd"),
    Node("umum", "Subbagian Umum dan Kepegawaian", "sekretariat", jenis="subunit"),
    Node("keuangan", "Subbagian Keuangan dan Perencanaan", "sekretariat", jenis="subunit"),
    Node("sda", "Bidang Sumber Daya Air", "pd"),
    Node("bm", "Bidang Bina Marga", "pd"),
    Node("ck", "Bidang Cipta Karya", "pd"),
    Node("tr", "Bidang Penataan Ruang dan Bina Konstruksi", "pd"),
    Node(
        "inspektorat",
        "Inspektorat Kabupaten Lumajang",
        "pemda",
        jenis="pd",
        singkatan="Inspektorat",
        kota="Lumajang",
    ),
    Node(
        "setda",
        "Sekretariat Daerah Kabupaten Lumajang",
        "pemda",
        jenis="pd",
        singkatan="Setda",
        kota="Lumajang",
    ),
    Node("organisasi", "Bagian Organisasi", "setda"),
]

ORANG = [
    Orang("kepala", "Budi Santoso", "19710506 199703 1 005", "IV/b", "pd", "Ir.", "M.T."),
    Orang(
        "sekretaris",
        "Suharyono",
        "19740214 199903 1 003",
        "IV/a",
        "sekretariat",
        belakang="S.Sos, M.Si",
    ),
    Orang(
        "kasubag_umum", "Lilik Indrawati", "19800315 200501 2 014", "III/d", "umum", belakang="S.E."
    ),
    Orang(
        "kasubag_keuangan",
        "Moch. Arif Hidayat",
        "19821130 200801 1 008",
        "III/d",
        "keuangan",
        belakang="S.E., M.M.",
    ),
    Orang(
        "kabid_sda", "Wahyu Setiawan", "19761016 200212 1 006", "IV/a", "sda", belakang="S.T., M.T."
    ),
    Orang("kabid_bm", "Teguh Prasetyo", "19780722 200312 1 009", "IV/a", "bm", belakang="S.T."),
    Orang(
        "kabid_ck", "Ika Purnamasari", "19810909 200604 2 007", "IV/a", "ck", belakang="S.T., M.T."
    ),
    Orang(
        "kabid_tr", "Rudi Hartono", "19790418 200501 1 011", "IV/a", "tr", belakang="S.T., M.Sc."
    ),
    Orang(
        "sek_tim", "Nia Kurniawati", "19890602 201403 2 004", "III/c", "keuangan", belakang="S.E."
    ),
    Orang(
        "tim_sakip", "Ahmad Fauzi", "19920819 201903 1 012", "III/a", "keuangan", belakang="S.Ak"
    ),
    Orang(
        "staf_pppk",
        "Dimas Aditya",
        "19960130 202206 1 015",
        "VII",
        "bm",
        belakang="A.Md.T",
        asn="pppk",
    ),
    Orang(
        "auditor",
        "Siti Mardiyah",
        "19770725 200212 2 005",
        "IV/a",
        "inspektorat",
        belakang="S.E., M.Ak",
    ),
    Orang(
        "admin_pemda",
        "Yudi Prasetya",
        "19900301 201403 1 008",
        "III/b",
        "organisasi",
        belakang="S.Kom",
    ),
]

JABATAN = [
    Jab("kepala", "Kepala Dinas", "pd", None, "II.b"),
    Jab("sekretaris", "Sekretaris", "sekretariat", "kepala", "III.a"),
    Jab("kasubag_umum", "Kepala Subbagian Umum dan Kepegawaian", "umum", "sekretaris", "IV.a"),
    Jab(
        "kasubag_keuangan",
        "Kepala Subbagian Keuangan dan Perencanaan",
        "keuangan",
        "sekretaris",
        "IV.a",
    ),
    Jab("kabid_sda", "Kepala Bidang Sumber Daya Air", "sda", "kepala", "III.b"),
    Jab("kabid_bm", "Kepala Bidang Bina Marga", "bm", "kepala", "III.b"),
    Jab("kabid_ck", "Kepala Bidang Cipta Karya", "ck", "kepala", "III.b"),
    Jab("kabid_tr", "Kepala Bidang Penataan Ruang dan Bina Konstruksi", "tr", "kepala", "III.b"),
]

PEMANGKU = [
    Pemangku("kepala", "kepala", "definitif", dt.date(2023, 4, 3), None, "800/77/427.12/2023"),
    Pemangku("sekretaris", "sekretaris", "definitif", dt.date(2021, 3, 1)),
    Pemangku("kasubag_umum", "kasubag_umum", "definitif", dt.date(2019, 1, 2)),
    Pemangku("kasubag_keuangan", "kasubag_keuangan", "definitif", dt.date(2020, 2, 3)),
    Pemangku("kabid_sda", "kabid_sda", "definitif", dt.date(2020, 2, 3)),
    Pemangku("kabid_bm", "kabid_bm", "definitif", dt.date(2022, 6, 6)),
    Pemangku("kabid_ck", "kabid_ck", "definitif", dt.date(2021, 3, 1)),
    Pemangku("kabid_tr", "kabid_tr", "definitif", dt.date(2024, 1, 8)),
]

LOGIN = [
    Login("lumajang.kepala", "kepala", (("kepala", "pd"),)),
    Login("lumajang.sekretaris", "sekretaris", (("sekretaris", "pd"),)),
    Login("lumajang.ketuatimsakip", "kasubag_keuangan", (("ketua_tim_sakip", "pd"),)),
    Login("lumajang.sektimsakip", "sek_tim", (("sekretaris_tim_sakip", "pd"),)),
    Login("lumajang.timsakip", "tim_sakip", (("tim_sakip", "pd"),)),
    Login("lumajang.kabid.sda", "kabid_sda", (("kepala_bidang", "sda"),)),
    Login("lumajang.kabid.bm", "kabid_bm", (("kepala_bidang", "bm"),)),
    Login("lumajang.kabid.ck", "kabid_ck", (("kepala_bidang", "ck"),)),
    Login("lumajang.kabid.tr", "kabid_tr", (("kepala_bidang", "tr"),)),
    Login("lumajang.kepegawaian", "kasubag_umum", (("kepegawaian", "pd"),)),
    Login("lumajang.inspektorat", "auditor", (("inspektorat", "pemda"),)),
    Login("lumajang.adminpemda", "admin_pemda", (("admin_pemda", "pemda"),)),
]

DEMO = DemoPemda(
    kunci="lumajang",
    instansi=INSTANSI,
    agensi="pd",
    kepala_daerah="Bupati Lumajang",
    orang=ORANG,
    jabatan=JABATAN,
    pemangku=PEMANGKU,
    login=LOGIN,
    jabatan_kepala="kepala",
    jabatan_per_unit={
        "sekretariat": "sekretaris",
        "umum": "sekretaris",
        "keuangan": "sekretaris",
        "sda": "kabid_sda",
        "bm": "kabid_bm",
        "ck": "kabid_ck",
        "tr": "kabid_tr",
    },
    pihak_kedua_kepala="Bupati Lumajang",
    # In Lumajang the Tim SAKIP gathers every Bidang's data and each Kepala Bidang validates.
    pengisi={"*": "lumajang.timsakip"},
    validator={
        "*": "lumajang.sekretaris",
        "sda": "lumajang.kabid.sda",
        "bm": "lumajang.kabid.bm",
        "ck": "lumajang.kabid.ck",
        "tr": "lumajang.kabid.tr",
    },
)
