"""Reads of the annual evaluation (evaluasi kinerja tahunan, PermenPAN-RB 6/2022): the SKP of an
employee's year, the periodic evaluation each one rests on, the suggestion (`usulan_tahunan`)
with its basis, and the small section on the SKP page (`konteks_detail`).

The suggestion: for each SKP of the year, its last *final* periodic evaluation (latest period
end; among periods ending the same day the widest, so "Tahun" before "Semester II" before
"Triwulan IV") weighted by the SKP's days, combined with `matriks.rating_gabungan`. For a unit
head (by the position on the year's last SKP) the hasil kerja rating follows the unit's capaian
for the Pemda's "Tahun" period when it can be computed (`selectors.rating_pimpinan`), as in the
periodic evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from kinerja.organisasi.models import Pegawai
from kinerja.pengukuran.models import Periode
from kinerja.skp import matriks, selectors
from kinerja.skp.models import SKP, PenilaianSKP, PenilaianTahunan, StatusSKP


def _qs_skp_tahun(pegawai_id: int, tahun: int) -> QuerySet[SKP]:
    """The employee's SKP of the year, oldest first, with what the annual pages print."""
    return (
        SKP.objects.filter(pegawai_id=pegawai_id, tahun=tahun)
        .select_related(
            "pegawai",
            "unit",
            "jabatan__atasan",
            "jabatan__instansi",
            "penilai",
            "jabatan_penilai__instansi",
        )
        .order_by("mulai")
    )


def _dengan_penilaian(daftar: list[SKP]) -> list[SKP]:
    """Prefetch each SKP's periodic evaluations (with their periods) in one query."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        daftar,
        Prefetch(
            "penilaian",
            queryset=PenilaianSKP.objects.select_related("periode", "penilai"),
        ),
    )
    return daftar


def skp_tahun(pegawai: Pegawai | int, tahun: int, *, kunci: bool = False) -> list[SKP]:
    """Every SKP of the employee in `tahun` (two or more after a move), oldest first, with
    their periodic evaluations prefetched. `kunci` locks the SKP rows (inside a transaction;
    `of=("self",)` so PostgreSQL accepts the nullable joins)."""
    pk = pegawai if isinstance(pegawai, int) else pegawai.pk
    qs = _qs_skp_tahun(pk, tahun)
    if kunci:
        qs = qs.select_for_update(of=("self",))
    return _dengan_penilaian(list(qs))


def skp_terakhir(pegawai: Pegawai | int, tahun: int) -> SKP | None:
    """The employee's last SKP of the year (latest start), the one the annual evaluation
    belongs to; None when there is no SKP that year."""
    pk = pegawai if isinstance(pegawai, int) else pegawai.pk
    return _qs_skp_tahun(pk, tahun).order_by("-mulai").first()


def penilaian_tahunan(pegawai: Pegawai | int, tahun: int) -> PenilaianTahunan | None:
    """The employee's annual evaluation of the year (draft or final), or None."""
    pk = pegawai if isinstance(pegawai, int) else pegawai.pk
    return (
        PenilaianTahunan.objects.filter(pegawai_id=pk, tahun=tahun)
        .select_related("skp", "penilai", "dinilai_oleh")
        .first()
    )


def hari_skp(skp: SKP) -> int:
    """The days an SKP covers, both ends included (its weight in the annual evaluation)."""
    return (skp.selesai - skp.mulai).days + 1


def evaluasi_dasar(penilaian: Iterable[PenilaianSKP]) -> PenilaianSKP | None:
    """The periodic evaluation an SKP's part of the year rests on: the final one whose period
    ends last; among periods ending the same day the widest (the year before a semester before
    a quarter). None when no evaluation is final."""
    final = [p for p in penilaian if p.final]
    if not final:
        return None
    return max(
        final,
        key=lambda p: (p.periode.tanggal_akhir, -p.periode.tanggal_mulai.toordinal()),
    )


def periode_tahun(skp: SKP) -> Periode | None:
    """The Pemda's "Tahun" measurement period of the SKP's year, or None if not opened."""
    return Periode.objects.filter(
        pemda_id=skp.unit.id_leluhur[0], tahun=skp.tahun, jenis_periode="tahun", nomor=1
    ).first()


@dataclass(frozen=True)
class BagianTahunan:
    """One SKP of the year in the annual evaluation: its days, every periodic evaluation and
    the final one it rests on (`dasar`, None if none is final: the part then carries no
    weight)."""

    skp: SKP
    hari: int
    penilaian: list[PenilaianSKP]
    dasar: PenilaianSKP | None


@dataclass(frozen=True)
class UsulanTahunan:
    """The suggested annual evaluation and its basis.

    `rating_hasil_gabungan` and `rating_perilaku` combine the parts (`matriks.rating_gabungan`,
    with the weighted scores `skor_*`); `rating_pimpinan` is the rating the unit's annual
    capaian sets for a unit head (None when the rule does not apply or the capaian cannot be
    computed) and then replaces the combined hasil kerja rating.
    """

    tahun: int
    bagian: list[BagianTahunan]
    skp_terakhir: SKP | None
    periode_tahun: Periode | None
    kepala_unit: bool
    capaian_unit: Decimal | None
    rating_pimpinan: matriks.Rating | None
    rating_hasil_gabungan: matriks.Rating | None
    skor_hasil: Decimal | None
    rating_perilaku: matriks.Rating | None
    skor_perilaku: Decimal | None

    @staticmethod
    def skor_cetak(skor: Decimal | None) -> Decimal | None:
        """A weighted score cut (not rounded) to two decimals for display, so the printed
        number sits on the same side of the 2,50 and 1,50 bounds as the exact one
        (914/365 ≈ 2,504 prints 2,50 and is di atas; 911/365 ≈ 2,496 prints 2,49)."""
        return None if skor is None else skor.quantize(Decimal("0.01"), rounding=ROUND_DOWN)

    @property
    def skor_hasil_cetak(self) -> Decimal | None:
        """The hasil kerja score for display (two decimals, cut)."""
        return self.skor_cetak(self.skor_hasil)

    @property
    def skor_perilaku_cetak(self) -> Decimal | None:
        """The perilaku kerja score for display (two decimals, cut)."""
        return self.skor_cetak(self.skor_perilaku)

    @property
    def ada_dasar(self) -> bool:
        """True when at least one SKP of the year has a final periodic evaluation."""
        return any(b.dasar is not None for b in self.bagian)

    @property
    def hari_dinilai(self) -> int:
        """The days of the year carried by a final periodic evaluation (the total weight)."""
        return sum(b.hari for b in self.bagian if b.dasar is not None)

    @property
    def rating_hasil(self) -> matriks.Rating | None:
        """The suggested hasil kerja rating: the unit's capaian for a unit head, else combined."""
        return self.rating_pimpinan or self.rating_hasil_gabungan

    @property
    def predikat(self) -> matriks.Predikat | None:
        """The predikat the suggested ratings give (3 × 3 matrix), or None without a basis."""
        if self.rating_hasil is None or self.rating_perilaku is None:
            return None
        return matriks.predikat_kinerja(self.rating_hasil, self.rating_perilaku)

    def label(self, rating: matriks.Rating | None) -> str:
        """A rating as printed, or "–"."""
        return matriks.LABEL_RATING[rating] if rating is not None else "–"

    @property
    def label_hasil(self) -> str:
        """The suggested hasil kerja rating as printed."""
        return self.label(self.rating_hasil)

    @property
    def label_perilaku(self) -> str:
        """The suggested perilaku kerja rating as printed."""
        return self.label(self.rating_perilaku)

    @property
    def label_predikat(self) -> str:
        """The suggested predikat as printed."""
        return matriks.LABEL_PREDIKAT[self.predikat] if self.predikat is not None else "–"

    def dasar_audit(self) -> dict[str, Any]:
        """The basis as plain data, kept in the audit row of the decision."""
        return {
            "bagian": [
                {
                    "skp": b.skp.pk,
                    "hari": b.hari,
                    "penilaian": b.dasar.pk if b.dasar else None,
                    "periode": b.dasar.periode_id if b.dasar else None,
                    "rating_hasil_kerja": b.dasar.rating_hasil_kerja if b.dasar else None,
                    "rating_perilaku": b.dasar.rating_perilaku if b.dasar else None,
                }
                for b in self.bagian
            ],
            "rating_hasil_gabungan": self.rating_hasil_gabungan,
            "skor_hasil": self.skor_hasil,
            "rating_perilaku": self.rating_perilaku,
            "skor_perilaku": self.skor_perilaku,
            "capaian_unit": self.capaian_unit,
            "rating_pimpinan": self.rating_pimpinan,
        }


def usulan_dari(daftar: Sequence[SKP]) -> UsulanTahunan:
    """The suggestion from the year's SKP (oldest first, evaluations prefetched, e.g. from
    `skp_tahun`): each SKP's final periodic evaluation weighted by its days, and the unit-head
    rule on the last SKP for the "Tahun" period."""
    bagian = []
    for s in daftar:
        semua = sorted(
            s.penilaian.all(), key=lambda p: (p.periode.tanggal_akhir, p.periode.tanggal_mulai)
        )
        bagian.append(BagianTahunan(s, hari_skp(s), semua, evaluasi_dasar(semua)))
    dinilai = [b for b in bagian if b.dasar is not None]
    hasil = [(b.dasar.rating_hasil_kerja, b.hari) for b in dinilai if b.dasar]
    perilaku = [(b.dasar.rating_perilaku, b.hari) for b in dinilai if b.dasar]
    terakhir = daftar[-1] if daftar else None
    tahun = terakhir.tahun if terakhir else 0
    periode = periode_tahun(terakhir) if terakhir is not None else None
    kepala_unit = terakhir is not None and selectors.adalah_kepala_unit(terakhir.jabatan)
    capaian, otomatis = (
        selectors.rating_pimpinan(terakhir, periode)
        if terakhir is not None and periode is not None and kepala_unit
        else (None, None)
    )
    return UsulanTahunan(
        tahun=tahun,
        bagian=bagian,
        skp_terakhir=terakhir,
        periode_tahun=periode,
        kepala_unit=kepala_unit,
        capaian_unit=capaian,
        rating_pimpinan=otomatis,
        rating_hasil_gabungan=matriks.rating_gabungan(hasil),
        skor_hasil=matriks.skor_gabungan(hasil),
        rating_perilaku=matriks.rating_gabungan(perilaku),
        skor_perilaku=matriks.skor_gabungan(perilaku),
    )


def usulan_tahunan(pegawai: Pegawai | int, tahun: int) -> UsulanTahunan:
    """The suggested annual evaluation of `pegawai` for `tahun` with its basis (see the module
    docstring). An employee without SKP that year gets an empty suggestion."""
    return usulan_dari(skp_tahun(pegawai, tahun))


def konteks_detail(user: Any, skp: SKP) -> dict[str, Any]:
    """Extra context for the SKP page (`skp/_detail_tahunan.html`): the annual evaluation of the
    SKP's employee and year if the user may see it, and whether they may decide it.

    Two queries (the year's last SKP and the annual evaluation) plus the permission checks.
    Someone who sees this SKP but not the year's last one (the old unit's superior after a
    move) gets no section.
    """
    terakhir = (
        SKP.objects.filter(pegawai_id=skp.pegawai_id, tahun=skp.tahun)
        .select_related("unit")
        .order_by("-mulai")
        .first()
    )
    if terakhir is None or terakhir.pk == skp.pk:
        terakhir = skp
    if not user.has_perm("skp.lihat_tahunan", terakhir):
        return {"tahunan_tampil": False}
    nilai = PenilaianTahunan.objects.filter(pegawai_id=skp.pegawai_id, tahun=skp.tahun).first()
    boleh_nilai = user.has_perm("skp.nilai_tahunan", terakhir)
    return {
        "tahunan_tampil": True,
        "tahunan": nilai,
        "tahunan_boleh_nilai": bool(
            boleh_nilai
            and terakhir.status == StatusSKP.DITETAPKAN
            and not (nilai is not None and nilai.final)
        ),
        "tahunan_skp_terakhir": terakhir,
    }
