"""A small agency for the SKP tests: Kepala Dinas → two Kepala Bidang → staff (PNS and PPPK),
with logins for each, the personnel section, an Inspektorat reviewer and an outsider."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from kinerja.organisasi.models import KodePeran, PemangkuJabatan
from kinerja.pengukuran.models import Periode
from kinerja.skp import services
from kinerja.skp.models import StatusSKP
from tests.factories import (
    JabatanFactory,
    PegawaiFactory,
    PemdaFactory,
    PerangkatDaerahFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)


@dataclass
class Dunia:
    pemda: Any
    pd: Any
    bidang_a: Any
    bidang_b: Any
    jab_kepala: Any
    jab_kabid_a: Any
    jab_kabid_b: Any
    kepala: Any
    kabid_a: Any
    kabid_b: Any
    staf_a: Any
    pppk_a: Any
    staf_b: Any
    kepegawaian: Any
    inspektorat: Any
    tim_sakip: Any
    orang_luar: Any
    tw: dict[int, Any]


def _orang(
    nama, unit, jabatan=None, jenis_asn="pns", mulai=dt.date(2020, 1, 1), status="definitif"
):
    user = UserFactory(username=nama)
    peg = PegawaiFactory(nama=nama.title(), unit=unit, pengguna=user, jenis_asn=jenis_asn)
    if jabatan is not None:
        PemangkuJabatan.objects.create(jabatan=jabatan, pegawai=peg, mulai=mulai, status=status)
    return user


@pytest.fixture
def dunia(db):
    pemda = PemdaFactory()
    pd = PerangkatDaerahFactory(induk=pemda, nama="Dinas Contoh")
    a = UnitFactory(induk=pd, nama="Bidang A")
    b = UnitFactory(induk=pd, nama="Bidang B")
    j_kepala = JabatanFactory(instansi=pd, nama="Kepala Dinas")
    j_a = JabatanFactory(instansi=a, nama="Kepala Bidang A", atasan=j_kepala)
    j_b = JabatanFactory(instansi=b, nama="Kepala Bidang B", atasan=j_kepala)
    kepala = _orang("kepala", pd, j_kepala)
    beri_peran(kepala, KodePeran.KEPALA, pd)
    kabid_a = _orang("kabid_a", a, j_a)
    beri_peran(kabid_a, KodePeran.KEPALA_BIDANG, a)
    kabid_b = _orang("kabid_b", b, j_b)
    staf_a = _orang("staf_a", a)
    pppk_a = _orang("pppk_a", a, jenis_asn="pppk")
    staf_b = _orang("staf_b", b)
    kepeg = _orang("kepeg", pd)
    beri_peran(kepeg, KodePeran.KEPEGAWAIAN, pd)
    insp = UserFactory(username="inspektorat")
    beri_peran(insp, KodePeran.INSPEKTORAT, pemda)
    tim = _orang("tim", pd)
    beri_peran(tim, KodePeran.TIM_SAKIP, pd)
    luar = UserFactory(username="luar")
    tw = {
        n: Periode.objects.create(pemda=pemda, tahun=2026, jenis_periode="triwulan", nomor=n)
        for n in (1, 2, 3, 4)
    }
    return Dunia(
        pemda,
        pd,
        a,
        b,
        j_kepala,
        j_a,
        j_b,
        kepala,
        kabid_a,
        kabid_b,
        staf_a,
        pppk_a,
        staf_b,
        kepeg,
        insp,
        tim,
        luar,
        tw,
    )


def skp_siap(user, penilai, *, tahun=2026, rhk_atasan=None, item_pk=None):
    """An SKP of `user`, with one result and one indicator, submitted and set by `penilai`."""
    skp = services.skp_buat(pengguna=user, pegawai=user.pegawai, tahun=tahun)
    rhk = services.rhk_simpan(
        pengguna=user,
        skp=skp,
        uraian=f"Hasil kerja {user.username}",
        rhk_atasan=rhk_atasan,
        item_pk=item_pk,
    )
    services.indikator_simpan(
        pengguna=user,
        rhk=rhk,
        aspek="kuantitas",
        nama="Jumlah laporan",
        target="4",
        satuan="laporan",
    )
    skp = services.skp_ubah_status(pengguna=user, skp=skp, tujuan=StatusSKP.DIAJUKAN)
    skp = services.skp_ubah_status(pengguna=penilai, skp=skp, tujuan=StatusSKP.DITETAPKAN)
    return skp


@pytest.fixture
def item_kepala(dunia):
    """The Kepala's PK 2026 with one item (a sasaran indicator of the agency)."""
    from kinerja.perencanaan.models import ItemPK, PerjanjianKinerja
    from tests.factories import ElemenFactory, IndikatorFactory, KerangkaFactory, LevelFactory

    kerangka = KerangkaFactory(instansi=dunia.pd)
    elemen = ElemenFactory(level=LevelFactory(kerangka=kerangka), kerangka=kerangka)
    ind = IndikatorFactory(elemen=elemen, nama="Indeks kepuasan layanan")
    pk = PerjanjianKinerja.objects.create(
        jabatan=dunia.jab_kepala, tahun=2026, pihak_pertama=dunia.kepala.pegawai
    )
    return ItemPK.objects.create(perjanjian=pk, indikator=ind, target=80)


@pytest.fixture
def cascade(dunia, item_kepala):
    """SKP 2026 set for the Kepala (on the PK item), Kepala Bidang A (on the Kepala's result)
    and a staff member of Bidang A (on the Kepala Bidang's result)."""
    kepala = skp_siap(dunia.kepala, dunia.kepegawaian, item_pk=item_kepala)
    kabid = skp_siap(dunia.kabid_a, dunia.kepala, rhk_atasan=kepala.rhk.get())
    staf = skp_siap(dunia.staf_a, dunia.kabid_a, rhk_atasan=kabid.rhk.get())
    return kepala, kabid, staf
