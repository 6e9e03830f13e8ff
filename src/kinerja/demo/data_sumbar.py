"""Demo data (data contoh) of seed 001: Dinas Bina Marga, Cipta Karya dan Tata Ruang,
Provinsi Sumatera Barat (SOP 150/SOP-BMCKTR/2024, 9 steps).

Roles of the SOP: Kepala Dinas, Sekretaris, Bidang (an operator per Bidang, with its Kepala
Bidang), Tim SAKIP and Subbag Perencanaan. The Kepala Bidang Tata Ruang retired at the end of
2025; since January 2026 the Kepala Bidang Cipta Karya holds it as Plt. Names of people and
every number are invented.
"""

from __future__ import annotations

import datetime as dt

from kinerja.demo.dunia import DemoPemda, Jab, Login, Node, Orang, Pemangku

INSTANSI = [
    Node(
        "pemda",
        "Pemerintah Provinsi Sumatera Barat",
        None,
        jenis="pemda",
        singkatan="Pemprov Sumbar",
        kota="Padang",
    ),
    Node(
        "pd",
        "Dinas Bina Marga, Cipta Karya dan Tata Ruang",
        "pemda",
        jenis="pd",
        singkatan="BMCKTR",
        alamat="Padang, Sumatera Barat",
        kota="Padang",
        pola_nomor_surat="050/{urut}/BMCKTR/{tahun}",
    ),
    Node("sekretariat", "Sekretariat", "pd"),
    Node("perencanaan", "Subbagian Perencanaan", "sekretariat", jenis="subunit"),
    Node("umum", "Subbagian Umum dan Kepegawaian", "sekretariat", jenis="subunit"),
    Node("binamarga", "Bidang Bina Marga", "pd"),
    Node("ciptakarya", "Bidang Cipta Karya", "pd"),
    Node("tataruang", "Bidang Tata Ruang", "pd"),
    Node("jasakonstruksi", "Bidang Jasa Konstruksi", "pd"),
    Node(
        "inspektorat",
        "Inspektorat Provinsi Sumatera Barat",
        "pemda",
        jenis="pd",
        singkatan="Inspektorat",
        kota="Padang",
    ),
    Node(
        "setda",
        "Sekretariat Daerah Provinsi Sumatera Barat",
        "pemda",
        jenis="pd",
        singkatan="Setda",
        kota="Padang",
    ),
    Node("organisasi", "Biro Organisasi", "setda"),
]

ORANG = [
    Orang("kepala", "Hendri Gusnaldi", "19700814 199603 1 002", "IV/c", "pd", "Ir.", "MT"),
    Orang(
        "sekretaris",
        "Yulia Rahmawati",
        "19760321 200012 2 001",
        "IV/a",
        "sekretariat",
        belakang="SE, MM",
    ),
    Orang(
        "kasubag_ren",
        "Fitri Handayani",
        "19830517 200903 2 003",
        "III/d",
        "perencanaan",
        belakang="SE, M.Si",
    ),
    Orang(
        "kasubag_umum", "Andri Saputra", "19840909 201001 1 006", "III/d", "umum", belakang="S.Sos"
    ),
    Orang(
        "kabid_bm", "Rizal Efendi", "19780605 200312 1 004", "IV/a", "binamarga", belakang="ST, MT"
    ),
    Orang(
        "kabid_ck",
        "Dedi Syahputra",
        "19791110 200501 1 003",
        "IV/a",
        "ciptakarya",
        belakang="ST, M.Eng",
    ),
    Orang(
        "kabid_tr_lama",
        "Zulkifli Anwar",
        "19671203 199303 1 005",
        "IV/b",
        "tataruang",
        "Ir.",
        "MT",
        aktif=False,
    ),
    Orang(
        "kabid_jk",
        "Nurhayati",
        "19811022 200604 2 002",
        "IV/a",
        "jasakonstruksi",
        belakang="ST, MM",
    ),
    Orang(
        "tim_sakip",
        "Melati Suryani",
        "19870301 201101 2 005",
        "III/c",
        "perencanaan",
        belakang="SE, M.Ak",
    ),
    Orang("op_bm", "Rahmat Hidayat", "19900214 201503 1 002", "III/b", "binamarga", belakang="ST"),
    Orang("op_ck", "Siska Amelia", "19920730 201903 2 004", "III/a", "ciptakarya", belakang="ST"),
    Orang("op_tr", "Fajar Ramadhan", "19940112 202003 1 003", "III/a", "tataruang", belakang="ST"),
    Orang(
        "op_jk",
        "Dewi Kartika",
        "19950505 202206 2 011",
        "IX",
        "jasakonstruksi",
        belakang="S.Kom",
        asn="pppk",
    ),
    Orang(
        "auditor",
        "Hendra Wijaya",
        "19750606 200003 1 004",
        "IV/a",
        "inspektorat",
        belakang="SE, Ak",
    ),
    Orang(
        "admin_pemda",
        "Rina Marlina",
        "19880818 201203 2 002",
        "III/c",
        "organisasi",
        belakang="S.Kom",
    ),
]

JABATAN = [
    Jab("kepala", "Kepala Dinas", "pd", None, "II.a"),
    Jab("sekretaris", "Sekretaris", "sekretariat", "kepala", "III.a"),
    Jab("kasubag_ren", "Kepala Subbagian Perencanaan", "perencanaan", "sekretaris", "IV.a"),
    Jab("kasubag_umum", "Kepala Subbagian Umum dan Kepegawaian", "umum", "sekretaris", "IV.a"),
    Jab("kabid_bm", "Kepala Bidang Bina Marga", "binamarga", "kepala", "III.a"),
    Jab("kabid_ck", "Kepala Bidang Cipta Karya", "ciptakarya", "kepala", "III.a"),
    Jab("kabid_tr", "Kepala Bidang Tata Ruang", "tataruang", "kepala", "III.a"),
    Jab("kabid_jk", "Kepala Bidang Jasa Konstruksi", "jasakonstruksi", "kepala", "III.a"),
]

PEMANGKU = [
    Pemangku("kepala", "kepala", "definitif", dt.date(2022, 3, 1), None, "821.2-112-2022"),
    Pemangku("sekretaris", "sekretaris", "definitif", dt.date(2021, 6, 14), None, "821.2-301-2021"),
    Pemangku("kasubag_ren", "kasubag_ren", "definitif", dt.date(2020, 1, 6)),
    Pemangku("kasubag_umum", "kasubag_umum", "definitif", dt.date(2019, 7, 1)),
    Pemangku("kabid_bm", "kabid_bm", "definitif", dt.date(2021, 6, 14)),
    Pemangku("kabid_ck", "kabid_ck", "definitif", dt.date(2023, 1, 9)),
    Pemangku("kabid_tr", "kabid_tr_lama", "definitif", dt.date(2019, 1, 7), dt.date(2025, 12, 31)),
    # The Kepala Bidang Tata Ruang retired; the Kepala Bidang Cipta Karya acts (Plt.) in 2026.
    Pemangku("kabid_tr", "kabid_ck", "plt", dt.date(2026, 1, 2), None, "800/12/SPT-BMCKTR/I/2026"),
    Pemangku("kabid_jk", "kabid_jk", "definitif", dt.date(2022, 9, 1)),
]

LOGIN = [
    Login("sumbar.kepala", "kepala", (("kepala", "pd"),)),
    Login("sumbar.sekretaris", "sekretaris", (("sekretaris", "pd"),)),
    Login("sumbar.bidang.binamarga", "op_bm", (("bidang", "binamarga"),)),
    Login("sumbar.bidang.ciptakarya", "op_ck", (("bidang", "ciptakarya"),)),
    Login("sumbar.bidang.tataruang", "op_tr", (("bidang", "tataruang"),)),
    Login("sumbar.bidang.jasakonstruksi", "op_jk", (("bidang", "jasakonstruksi"),)),
    Login("sumbar.kabid.binamarga", "kabid_bm", (("kepala_bidang", "binamarga"),)),
    # One person, two roles: Kepala Bidang Cipta Karya and Plt. Kepala Bidang Tata Ruang.
    Login(
        "sumbar.kabid.ciptakarya",
        "kabid_ck",
        (("kepala_bidang", "ciptakarya"), ("kepala_bidang", "tataruang")),
    ),
    Login("sumbar.kabid.jasakonstruksi", "kabid_jk", (("kepala_bidang", "jasakonstruksi"),)),
    Login("sumbar.timsakip", "tim_sakip", (("tim_sakip", "pd"),)),
    Login("sumbar.perencanaan", "kasubag_ren", (("subbag_perencanaan", "pd"),)),
    Login("sumbar.inspektorat", "auditor", (("inspektorat", "pemda"),)),
    Login("sumbar.adminpemda", "admin_pemda", (("admin_pemda", "pemda"),)),
]

DEMO = DemoPemda(
    kunci="sumbar",
    instansi=INSTANSI,
    agensi="pd",
    kepala_daerah="Gubernur Sumatera Barat",
    orang=ORANG,
    jabatan=JABATAN,
    pemangku=PEMANGKU,
    login=LOGIN,
    jabatan_kepala="kepala",
    jabatan_per_unit={
        "sekretariat": "sekretaris",
        "perencanaan": "sekretaris",
        "umum": "sekretaris",
        "binamarga": "kabid_bm",
        "ciptakarya": "kabid_ck",
        "tataruang": "kabid_tr",
        "jasakonstruksi": "kabid_jk",
    },
    pihak_kedua_kepala="Gubernur Sumatera Barat",
    pengisi={
        "*": "sumbar.timsakip",
        "sekretariat": "sumbar.sekretaris",
        "binamarga": "sumbar.bidang.binamarga",
        "ciptakarya": "sumbar.bidang.ciptakarya",
        "tataruang": "sumbar.bidang.tataruang",
        "jasakonstruksi": "sumbar.bidang.jasakonstruksi",
    },
    validator={"*": "sumbar.timsakip"},
)
