"""Worlds for the portal tests.

`buat_dunia()`: the document tests' Dinas (Kepala with login, Tim SAKIP of the Dinas, an
outsider) in a Pemda with an Admin Pemda, a Pemda-level Tim SAKIP and an Inspektorat, two
indicators with targets and TW III realisations, so a real Laporan Hasil Pengukuran Kinerja can
be built and signed through the document services.

`dokumen_palsu()`: a signed report row written directly, with a snapshot of n indicators, for
the query-count tests that need many publications quickly.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from kinerja.dokumen import services as dokumen_services
from kinerja.dokumen.models import Dokumen, StatusDokumen
from kinerja.organisasi.models import JenisInstansi, KodePeran
from tests.dokumen.dunia import buat_dunia as dunia_dokumen
from tests.factories import (
    ElemenFactory,
    IndikatorFactory,
    KerangkaFactory,
    LevelFactory,
    PemdaFactory,
    PeriodeFactory,
    RealisasiFactory,
    TargetFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)


def buat_dunia() -> dict:
    w = dunia_dokumen()
    dinas, pemda = w["dinas"], w["pemda"]
    kerangka = KerangkaFactory(instansi=dinas)
    level = LevelFactory(kerangka=kerangka)
    sasaran = ElemenFactory(
        level=level, kerangka=kerangka, kode="S1", nama="Meningkatnya kemantapan jalan"
    )
    w["indikator"] = []
    for i, (nama, real) in enumerate(
        (("Persentase jalan mantap", "75"), ("Jumlah jembatan dibangun", "30")), start=1
    ):
        ind = IndikatorFactory(elemen=sasaran, kode=f"IK{i}", nama=nama, satuan="%")
        TargetFactory(indikator=ind, nilai=Decimal("80"))
        RealisasiFactory(
            indikator=ind,
            periode=w["periode"],
            nilai=Decimal(real),
            kendala="Catatan internal kendala rahasia",
        )
        w["indikator"].append(ind)
    w["admin"] = beri_peran(UserFactory(username="admin-pemda"), KodePeran.ADMIN_PEMDA, pemda)
    w["tim_pemda"] = beri_peran(UserFactory(username="tim-pemda"), KodePeran.TIM_SAKIP, pemda)
    return w


def laporan(w, *, tandatangani: bool = True) -> Dokumen:
    """Build (and sign, as the Kepala) the Dinas's Laporan Hasil Pengukuran for TW III."""
    dok = dokumen_services.dokumen_buat(
        pengguna=w["tim"],
        jenis="laporan_pengukuran",
        instansi=w["dinas"],
        periode=w["periode"],
        format="pdf",
    )
    if tandatangani:
        dok = dokumen_services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=dok)
    return dok


def dokumen_palsu(instansi, periode, n: int, jenis: str = "laporan_pengukuran") -> Dokumen:
    """A signed document row with a report snapshot of `n` indicators (no services)."""
    baris = [
        {
            "kode": f"IK{i}",
            "indikator": f"Indikator {i}",
            "satuan": "%",
            "target_tahun": {"t": "80", "n": "80"},
            "target_periode": {"t": "60", "n": "60"},
            "realisasi_sd": {"t": "57", "n": "57"},
            "capaian": {"t": "95,00", "n": "95.00"},
            "capaian_tahun": {"t": "71,25", "n": "71.25"},
            "predikat": "Sangat Tinggi",
            "status": "Divalidasi",
            "catatan": "catatan internal",
            "sumber": "sumber internal",
        }
        for i in range(n)
    ]
    isi = f"%PDF palsu {instansi.pk} {periode.pk} {jenis}".encode()
    dok = Dokumen(
        jenis=jenis,
        instansi=instansi,
        periode=periode,
        tahun=periode.tahun,
        judul="Laporan Hasil Pengukuran Kinerja",
        format="pdf",
        status=StatusDokumen.DITANDATANGANI,
        nomor=f"050/{instansi.pk}/{periode.pk}",
        nama_berkas="laporan.pdf",
        sha256=hashlib.sha256(isi).hexdigest(),
        ukuran=len(isi),
        snapshot={
            "periode": periode.label,
            "kelompok": [
                {
                    "level": "Sasaran",
                    "kode": "S1",
                    "elemen": "Sasaran satu",
                    "rollup": {"t": "95,00", "n": "95.00"},
                    "predikat": "Sangat Tinggi",
                    "baris": baris,
                }
            ],
            "total": {
                "rollup": {"t": "95,00", "n": "95.00"},
                "predikat": "Sangat Tinggi",
                "jumlah": n,
                "tidak_dihitung": 0,
            },
        },
        dibuat_pada=timezone.now(),
        ditandatangani_pada=timezone.now(),
    )
    dok.berkas.save("laporan.pdf", ContentFile(isi), save=False)
    dok.save()
    return dok


def pemda_lain() -> dict:
    """Another Pemda with an agency, its admin and a TW III period."""
    pemda = PemdaFactory(nama="Pemerintah Kota Lain")
    dinas = UnitFactory(induk=pemda, jenis=JenisInstansi.PERANGKAT_DAERAH, nama="Dinas Lain")
    return {
        "pemda": pemda,
        "dinas": dinas,
        "admin": beri_peran(UserFactory(username="admin-lain"), KodePeran.ADMIN_PEMDA, pemda),
        "periode": PeriodeFactory(pemda=pemda, tahun=2026, jenis_periode="triwulan", nomor=3),
    }
