"""A small Pemda for the dashboard tests, built with the factories at any size."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kinerja.organisasi.models import KodePeran
from kinerja.pengukuran.models import Realisasi, RealisasiAnggaran
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    ItemPK,
    LevelKerangka,
    PerjanjianKinerja,
    RencanaAksi,
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


def bangun_pemda(*, jumlah_dinas: int = 2, indikator_per_dinas: int = 3, awalan: str = "u") -> dict:
    """A Pemda with `jumlah_dinas` agencies, each with a Bidang, a Renstra (tujuan → sasaran →
    program), `indikator_per_dinas` sasaran indicators (target 100, RA 25/50/75/100) and one
    program indicator, realisations for TW I and TW II 2026 (the i-th indicator of an agency
    reaches 10·(i+1) % below its RA target in TW II, so the first one is the worst), a budget
    line per program with spending, a Kepala per agency and an Admin Pemda."""
    pemda = PemdaFactory()
    tw1 = PeriodeFactory(pemda=pemda, tahun=2026, nomor=1, status="dikunci")
    tw2 = PeriodeFactory(pemda=pemda, tahun=2026, nomor=2)
    dunia: dict = {"pemda": pemda, "tw1": tw1, "tw2": tw2, "dinas": [], "kepala": []}
    dunia["admin"] = beri_peran(
        UserFactory(username=f"{awalan}.adminpemda"), KodePeran.ADMIN_PEMDA, pemda
    )
    for n in range(jumlah_dinas):
        dinas = PerangkatDaerahFactory(induk=pemda, singkatan=f"D{n}")
        bidang = UnitFactory(induk=dinas, nama="Bidang Teknis")
        kerangka = KerangkaFactory(instansi=dinas)
        lv = {
            kode: LevelKerangka.objects.create(
                kerangka=kerangka, urutan=u, kode=kode, nama=kode.title(), punya_anggaran=u == 3
            )
            for u, kode in ((1, "tujuan"), (2, "sasaran"), (3, "program"))
        }
        tujuan = Elemen.objects.create(kerangka=kerangka, level=lv["tujuan"], nama="Tujuan")
        sasaran = Elemen.objects.create(
            kerangka=kerangka, level=lv["sasaran"], induk=tujuan, nama=f"Sasaran dinas {n}"
        )
        program = Elemen.objects.create(
            kerangka=kerangka, level=lv["program"], induk=sasaran, nama="Program", unit=bidang
        )
        pk = PerjanjianKinerja.objects.create(
            jabatan=JabatanFactory(instansi=dinas),
            tahun=2026,
            pihak_pertama=PegawaiFactory(unit=dinas),
            status="ditandatangani",
        )
        daftar = []
        for i in range(indikator_per_dinas + 1):
            ind = Indikator.objects.create(
                elemen=sasaran if i < indikator_per_dinas else program,
                nama=f"Indikator {n}-{i}",
                satuan="%",
                jenis_nilai="persen",
                agregasi="nilai_akhir",
                unit_penanggung_jawab=bidang,
                target_akhir_renstra=Decimal(100),
                standar_nasional=Decimal(90) if i == 0 else None,
            )
            TargetTahunan.objects.create(
                indikator=ind, tahun=2026, nilai=Decimal(100), berlaku_mulai=dt.date(2026, 1, 1)
            )
            item = ItemPK.objects.create(perjanjian=pk, indikator=ind, target=100)
            for tw in range(1, 5):
                RencanaAksi.objects.create(item_pk=item, nomor=tw, target=Decimal(25 * tw))
            Realisasi.objects.create(
                indikator=ind, periode=tw1, nilai=Decimal(25), status="divalidasi"
            )
            Realisasi.objects.create(
                indikator=ind,
                periode=tw2,
                nilai=Decimal(50) - Decimal(5 * (indikator_per_dinas - i)),
                status="diajukan",
                kendala=f"Kendala indikator {n}-{i}",
            )
            daftar.append(ind)
        anggaran = Anggaran.objects.create(elemen=program, tahun=2026, pagu=Decimal("1000000"))
        RealisasiAnggaran.objects.create(anggaran=anggaran, periode=tw1, nilai=Decimal("200000"))
        RealisasiAnggaran.objects.create(anggaran=anggaran, periode=tw2, nilai=Decimal("250000"))
        dunia["dinas"].append(
            {"dinas": dinas, "bidang": bidang, "indikator": daftar, "sasaran": sasaran}
        )
        dunia["kepala"].append(
            beri_peran(UserFactory(username=f"{awalan}.kepala{n}"), KodePeran.KEPALA, dinas)
        )
    return dunia
