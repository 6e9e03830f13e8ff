"""Demo data (data contoh) of seed 002: Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian
Penduduk dan Keluarga Berencana, Kabupaten Banjarnegara (SOP 067/14.8/DISPERMADESPPKB/2023).

Roles of the SOP: Kepala, Sekretariat, Bidang (an operator per Bidang), Tim SAKIP and Staf.
Names of people and every number are invented; the address is the one on the SOP.
"""

from __future__ import annotations

import datetime as dt

from kinerja.demo.dunia import DemoPemda, Jab, Login, Node, Orang, Pemangku

INSTANSI = [
    Node(
        "pemda",
        "Pemerintah Kabupaten Banjarnegara",
        None,
        jenis="pemda",
        singkatan="Pemkab Banjarnegara",
        kota="Banjarnegara",
    ),
    Node(
        "pd",
        "Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian Penduduk dan Keluarga Berencana",
        "pemda",
        jenis="pd",
        singkatan="Dispermades PPKB",
        alamat="Jalan S. Parman No. 7 Banjarnegara 53412",
        telepon="(0286) 594 442",
        kota="Banjarnegara",
        pola_nomor_surat="067/{urut}/DISPERMADESPPKB/{tahun}",
    ),
    Node("sekretariat", "Sekretariat", "pd"),
    Node("perencanaan", "Subbagian Perencanaan dan Keuangan", "sekretariat", jenis="subunit"),
    Node("umum", "Subbagian Umum dan Kepegawaian", "sekretariat", jenis="subunit"),
    Node("pemdes", "Bidang Pemerintahan Desa", "pd"),
    Node("pmd", "Bidang Pemberdayaan Masyarakat Desa", "pd"),
    Node("dalduk", "Bidang Pengendalian Penduduk, Penyuluhan dan Penggerakan", "pd"),
    Node("kb", "Bidang Keluarga Berencana, Ketahanan dan Kesejahteraan Keluarga", "pd"),
    Node(
        "inspektorat",
        "Inspektorat Daerah Kabupaten Banjarnegara",
        "pemda",
        jenis="pd",
        singkatan="Inspektorat",
        kota="Banjarnegara",
    ),
    Node(
        "setda",
        "Sekretariat Daerah Kabupaten Banjarnegara",
        "pemda",
        jenis="pd",
        singkatan="Setda",
        kota="Banjarnegara",
    ),
    Node("organisasi", "Bagian Organisasi", "setda"),
]

ORANG = [
    Orang("kepala", "Agus Prasetyo", "19690412 199403 1 007", "IV/b", "pd", "Drs.", "M.Si"),
    Orang(
        "sekretaris",
        "Sri Wahyuni",
        "19740918 199903 2 004",
        "IV/a",
        "sekretariat",
        belakang="S.Sos, MM",
    ),
    Orang(
        "kasubag_ren",
        "Bambang Setiawan",
        "19820225 200604 1 009",
        "III/d",
        "perencanaan",
        belakang="SE",
    ),
    Orang(
        "kasubag_umum", "Endah Lestari", "19800707 200501 2 012", "III/d", "umum", belakang="S.IP"
    ),
    Orang(
        "kabid_pemdes",
        "Slamet Riyadi",
        "19720130 199703 1 003",
        "IV/a",
        "pemdes",
        belakang="S.H., M.H.",
    ),
    Orang(
        "kabid_pmd",
        "Eko Budi Santoso",
        "19770804 200212 1 005",
        "IV/a",
        "pmd",
        belakang="S.STP, M.Si",
    ),
    Orang(
        "kabid_dalduk",
        "Retno Widyastuti",
        "19780512 200312 2 006",
        "IV/a",
        "dalduk",
        belakang="SKM, M.Kes",
    ),
    Orang("kabid_kb", "Tri Handayani", "19751125 200003 2 002", "IV/a", "kb", belakang="S.Psi"),
    Orang(
        "tim_sakip",
        "Dwi Nugroho",
        "19860619 201001 1 014",
        "III/c",
        "perencanaan",
        belakang="SE, M.Ec.Dev",
    ),
    Orang("staf", "Wahyu Hidayat", "19910303 201403 1 006", "II/d", "umum"),
    Orang(
        "op_pemdes", "Anisa Rahmawati", "19930814 201903 2 007", "III/a", "pemdes", belakang="S.IP"
    ),
    Orang("op_pmd", "Yoga Pratama", "19920510 201803 1 004", "III/a", "pmd", belakang="S.E."),
    Orang(
        "op_dalduk",
        "Lina Marlina",
        "19940220 202206 2 008",
        "IX",
        "dalduk",
        belakang="S.Tr.Keb",
        asn="pppk",
    ),
    Orang("op_kb", "Agung Wibowo", "19890927 201503 1 010", "III/b", "kb", belakang="S.Kom"),
    Orang(
        "auditor",
        "Heru Susanto",
        "19730802 199803 1 006",
        "IV/a",
        "inspektorat",
        belakang="SE, M.Ak",
    ),
    Orang(
        "admin_pemda",
        "Puji Astuti",
        "19870111 201101 2 009",
        "III/c",
        "organisasi",
        belakang="S.Kom",
    ),
]

JABATAN = [
    Jab("kepala", "Kepala Dinas", "pd", None, "II.b"),
    Jab("sekretaris", "Sekretaris", "sekretariat", "kepala", "III.a"),
    Jab(
        "kasubag_ren",
        "Kepala Subbagian Perencanaan dan Keuangan",
        "perencanaan",
        "sekretaris",
        "IV.a",
    ),
    Jab("kasubag_umum", "Kepala Subbagian Umum dan Kepegawaian", "umum", "sekretaris", "IV.a"),
    Jab("kabid_pemdes", "Kepala Bidang Pemerintahan Desa", "pemdes", "kepala", "III.b"),
    Jab("kabid_pmd", "Kepala Bidang Pemberdayaan Masyarakat Desa", "pmd", "kepala", "III.b"),
    Jab(
        "kabid_dalduk",
        "Kepala Bidang Pengendalian Penduduk, Penyuluhan dan Penggerakan",
        "dalduk",
        "kepala",
        "III.b",
    ),
    Jab(
        "kabid_kb",
        "Kepala Bidang Keluarga Berencana, Ketahanan dan Kesejahteraan Keluarga",
        "kb",
        "kepala",
        "III.b",
    ),
]

PEMANGKU = [
    Pemangku("kepala", "kepala", "definitif", dt.date(2021, 2, 1), None, "821.2/45/2021"),
    Pemangku("sekretaris", "sekretaris", "definitif", dt.date(2020, 7, 1)),
    Pemangku("kasubag_ren", "kasubag_ren", "definitif", dt.date(2019, 1, 2)),
    Pemangku("kasubag_umum", "kasubag_umum", "definitif", dt.date(2018, 4, 2)),
    Pemangku("kabid_pemdes", "kabid_pemdes", "definitif", dt.date(2020, 7, 1)),
    Pemangku("kabid_pmd", "kabid_pmd", "definitif", dt.date(2022, 1, 3)),
    Pemangku("kabid_dalduk", "kabid_dalduk", "definitif", dt.date(2021, 2, 1)),
    Pemangku("kabid_kb", "kabid_kb", "definitif", dt.date(2019, 9, 2)),
]

LOGIN = [
    Login("banjar.kepala", "kepala", (("kepala", "pd"),)),
    Login("banjar.sekretaris", "sekretaris", (("sekretaris", "pd"),)),
    Login("banjar.bidang.pemdes", "op_pemdes", (("bidang", "pemdes"),)),
    Login("banjar.bidang.pmd", "op_pmd", (("bidang", "pmd"),)),
    Login("banjar.bidang.dalduk", "op_dalduk", (("bidang", "dalduk"),)),
    Login("banjar.bidang.kb", "op_kb", (("bidang", "kb"),)),
    Login("banjar.timsakip", "tim_sakip", (("tim_sakip", "pd"),)),
    Login("banjar.staf", "staf", (("staf", "sekretariat"),)),
    Login("banjar.inspektorat", "auditor", (("inspektorat", "pemda"),)),
    Login("banjar.adminpemda", "admin_pemda", (("admin_pemda", "pemda"),)),
]

DEMO = DemoPemda(
    kunci="banjar",
    instansi=INSTANSI,
    agensi="pd",
    kepala_daerah="Bupati Banjarnegara",
    orang=ORANG,
    jabatan=JABATAN,
    pemangku=PEMANGKU,
    login=LOGIN,
    jabatan_kepala="kepala",
    jabatan_per_unit={
        "sekretariat": "sekretaris",
        "perencanaan": "sekretaris",
        "umum": "sekretaris",
        "pemdes": "kabid_pemdes",
        "pmd": "kabid_pmd",
        "dalduk": "kabid_dalduk",
        "kb": "kabid_kb",
    },
    pihak_kedua_kepala="Bupati Banjarnegara",
    pengisi={
        "*": "banjar.timsakip",
        "sekretariat": "banjar.sekretaris",
        "pemdes": "banjar.bidang.pemdes",
        "pmd": "banjar.bidang.pmd",
        "dalduk": "banjar.bidang.dalduk",
        "kb": "banjar.bidang.kb",
    },
    validator={"*": "banjar.timsakip"},
)
