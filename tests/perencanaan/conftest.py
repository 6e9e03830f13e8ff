"""The planning world: two agencies of one Pemda, a framework of agency A with a few elements
and indicators, positions with holders (one Plt.), and one person per role."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.organisasi.models import KodePeran, PemangkuJabatan
from kinerja.perencanaan import services
from kinerja.perencanaan.models import (
    Elemen,
    Indikator,
    LevelOrdinal,
    SkalaOrdinal,
    TargetTahunan,
)
from tests.factories import (
    JabatanFactory,
    PegawaiFactory,
    PemdaFactory,
    PerangkatDaerahFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)


class Dunia(dict):
    """A dict of the world's objects, readable as attributes."""

    __getattr__ = dict.__getitem__


def buat_indikator(elemen, kode, **kw):
    """An indicator with a complete manual IKU and a murni target 2026 of 80."""
    nilai = {
        "elemen": elemen,
        "kode": kode,
        "nama": f"Persentase capaian {kode}",
        "satuan": "%",
        "jenis_nilai": "persen",
        "agregasi": "nilai_akhir",
        "definisi_operasional": "Definisi",
        "formula": "A / B × 100",
        "sumber_data": "Laporan",
        **kw,
    }
    target = nilai.pop("target", Decimal(80))
    ind = Indikator.objects.create(**nilai)
    if target is not None:
        TargetTahunan.objects.create(
            indikator=ind, tahun=2026, nilai=target, berlaku_mulai=dt.date(2026, 1, 1)
        )
    return ind


@pytest.fixture
def dunia(db):
    pemda = PemdaFactory(nama="Pemerintah Kabupaten Uji")
    dinas = PerangkatDaerahFactory(induk=pemda, nama="Dinas A")
    bidang = UnitFactory(induk=dinas, nama="Bidang Jalan")
    dinas_b = PerangkatDaerahFactory(induk=pemda, nama="Dinas B")
    pemda_lain = PemdaFactory(nama="Pemerintah Kota Lain")
    perencana = beri_peran(UserFactory(username="perencana_a"), KodePeran.SUBBAG_PERENCANAAN, dinas)
    perencana2 = beri_peran(UserFactory(username="tim_sakip_a"), KodePeran.TIM_SAKIP, dinas)
    perencana_b = beri_peran(
        UserFactory(username="perencana_b"), KodePeran.SUBBAG_PERENCANAAN, dinas_b
    )
    inspektorat = beri_peran(UserFactory(username="inspektur"), KodePeran.INSPEKTORAT, pemda)
    operator = beri_peran(UserFactory(username="operator_a"), KodePeran.BIDANG, bidang)
    kerangka = services.kerangka_buat(
        pengguna=perencana,
        instansi=dinas,
        nama="Renstra Dinas A",
        jenis="standar",
        tahun_mulai=2025,
        tahun_selesai=2029,
    )
    kerangka_b = services.kerangka_buat(
        pengguna=perencana_b,
        instansi=dinas_b,
        nama="Renstra Dinas B",
        jenis="standar",
        tahun_mulai=2025,
        tahun_selesai=2029,
    )
    lv = {x.kode: x for x in kerangka.level.all()}
    tujuan = Elemen.objects.create(kerangka=kerangka, level=lv["tujuan"], kode="T1", nama="Tujuan")
    sasaran = Elemen.objects.create(
        kerangka=kerangka, level=lv["sasaran"], induk=tujuan, kode="S1", nama="Jalan mantap"
    )
    program = Elemen.objects.create(
        kerangka=kerangka,
        level=lv["program"],
        induk=sasaran,
        kode="1.03.10",
        nama="Program Penyelenggaraan Jalan",
        unit=bidang,
    )
    kegiatan = Elemen.objects.create(
        kerangka=kerangka,
        level=lv["kegiatan"],
        induk=program,
        kode="1.03.10.2.01",
        nama="Penyelenggaraan Jalan Kabupaten",
        unit=bidang,
    )
    ind_sasaran = buat_indikator(sasaran, "IKU-1", target=Decimal(80))
    ind_program = buat_indikator(program, "IKP-1", unit_penanggung_jawab=bidang)
    lvb = {x.kode: x for x in kerangka_b.level.all()}
    tujuan_b = Elemen.objects.create(
        kerangka=kerangka_b, level=lvb["tujuan"], kode="T1", nama="Tujuan B"
    )
    # Positions: Kepala Dinas (definitif), Kepala Bidang (a Plt.), the Bupati outside Kinerja.
    kepala_peg = PegawaiFactory(unit=dinas, nama="Kepala Dinas A")
    kabid_peg = PegawaiFactory(unit=bidang, nama="Pelaksana Tugas Kabid")
    kepala_user = beri_peran(UserFactory(username="kepala_a"), KodePeran.KEPALA, dinas)
    kepala_peg.pengguna = kepala_user
    kepala_peg.save()
    jab_kepala = JabatanFactory(instansi=dinas, nama="Kepala Dinas")
    jab_kabid = JabatanFactory(instansi=bidang, nama="Kepala Bidang Jalan", atasan=jab_kepala)
    PemangkuJabatan.objects.create(
        jabatan=jab_kepala, pegawai=kepala_peg, status="definitif", mulai=dt.date(2020, 1, 1)
    )
    PemangkuJabatan.objects.create(
        jabatan=jab_kabid, pegawai=kabid_peg, status="plt", mulai=dt.date(2025, 6, 1)
    )
    return Dunia(
        pemda=pemda,
        dinas=dinas,
        bidang=bidang,
        dinas_b=dinas_b,
        pemda_lain=pemda_lain,
        perencana=perencana,
        perencana2=perencana2,
        perencana_b=perencana_b,
        inspektorat=inspektorat,
        operator=operator,
        kepala_user=kepala_user,
        kerangka=kerangka,
        kerangka_b=kerangka_b,
        level=lv,
        tujuan=tujuan,
        sasaran=sasaran,
        program=program,
        kegiatan=kegiatan,
        tujuan_b=tujuan_b,
        ind_sasaran=ind_sasaran,
        ind_program=ind_program,
        kepala_peg=kepala_peg,
        kabid_peg=kabid_peg,
        jab_kepala=jab_kepala,
        jab_kabid=jab_kabid,
    )


@pytest.fixture
def skala_opini(db):
    skala = SkalaOrdinal.objects.create(kode="opini-uji-rencana", nama="Opini BPK")
    for i, k in enumerate(["WTP", "WDP", "TW", "TMP"]):
        LevelOrdinal.objects.create(skala=skala, urutan=i, kode=k, label=k, skor=4 - i)
    return skala


@pytest.fixture
def pk_kepala(dunia):
    """The Kepala Dinas' draft PK 2026 with the sasaran indicator."""
    pk = services.pk_buat(
        pengguna=dunia.perencana,
        jabatan=dunia.jab_kepala,
        tahun=2026,
        tanggal=dt.date(2026, 1, 5),
        jabatan_pihak_kedua_teks="Bupati Uji",
    )
    services.pk_item_tambah(pengguna=dunia.perencana, pk=pk, indikator=[dunia.ind_sasaran])
    pk.refresh_from_db()
    return pk
