"""The world of the entry tests: a Dinas with Bidang A and Bidang B, their indicators with PK
targets and Rencana Aksi, budget lines, an open quarter, and one person per role."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.organisasi.models import JenisInstansi, KodePeran
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    ItemPK,
    LevelKerangka,
    LevelOrdinal,
    PerjanjianKinerja,
    RencanaAksi,
    SkalaOrdinal,
    TargetTahunan,
)
from tests.factories import (
    JabatanFactory,
    KerangkaFactory,
    PegawaiFactory,
    PemdaFactory,
    PerangkatDaerahFactory,
    PeriodeFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)


class Dunia(dict):
    """A dict of the world's objects with helpers to add indicators."""

    def tambah_indikator(self, unit, n=1, **kw):
        """Add `n` indicators whose responsible unit is `unit`, each with target 100 and RA 25."""
        hasil = []
        for _ in range(n):
            self["_urut"] += 1
            nilai = {
                "elemen": self["sasaran"],
                "nama": f"Indikator {self['_urut']}",
                "kode": f"IK-{self['_urut']:03d}",
                "satuan": "%",
                "jenis_nilai": "persen",
                "agregasi": "nilai_akhir",
                "unit_penanggung_jawab": unit,
                **kw,
            }
            ind = Indikator.objects.create(**nilai)
            TargetTahunan.objects.create(
                indikator=ind,
                tahun=2026,
                nilai=Decimal(100) if ind.jenis_nilai != "ordinal" else None,
                nilai_teks="WTP" if ind.jenis_nilai == "ordinal" else "",
                berlaku_mulai=dt.date(2026, 1, 1),
            )
            item = ItemPK.objects.create(perjanjian=self["pk"], indikator=ind, target=100)
            for tw in range(1, 5):
                RencanaAksi.objects.create(item_pk=item, nomor=tw, target=Decimal(25 * tw))
            hasil.append(ind)
        return hasil


@pytest.fixture
def dunia_isian(db):
    pemda = PemdaFactory()
    dinas = PerangkatDaerahFactory(induk=pemda)
    bidang_a = UnitFactory(induk=dinas, nama="Bidang A")
    bidang_b = UnitFactory(induk=dinas, nama="Bidang B")
    kerangka = KerangkaFactory(instansi=dinas)
    level_sasaran = LevelKerangka.objects.create(
        kerangka=kerangka, urutan=2, kode="sasaran", nama="Sasaran"
    )
    level_program = LevelKerangka.objects.create(
        kerangka=kerangka, urutan=3, kode="program", nama="Program", punya_anggaran=True
    )
    level_kegiatan = LevelKerangka.objects.create(
        kerangka=kerangka, urutan=4, kode="kegiatan", nama="Kegiatan", punya_anggaran=True
    )
    sasaran = Elemen.objects.create(
        kerangka=kerangka, level=level_sasaran, nama="Sasaran jalan mantap"
    )
    program = Elemen.objects.create(
        kerangka=kerangka,
        level=level_program,
        induk=sasaran,
        kode="1.03.10",
        nama="Program A",
        unit=bidang_a,
    )
    kegiatan_1 = Elemen.objects.create(
        kerangka=kerangka,
        level=level_kegiatan,
        induk=program,
        kode="1.03.10.1.01",
        nama="Kegiatan A1",
        unit=bidang_a,
    )
    kegiatan_2 = Elemen.objects.create(
        kerangka=kerangka,
        level=level_kegiatan,
        induk=program,
        kode="1.03.10.1.02",
        nama="Kegiatan A2",
        unit=bidang_a,
    )
    jab = JabatanFactory(instansi=dinas)
    pk = PerjanjianKinerja.objects.create(
        jabatan=jab, tahun=2026, pihak_pertama=PegawaiFactory(unit=dinas)
    )
    periode = PeriodeFactory(pemda=pemda, tahun=2026, nomor=2, batas_pengisian=dt.date(2026, 7, 10))
    d = Dunia(
        pemda=pemda,
        dinas=dinas,
        bidang_a=bidang_a,
        bidang_b=bidang_b,
        kerangka=kerangka,
        sasaran=sasaran,
        pk=pk,
        periode=periode,
        periode_lalu=PeriodeFactory(pemda=pemda, tahun=2026, nomor=1, status="dikunci"),
        _urut=0,
        operator_a=beri_peran(
            UserFactory(username="operator_a", email="a@contoh.example"),
            KodePeran.BIDANG,
            bidang_a,
        ),
        operator_a2=beri_peran(UserFactory(username="operator_a2"), KodePeran.BIDANG, bidang_a),
        operator_b=beri_peran(
            UserFactory(username="operator_b", email="b@contoh.example"),
            KodePeran.BIDANG,
            bidang_b,
        ),
        kabid_a=beri_peran(UserFactory(username="kabid_a"), KodePeran.KEPALA_BIDANG, bidang_a),
        tim_sakip=beri_peran(UserFactory(username="tim_sakip"), KodePeran.TIM_SAKIP, dinas),
        sekretaris=beri_peran(UserFactory(username="sekretaris"), KodePeran.SEKRETARIS, dinas),
        inspektorat=beri_peran(UserFactory(username="inspektorat"), KodePeran.INSPEKTORAT, pemda),
    )
    d["anggaran_program"] = Anggaran.objects.create(
        elemen=program, tahun=2026, pagu=Decimal("1000000")
    )
    d["anggaran_1"] = Anggaran.objects.create(elemen=kegiatan_1, tahun=2026, pagu=Decimal("600000"))
    d["anggaran_2"] = Anggaran.objects.create(elemen=kegiatan_2, tahun=2026, pagu=Decimal("400000"))
    assert bidang_a.jenis == JenisInstansi.UNIT
    return d


@pytest.fixture
def skala_opini(db):
    skala = SkalaOrdinal.objects.create(kode="opini-uji", nama="Opini BPK")
    for i, k in enumerate(["WTP", "WDP", "TW", "TMP"]):
        LevelOrdinal.objects.create(skala=skala, urutan=i, kode=k, label=k, skor=4 - i)
    return skala
