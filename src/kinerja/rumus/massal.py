"""Batch (columnar) computation: many indicator-periods in one call, with the same formulas.

`hitung_massal(baris)` takes compact input rows (`BarisMassal`, one per indicator-year) and
returns compact columns (`HasilMassal`): for every indicator-period "s.d. periode n" the
capaian against the annual target at full precision, the reason when it is not computable,
the data-quality flags as a bitmask (`BIT_BENDERA`, `BENDERA_DARI_BIT`) and the predikat.
`rekap_massal(nilai, kelompok)` rolls such values up per group, and can roll its own results
up again (sasaran → agency → Pemda).

Every number equals what the per-call API gives for the same inputs (property tests prove
it): result `j` of row `b` for period `n` is

    real = hitung_agregasi(b.realisasi, agregasi=b.agregasi, jenis=b.jenis, sampai=n,
                           skala=b.skala, boleh_negatif=b.boleh_negatif)
    h = real if real.alasan else hitung_capaian(
        target=b.target, realisasi=real.nilai_asli, polaritas=b.polaritas, jenis=b.jenis,
        metode_negatif=b.metode_negatif, target_min=b.target_min, target_max=b.target_max,
        skala=b.skala, boleh_negatif=b.boleh_negatif, ada_bukti=b.ada_bukti,
        riwayat=b.riwayat, ambang_jauh=..., ambang_pencilan=..., bendera_tambahan=real.bendera)
    nilai[j], alasan[j], bendera[j] = h.nilai, h.alasan, bit_bendera(h.bendera)
    predikat[j] = predikat(h, skala) if real.alasan is None else None

The batch is faster because it does per row what the per-call API does per call: each row is
validated once on entry (types, finiteness, sign, range bounds; the same rules), the history
is summarised once for the modified z-score, the polarity's formula is chosen once, no keyword
arguments and no result object per step. The formulas themselves are the functions the
per-call API calls (`rumus_rasio`, `rumus_selisih`, `_rumus`, `nilai_agregat`,
`ringkas_riwayat`, `lewat_batas`, `bit_capaian`, `bit_satuan`, `predikat_angka`,
`rata_rata`), so the two cannot drift apart. A row the fast path does not cover (yes/no or
ordinal values, negative values allowed, a value that fails validation, a missing or invalid
target or range, parameters of the wrong type, a value out of range) is computed by the
per-call code itself, period by period, and converted: slower, never different.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple, TypeVar, cast

from kinerja.rumus.angka import NOL, kali
from kinerja.rumus.bendera import (
    AMBANG_JAUH,
    AMBANG_PENCILAN,
    BENDERA_DARI_BIT,
    BIT_BENDERA,
    ProfilRiwayat,
    bit_bendera,
    bit_capaian,
    bit_satuan,
    lewat_batas,
    profil_riwayat,
    ringkas_riwayat,
)
from kinerja.rumus.capaian import (
    Nilai,
    _ambang_valid,
    _rumus,
    capaian,
    rumus_rasio,
    rumus_selisih,
)
from kinerja.rumus.jenis import Agregasi, Alasan, Bendera, JenisNilai, MetodeNegatif, Polaritas
from kinerja.rumus.periode import _agregasi, nilai_agregat
from kinerja.rumus.rekap import batas_sah, bit_rollup, periksa_bobot, rata_rata
from kinerja.rumus.skala import (
    PREDIKAT_PERMENDAGRI_86,
    Predikat,
    SkalaOrdinal,
    SkalaPredikat,
    predikat,
    predikat_angka,
)


class BarisMassal(NamedTuple):
    """One indicator-year of a batch: the inputs `hitung_capaian_sd_triwulan` would take.

    `realisasi` holds each period's own value (index 0 = period 1, None = not entered);
    `target` is the annual target (a range indicator uses `target_min`/`target_max`); the
    other fields mean what the keyword arguments of `hitung_capaian` and `hitung_agregasi`
    mean. `sampai` is the last period to compute (default: the length of `realisasi`).
    """

    realisasi: Sequence[Nilai | bool | None]
    target: Nilai | bool | None = None
    polaritas: Polaritas | str = Polaritas.POSITIF
    agregasi: Agregasi | str = Agregasi.NILAI_AKHIR
    target_min: Nilai | None = None
    target_max: Nilai | None = None
    ada_bukti: bool = True
    riwayat: Sequence[Decimal | None] | ProfilRiwayat = ()
    jenis: JenisNilai | str = JenisNilai.ANGKA
    metode_negatif: MetodeNegatif | str = MetodeNegatif.SELISIH
    boleh_negatif: bool = False
    sampai: int | None = None
    skala: SkalaOrdinal | None = None


class HasilMassal:
    """The results of a batch as parallel columns (tuples), one entry per indicator-period.

    `nilai` (Decimal at full precision, None when not computable), `alasan` (None or why not),
    `bendera` (bitmask, see `BENDERA_DARI_BIT`), `predikat` (None when not computable),
    `baris` (index of the input row) and `periode` (n of "s.d. periode n"; 0 when the row's
    `sampai` is not a positive whole number, which gives one not-computable result).
    """

    __slots__ = ("alasan", "baris", "bendera", "nilai", "periode", "predikat")

    def __init__(
        self,
        nilai: Sequence[Decimal | None],
        alasan: Sequence[Alasan | None],
        bendera: Sequence[int],
        predikat: Sequence[Predikat | None],
        baris: Sequence[int],
        periode: Sequence[int],
    ) -> None:
        self.nilai: tuple[Decimal | None, ...] = tuple(nilai)
        self.alasan: tuple[Alasan | None, ...] = tuple(alasan)
        self.bendera: tuple[int, ...] = tuple(bendera)
        self.predikat: tuple[Predikat | None, ...] = tuple(predikat)
        self.baris: tuple[int, ...] = tuple(baris)
        self.periode: tuple[int, ...] = tuple(periode)

    def __len__(self) -> int:
        return len(self.nilai)

    def himpunan_bendera(self, i: int) -> frozenset[Bendera]:
        """The flags of result `i` as the set a per-call result carries."""
        return BENDERA_DARI_BIT[self.bendera[i]]


class RekapMassal(NamedTuple):
    """The roll-up of one group: what `rollup` and `predikat` give, in compact form."""

    nilai: Decimal | None
    alasan: Alasan | None
    bendera: int
    predikat: Predikat | None
    jumlah_dihitung: int
    jumlah_tidak_dihitung: int
    jumlah_dibatasi: int


_rekap = tuple.__new__  # a NamedTuple without its Python-level __new__
_POSITIF = Polaritas.POSITIF
_NEGATIF = Polaritas.NEGATIF
_RENTANG = Polaritas.RENTANG
_SELISIH = MetodeNegatif.SELISIH
_ANGKA = JenisNilai.ANGKA
_PERSEN = JenisNilai.PERSEN
_KUMULATIF = Agregasi.KUMULATIF
_NILAI_AKHIR = Agregasi.NILAI_AKHIR
_RATA_RATA = Agregasi.RATA_RATA
_REALISASI_KOSONG = Alasan.REALISASI_KOSONG
_PERIODE_KOSONG = Alasan.PERIODE_KOSONG
_BIT_SEBELUMNYA = BIT_BENDERA[Bendera.NILAI_PERIODE_SEBELUMNYA]
_BIT_KURANG = BIT_BENDERA[Bendera.DATA_TIDAK_LENGKAP]
_JUMLAH_KOLOM = 13

# How a fast row computes its capaian: R × 100 / T, (2T − R) × 100 / T, or `_rumus`.
_RASIO, _SELISIH_T, _UMUM = 0, 1, 2


_E = TypeVar("_E", Polaritas, Agregasi, JenisNilai, MetodeNegatif)
_TEKS: dict[type, dict[str, object]] = {
    cls: {m.value: m for m in cls} for cls in (Polaritas, Agregasi, JenisNilai, MetodeNegatif)
}


def _ke_enum(cls: type[_E], x: object) -> _E | None:
    """`x` as a member of `cls` as the per-call API reads it (a stored string converts)."""
    if type(x) is str:
        return _TEKS[cls].get(x)  # type: ignore[return-value]
    try:
        return cls(cast(str, x))
    except (ValueError, TypeError):
        return None


def _per_panggilan(
    b: tuple[object, ...],
    periode: Sequence[object],
    skala: SkalaPredikat,
    ambang_jauh: object,
    ambang_pencilan: object,
    keluar: tuple[list[object], ...],
    i: int,
) -> None:
    """A row the fast path does not cover, computed by the per-call code, period by period."""
    (
        realisasi,
        target,
        polaritas,
        agregasi,
        target_min,
        target_max,
        ada_bukti,
        riwayat,
        jenis,
        metode_negatif,
        boleh_negatif,
        _sampai,
        skala_ordinal,
    ) = b
    nilai_k, alasan_k, bendera_k, predikat_k, baris_k, periode_k = keluar
    riwayat_sekali: object = profil_riwayat(riwayat) if riwayat else riwayat  # type: ignore[arg-type]
    for n in periode:
        real = _agregasi(
            realisasi,
            agregasi,
            jenis,
            n,
            skala_ordinal,
            boleh_negatif,
            _REALISASI_KOSONG,
            "realisasi",
        )
        if real.alasan is not None:
            nilai_k.append(None)
            alasan_k.append(real.alasan)
            bendera_k.append(bit_bendera(real.bendera))
            predikat_k.append(None)
        else:
            h = capaian(
                target,
                real.nilai_asli,
                polaritas,
                jenis,
                metode_negatif,
                target_min,
                target_max,
                skala_ordinal,
                boleh_negatif,
                ada_bukti,
                riwayat_sekali,
                None,
                None,
                ambang_jauh,
                ambang_pencilan,
                real.bendera,
            )
            nilai_k.append(h.nilai)
            alasan_k.append(h.alasan)
            bendera_k.append(bit_bendera(h.bendera))
            predikat_k.append(predikat(h, skala))
        baris_k.append(i)
        periode_k.append(n if type(n) is int else 0)


def hitung_massal(
    baris: Iterable[BarisMassal],
    *,
    skala: SkalaPredikat = PREDIKAT_PERMENDAGRI_86,
    ambang_jauh: Decimal = AMBANG_JAUH,
    ambang_pencilan: Decimal = AMBANG_PENCILAN,
    hanya_akhir: bool = False,
) -> HasilMassal:
    """Capaian "s.d. periode n" of many indicators at once, against each annual target.

    Each row gives results for its periods 1..`sampai` in order (only period `sampai` when
    `hanya_akhir`), each exactly what the per-call API gives (module docstring). Flags are a
    bitmask; the predikat uses `skala`. Never raises for any value in a row; a row that is
    neither a `BarisMassal` nor a plain tuple of its 13 fields gives one result
    PARAMETER_TIDAK_VALID (period 0).

    >>> h = hitung_massal([BarisMassal([Decimal("5"), Decimal("4.88")], Decimal("32"),
    ...                                Polaritas.NEGATIF)])
    >>> h.nilai, h.periode, h.predikat[1].kode
    ((Decimal('184.375'), Decimal('184.75')), (1, 2), 'ST')
    """
    nilai_k: list[Decimal | None] = []
    alasan_k: list[Alasan | None] = []
    bendera_k: list[int] = []
    predikat_k: list[Predikat | None] = []
    baris_k: list[int] = []
    periode_k: list[int] = []
    keluar: tuple[list[object], ...] = (  # type: ignore[assignment]
        nilai_k,
        alasan_k,
        bendera_k,
        predikat_k,
        baris_k,
        periode_k,
    )
    tambah_nilai = nilai_k.append
    tambah_alasan = alasan_k.append
    tambah_bendera = bendera_k.append
    tambah_predikat = predikat_k.append
    tambah_baris = baris_k.append
    terisi: list[Decimal] = []
    tambah_terisi = terisi.append
    parameter_sah = _ambang_valid(ambang_jauh) and _ambang_valid(ambang_pencilan)
    skala_sah = isinstance(skala, SkalaPredikat)
    aj: Decimal = ambang_jauh
    ap: Decimal = ambang_pencilan

    for i, b in enumerate(baris):
        if type(b) is not BarisMassal and (not isinstance(b, tuple) or len(b) != _JUMLAH_KOLOM):
            tambah_nilai(None)
            tambah_alasan(Alasan.PARAMETER_TIDAK_VALID)
            tambah_bendera(0)
            tambah_predikat(None)
            baris_k.append(i)
            periode_k.append(0)
            continue
        (
            realisasi,
            target,
            polaritas,
            agregasi,
            target_min,
            target_max,
            ada_bukti,
            riwayat,
            jenis,
            metode_negatif,
            boleh_negatif,
            sampai,
            _skala_ordinal,
        ) = b
        daftar = type(realisasi) is tuple or type(realisasi) is list
        k: object = len(realisasi) if daftar and sampai is None else sampai
        if type(k) is not int or k < 1:
            _per_panggilan(b, (sampai,), skala, ambang_jauh, ambang_pencilan, keluar, i)
            continue
        semua = range(k, k + 1) if hanya_akhir else range(1, k + 1)

        # Validate the row once, by the per-call API's rules; what the fast path does not
        # cover goes to the per-call code.
        pol = polaritas if type(polaritas) is Polaritas else _ke_enum(Polaritas, polaritas)
        agr = agregasi if type(agregasi) is Agregasi else _ke_enum(Agregasi, agregasi)
        jn = jenis if type(jenis) is JenisNilai else _ke_enum(JenisNilai, jenis)
        mn = (
            metode_negatif
            if type(metode_negatif) is MetodeNegatif
            else _ke_enum(MetodeNegatif, metode_negatif)
        )
        cepat = (
            parameter_sah
            and daftar
            and (jn is _ANGKA or jn is _PERSEN)
            and pol is not None
            and agr is not None
            and mn is not None
            and boleh_negatif is False
            and (ada_bukti is True or ada_bukti is False)
        )
        if cepat:
            panjang = len(realisasi)
            nilai_baris: Sequence[object] = (
                realisasi[:k] if panjang >= k else (*realisasi, *((None,) * (k - panjang)))
            )
            for x in nilai_baris:
                if x is not None and (type(x) is not Decimal or not x.is_finite() or x < NOL):
                    cepat = False
                    break
        t: Decimal | None = None
        lo: Decimal | None = None
        hi: Decimal | None = None
        cara = _UMUM
        if not cepat:
            pass
        elif pol is _RENTANG:
            if (
                type(target_min) is Decimal
                and type(target_max) is Decimal
                and target_min.is_finite()
                and target_max.is_finite()
                and NOL <= target_min <= target_max
            ):
                lo, hi = target_min, target_max
            else:
                cepat = False
        elif type(target) is Decimal and target.is_finite() and target >= NOL:
            t = target
            if t:
                if pol is _POSITIF:
                    cara = _RASIO
                elif mn is _SELISIH:
                    cara = _SELISIH_T
        else:
            cepat = False
        if not cepat:
            _per_panggilan(b, semua, skala, ambang_jauh, ambang_pencilan, keluar, i)
            continue
        assert pol is not None and agr is not None and mn is not None

        # The history reduced once; med None: no outlier test (it would always be False).
        med: Decimal | None = None
        faktor = batas_z = NOL
        if riwayat:
            if isinstance(riwayat, ProfilRiwayat):
                med, faktor, pembagi = riwayat.median, riwayat.faktor, riwayat.pembagi
                batas_bawaan = riwayat._batas_bawaan
            else:
                ringkas = ringkas_riwayat(cast(Sequence[object], riwayat))
                if type(ringkas) is tuple:
                    med, faktor, pembagi, batas_bawaan, _ = ringkas
            if med is not None:
                if ap is AMBANG_PENCILAN:
                    batas_z = batas_bawaan
                else:
                    try:
                        batas_z = kali(ap, pembagi)
                    except ArithmeticError:
                        med = None
        tanpa_bukti = ada_bukti is False
        persen = jn is _PERSEN
        kumulatif = agr is _KUMULATIF
        akhir = agr is _NILAI_AKHIR
        rata = agr is _RATA_RATA
        terisi.clear()  # one list for every row: fewer objects for the garbage collector
        if hanya_akhir:
            terisi.extend([x for x in nilai_baris[: k - 1] if x is not None])  # type: ignore[misc]
        jumlah = len(terisi)
        mulai = len(nilai_k)
        try:
            for n in semua:
                tambah_baris(i)
                x = nilai_baris[n - 1]
                if x is not None:
                    tambah_terisi(x)  # type: ignore[arg-type]
                    jumlah += 1
                if not jumlah or (kumulatif and jumlah != n):
                    tambah_nilai(None)
                    tambah_alasan(_PERIODE_KOSONG if jumlah else _REALISASI_KOSONG)
                    tambah_bendera(0)
                    tambah_predikat(None)
                    continue
                r = nilai_agregat(terisi, agr)
                if akhir:
                    bit = _BIT_SEBELUMNYA if x is None else 0
                else:
                    bit = _BIT_KURANG if rata and jumlah != n else 0
                if cara == _RASIO:
                    nilai: Decimal | None = rumus_rasio(r, t)  # type: ignore[arg-type]
                    tambah_alasan(None)
                elif cara == _SELISIH_T:
                    nilai = rumus_selisih(r, t)  # type: ignore[arg-type]
                    tambah_alasan(None)
                else:
                    nilai, _, alasan, _ = _rumus(r, t, lo, hi, pol, mn)
                    tambah_alasan(alasan)
                bit |= bit_capaian(
                    nilai,
                    tanpa_bukti,
                    med is not None and lewat_batas(r, med, faktor, batas_z),
                    aj,
                )
                if persen:
                    bit |= bit_satuan(True, r, t, None, None)
                tambah_nilai(nilai)
                tambah_bendera(bit)
                tambah_predikat(
                    None if nilai is None or not skala_sah else predikat_angka(nilai, skala)
                )
        except ArithmeticError:
            # Out of range somewhere in this row: let the per-call code say where and why.
            for kolom in keluar[:5]:
                del kolom[mulai:]
            _per_panggilan(b, semua, skala, ambang_jauh, ambang_pencilan, keluar, i)
            continue
        periode_k.extend(semua)
    return HasilMassal(nilai_k, alasan_k, bendera_k, predikat_k, baris_k, periode_k)


def rekap_massal(
    nilai: Sequence[object],
    kelompok: Sequence[Hashable],
    *,
    bobot: Sequence[Decimal | int] | None = None,
    batas: Decimal | None = None,
    skala: SkalaPredikat = PREDIKAT_PERMENDAGRI_86,
) -> dict[Hashable, RekapMassal]:
    """The roll-up of each group: `nilai[i]` belongs to group `kelompok[i]`.

    For each group (in order of first appearance) the result is what
    `rollup([its values], bobot=[its weights] or None, batas=batas)` and `predikat(…, skala)`
    give, in compact form. Values may be Decimals, None, or results (`.nilai` counts).
    Raises ValueError when `kelompok` (or `bobot`) is not as long as `nilai`: a programming
    error, not a data problem.

    >>> r = rekap_massal([Decimal(80), Decimal("184.75"), None], ["a", "a", "a"],
    ...                  batas=Decimal(120))
    >>> r["a"].nilai, r["a"].jumlah_tidak_dihitung, r["a"].predikat.kode
    (Decimal('100'), 1, 'ST')
    """
    if len(kelompok) != len(nilai) or (bobot is not None and len(bobot) != len(nilai)):
        raise ValueError("nilai, kelompok dan bobot harus sama panjang")
    grup: dict[Hashable, list[object]] = {}
    grup_bobot: dict[Hashable, list[object]] = {}
    if bobot is None:
        for v, kunci in zip(nilai, kelompok, strict=True):
            g = grup.get(kunci)
            if g is None:
                grup[kunci] = [v]
            else:
                g.append(v)
    else:
        for v, kunci, w in zip(nilai, kelompok, bobot, strict=True):
            g = grup.get(kunci)
            if g is None:
                grup[kunci] = [v]
                grup_bobot[kunci] = [w]
            else:
                g.append(v)
                grup_bobot[kunci].append(w)
    skala_sah = isinstance(skala, SkalaPredikat)
    gagal = RekapMassal(None, Alasan.PARAMETER_TIDAK_VALID, 0, None, 0, 0, 0)
    hasil: dict[Hashable, RekapMassal] = {}
    if not batas_sah(batas):
        return dict.fromkeys(grup, gagal)
    for kunci, g in grup.items():
        berat: list[Decimal] | None = None
        if bobot is not None:
            berat, salah = periksa_bobot(grup_bobot[kunci], len(g))
            if salah:
                hasil[kunci] = gagal
                continue
        v, alasan, _, dihitung, tidak, dibatasi = rata_rata(g, berat, batas)
        hasil[kunci] = _rekap(
            RekapMassal,
            (
                v,
                alasan,
                bit_rollup(tidak, dibatasi),
                None if v is None or not skala_sah else predikat_angka(v, skala),
                dihitung,
                tidak,
                dibatasi,
            ),
        )
    return hasil
