"""The entry grid of a unit for a period: what each row shows and may do, in bounded queries.

Reads only. Capaian and flags come from `pengukuran.hasil.hitung_baris` (so from
`kinerja.rumus`); absorption from `rumus.serapan`. The same builder renders the whole page and
a single row after an htmx save, so a saved row looks exactly like a freshly loaded one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import rumus
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import alur_status, hasil, services
from kinerja.pengukuran.models import DataDukung, Periode, Realisasi, StatusPeriode
from kinerja.pengukuran.selectors import (
    anggaran_unit,
    data_dukung_realisasi,
    indikator_tanggung_jawab,
    periode_sebelumnya,
    pohon_anggaran,
    realisasi_anggaran_sampai,
    realisasi_periode,
    realisasi_sampai,
)
from kinerja.perencanaan import models as pm
from kinerja.perencanaan.selectors import target_berlaku, target_rencana_aksi


def teks_input(nilai: Decimal | None) -> str:
    """A stored number as the entry field shows it: no thousands dots, decimal comma.

    "1234,5" rather than "1.234,5" so that saving the row again reads the same number ("1.234"
    alone would be ambiguous to `baca_angka`).
    """
    if nilai is None:
        return ""
    d = Decimal(nilai)
    teks = f"{d.normalize():f}" if d != d.to_integral_value() else f"{d.quantize(Decimal(1)):f}"
    return teks.replace(".", ",")


def pilihan_nilai(ind: pm.Indikator) -> list[tuple[str, str]] | None:
    """The choices of a select for yes/no and ordinal indicators; None for a typed number."""
    if ind.jenis_nilai == pm.JenisNilai.BINER:
        return [("ya", _("Ya")), ("tidak", _("Tidak"))]
    if ind.jenis_nilai == pm.JenisNilai.ORDINAL:
        level = ind.skala.level.all() if ind.skala else []
        return [(lv.kode, f"{lv.kode} — {lv.label}") for lv in level]
    return None


def nilai_input(ind: pm.Indikator, r: Realisasi | None) -> str:
    """The stored realisation as the entry field's initial text or choice."""
    if r is None:
        return ""
    if ind.jenis_nilai == pm.JenisNilai.ORDINAL:
        return r.nilai_teks
    if ind.jenis_nilai == pm.JenisNilai.BINER:
        if r.nilai is None:
            return ""
        return "ya" if r.nilai == 1 else "tidak"
    return teks_input(r.nilai)


@dataclass
class BarisIsian:
    """One indicator row of the entry grid."""

    indikator: pm.Indikator
    capaian: hasil.BarisCapaian
    realisasi: Realisasi | None
    nilai_lalu_teks: str
    bukti: list[DataDukung]
    boleh_isi: bool
    alasan_kunci: str
    masukan: dict[str, str]
    galat: dict[str, str] = field(default_factory=dict)
    pesan: str = ""
    pesan_jenis: str = ""
    # Set by the validation queue: may the viewer decide, did the viewer enter or submit it.
    boleh_putuskan: bool = False
    milik_sendiri: bool = False

    @property
    def pilihan(self) -> list[tuple[str, str]] | None:
        """Select choices (yes/no, levels) or None for a typed number."""
        return pilihan_nilai(self.indikator)

    @property
    def versi(self) -> int:
        """The version the row was rendered with (0: no realisation yet)."""
        return self.realisasi.versi if self.realisasi else 0

    @property
    def status(self) -> str:
        """Approval state, "kosong" when nothing was entered yet."""
        return self.realisasi.status if self.realisasi else "kosong"

    @property
    def jumlah_bukti(self) -> int:
        """How many evidence items the value has."""
        return len(self.bukti)


@dataclass
class BarisAnggaran:
    """One budget line of the unit with its financial realisation and absorption."""

    anggaran: pm.Anggaran
    realisasi: Any
    nilai_sd: Decimal | None
    serapan_periode: rumus.HasilSerapan
    serapan_sd: rumus.HasilSerapan
    boleh_isi: bool
    masukan: str
    agregat: bool = False
    galat: str = ""
    pesan: str = ""
    pesan_jenis: str = ""

    @property
    def versi(self) -> int:
        """The version the row was rendered with (0: nothing entered yet)."""
        return self.realisasi.versi if self.realisasi else 0


@dataclass
class Isian:
    """Everything the entry page of a unit and a period shows."""

    instansi: Instansi
    periode: Periode
    periode_lalu: Periode | None
    baris: list[BarisIsian]
    anggaran: list[BarisAnggaran]
    periode_terbuka: bool
    boleh_isi: bool
    boleh_validasi: bool
    kunci_ttd: str = ""

    @property
    def sisa_hari(self) -> int | None:
        """Days left until the entry deadline (negative once past; None without deadline)."""
        b = self.periode.batas_pengisian
        return None if b is None else (b - timezone.localdate()).days


def kunci_dokumen(instansi: Instansi, periode: Periode) -> str:
    """Why a signed measurement document freezes the unit's data for the period ("" if none).

    The same check `services.realisasi_simpan` makes, asked once for the page (one query).
    """
    try:
        services._belum_ditandatangani(instansi, periode)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


def alasan_terkunci(periode: Periode, r: Realisasi | None, kunci_ttd: str = "") -> str:
    """Why a row cannot be edited, in Indonesian ("" when it can)."""
    if periode.status != StatusPeriode.DIBUKA:
        return _("Periode %(status)s") % {"status": periode.get_status_display().lower()}
    if kunci_ttd:
        return _("Dikunci dokumen bertanda tangan")
    if r is not None and r.status not in alur_status.STATUS_BOLEH_DIUBAH:
        return r.get_status_display()
    return ""


def baris_isian(
    *,
    instansi: Instansi,
    periode: Periode,
    pengguna: Any,
    indikator_ids: list[int] | None = None,
) -> tuple[list[BarisIsian], Periode | None]:
    """The rows of the entry grid (all, or only `indikator_ids`) and the previous period.

    A fixed number of queries whatever the number of indicators: indicators, scale levels,
    targets, Rencana Aksi, realisations up to the period, the previous period and its values,
    and the evidence of this period's values.
    """
    qs = indikator_tanggung_jawab(instansi, periode)
    if indikator_ids is not None:
        qs = qs.filter(pk__in=indikator_ids)
    indikator = list(qs)
    ids = [i.pk for i in indikator]
    target = target_berlaku(ids, periode.tahun, periode.tanggal_akhir)
    ra = target_rencana_aksi(ids, periode.tahun, periode.jenis_periode)
    real = realisasi_sampai(ids, periode)
    lalu = periode_sebelumnya(periode)
    real_lalu = realisasi_periode(ids, lalu)
    sekarang = {iid: per[periode.nomor] for iid, per in real.items() if periode.nomor in per}
    bukti = data_dukung_realisasi(r.pk for r in sekarang.values())
    jumlah = hasil.JUMLAH_PERIODE[periode.jenis_periode]
    kunci_ttd = kunci_dokumen(instansi, periode) if periode.status == StatusPeriode.DIBUKA else ""
    baris = []
    for ind in indikator:
        b = hasil.hitung_baris(
            ind,
            target=target.get(ind.pk),
            ra=ra.get(ind.pk, {}),
            per_periode=real.get(ind.pk, {}),
            n=periode.nomor,
            jumlah_periode=jumlah,
        )
        r = sekarang.get(ind.pk)
        kunci = alasan_terkunci(periode, r, kunci_ttd)
        boleh = not kunci and pengguna.has_perm("kinerja.isi", ind)
        baris.append(
            BarisIsian(
                indikator=ind,
                capaian=b,
                realisasi=r,
                nilai_lalu_teks=hasil.teks_nilai(
                    ind, hasil.nilai_realisasi(ind, real_lalu.get(ind.pk))
                ),
                bukti=bukti.get(r.pk, []) if r else [],
                boleh_isi=boleh,
                alasan_kunci=kunci,
                masukan={
                    "nilai": nilai_input(ind, r),
                    "kendala": r.kendala if r else "",
                    "tindak_lanjut": r.tindak_lanjut if r else "",
                },
            )
        )
    return baris, lalu


def baris_anggaran(
    *,
    instansi: Instansi,
    periode: Periode,
    pengguna: Any,
    anggaran_ids: list[int] | None = None,
) -> list[BarisAnggaran]:
    """The budget lines of the unit with this period's spending and absorption (four queries).

    Lines with lines below them (a program above its kegiatan) are aggregates: read-only, kept
    equal to the sum below by `services.realisasi_anggaran_simpan`.
    """
    qs = anggaran_unit(instansi, periode.tahun)
    if anggaran_ids is not None:
        qs = qs.filter(pk__in=anggaran_ids)
    daftar = list(qs)
    real = realisasi_anggaran_sampai([a.pk for a in daftar], periode)
    pohon = pohon_anggaran({a.elemen.kerangka_id for a in daftar}, periode.tahun)
    agregat = {p for p in pohon.values() if p is not None}
    terbuka = periode.status == StatusPeriode.DIBUKA and not kunci_dokumen(instansi, periode)
    hasil_baris = []
    for a in daftar:
        per = real.get(a.pk, {})
        r = per.get(periode.nomor)
        nilai_sd = sum((x.nilai for x in per.values()), Decimal(0)) if per else None
        hasil_baris.append(
            BarisAnggaran(
                anggaran=a,
                realisasi=r,
                nilai_sd=nilai_sd,
                serapan_periode=rumus.serapan(realisasi=r.nilai if r else None, pagu=a.pagu),
                serapan_sd=rumus.serapan(realisasi=nilai_sd, pagu=a.pagu),
                boleh_isi=terbuka and a.pk not in agregat and pengguna.has_perm("kinerja.isi", a),
                masukan=teks_input(r.nilai) if r else "",
                agregat=a.pk in agregat,
            )
        )
    return hasil_baris


def isian(*, instansi: Instansi, periode: Periode, pengguna: Any) -> Isian:
    """The whole entry page of `instansi` for `periode` as `pengguna` sees it."""
    baris, lalu = baris_isian(instansi=instansi, periode=periode, pengguna=pengguna)
    return Isian(
        instansi=instansi,
        periode=periode,
        periode_lalu=lalu,
        baris=baris,
        anggaran=baris_anggaran(instansi=instansi, periode=periode, pengguna=pengguna),
        periode_terbuka=periode.status == StatusPeriode.DIBUKA,
        kunci_ttd=kunci_dokumen(instansi, periode)
        if periode.status == StatusPeriode.DIBUKA
        else "",
        boleh_isi=pengguna.has_perm("kinerja.isi", instansi),
        boleh_validasi=pengguna.has_perm("kinerja.validasi", instansi),
    )
