"""Result objects: small, immutable, carrying the value at full precision and how it was made."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any, ClassVar

from kinerja.rumus.angka import bulatkan
from kinerja.rumus.jenis import Alasan, Bendera, KategoriEfisiensi

#: The flag set of a result without flags (shared: most results have none).
TANPA_BENDERA: frozenset[Bendera] = frozenset()
_MASUKAN_KOSONG: Mapping[str, object] = MappingProxyType({})


class Masukan(tuple[object, ...], Mapping[str, object]):
    """The inputs of a result: an immutable mapping of name → value.

    A tuple underneath, so that the hot path builds it in one step (a dict wrapped in a
    read-only proxy costs three times as much). Each kind of result has a subclass naming its
    fields in `NAMA`, built as `Sub((v1, v2, ...))`; it behaves as a read-only Mapping:
    `masukan["target"]`, `dict(masukan)`, `"target" in masukan`.
    """

    __slots__ = ()
    NAMA: ClassVar[tuple[str, ...]] = ()
    _INDEKS: ClassVar[dict[str, int]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._INDEKS = {nama: i for i, nama in enumerate(cls.NAMA)}

    def __getitem__(self, kunci: str) -> object:  # type: ignore[override]
        i = self._INDEKS.get(kunci) if isinstance(kunci, str) else None
        if i is None:
            raise KeyError(kunci)
        return tuple.__getitem__(self, i)

    def __iter__(self) -> Iterator[str]:
        return iter(self.NAMA)

    def __contains__(self, kunci: object) -> bool:
        return kunci in self._INDEKS

    def __len__(self) -> int:
        return len(self.NAMA)

    def __eq__(self, lain: object) -> bool:
        if isinstance(lain, Mapping):
            return dict(self.items()) == dict(lain.items())
        return NotImplemented

    def __ne__(self, lain: object) -> bool:
        sama = self.__eq__(lain)
        return sama if sama is NotImplemented else not sama

    def __hash__(self) -> int:
        return tuple.__hash__(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self.items())!r})"


@dataclass(frozen=True, slots=True, kw_only=True)
class Hasil:
    """A computed number, or the reason it could not be computed.

    `nilai` is the value at full precision (None exactly when `alasan` says why not);
    `metode` names the formula used; `masukan` holds the inputs it was computed from;
    `bendera` holds data-quality flags; `rincian` adds detail to the reason (which level, which
    period). Round for display with `bulat()`, never before.
    """

    nilai: Decimal | None
    metode: str
    masukan: Mapping[str, object] = field(default_factory=lambda: _MASUKAN_KOSONG, hash=False)
    bendera: frozenset[Bendera] = TANPA_BENDERA
    alasan: Alasan | None = None
    rincian: str = ""

    @property
    def dapat_dihitung(self) -> bool:
        """True when the value could be computed."""
        return self.alasan is None

    @property
    def pesan(self) -> str | None:
        """Why the value is *tidak dapat dihitung*, in Indonesian; None when it was computed."""
        if self.alasan is None:
            return None
        if self.rincian:
            return f"{self.alasan.pesan} ({self.rincian})"
        return self.alasan.pesan

    def bulat(self) -> Decimal | None:
        """The value rounded half up to 2 decimals for display (None when not computable)."""
        return None if self.nilai is None else bulatkan(self.nilai)

    def ke_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (Decimals as strings) for snapshots of signed documents and the API."""
        hasil: dict[str, Any] = {}
        for nama in _nama_field(type(self)):
            hasil[nama] = _ke_json(getattr(self, nama))
        hasil["pesan"] = self.pesan
        return hasil


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilCapaian(Hasil):
    """The capaian (%) of one indicator in one period."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilAgregasi(Hasil):
    """Period values aggregated "s.d. periode n".

    `nilai` is the aggregated number (for ordinal indicators the level's score, for yes/no 1 or
    0); `nilai_asli` is the same value in the indicator's own notation (a Decimal, a bool, or a
    `LevelOrdinal`), ready to pass to `hitung_capaian`. `periode_terisi` and `periode_kosong`
    list the 1-based periods that had a value and that did not.
    """

    nilai_asli: object = None
    periode_terisi: tuple[int, ...] = ()
    periode_kosong: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilRollup(Hasil):
    """The mean capaian of a group (sasaran, program, agency, Pemda).

    `jumlah_dihitung` results entered the mean, `jumlah_tidak_dihitung` were left out because
    they were not computable, and `jumlah_dibatasi` of those entered were lowered to the cap.
    """

    jumlah_dihitung: int = 0
    jumlah_tidak_dihitung: int = 0
    jumlah_dibatasi: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilSerapan(Hasil):
    """Budget absorption Σrealisasi / Σpagu × 100.

    `rata_rata_persentase` is the mean of the per-line percentages that many published reports
    show instead; it is kept only to explain the difference, never used in place of `nilai`.
    """

    total_realisasi: Decimal | None = None
    total_pagu: Decimal | None = None
    rata_rata_persentase: Decimal | None = None
    jumlah_baris: int = 0
    jumlah_baris_tidak_lengkap: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilEfisiensi(Hasil):
    """Efficiency of a unit: capaian kinerja against serapan anggaran, and its band."""

    kategori: KategoriEfisiensi | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilProyeksi(Hasil):
    """The projected year-end realisation and the capaian it would give.

    `nilai` is the projected number (a level's score for ordinal, 1/0 for yes/no) and
    `nilai_asli` the same in the indicator's own notation.
    """

    nilai_asli: object = None
    capaian: HasilCapaian | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class HasilSdTriwulan:
    """Capaian "s.d. triwulan n": against the Rencana Aksi target and against the annual target.

    `realisasi` is the realisation aggregated to quarter n, `target_triwulan` the Rencana Aksi
    target aggregated the same way (None for a range indicator, compared with its range), and
    the two capaian compare the realisation with each target.
    """

    triwulan: int
    realisasi: HasilAgregasi
    target_triwulan: HasilAgregasi | None
    terhadap_target_triwulan: HasilCapaian
    terhadap_target_tahunan: HasilCapaian

    def ke_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of all four parts."""
        return {
            "triwulan": self.triwulan,
            "realisasi": self.realisasi.ke_dict(),
            "target_triwulan": _ke_json(self.target_triwulan),
            "terhadap_target_triwulan": self.terhadap_target_triwulan.ke_dict(),
            "terhadap_target_tahunan": self.terhadap_target_tahunan.ke_dict(),
        }


_FIELD_CACHE: dict[type, tuple[str, ...]] = {}


def _nama_field(cls: type) -> tuple[str, ...]:
    nama = _FIELD_CACHE.get(cls)
    if nama is None:
        nama = tuple(cls.__dataclass_fields__)  # type: ignore[attr-defined]
        _FIELD_CACHE[cls] = nama
    return nama


def _ke_json(x: object) -> Any:
    """A value as JSON: Decimal → str, enum → its value, scale objects → their code."""
    if x is None or isinstance(x, bool | int | str) and not isinstance(x, Enum):
        return x
    if isinstance(x, Enum):
        return x.value
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, Hasil | HasilSdTriwulan):
        return x.ke_dict()
    if isinstance(x, frozenset):
        return sorted(_ke_json(v) for v in x)
    if isinstance(x, Mapping):
        return {str(k): _ke_json(v) for k, v in x.items()}
    if isinstance(x, tuple | list):
        return [_ke_json(v) for v in x]
    kode = getattr(x, "kode", None)
    if isinstance(kode, str):
        return kode
    return repr(x)


# Fast construction of the hot-path result: the frozen dataclass __init__ goes through
# object.__setattr__ per field, which costs as much as the capaian formula itself.
_baru = object.__new__
_SLOT = vars(Hasil)
_set_nilai = _SLOT["nilai"].__set__
_set_metode = _SLOT["metode"].__set__
_set_masukan = _SLOT["masukan"].__set__
_set_bendera = _SLOT["bendera"].__set__
_set_alasan = _SLOT["alasan"].__set__
_set_rincian = _SLOT["rincian"].__set__
_SLOT_AGREGASI = vars(HasilAgregasi)
_set_nilai_asli = _SLOT_AGREGASI["nilai_asli"].__set__
_set_terisi = _SLOT_AGREGASI["periode_terisi"].__set__
_set_kosong = _SLOT_AGREGASI["periode_kosong"].__set__
_SLOT_ROLLUP = vars(HasilRollup)
_set_rollup = tuple(
    _SLOT_ROLLUP[nama].__set__
    for nama in ("jumlah_dihitung", "jumlah_tidak_dihitung", "jumlah_dibatasi")
)
_SLOT_SD = vars(HasilSdTriwulan)
_set_sd = tuple(
    _SLOT_SD[nama].__set__
    for nama in (
        "triwulan",
        "realisasi",
        "target_triwulan",
        "terhadap_target_triwulan",
        "terhadap_target_tahunan",
    )
)


def buat_capaian(
    nilai: Decimal | None,
    metode: str,
    masukan: Mapping[str, object],
    bendera: frozenset[Bendera],
    alasan: Alasan | None,
    rincian: str,
) -> HasilCapaian:
    """A HasilCapaian, built without the dataclass __init__ (same result, a third of the time)."""
    h: HasilCapaian = _baru(HasilCapaian)
    _set_nilai(h, nilai)
    _set_metode(h, metode)
    _set_masukan(h, masukan)
    _set_bendera(h, bendera)
    _set_alasan(h, alasan)
    _set_rincian(h, rincian)
    return h


def buat_agregasi(
    nilai: Decimal | None,
    metode: str,
    masukan: Mapping[str, object],
    bendera: frozenset[Bendera],
    alasan: Alasan | None,
    rincian: str,
    nilai_asli: object,
    periode_terisi: tuple[int, ...],
    periode_kosong: tuple[int, ...],
) -> HasilAgregasi:
    """A HasilAgregasi, built without the dataclass __init__."""
    h: HasilAgregasi = _baru(HasilAgregasi)
    _set_nilai(h, nilai)
    _set_metode(h, metode)
    _set_masukan(h, masukan)
    _set_bendera(h, bendera)
    _set_alasan(h, alasan)
    _set_rincian(h, rincian)
    _set_nilai_asli(h, nilai_asli)
    _set_terisi(h, periode_terisi)
    _set_kosong(h, periode_kosong)
    return h


def buat_sd_triwulan(
    triwulan: int,
    realisasi: HasilAgregasi,
    target_triwulan: HasilAgregasi | None,
    terhadap_target_triwulan: HasilCapaian,
    terhadap_target_tahunan: HasilCapaian,
) -> HasilSdTriwulan:
    """A HasilSdTriwulan, built without the dataclass __init__."""
    h: HasilSdTriwulan = _baru(HasilSdTriwulan)
    a, b, c, d, e = _set_sd
    a(h, triwulan)
    b(h, realisasi)
    c(h, target_triwulan)
    d(h, terhadap_target_triwulan)
    e(h, terhadap_target_tahunan)
    return h


def buat_rollup(
    nilai: Decimal | None,
    metode: str,
    masukan: Mapping[str, object],
    bendera: frozenset[Bendera],
    alasan: Alasan | None,
    rincian: str,
    jumlah_dihitung: int,
    jumlah_tidak_dihitung: int,
    jumlah_dibatasi: int,
) -> HasilRollup:
    """A HasilRollup, built without the dataclass __init__."""
    h: HasilRollup = _baru(HasilRollup)
    _set_nilai(h, nilai)
    _set_metode(h, metode)
    _set_masukan(h, masukan)
    _set_bendera(h, bendera)
    _set_alasan(h, alasan)
    _set_rincian(h, rincian)
    a, b, c = _set_rollup
    a(h, jumlah_dihitung)
    b(h, jumlah_tidak_dihitung)
    c(h, jumlah_dibatasi)
    return h
