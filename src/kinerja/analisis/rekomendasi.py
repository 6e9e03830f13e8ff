"""Recommendations: evaluate the rules on an agency's data for a period, and keep the
`Rekomendasi` rows in step with what they find.

Numbers come from the calculation core only: capaian, roll-ups and data-quality flags through
`pengukuran.hasil.tabel_capaian`, the year-end projection from `rumus.proyeksi`, absorption
and the capaian − serapan gap from `rumus.serapan` and `rumus.efisiensi`. Completion and
lateness come from `pengukuran.selectors.rekap_pengisian`. Each evaluation is a bounded number
of queries whatever the number of indicators (tested).

Generating again is idempotent: a condition keeps its row (found by `kunci`), changed numbers
update its text, a condition no longer found is marked `teratasi`, and one found again is
reopened. Nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from kinerja import rumus
from kinerja.analisis import permissions
from kinerja.analisis.aturan import aturan_berlaku, isi_templat
from kinerja.analisis.models import (
    AturanRekomendasi,
    JenisAturan,
    Rekomendasi,
    StatusRekomendasi,
)
from kinerja.dokumen.render.format import tanggal_id
from kinerja.dokumen.selectors import keuangan_elemen
from kinerja.inti.angka import format_angka
from kinerja.inti.audit import catat
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.pengukuran.hasil import (
    JUMLAH_PERIODE,
    BarisCapaian,
    nilai_realisasi,
    nilai_target,
    skala_rumus,
    tabel_capaian,
    teks_nilai,
)
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import id_subtree, realisasi_sampai, rekap_pengisian
from kinerja.perencanaan.models import KerangkaKinerja

PESAN_TIDAK_BERHAK_BUAT = "Anda tidak berhak membuat rekomendasi untuk {instansi}."
PESAN_BUKAN_PERANGKAT_DAERAH = (
    "Rekomendasi dibuat per perangkat daerah (atau unit yang memiliki rencana kinerja sendiri, "
    "seperti UKPBJ); pilih perangkat daerahnya, bukan unit di dalamnya."
)
PESAN_PERIODE_LAIN = "Periode {periode} bukan milik Pemda {instansi}."

AKSI_BUAT = "rekomendasi.buat"


@dataclass
class Temuan:
    """One condition a rule found: what the recommendation row will say and link to."""

    aturan: AturanRekomendasi
    kunci: str
    teks: str
    rincian: dict[str, Any]
    indikator_id: int | None = None
    unit_id: int | None = None
    elemen_id: int | None = None

    @property
    def jenis(self) -> str:
        """The rule kind."""
        return self.aturan.jenis


@dataclass
class HasilBuat:
    """What a generation run did for one agency and period."""

    instansi: Instansi
    periode: Periode
    baru: int = 0
    diperbarui: int = 0
    tetap: int = 0
    teratasi: int = 0
    dibuka_lagi: int = 0
    per_jenis: dict[str, int] = field(default_factory=dict)

    @property
    def aktif(self) -> int:
        """Recommendations whose condition holds after this run."""
        return self.baru + self.diperbarui + self.tetap + self.dibuka_lagi


def _persen(nilai: Decimal | None) -> str:
    return format_angka(nilai, 2)


def _unit_indikator(b: BarisCapaian, instansi_kerangka: dict[int, int]) -> int | None:
    """The responsible unit's id, as `Indikator.instansi_cakupan()` but without queries."""
    ind = b.indikator
    return (
        ind.unit_penanggung_jawab_id
        or ind.elemen.unit_id
        or instansi_kerangka.get(ind.elemen.kerangka_id)
    )


def _proyeksi(
    b: BarisCapaian, per_periode: dict[int, Any], n: int, jumlah: int
) -> rumus.HasilProyeksi:
    """The core's year-end projection of one indicator from its period values so far."""
    ind, t = b.indikator, b.target
    return rumus.proyeksi(
        realisasi=[nilai_realisasi(ind, per_periode.get(i)) for i in range(1, n + 1)],
        agregasi=ind.agregasi,
        jumlah_periode=jumlah,
        jenis=ind.jenis_nilai,
        skala=skala_rumus(ind.skala),
        target_tahunan=nilai_target(ind, t.nilai, t.nilai_teks) if t else None,
        polaritas=ind.polaritas,
        metode_negatif=ind.metode_negatif,
        target_min=t.nilai_min if t else None,
        target_max=t.nilai_max if t else None,
        boleh_negatif=ind.boleh_negatif,
    )


def evaluasi(
    *, instansi: Instansi, periode: Periode, hari_ini: dt.date | None = None
) -> list[Temuan]:
    """Every condition the active rules in force for `instansi` find in `periode`.

    Read only, about twenty queries whatever the number of indicators, units or budget lines.
    `hari_ini` (default today) decides whether the entry deadline has passed.
    """
    hari_ini = hari_ini or timezone.localdate()
    aturan = {j: a for j, a in aturan_berlaku(instansi).items() if a.aktif}
    umum = {"periode": periode.label, "instansi": instansi.nama}
    temuan: list[Temuan] = []

    def tambah(a: AturanRekomendasi, kunci: str, isian: dict[str, Any], **kw: Any) -> None:
        nilai = {
            **umum,
            "ambang": format_angka(a.ambang, 0) if a.ambang is not None else "",
            **isian,
        }
        temuan.append(
            Temuan(
                aturan=a,
                kunci=f"{a.jenis}:{kunci}",
                teks=isi_templat(a.templat, nilai),
                rincian={k: str(v) for k, v in nilai.items()},
                **kw,
            )
        )

    per_indikator = {
        JenisAturan.PROYEKSI_MELESET,
        JenisAturan.JAUH_DI_ATAS_TARGET,
        JenisAturan.TANPA_BUKTI,
        JenisAturan.PENCILAN,
        JenisAturan.ANGGARAN_KINERJA,
    }
    if per_indikator & aturan.keys():
        tabel = tabel_capaian(instansi=instansi, periode=periode)
        semua = [b for k in tabel.kelompok for b in k.baris]
        instansi_kerangka = dict(
            KerangkaKinerja.objects.filter(
                pk__in={b.indikator.elemen.kerangka_id for b in semua}
            ).values_list("pk", "instansi_id")
        )
        per_periode: dict[int, dict[int, Any]] = {}
        if JenisAturan.PROYEKSI_MELESET in aturan and semua:
            per_periode = realisasi_sampai([b.indikator.pk for b in semua], periode)
        jumlah = JUMLAH_PERIODE[periode.jenis_periode]
        for b in semua:
            ind = b.indikator
            sasaran = {"indikator": ind.nama, "unit_id": _unit_indikator(b, instansi_kerangka)}
            unit_id = sasaran.pop("unit_id")
            cp = b.capaian_periode
            a = aturan.get(JenisAturan.PROYEKSI_MELESET)
            if a is not None and ind.pk in per_periode:
                p = _proyeksi(b, per_periode[ind.pk], periode.nomor, jumlah)
                c = p.capaian
                if c is not None and c.nilai is not None and c.nilai < a.ambang:
                    tambah(
                        a,
                        f"indikator:{ind.pk}",
                        {
                            **sasaran,
                            "nilai": _persen(c.nilai),
                            "proyeksi": teks_nilai(ind, p.nilai_asli),
                            "target": b.target_tahun_teks,
                            "satuan": ind.satuan,
                            "metode": p.metode,
                        },
                        indikator_id=ind.pk,
                        unit_id=unit_id,
                    )
            a = aturan.get(JenisAturan.JAUH_DI_ATAS_TARGET)
            if a is not None and cp.nilai is not None and cp.nilai > a.ambang:
                tambah(
                    a,
                    f"indikator:{ind.pk}",
                    {
                        **sasaran,
                        "nilai": _persen(cp.nilai),
                        "realisasi": b.realisasi_sd_teks,
                        "target": b.target_periode_teks,
                    },
                    indikator_id=ind.pk,
                    unit_id=unit_id,
                )
            for jenis, bendera in (
                (JenisAturan.TANPA_BUKTI, rumus.Bendera.TANPA_BUKTI),
                (JenisAturan.PENCILAN, rumus.Bendera.PENCILAN),
            ):
                a = aturan.get(jenis)
                if a is not None and b.realisasi is not None and bendera in cp.bendera:
                    tambah(
                        a,
                        f"indikator:{ind.pk}",
                        {**sasaran, "realisasi": b.realisasi_teks},
                        indikator_id=ind.pk,
                        unit_id=unit_id,
                    )
        a = aturan.get(JenisAturan.ANGGARAN_KINERJA)
        if a is not None and tabel.kelompok:
            keuangan = keuangan_elemen([k.elemen for k in tabel.kelompok], periode)
            for k in tabel.kelompok:
                keu = keuangan.get(k.elemen.pk)
                if keu is None or keu.serapan is None:
                    continue
                if keu.rencana:
                    # Both against the plan to date: capaian against the period targets,
                    # absorption against the withdrawal plan up to the same quarter.
                    capaian = k.rollup
                    serapan = rumus.serapan(realisasi=keu.realisasi, pagu=keu.rencana)
                    dasar = "rencana penarikan dan target periode s.d. periode ini"
                else:
                    capaian = rumus.rollup([b.capaian_tahun for b in k.baris])
                    serapan = keu.serapan
                    dasar = "pagu dan target tahunan"
                ef = rumus.efisiensi(capaian=capaian, serapan=serapan, ambang=a.ambang)
                if ef.nilai is None or ef.kategori is rumus.KategoriEfisiensi.CUKUP_EFISIEN:
                    continue
                mendahului = ef.nilai < 0
                tambah(
                    a,
                    f"elemen:{k.elemen.pk}",
                    {
                        "elemen": k.elemen.nama,
                        "serapan": _persen(serapan.nilai),
                        "capaian": _persen(capaian.nilai),
                        "selisih": format_angka(abs(ef.nilai), 2),
                        "arah": "mendahului" if mendahului else "tertinggal dari",
                        "dasar": dasar,
                        "saran": (
                            "Periksa apakah belanja sudah menghasilkan keluaran yang direncanakan."
                            if mendahului
                            else "Periksa hambatan penyerapan anggaran, atau apakah target "
                            "kinerjanya terlalu rendah."
                        ),
                    },
                    elemen_id=k.elemen.pk,
                    unit_id=k.elemen.unit_id,
                )

    a = aturan.get(JenisAturan.UNIT_TERLAMBAT)
    if a is not None and periode.batas_pengisian is not None:
        lewat = (hari_ini - periode.batas_pengisian).days
        units = [instansi, *instansi.anak.order_by("urutan", "nama")]
        if lewat > (a.ambang or 0):
            for r in rekap_pengisian(units, periode).values():
                if r.belum <= 0 and r.terlambat <= 0:
                    continue
                keadaan = []
                if r.belum > 0:
                    keadaan.append(f"{r.belum} dari {r.wajib} nilai belum diisi")
                if r.terlambat > 0:
                    keadaan.append(f"{r.terlambat} nilai diajukan sesudah batas")
                tambah(
                    a,
                    f"unit:{r.instansi.pk}",
                    {
                        "unit": r.instansi.nama,
                        "keadaan": " dan ".join(keadaan),
                        "belum": r.belum,
                        "wajib": r.wajib,
                        "terlambat": r.terlambat,
                        "batas": tanggal_id(periode.batas_pengisian),
                    },
                    unit_id=r.instansi.pk,
                )
    return temuan


_KOLOM_ISI = ["aturan_id", "tingkat", "teks", "rincian", "indikator_id", "unit_id", "elemen_id"]


def q_agensi() -> Q:
    """The bodies recommendations are made for: Perangkat Daerah, and units holding a
    performance framework of their own (a UKPBJ inside the Setda)."""
    return Q(jenis=JenisInstansi.PERANGKAT_DAERAH) | Q(
        jenis__in=[JenisInstansi.UNIT, JenisInstansi.SUBUNIT], kerangka__isnull=False
    )


def _periksa_lingkup(instansi: Instansi, periode: Periode) -> None:
    if not Instansi.objects.filter(q_agensi(), pk=instansi.pk).exists():
        raise ValidationError(PESAN_BUKAN_PERANGKAT_DAERAH, code="bukan_pd")
    if not instansi.jalur.startswith(f"/{periode.pemda_id}/"):
        raise ValidationError(
            PESAN_PERIODE_LAIN.format(periode=periode.label, instansi=instansi.nama),
            code="periode_lain",
        )


@transaction.atomic
def rekomendasi_buat(
    *,
    pengguna: Any,
    instansi: Instansi,
    periode: Periode,
    hari_ini: dt.date | None = None,
) -> HasilBuat:
    """Evaluate the rules for an agency (Perangkat Daerah) and period and store the result.

    `pengguna` None is the system (the `kinerja rekomendasi` command run by cron); a user needs
    a managing role over the agency (`dapat_mengelola_rekomendasi`). New conditions become rows,
    known ones are updated when their numbers changed, vanished ones are marked `teratasi`, and
    ones found again are reopened. Runs for the same agency are serialised by a row lock. One
    audit row (`rekomendasi.buat`) records the counts and the keys that changed.
    """
    if pengguna is not None and not permissions.dapat_mengelola_rekomendasi(pengguna, instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_BUAT.format(instansi=instansi.nama))
    _periksa_lingkup(instansi, periode)
    Instansi.objects.select_for_update().filter(pk=instansi.pk).first()
    sekarang = timezone.now()
    temuan = {t.kunci: t for t in evaluasi(instansi=instansi, periode=periode, hari_ini=hari_ini)}
    ada = {
        r.kunci: r
        for r in Rekomendasi.objects.filter(instansi=instansi, periode=periode).order_by()
    }
    hasil = HasilBuat(instansi=instansi, periode=periode)
    hasil.per_jenis = dict(Counter(t.jenis for t in temuan.values()))
    baru: list[Rekomendasi] = []
    ubah: list[Rekomendasi] = []
    for kunci, t in temuan.items():
        isi = {
            "aturan_id": t.aturan.pk,
            "tingkat": t.aturan.tingkat,
            "teks": t.teks,
            "rincian": t.rincian,
            "indikator_id": t.indikator_id,
            "unit_id": t.unit_id,
            "elemen_id": t.elemen_id,
        }
        r = ada.get(kunci)
        if r is None:
            baru.append(
                Rekomendasi(
                    instansi=instansi,
                    periode=periode,
                    jenis=t.jenis,
                    kunci=kunci,
                    dibuat_pada=sekarang,
                    diperbarui_pada=sekarang,
                    **isi,
                )
            )
            continue
        berubah = any(getattr(r, k) != v for k, v in isi.items())
        if r.status == StatusRekomendasi.TERATASI:
            r.status, r.teratasi_pada = StatusRekomendasi.AKTIF, None
            hasil.dibuka_lagi += 1
        elif berubah:
            hasil.diperbarui += 1
        else:
            hasil.tetap += 1
            continue
        for k, v in isi.items():
            setattr(r, k, v)
        r.diperbarui_pada = sekarang
        r.versi += 1
        ubah.append(r)
    hasil.baru = len(baru)
    Rekomendasi.objects.bulk_create(baru, batch_size=500)
    Rekomendasi.objects.bulk_update(
        ubah,
        [*_KOLOM_ISI, "status", "teratasi_pada", "diperbarui_pada", "versi"],
        batch_size=500,
    )
    hilang = [
        r.pk for k, r in ada.items() if k not in temuan and r.status == StatusRekomendasi.AKTIF
    ]
    if hilang:
        hasil.teratasi = Rekomendasi.objects.filter(pk__in=hilang).update(
            status=StatusRekomendasi.TERATASI,
            teratasi_pada=sekarang,
            diperbarui_pada=sekarang,
        )
    catat(
        pengguna=pengguna,
        aksi=AKSI_BUAT,
        objek=instansi,
        sesudah={
            "periode": periode.pk,
            "baru": hasil.baru,
            "diperbarui": hasil.diperbarui,
            "tetap": hasil.tetap,
            "teratasi": hasil.teratasi,
            "dibuka_lagi": hasil.dibuka_lagi,
            "kunci_baru": sorted(r.kunci for r in baru),
            "kunci_teratasi": sorted(k for k, r in ada.items() if r.pk in set(hilang)),
        },
        alasan="dijalankan sistem" if pengguna is None else "",
    )
    return hasil


def perangkat_daerah(pemda: Instansi) -> list[Instansi]:
    """The bodies of a Pemda that hold a performance framework (Perangkat Daerah, UKPBJ), in
    tree order: those the command generates for (the others have no indicators of their own)."""
    return list(
        Instansi.objects.filter(jalur__startswith=pemda.jalur, kerangka__isnull=False)
        .exclude(jenis=JenisInstansi.PEMDA)
        .distinct()
        .order_by("jalur")
    )


def rekomendasi_buat_pemda(
    *, pengguna: Any, pemda: Instansi, periode: Periode, hari_ini: dt.date | None = None
) -> list[HasilBuat]:
    """Generate for every agency of `pemda` the user may manage (all of them for the system).

    Each agency is its own transaction, so one agency's failure does not undo the others'.
    """
    hasil = []
    for pd in perangkat_daerah(pemda):
        if pengguna is not None and not permissions.dapat_mengelola_rekomendasi(pengguna, pd):
            continue
        hasil.append(
            rekomendasi_buat(pengguna=pengguna, instansi=pd, periode=periode, hari_ini=hari_ini)
        )
    return hasil


# ---------------------------------------------------------------------------------------------
# Reads


def q_terlihat(user: Any, awalan: str = "") -> Q:
    """Recommendations `user` may see: those of agencies a role covers, and those whose
    follow-up the user owns. `awalan` prefixes the lookups (e.g. "rekomendasi__")."""
    if getattr(user, "is_superuser", False):
        return Q()
    ids = list(id_subtree(jalur_dengan_peran(user)))
    return Q(**{f"{awalan}instansi_id__in": ids}) | Q(
        **{f"{awalan}tindak_lanjut__pemilik_id": user.pk}
    )


def rekomendasi_daftar(
    user: Any,
    *,
    instansi: Instansi | None = None,
    periode: Periode | None = None,
    status: str | None = None,
    jenis: str | None = None,
) -> QuerySet[Rekomendasi]:
    """The recommendations `user` may see, filtered, with what the list shows joined in."""
    qs = Rekomendasi.objects.filter(q_terlihat(user))
    if instansi is not None:
        qs = qs.filter(instansi__jalur__startswith=instansi.jalur)
    if periode is not None:
        qs = qs.filter(periode=periode)
    if status:
        qs = qs.filter(status=status)
    if jenis:
        qs = qs.filter(jenis=jenis)
    urutan_tingkat = {"tinggi": 0, "sedang": 1, "rendah": 2}
    from django.db.models import Case, IntegerField, Value, When

    return qs.select_related(
        "instansi", "periode", "indikator", "unit", "elemen", "tindak_lanjut__pemilik"
    ).order_by(
        "status",
        Case(
            *[When(tingkat=k, then=Value(v)) for k, v in urutan_tingkat.items()],
            output_field=IntegerField(),
        ),
        "jenis",
        "id",
    )
