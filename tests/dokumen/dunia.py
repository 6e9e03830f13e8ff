"""A small agency world for document tests: a Dinas with its head (with login), a Bidang,
the people who prepare documents, an outsider, and a period."""

from __future__ import annotations

import datetime as dt

from kinerja.organisasi.models import JenisInstansi, KodePeran, PemangkuJabatan
from tests.factories import (
    JabatanFactory,
    PegawaiFactory,
    PemdaFactory,
    PeriodeFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)


def buat_dunia() -> dict:
    pemda = PemdaFactory(nama="Pemerintah Kabupaten Uji", kota="Kota Uji")
    dinas = UnitFactory(
        induk=pemda,
        jenis=JenisInstansi.PERANGKAT_DAERAH,
        nama="Dinas Pekerjaan Uji",
        alamat="Jalan Merdeka No. 1",
        telepon="(0123) 456",
        kota="Kota Uji",
        pola_nomor_surat="050/{urut}/DPU/{bulan_romawi}/{tahun}",
    )
    bidang = UnitFactory(induk=dinas, nama="Bidang Jalan")
    akun_kepala = UserFactory(username="kepala-uji")
    kepala = PegawaiFactory(
        unit=dinas,
        nama="Budi Kepala",
        gelar_belakang="M.T.",
        pangkat="Pembina Utama Muda",
        golongan="IV/c",
        nip="197209251998031003",
        pengguna=akun_kepala,
    )
    jab = JabatanFactory(instansi=dinas, nama="Kepala Dinas")
    PemangkuJabatan.objects.create(jabatan=jab, pegawai=kepala, mulai=dt.date(2020, 1, 1))
    beri_peran(akun_kepala, KodePeran.KEPALA, dinas)
    return {
        "pemda": pemda,
        "dinas": dinas,
        "bidang": bidang,
        "kepala": akun_kepala,
        "pegawai_kepala": kepala,
        "jabatan_kepala": jab,
        "tim": beri_peran(UserFactory(username="tim-uji"), KodePeran.TIM_SAKIP, dinas),
        "operator": beri_peran(UserFactory(username="operator-uji"), KodePeran.BIDANG, bidang),
        "inspektorat": beri_peran(
            UserFactory(username="inspektorat-uji"), KodePeran.INSPEKTORAT, pemda
        ),
        "luar": beri_peran(UserFactory(username="luar-uji"), KodePeran.KEPALA, UnitFactory()),
        "periode": PeriodeFactory(pemda=pemda, tahun=2026, jenis_periode="triwulan", nomor=3),
    }
