"""Writes on planning data: kerangka and elements, crosscutting links, indicators (manual IKU),
annual targets (murni / perubahan versions), Perjanjian Kinerja with its review and cascade,
Rencana Aksi, budget lines with their withdrawal plan, and copying a year's plan.

Every service checks `kinerja.rencanakan` on the object's `instansi_cakupan()`, validates with
`kinerja.perencanaan.validasi` (a `galat` refuses, a `peringatan` is returned), writes in one
transaction with its audit row (`inti.audit.catat`) and refuses a stale edit (`pastikan_versi`)
where a row is edited. Saving what is already stored writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.inti.angka import AngkaTidakSah, baca_angka
from kinerja.inti.audit import EditanKedaluwarsa, catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Instansi, Jabatan, StatusPemangku
from kinerja.perencanaan import validasi
from kinerja.perencanaan.models import (
    Anggaran,
    AnggaranPK,
    Elemen,
    Indikator,
    ItemPK,
    JenisKerangka,
    JenisNilai,
    JenisPeriode,
    JenisTarget,
    KerangkaKinerja,
    LevelKerangka,
    PerjanjianKinerja,
    Polaritas,
    RencanaAksi,
    RencanaPenarikan,
    StatusPK,
    TargetTahunan,
    TautanCrosscutting,
)
from kinerja.perencanaan.validasi import NilaiTarget, Temuan

PESAN_TIDAK_BERHAK = "Anda tidak berhak mengubah rencana kinerja unit ini."
PESAN_TIDAK_BERHAK_REVIU = "Anda tidak berhak mereviu atau menandatangani Perjanjian Kinerja ini."
PESAN_REVIU_SENDIRI = (
    "Perjanjian Kinerja tidak dapat direviu atau ditandatangani oleh yang mengajukannya "
    "atau oleh pihak pertama sendiri."
)
PESAN_TAHUN_RENSTRA = "Tahun akhir tidak boleh sebelum tahun mulai."
PESAN_RENSTRA_PANJANG = "Periode rencana paling panjang 10 tahun."
PESAN_TAHUN_TIDAK_WAJAR = "Tahun harus antara 2000 dan 2100."
PESAN_NAMA_WAJIB = "Nama wajib diisi."
PESAN_KODE_WAJIB = "Kode wajib diisi (dipakai untuk mencocokkan baris saat impor Excel)."
PESAN_KODE_GANDA = "Kode “{kode}” sudah dipakai {lain} dalam kerangka ini."
PESAN_LEVEL_LAIN = "Level tidak termasuk kerangka ini."
PESAN_INDUK_LAIN = "Induk tidak termasuk kerangka ini."
PESAN_LEVEL_AKAR = "Elemen tanpa induk harus berada pada level teratas ({level})."
PESAN_LEVEL_ANAK = "Di bawah {induk} (level {level_induk}) hanya dapat ditambahkan {level}."
PESAN_LEVEL_PUNYA_ANAK = "Level elemen yang sudah memiliki rincian tidak dapat diubah."
PESAN_UNIT_DI_LUAR = "Unit pelaksana harus berada di dalam {instansi}."
PESAN_PEMDA_LAIN = "{kolom} harus berada dalam {pemda} yang sama."
PESAN_HAPUS_ELEMEN = (
    "Elemen ini masih memiliki {apa}; hapus atau pindahkan dulu sebelum menghapus elemennya."
)
PESAN_CROSSCUTTING_SAMA = "Tautan crosscutting menghubungkan elemen instansi yang berbeda."
PESAN_CROSSCUTTING_ADA = "Tautan ini sudah ada."
PESAN_JENIS_NILAI_TETAP = (
    "Jenis nilai dan polaritas rentang tidak dapat diubah setelah indikator memiliki target atau "
    "realisasi; buat indikator baru bila definisinya berubah."
)
PESAN_HAPUS_INDIKATOR = (
    "Indikator ini sudah {apa}; tidak dapat dihapus. Ubah manual IKU-nya bila perlu."
)
PESAN_ALASAN_PERUBAHAN = "Alasan perubahan target wajib diisi."
PESAN_BERLAKU_WAJIB = "Tanggal berlaku mulai wajib diisi untuk target perubahan."
PESAN_BERLAKU_TAHUN = "Tanggal berlaku mulai harus di dalam tahun {tahun}."
PESAN_BERLAKU_MUNDUR = (
    "Tanggal berlaku mulai tidak boleh sebelum versi terakhir (berlaku {tanggal})."
)
PESAN_TARGET_KEDALUWARSA = (
    "Target indikator ini sudah diubah orang lain (sekarang versi {versi}). Muat ulang halaman."
)
PESAN_PK_TARGET_BEDA = (
    "PK {jabatan} {tahun} yang sudah ditandatangani memuat target {lama}; buat versi PK baru "
    "agar sama dengan target perubahan."
)
PESAN_PK_ADA = (
    "PK {jabatan} tahun {tahun} sudah ada (versi {versi}); ubah itu atau buat versi baru."
)
PESAN_PK_TANPA_PEMANGKU = "Jabatan {jabatan} tidak memiliki pemangku pada {tanggal}."
PESAN_PIHAK_KEDUA_WAJIB = (
    "Jabatan ini tidak memiliki atasan di Kinerja; tuliskan jabatan pihak kedua "
    "(mis. Bupati Lumajang)."
)
PESAN_PK_BEKU = "PK ini sudah ditandatangani sehingga dibekukan. Buat versi baru untuk mengubahnya."
PESAN_PK_DIAJUKAN = "PK ini sedang diajukan untuk direviu; perubahan menunggu dikembalikan."
PESAN_PK_BUKAN_TERAKHIR = "Ini bukan versi terakhir PK; hanya versi {versi} yang dapat diubah."
PESAN_TRANSISI_PK = "PK berstatus {status} tidak dapat di-{aksi}."
PESAN_PK_KOSONG = "PK belum memiliki indikator sehingga belum dapat diajukan."
PESAN_ITEM_TANPA_TARGET = "Indikator “{nama}” belum memiliki target."
PESAN_ALASAN_WAJIB = "Alasan wajib diisi."
PESAN_INDIKATOR_SUDAH = "Indikator “{nama}” sudah ada dalam PK ini."
PESAN_INDUK_BUKAN_ATASAN = (
    "Item yang didukung harus berasal dari PK tahun {tahun} jabatan atasan ({atasan})."
)
PESAN_TANPA_ATASAN = "Jabatan ini tidak memiliki atasan, sehingga tidak mendukung item PK lain."
PESAN_ITEM_TARGET_BEDA = "Target PK ({pk}) berbeda dari target tahunan indikator ({target})."
PESAN_INDIKATOR_INSTANSI_LAIN = "Indikator “{nama}” bukan milik Pemda PK ini."
PESAN_ELEMEN_TANPA_ANGGARAN = "Level {level} tidak memiliki anggaran."
PESAN_PENARIKAN_EMPAT = "Rencana penarikan terdiri dari empat triwulan."
PESAN_HAPUS_ANGGARAN = "Anggaran ini sudah memiliki realisasi; tidak dapat dihapus."
PESAN_RA_PERIODE_TUTUP = (
    "Target {periode} tidak dapat diubah karena periode {label} sudah {status}."
)
PESAN_RA_PERIODE = "Nomor periode {nomor} tidak sah untuk {jenis}."
PESAN_SALIN_TAHUN = "Tahun tujuan harus sesudah tahun sumber dan di dalam periode rencana."
PESAN_RENTANG_TEKS = "Tulis rentang sebagai dua angka, mis. 2,1–2,3."

# The two framework shapes of DESIGN.md: (kode, nama, punya anggaran) top down.
LEVEL_BAWAAN: dict[str, list[tuple[str, str, bool]]] = {
    JenisKerangka.STANDAR: [
        ("tujuan", "Tujuan", False),
        ("sasaran", "Sasaran", False),
        ("program", "Program", True),
        ("kegiatan", "Kegiatan", True),
        ("sub_kegiatan", "Sub Kegiatan", True),
    ],
    JenisKerangka.UKPBJ: [
        ("tujuan_pbj", "Tujuan PBJ", False),
        ("area_strategis", "Area Strategis", False),
        ("paket", "Paket Pengadaan", True),
    ],
}
LEVEL_PAKET = "paket"
# Procurement methods of Perpres 16/2018 jo. 12/2021 as SIRUP lists them.
METODE_PENGADAAN = [
    "Tender",
    "Tender Cepat",
    "Seleksi",
    "E-purchasing",
    "Pengadaan Langsung",
    "Penunjukan Langsung",
    "Swakelola",
    "Dikecualikan",
]
STATUS_PK_BOLEH_DIUBAH = frozenset({StatusPK.DRAF, StatusPK.DIKEMBALIKAN})
# The PK's review states: action → (states it may start from, state it leads to).
TRANSISI_PK: dict[str, tuple[frozenset[str], str]] = {
    "ajukan": (frozenset({StatusPK.DRAF, StatusPK.DIKEMBALIKAN}), StatusPK.DIAJUKAN),
    "kembalikan": (frozenset({StatusPK.DIAJUKAN}), StatusPK.DIKEMBALIKAN),
    "tandatangani": (frozenset({StatusPK.DIAJUKAN}), StatusPK.DITANDATANGANI),
}
_PEMISAH_RENTANG = re.compile(r"\s*(?:–|—|\s-\s|s\.d\.?|sd|sampai)\s*")
_YA = {"ya", "y", "1", "ada", "tepat waktu", "sudah"}
_TIDAK = {"tidak", "t", "0", "tidak ada", "terlambat", "belum"}


@dataclass
class HasilSimpan:
    """The saved object and the warnings the save raised (it was saved anyway)."""

    objek: Any
    peringatan: list[Temuan] = field(default_factory=list)
    berubah: bool = True


def status_berikut(status: str, aksi: str) -> str | None:
    """The PK state `aksi` leads to from `status`, or None when not allowed."""
    asal, tujuan = TRANSISI_PK.get(aksi, (frozenset(), ""))
    return tujuan if status in asal else None


def _boleh(pengguna: Any, *objek: Any) -> None:
    for o in objek:
        if o is not None and not pengguna.has_perm("kinerja.rencanakan", o):
            raise PermissionDenied(_(PESAN_TIDAK_BERHAK))


def _tolak(temuan: Iterable[Temuan]) -> list[Temuan]:
    """Raise ValidationError (per field) for the `galat` findings; return the warnings."""
    daftar = list(temuan)
    galat: dict[str, list[str]] = defaultdict(list)
    for t in daftar:
        if t.galat:
            galat[t.kolom or NON_FIELD_ERRORS].append(t.pesan)
    if galat:
        raise ValidationError(
            {k: [ValidationError(p, code="galat") for p in v] for k, v in galat.items()}
        )
    return [t for t in daftar if not t.galat]


def _galat(pesan: str, kolom: str = NON_FIELD_ERRORS, code: str = "galat") -> ValidationError:
    return ValidationError({kolom: [ValidationError(pesan, code=code)]})


def _tahun_wajar(*tahun: int) -> None:
    for t in tahun:
        if not 2000 <= int(t) <= 2100:
            raise _galat(_(PESAN_TAHUN_TIDAK_WAJAR), "tahun")


def _di_dalam(instansi: Instansi | None, akar: Instansi) -> bool:
    return instansi is None or instansi.jalur.startswith(akar.jalur)


def _pemda_sama(a: Instansi | None, b: Instansi) -> bool:
    if a is None:
        return True
    return a.id_leluhur[:1] == b.id_leluhur[:1]


# -- values ---------------------------------------------------------------------------------


def teks_angka(nilai: Decimal | None) -> str:
    """A stored number as the user would type it: 1234.5000 → "1.234,5"."""
    return validasi.teks(nilai) if nilai is not None else ""


def baca_target(
    ind: Indikator, teks: Any = "", teks_min: Any = "", teks_max: Any = ""
) -> NilaiTarget:
    """Read a target the way the user typed it, by the indicator's type.

    Numbers in Indonesian notation ("1.234,5"); a range as two numbers ("2,1–2,3", or the two
    bounds separately); ya/tidak; the level code of the scale ("wtp" → "WTP"). Raises
    ValidationError (field `nilai`) when the text does not fit. Empty text gives an empty target.
    """
    s = "" if teks is None else str(teks).strip()
    smin = "" if teks_min is None else str(teks_min).strip()
    smax = "" if teks_max is None else str(teks_max).strip()

    def angka(x: str, kolom: str) -> Decimal | None:
        try:
            return baca_angka(x, wajib=False)
        except AngkaTidakSah as exc:
            raise _galat(str(exc), kolom, "angka") from exc

    if ind.polaritas == Polaritas.RENTANG:
        if s and not (smin or smax):
            bagian = _PEMISAH_RENTANG.split(s)
            if len(bagian) != 2:
                raise _galat(_(PESAN_RENTANG_TEKS), "nilai", "rentang")
            smin, smax = bagian
        return NilaiTarget(nilai_min=angka(smin, "nilai_min"), nilai_max=angka(smax, "nilai_max"))
    if not s:
        return NilaiTarget()
    if ind.jenis_nilai == JenisNilai.BINER:
        t = s.lower()
        if t in _YA:
            return NilaiTarget(nilai_teks="ya")
        if t in _TIDAK:
            return NilaiTarget(nilai_teks="tidak")
        raise _galat(_(validasi.PESAN_BINER), "nilai", "biner")
    if ind.jenis_nilai == JenisNilai.ORDINAL:
        level = {lv.kode.upper(): lv.kode for lv in ind.skala.level.all()} if ind.skala else {}
        return NilaiTarget(nilai_teks=level.get(s.upper(), s))
    return NilaiTarget(nilai=angka(s, "nilai"))


def teks_target(ind: Indikator, t: NilaiTarget) -> str:
    """A target as printed and as stored in PK items: 90 · 2,1–2,3 · ya · WTP."""
    if ind.polaritas == Polaritas.RENTANG:
        if t.nilai_min is None and t.nilai_max is None:
            return ""
        return f"{teks_angka(t.nilai_min)}–{teks_angka(t.nilai_max)}"
    if t.nilai_teks:
        return t.nilai_teks
    return teks_angka(t.nilai)


def target_dari_versi(t: TargetTahunan | None) -> NilaiTarget:
    """The stored annual target version as a `NilaiTarget`."""
    if t is None:
        return NilaiTarget()
    return NilaiTarget(t.nilai, t.nilai_min, t.nilai_max, t.nilai_teks)


def target_dari_baris(ind: Indikator, nilai: Decimal | None, teks: str) -> NilaiTarget:
    """A PK item's or Rencana Aksi row's (target, target_teks) as a `NilaiTarget`."""
    if nilai is not None:
        return NilaiTarget(nilai=nilai)
    if not teks:
        return NilaiTarget()
    if ind.polaritas == Polaritas.RENTANG:
        try:
            return baca_target(ind, teks)
        except ValidationError:
            return NilaiTarget(nilai_teks=teks)
    return NilaiTarget(nilai_teks=teks)


def ke_baris(ind: Indikator, t: NilaiTarget) -> tuple[Decimal | None, str]:
    """(target, target_teks) to store on a PK item or Rencana Aksi row."""
    if ind.polaritas == Polaritas.RENTANG or t.nilai_teks:
        return None, teks_target(ind, t)
    return t.nilai, ""


def _level_skala(ind: Indikator) -> list[str]:
    return [lv.kode for lv in ind.skala.level.all()] if ind.skala_id and ind.skala else []


# -- kerangka, elements, crosscutting -------------------------------------------------------


def _periksa_kerangka(tahun_mulai: int, tahun_selesai: int, nama: str) -> None:
    _tahun_wajar(tahun_mulai, tahun_selesai)
    if not nama.strip():
        raise _galat(_(PESAN_NAMA_WAJIB), "nama")
    if tahun_selesai < tahun_mulai:
        raise _galat(_(PESAN_TAHUN_RENSTRA), "tahun_selesai")
    if tahun_selesai - tahun_mulai > 9:
        raise _galat(_(PESAN_RENSTRA_PANJANG), "tahun_selesai")


@transaction.atomic
def kerangka_buat(
    *,
    pengguna: Any,
    instansi: Instansi,
    nama: str,
    jenis: str,
    tahun_mulai: int,
    tahun_selesai: int,
) -> KerangkaKinerja:
    """Create the framework of `instansi` for a plan period, with the levels of its shape."""
    _boleh(pengguna, instansi)
    _periksa_kerangka(tahun_mulai, tahun_selesai, nama)
    if jenis not in LEVEL_BAWAAN:
        raise _galat(_("Jenis kerangka tidak dikenal."), "jenis")
    k = KerangkaKinerja.objects.create(
        instansi=instansi,
        nama=nama.strip(),
        jenis=jenis,
        tahun_mulai=tahun_mulai,
        tahun_selesai=tahun_selesai,
    )
    LevelKerangka.objects.bulk_create(
        LevelKerangka(kerangka=k, urutan=i, kode=kode, nama=n, punya_anggaran=ang)
        for i, (kode, n, ang) in enumerate(LEVEL_BAWAAN[jenis], start=1)
    )
    catat(pengguna=pengguna, aksi="kerangka.buat", objek=k, sesudah=snapshot(k))
    return k


@transaction.atomic
def kerangka_ubah(
    *,
    pengguna: Any,
    kerangka: KerangkaKinerja,
    nama: str,
    tahun_mulai: int,
    tahun_selesai: int,
    versi: int | None = None,
) -> KerangkaKinerja:
    """Rename a framework or move its plan period."""
    k = KerangkaKinerja.objects.select_for_update(of=("self",)).get(pk=kerangka.pk)
    _boleh(pengguna, k)
    pastikan_versi(k, versi)
    _periksa_kerangka(tahun_mulai, tahun_selesai, nama)
    if (k.nama, k.tahun_mulai, k.tahun_selesai) == (nama.strip(), tahun_mulai, tahun_selesai):
        return k
    sebelum = snapshot(k)
    k.nama, k.tahun_mulai, k.tahun_selesai = nama.strip(), tahun_mulai, tahun_selesai
    k.versi += 1
    k.save()
    catat(pengguna=pengguna, aksi="kerangka.ubah", objek=k, sebelum=sebelum, sesudah=snapshot(k))
    return k


ISIAN_ELEMEN = (
    "level",
    "induk",
    "kode",
    "nama",
    "unit",
    "urutan",
    "kode_rup",
    "metode_pengadaan",
    "instansi_pemilik",
)


@transaction.atomic
def elemen_simpan(
    *,
    pengguna: Any,
    kerangka: KerangkaKinerja,
    data: Mapping[str, Any],
    elemen: Elemen | None = None,
    versi: int | None = None,
) -> HasilSimpan:
    """Create or edit an element of the pohon kinerja.

    `data` holds the fields of `ISIAN_ELEMEN`; a procurement package may also carry `pagu`
    and `tahun_anggaran`, saved as its budget line in the same transaction. The element sits
    one level below its parent (a root on the first level); its code is required and unique in
    the framework; Kepmendagri code shapes and a package's SIRUP data are checked.
    """
    lama = None
    if elemen is not None:
        lama = (
            Elemen.objects.select_for_update(of=("self",))
            .select_related("kerangka__instansi")
            .get(pk=elemen.pk)
        )
        _boleh(pengguna, lama)
        pastikan_versi(lama, versi)
    obj = lama if lama is not None else Elemen(kerangka=kerangka)
    sebelum = snapshot(obj) if lama is not None else None
    nilai = {k: data.get(k, getattr(obj, k, None)) for k in ISIAN_ELEMEN}
    for k in ("kode", "nama", "kode_rup", "metode_pengadaan"):
        nilai[k] = (nilai[k] or "").strip()
    nilai["urutan"] = nilai["urutan"] or 0
    level: LevelKerangka = nilai["level"]
    induk: Elemen | None = nilai["induk"]
    if level is None or level.kerangka_id != kerangka.pk:
        raise _galat(_(PESAN_LEVEL_LAIN), "level")
    if induk is not None and induk.kerangka_id != kerangka.pk:
        raise _galat(_(PESAN_INDUK_LAIN), "induk")
    levels = list(kerangka.level.all())
    if induk is None and level.urutan != levels[0].urutan:
        raise _galat(_(PESAN_LEVEL_AKAR).format(level=levels[0].nama), "level")
    if induk is not None:
        berikut = [lv for lv in levels if lv.urutan > induk.level.urutan][:1]
        if not berikut or berikut[0].pk != level.pk:
            raise _galat(
                _(PESAN_LEVEL_ANAK).format(
                    induk=induk,
                    level_induk=induk.level.nama,
                    level=berikut[0].nama if berikut else "-",
                ),
                "level",
            )
    if lama is not None and lama.level_id != level.pk and lama.anak.exists():
        raise _galat(_(PESAN_LEVEL_PUNYA_ANAK), "level")
    if not nilai["nama"]:
        raise _galat(_(PESAN_NAMA_WAJIB), "nama")
    if not nilai["kode"]:
        raise _galat(_(PESAN_KODE_WAJIB), "kode")
    ganda = (
        Elemen.objects.filter(kerangka=kerangka, kode=nilai["kode"])
        .exclude(pk=obj.pk)
        .select_related("level")
        .first()
    )
    if ganda is not None:
        raise _galat(
            _(PESAN_KODE_GANDA).format(kode=nilai["kode"], lain=f"{ganda.level.nama} {ganda.nama}"),
            "kode",
        )
    if not _di_dalam(nilai["unit"], kerangka.instansi):
        raise _galat(_(PESAN_UNIT_DI_LUAR).format(instansi=kerangka.instansi), "unit")
    if not _pemda_sama(nilai["instansi_pemilik"], kerangka.instansi):
        raise _galat(
            _(PESAN_PEMDA_LAIN).format(kolom=_("OPD pemilik paket"), pemda=_("Pemda")),
            "instansi_pemilik",
        )
    paket = level.kode == LEVEL_PAKET
    peringatan = _tolak(
        validasi.periksa_elemen(
            level_kode=level.kode,
            kode=nilai["kode"],
            kode_induk=induk.kode if induk else "",
            paket=paket,
            kode_rup=nilai["kode_rup"],
            metode=nilai["metode_pengadaan"],
            ada_pemilik=nilai["instansi_pemilik"] is not None,
        )
    )
    for k, v in nilai.items():
        setattr(obj, k, v)
    _boleh(pengguna, obj)
    hasil_anggaran: HasilSimpan | None = None
    berubah = lama is None or snapshot(obj) != sebelum
    if berubah:
        if lama is not None:
            obj.versi += 1
        obj.save()
        catat(
            pengguna=pengguna,
            aksi="elemen.buat" if lama is None else "elemen.ubah",
            objek=obj,
            sebelum=sebelum,
            sesudah=snapshot(obj),
        )
    if paket and data.get("pagu") is not None and data.get("tahun_anggaran"):
        ada = Anggaran.objects.filter(elemen=obj, tahun=data["tahun_anggaran"]).first()
        hasil_anggaran = anggaran_simpan(
            pengguna=pengguna,
            elemen=obj,
            tahun=int(data["tahun_anggaran"]),
            pagu=data["pagu"],
            sumber=ada.sumber if ada else "DPA",
            keterangan=ada.keterangan if ada else "",
        )
        peringatan += hasil_anggaran.peringatan
        berubah = berubah or hasil_anggaran.berubah
    return HasilSimpan(obj, peringatan, berubah)


@transaction.atomic
def elemen_hapus(*, pengguna: Any, elemen: Elemen, versi: int | None = None) -> None:
    """Delete an element that has no sub-elements, indicators, budget or PK budget lines."""
    obj = (
        Elemen.objects.select_for_update(of=("self",))
        .select_related("kerangka__instansi")
        .get(pk=elemen.pk)
    )
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    for apa, ada in (
        (_("rincian (elemen di bawahnya)"), obj.anak.exists()),
        (_("indikator"), obj.indikator.exists()),
        (_("anggaran"), obj.anggaran.exists()),
        (_("baris anggaran PK"), AnggaranPK.objects.filter(elemen=obj).exists()),
    ):
        if ada:
            raise _galat(_(PESAN_HAPUS_ELEMEN).format(apa=apa))
    catat(pengguna=pengguna, aksi="elemen.hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()


@transaction.atomic
def tautan_tambah(
    *, pengguna: Any, dari: Elemen, ke: Elemen, keterangan: str = ""
) -> TautanCrosscutting:
    """Record that element `dari` (this agency's) supports element `ke` of another agency."""
    _boleh(pengguna, dari)
    ia, ib = dari.kerangka.instansi, ke.kerangka.instansi
    if dari.kerangka_id == ke.kerangka_id or ia.pk == ib.pk:
        raise _galat(_(PESAN_CROSSCUTTING_SAMA), "ke")
    if not _pemda_sama(ib, ia):
        raise _galat(_(PESAN_PEMDA_LAIN).format(kolom=_("Elemen yang didukung"), pemda="Pemda"))
    if TautanCrosscutting.objects.filter(dari=dari, ke=ke).exists():
        raise _galat(_(PESAN_CROSSCUTTING_ADA), "ke")
    t = TautanCrosscutting.objects.create(dari=dari, ke=ke, keterangan=keterangan.strip()[:255])
    catat(pengguna=pengguna, aksi="crosscutting.tambah", objek=t, sesudah=snapshot(t))
    return t


@transaction.atomic
def tautan_hapus(*, pengguna: Any, tautan: TautanCrosscutting) -> None:
    """Remove a crosscutting link (a planner of the supporting element's unit)."""
    _boleh(pengguna, tautan.dari)
    catat(pengguna=pengguna, aksi="crosscutting.hapus", objek=tautan, sebelum=snapshot(tautan))
    tautan.delete()


# -- indicators and targets -----------------------------------------------------------------

ISIAN_INDIKATOR = (
    "kode",
    "nama",
    "jenis",
    "sifat",
    "definisi_operasional",
    "alasan_pemilihan",
    "formula",
    "satuan",
    "polaritas",
    "jenis_nilai",
    "agregasi",
    "metode_negatif",
    "skala",
    "boleh_negatif",
    "frekuensi",
    "sumber_data",
    "unit_penanggung_jawab",
    "baseline",
    "baseline_teks",
    "tahun_baseline",
    "target_akhir_renstra",
    "standar_nasional",
    "urutan",
)
_TEKS_INDIKATOR = (
    "kode",
    "nama",
    "definisi_operasional",
    "alasan_pemilihan",
    "formula",
    "satuan",
    "sumber_data",
    "baseline_teks",
)


@transaction.atomic
def indikator_simpan(
    *,
    pengguna: Any,
    elemen: Elemen,
    data: Mapping[str, Any],
    indikator: Indikator | None = None,
    versi: int | None = None,
) -> HasilSimpan:
    """Create or edit an indicator and its manual IKU on `elemen`.

    Refuses what cannot be measured (ordinal without a scale, a range on a text value, a
    percent baseline over 100, no satuan) and changing the value type once targets or
    realisations exist; reports what a reviewer would question (missing definisi operasional,
    formula or sumber data, a lower-is-better name with positive polarity, a baseline year
    after the plan start).
    """
    lama = None
    if indikator is not None:
        lama = (
            Indikator.objects.select_for_update(of=("self",))
            .select_related("elemen__kerangka__instansi")
            .get(pk=indikator.pk)
        )
        _boleh(pengguna, lama)
        pastikan_versi(lama, versi)
    obj = lama if lama is not None else Indikator(elemen=elemen)
    sebelum = snapshot(obj) if lama is not None else None
    if lama is not None and lama.elemen_id != elemen.pk:
        obj.elemen = elemen
    kerangka = elemen.kerangka
    for k in ISIAN_INDIKATOR:
        if k in data:
            v = data[k]
            if k in _TEKS_INDIKATOR:
                v = (v or "").strip()
            setattr(obj, k, v)
    obj.urutan = obj.urutan or 0
    if not obj.nama:
        raise _galat(_(PESAN_NAMA_WAJIB), "nama")
    if not obj.kode:
        raise _galat(_(PESAN_KODE_WAJIB), "kode")
    ganda = (
        Indikator.objects.filter(elemen__kerangka=kerangka, kode=obj.kode)
        .exclude(pk=obj.pk)
        .first()
    )
    if ganda is not None:
        raise _galat(
            _(PESAN_KODE_GANDA).format(kode=obj.kode, lain=_("indikator “%s”") % ganda.nama), "kode"
        )
    if not _pemda_sama(obj.unit_penanggung_jawab, kerangka.instansi):
        raise _galat(
            _(PESAN_PEMDA_LAIN).format(kolom=_("Unit penanggung jawab"), pemda="Pemda"),
            "unit_penanggung_jawab",
        )
    if lama is not None and sebelum is not None:
        ubah_jenis = sebelum["jenis_nilai"] != obj.jenis_nilai or (
            Polaritas.RENTANG in (sebelum["polaritas"], obj.polaritas)
            and sebelum["polaritas"] != obj.polaritas
        )
        if ubah_jenis and (lama.target.exists() or lama.realisasi.exists()):
            raise _galat(_(PESAN_JENIS_NILAI_TETAP), "jenis_nilai")
    peringatan = _tolak(validasi.periksa_indikator(obj, tahun_mulai=kerangka.tahun_mulai))
    _boleh(pengguna, obj, elemen)
    sesudah = snapshot(obj)
    if lama is not None and sesudah == sebelum:
        return HasilSimpan(obj, peringatan, berubah=False)
    if lama is not None:
        obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="indikator.buat" if lama is None else "indikator.ubah",
        objek=obj,
        sebelum=sebelum,
        sesudah=snapshot(obj),
    )
    return HasilSimpan(obj, peringatan)


@transaction.atomic
def indikator_hapus(*, pengguna: Any, indikator: Indikator, versi: int | None = None) -> None:
    """Delete an indicator that is in no PK and has no realisation (its targets go with it)."""
    obj = Indikator.objects.select_for_update(of=("self",)).get(pk=indikator.pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    if obj.item_pk.exists():
        raise _galat(_(PESAN_HAPUS_INDIKATOR).format(apa=_("masuk Perjanjian Kinerja")))
    if obj.realisasi.exists():
        raise _galat(_(PESAN_HAPUS_INDIKATOR).format(apa=_("memiliki realisasi")))
    catat(pengguna=pengguna, aksi="indikator.hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()


@transaction.atomic
def target_simpan(
    *,
    pengguna: Any,
    indikator: Indikator,
    tahun: int,
    nilai: NilaiTarget,
    berlaku_mulai: dt.date | None = None,
    alasan: str = "",
    versi_terakhir: int | None = None,
) -> HasilSimpan:
    """Set the target of `indikator` for `tahun`.

    The first target of a year is the *murni* version 1, in force from 1 January. Any later
    change adds a *perubahan* version (never an edit in place) that needs the date it takes
    effect and the reason; measurement of periods ending before that date keeps the old
    target (`selectors.target_berlaku`). `versi_terakhir` is the version number the user saw
    (0: none): a newer one means someone else changed it meanwhile. The same value again
    writes nothing.
    """
    ind = (
        Indikator.objects.select_for_update(of=("self",))
        .select_related("elemen__kerangka__instansi", "skala")
        .get(pk=indikator.pk)
    )
    _boleh(pengguna, ind)
    kerangka = ind.elemen.kerangka
    _tahun_wajar(tahun)
    peringatan = _tolak(
        validasi.periksa_target(
            ind,
            nilai,
            tahun=tahun,
            tahun_mulai=kerangka.tahun_mulai,
            tahun_selesai=kerangka.tahun_selesai,
            level_skala=_level_skala(ind),
        )
    )
    versi = list(TargetTahunan.objects.filter(indikator=ind, tahun=tahun).order_by("nomor_versi"))
    terakhir = versi[-1] if versi else None
    nomor = terakhir.nomor_versi if terakhir else 0
    if versi_terakhir is not None and int(versi_terakhir) != nomor:
        raise EditanKedaluwarsa(_(PESAN_TARGET_KEDALUWARSA).format(versi=nomor), code="kedaluwarsa")
    if terakhir is not None and target_dari_versi(terakhir) == nilai:
        return HasilSimpan(terakhir, peringatan, berubah=False)
    alasan = (alasan or "").strip()
    if terakhir is None:
        t = TargetTahunan(
            indikator=ind,
            tahun=tahun,
            nomor_versi=1,
            jenis=JenisTarget.MURNI,
            berlaku_mulai=dt.date(tahun, 1, 1),
            alasan=alasan,
        )
    else:
        if not alasan:
            raise _galat(_(PESAN_ALASAN_PERUBAHAN), "alasan")
        if berlaku_mulai is None:
            raise _galat(_(PESAN_BERLAKU_WAJIB), "berlaku_mulai")
        if berlaku_mulai.year != tahun:
            raise _galat(_(PESAN_BERLAKU_TAHUN).format(tahun=tahun), "berlaku_mulai")
        if berlaku_mulai < terakhir.berlaku_mulai:
            raise _galat(
                _(PESAN_BERLAKU_MUNDUR).format(tanggal=terakhir.berlaku_mulai.strftime("%d-%m-%Y")),
                "berlaku_mulai",
            )
        t = TargetTahunan(
            indikator=ind,
            tahun=tahun,
            nomor_versi=nomor + 1,
            jenis=JenisTarget.PERUBAHAN,
            berlaku_mulai=berlaku_mulai,
            alasan=alasan,
        )
    t.nilai, t.nilai_min, t.nilai_max, t.nilai_teks = (
        nilai.nilai,
        nilai.nilai_min,
        nilai.nilai_max,
        nilai.nilai_teks,
    )
    t.dibuat_oleh = pengguna if getattr(pengguna, "pk", None) else None
    t.save()
    catat(
        pengguna=pengguna,
        aksi="target.tetapkan" if terakhir is None else "target.ubah",
        objek=t,
        sebelum=snapshot(terakhir) if terakhir else None,
        sesudah=snapshot(t),
        alasan=alasan,
    )
    if terakhir is not None:
        teks_baru = teks_target(ind, nilai)
        for item in ItemPK.objects.filter(
            indikator=ind,
            perjanjian__tahun=tahun,
            perjanjian__status=StatusPK.DITANDATANGANI,
        ).select_related("perjanjian__jabatan"):
            lama_teks = teks_target(ind, target_dari_baris(ind, item.target, item.target_teks))
            if lama_teks != teks_baru and _pk_terakhir(item.perjanjian):
                peringatan.append(
                    Temuan(
                        "pk_target_beda",
                        validasi.PERINGATAN,
                        _(PESAN_PK_TARGET_BEDA).format(
                            jabatan=item.perjanjian.jabatan, tahun=tahun, lama=lama_teks
                        ),
                    )
                )
    return HasilSimpan(t, peringatan)


# -- Perjanjian Kinerja ---------------------------------------------------------------------


def _pk_terakhir(pk: PerjanjianKinerja) -> bool:
    return not PerjanjianKinerja.objects.filter(
        jabatan_id=pk.jabatan_id, tahun=pk.tahun, nomor_versi__gt=pk.nomor_versi
    ).exists()


def pihak_pk(jabatan: Jabatan, tanggal: dt.date) -> dict[str, Any]:
    """Both parties of a PK signed on `tanggal`: the holder of `jabatan` (definitif, Plt. or
    Plh.) and the holder of its superior position. Raises ValidationError without a holder."""
    p1 = jabatan.pemangku_pada(tanggal)
    if p1 is None:
        raise _galat(
            _(PESAN_PK_TANPA_PEMANGKU).format(
                jabatan=jabatan, tanggal=tanggal.strftime("%d-%m-%Y")
            ),
            "jabatan",
        )
    data: dict[str, Any] = {
        "pihak_pertama": p1.pegawai,
        "status_pihak_pertama": p1.status,
        "jabatan_pihak_kedua": None,
        "pihak_kedua": None,
        "status_pihak_kedua": StatusPemangku.DEFINITIF,
    }
    if jabatan.atasan_id:
        atasan = jabatan.atasan
        data["jabatan_pihak_kedua"] = atasan
        p2 = atasan.pemangku_pada(tanggal) if atasan is not None else None
        if p2 is not None:
            data["pihak_kedua"] = p2.pegawai
            data["status_pihak_kedua"] = p2.status
    return data


def _kunci_pk(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    return (
        PerjanjianKinerja.objects.select_for_update(of=("self",))
        .select_related("jabatan__instansi")
        .get(pk=pk.pk)
    )


def _pk_boleh_diubah(pk: PerjanjianKinerja) -> None:
    """Refuse edits to a signed (frozen) or submitted PK, and to an older version."""
    if pk.status == StatusPK.DITANDATANGANI:
        raise _galat(_(PESAN_PK_BEKU), code="beku")
    if pk.status == StatusPK.DIAJUKAN:
        raise _galat(_(PESAN_PK_DIAJUKAN), code="diajukan")
    terakhir = (
        PerjanjianKinerja.objects.filter(jabatan_id=pk.jabatan_id, tahun=pk.tahun).aggregate(
            m=Max("nomor_versi")
        )["m"]
        or pk.nomor_versi
    )
    if terakhir != pk.nomor_versi:
        raise _galat(_(PESAN_PK_BUKAN_TERAKHIR).format(versi=terakhir), code="lama")


def _sentuh_pk(pk: PerjanjianKinerja) -> None:
    pk.versi += 1
    pk.save(update_fields=["versi"])


@transaction.atomic
def pk_buat(
    *,
    pengguna: Any,
    jabatan: Jabatan,
    tahun: int,
    tanggal: dt.date | None = None,
    jabatan_pihak_kedua_teks: str = "",
) -> PerjanjianKinerja:
    """Draft the PK of `jabatan` for `tahun`: parties from the holders on `tanggal` (default:
    today within the year, else 2 January of it). Items are added afterwards."""
    _tahun_wajar(tahun)
    jab = Jabatan.objects.select_related("instansi", "atasan").get(pk=jabatan.pk)
    _boleh(pengguna, jab)
    ada = (
        PerjanjianKinerja.objects.filter(jabatan=jab, tahun=tahun).order_by("-nomor_versi").first()
    )
    if ada is not None:
        raise _galat(
            _(PESAN_PK_ADA).format(jabatan=jab, tahun=tahun, versi=ada.nomor_versi), "jabatan"
        )
    if tanggal is None:
        hari_ini = timezone.localdate()
        tanggal = hari_ini if hari_ini.year == tahun else dt.date(tahun, 1, 2)
    pihak = pihak_pk(jab, tanggal)
    teks_kedua = (jabatan_pihak_kedua_teks or "").strip()
    if pihak["jabatan_pihak_kedua"] is None and not teks_kedua:
        raise _galat(_(PESAN_PIHAK_KEDUA_WAJIB), "jabatan_pihak_kedua_teks")
    pk = PerjanjianKinerja.objects.create(
        jabatan=jab,
        tahun=tahun,
        nomor_versi=1,
        tanggal=tanggal,
        jabatan_pihak_kedua_teks=teks_kedua[:200],
        **pihak,
    )
    catat(pengguna=pengguna, aksi="pk.buat", objek=pk, sesudah=snapshot(pk))
    return pk


@transaction.atomic
def pk_ubah_kepala(
    *,
    pengguna: Any,
    pk: PerjanjianKinerja,
    tanggal: dt.date,
    jabatan_pihak_kedua_teks: str = "",
    versi: int | None = None,
) -> PerjanjianKinerja:
    """Change the date of a draft PK; both parties are taken again from the holders then."""
    obj = _kunci_pk(pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(obj)
    if tanggal.year != obj.tahun:
        raise _galat(_(PESAN_BERLAKU_TAHUN).format(tahun=obj.tahun), "tanggal")
    pihak = pihak_pk(obj.jabatan, tanggal)
    teks_kedua = (jabatan_pihak_kedua_teks or "").strip()[:200]
    if pihak["jabatan_pihak_kedua"] is None and not teks_kedua:
        raise _galat(_(PESAN_PIHAK_KEDUA_WAJIB), "jabatan_pihak_kedua_teks")
    sebelum = snapshot(obj)
    obj.tanggal = tanggal
    obj.jabatan_pihak_kedua_teks = teks_kedua
    for k, v in pihak.items():
        setattr(obj, k, v)
    if snapshot(obj) == sebelum:
        return obj
    obj.versi += 1
    obj.save()
    catat(pengguna=pengguna, aksi="pk.ubah", objek=obj, sebelum=sebelum, sesudah=snapshot(obj))
    return obj


@transaction.atomic
def pk_hapus(*, pengguna: Any, pk: PerjanjianKinerja, versi: int | None = None) -> None:
    """Delete a draft (or returned) PK version that was never signed."""
    obj = _kunci_pk(pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(obj)
    catat(pengguna=pengguna, aksi="pk.hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()


def pk_atasan(pk: PerjanjianKinerja) -> PerjanjianKinerja | None:
    """The latest PK of the same year of the superior position (the one items cascade from)."""
    atasan_id = pk.jabatan_pihak_kedua_id or pk.jabatan.atasan_id
    if not atasan_id:
        return None
    return (
        PerjanjianKinerja.objects.filter(jabatan_id=atasan_id, tahun=pk.tahun)
        .order_by("-nomor_versi")
        .first()
    )


def usul_item_induk(
    indikator: Indikator, item_atasan: Sequence[ItemPK], elemen: Mapping[int, Elemen]
) -> ItemPK | None:
    """The superior's item an indicator most likely supports: the same indicator, else the
    first item whose indicator sits on an element up this indicator's element chain."""
    per_indikator = {it.indikator_id: it for it in item_atasan}
    if indikator.pk in per_indikator:
        return per_indikator[indikator.pk]
    per_elemen: dict[int, ItemPK] = {}
    for it in item_atasan:
        per_elemen.setdefault(it.indikator.elemen_id, it)
    e = elemen.get(indikator.elemen_id)
    while e is not None and e.induk_id:
        if e.induk_id in per_elemen:
            return per_elemen[e.induk_id]
        e = elemen.get(e.induk_id)
    return None


@transaction.atomic
def pk_item_tambah(
    *,
    pengguna: Any,
    pk: PerjanjianKinerja,
    indikator: Sequence[Indikator],
    versi: int | None = None,
) -> HasilSimpan:
    """Add indicators of the plan to a draft PK, each with the annual target in force on the
    PK's date and, below the head, the superior's item it most likely supports."""
    from kinerja.perencanaan.selectors import target_berlaku

    obj = _kunci_pk(pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(obj)
    ada = set(obj.item.values_list("indikator_id", flat=True))
    pemda = obj.jabatan.instansi.id_leluhur[:1]
    daftar = list(
        Indikator.objects.filter(pk__in=[i.pk for i in indikator])
        .select_related("elemen__kerangka__instansi", "skala")
        .order_by("elemen__level__urutan", "elemen__urutan", "urutan", "id")
    )
    for ind in daftar:
        if ind.pk in ada:
            raise _galat(_(PESAN_INDIKATOR_SUDAH).format(nama=ind.nama))
        if ind.elemen.kerangka.instansi.id_leluhur[:1] != pemda:
            raise _galat(_(PESAN_INDIKATOR_INSTANSI_LAIN).format(nama=ind.nama))
    target = target_berlaku([i.pk for i in daftar], obj.tahun, obj.tanggal)
    atasan = pk_atasan(obj)
    item_atasan = list(atasan.item.select_related("indikator")) if atasan is not None else []
    kerangka_ids = {i.elemen.kerangka_id for i in daftar}
    elemen = {e.pk: e for e in Elemen.objects.filter(kerangka_id__in=kerangka_ids)}
    urutan = (obj.item.aggregate(m=Max("urutan"))["m"] or 0) + 1
    baru = []
    peringatan: list[Temuan] = []
    for n, ind in enumerate(daftar):
        t = target_dari_versi(target.get(ind.pk))
        nilai, teks_t = ke_baris(ind, t)
        if t.kosong:
            peringatan.append(
                Temuan(
                    "item_tanpa_target",
                    validasi.PERINGATAN,
                    _(PESAN_ITEM_TANPA_TARGET).format(nama=ind.nama),
                )
            )
        it = ItemPK.objects.create(
            perjanjian=obj,
            indikator=ind,
            target=nilai,
            target_teks=teks_t,
            item_induk=usul_item_induk(ind, item_atasan, elemen),
            urutan=urutan + n,
        )
        catat(pengguna=pengguna, aksi="pk.item_tambah", objek=it, sesudah=snapshot(it))
        baru.append(it)
    if baru:
        _sentuh_pk(obj)
    return HasilSimpan(baru, peringatan, berubah=bool(baru))


def _periksa_induk(item: ItemPK, induk: ItemPK | None) -> None:
    if induk is None:
        return
    pk = item.perjanjian
    atasan_id = pk.jabatan_pihak_kedua_id or pk.jabatan.atasan_id
    if not atasan_id:
        raise _galat(_(PESAN_TANPA_ATASAN), "item_induk")
    ip = induk.perjanjian
    if ip.jabatan_id != atasan_id or ip.tahun != pk.tahun:
        atasan = Jabatan.objects.filter(pk=atasan_id).first()
        raise _galat(
            _(PESAN_INDUK_BUKAN_ATASAN).format(tahun=pk.tahun, atasan=atasan or "-"), "item_induk"
        )


@transaction.atomic
def pk_item_simpan(
    *,
    pengguna: Any,
    item: ItemPK,
    target: str,
    item_induk: ItemPK | None = None,
    versi: int | None = None,
) -> HasilSimpan:
    """Change a draft PK item's target (typed text) and the superior's item it supports."""
    from kinerja.perencanaan.selectors import target_berlaku

    obj = (
        ItemPK.objects.select_for_update(of=("self",))
        .select_related("indikator__skala", "indikator__elemen__kerangka")
        .get(pk=item.pk)
    )
    pk = _kunci_pk(obj.perjanjian)
    obj.perjanjian = pk
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(pk)
    ind = obj.indikator
    nilai = baca_target(ind, target)
    kerangka = ind.elemen.kerangka
    peringatan = _tolak(
        validasi.periksa_target(
            ind,
            nilai,
            tahun=pk.tahun,
            tahun_mulai=kerangka.tahun_mulai,
            tahun_selesai=kerangka.tahun_selesai,
            level_skala=_level_skala(ind),
        )
    )
    _periksa_induk(obj, item_induk)
    t, teks_t = ke_baris(ind, nilai)
    berlaku = target_berlaku([ind.pk], pk.tahun, pk.tanggal).get(ind.pk)
    if berlaku is not None and target_dari_versi(berlaku) != nilai:
        peringatan.append(
            Temuan(
                "item_target_beda",
                validasi.PERINGATAN,
                _(PESAN_ITEM_TARGET_BEDA).format(
                    pk=teks_target(ind, nilai), target=teks_target(ind, target_dari_versi(berlaku))
                ),
                "target",
            )
        )
    induk_id = item_induk.pk if item_induk else None
    if (obj.target, obj.target_teks, obj.item_induk_id) == (t, teks_t, induk_id):
        return HasilSimpan(obj, peringatan, berubah=False)
    sebelum = snapshot(obj)
    obj.target, obj.target_teks, obj.item_induk = t, teks_t, item_induk
    obj.versi += 1
    obj.save()
    _sentuh_pk(pk)
    catat(pengguna=pengguna, aksi="pk.item_ubah", objek=obj, sebelum=sebelum, sesudah=snapshot(obj))
    return HasilSimpan(obj, peringatan)


@transaction.atomic
def pk_item_hapus(*, pengguna: Any, item: ItemPK, versi: int | None = None) -> None:
    """Remove an indicator from a draft PK (its Rencana Aksi goes with it)."""
    obj = ItemPK.objects.select_for_update(of=("self",)).get(pk=item.pk)
    pk = _kunci_pk(obj.perjanjian)
    _boleh(pengguna, pk)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(pk)
    catat(pengguna=pengguna, aksi="pk.item_hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()
    _sentuh_pk(pk)


@transaction.atomic
def pk_anggaran_simpan(
    *,
    pengguna: Any,
    pk: PerjanjianKinerja,
    elemen: Elemen,
    pagu: Decimal,
    keterangan: str = "",
    versi: int | None = None,
) -> AnggaranPK:
    """Add or change a program budget line of a draft PK (Program | Anggaran | Keterangan)."""
    obj = _kunci_pk(pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(obj)
    if not elemen.level.punya_anggaran:
        raise _galat(_(PESAN_ELEMEN_TANPA_ANGGARAN).format(level=elemen.level.nama), "elemen")
    if not _pemda_sama(elemen.kerangka.instansi, obj.jabatan.instansi):
        raise _galat(_(PESAN_PEMDA_LAIN).format(kolom=_("Program"), pemda="Pemda"), "elemen")
    if pagu < 0:
        raise _galat(_("Anggaran tidak boleh negatif."), "pagu")
    baris = AnggaranPK.objects.filter(perjanjian=obj, elemen=elemen).first()
    keterangan = (keterangan or "").strip()[:255]
    if baris is not None and (baris.pagu, baris.keterangan) == (pagu, keterangan):
        return baris
    sebelum = snapshot(baris) if baris else None
    if baris is None:
        baris = AnggaranPK(perjanjian=obj, elemen=elemen)
    baris.pagu, baris.keterangan = pagu, keterangan
    baris.save()
    _sentuh_pk(obj)
    catat(
        pengguna=pengguna,
        aksi="pk.anggaran_simpan",
        objek=baris,
        sebelum=sebelum,
        sesudah=snapshot(baris),
    )
    return baris


@transaction.atomic
def pk_anggaran_hapus(*, pengguna: Any, baris: AnggaranPK, versi: int | None = None) -> None:
    """Remove a budget line from a draft PK."""
    obj = _kunci_pk(baris.perjanjian)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    _pk_boleh_diubah(obj)
    catat(pengguna=pengguna, aksi="pk.anggaran_hapus", objek=baris, sebelum=snapshot(baris))
    baris.delete()
    _sentuh_pk(obj)


def boleh_mereviu(pengguna: Any, pk: PerjanjianKinerja) -> bool:
    """Who may return or sign a submitted PK: a planner or validator over its unit, or the
    pihak kedua, but never whoever submitted it nor the pihak pertama."""
    if pengguna.pk == pk.diajukan_oleh_id:
        return False
    if pk.pihak_pertama.pengguna_id and pk.pihak_pertama.pengguna_id == pengguna.pk:
        return False
    if pk.pihak_kedua_id and pk.pihak_kedua.pengguna_id == pengguna.pk:
        return True
    return bool(
        pengguna.has_perm("kinerja.rencanakan", pk) or pengguna.has_perm("kinerja.validasi", pk)
    )


def _transisi(obj: PerjanjianKinerja, aksi: str) -> str:
    baru = status_berikut(obj.status, aksi)
    if baru is None:
        raise _galat(
            _(PESAN_TRANSISI_PK).format(status=obj.get_status_display().lower(), aksi=aksi),
            code="transisi",
        )
    return baru


@transaction.atomic
def pk_ajukan(*, pengguna: Any, pk: PerjanjianKinerja, versi: int | None = None) -> HasilSimpan:
    """Submit a draft (or returned) PK for review; every item needs a target."""
    obj = _kunci_pk(pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    baru = _transisi(obj, "ajukan")
    _pk_boleh_diubah(obj)
    item = list(obj.item.select_related("indikator"))
    if not item:
        raise _galat(_(PESAN_PK_KOSONG), code="kosong")
    for it in item:
        if it.target is None and not it.target_teks:
            raise _galat(_(PESAN_ITEM_TANPA_TARGET).format(nama=it.indikator.nama))
    lama = obj.status
    obj.status = baru
    obj.diajukan_oleh = pengguna
    obj.diajukan_pada = timezone.now()
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="pk.ajukan",
        objek=obj,
        sebelum={"status": lama},
        sesudah={"status": baru},
    )
    return HasilSimpan(obj, [])


def _reviu(pengguna: Any, pk: PerjanjianKinerja, versi: int | None, aksi: str) -> tuple[Any, str]:
    obj = _kunci_pk(pk)
    if not boleh_mereviu(pengguna, obj):
        if pengguna.pk == obj.diajukan_oleh_id or (
            obj.pihak_pertama.pengguna_id and obj.pihak_pertama.pengguna_id == pengguna.pk
        ):
            raise PermissionDenied(_(PESAN_REVIU_SENDIRI))
        raise PermissionDenied(_(PESAN_TIDAK_BERHAK_REVIU))
    pastikan_versi(obj, versi)
    return obj, _transisi(obj, aksi)


@transaction.atomic
def pk_kembalikan(
    *, pengguna: Any, pk: PerjanjianKinerja, alasan: str, versi: int | None = None
) -> PerjanjianKinerja:
    """Return a submitted PK to its drafter with the reason."""
    obj, baru = _reviu(pengguna, pk, versi, "kembalikan")
    alasan = (alasan or "").strip()
    if not alasan:
        raise _galat(_(PESAN_ALASAN_WAJIB), "alasan")
    obj.status = baru
    obj.catatan_pengembalian = alasan
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="pk.kembalikan",
        objek=obj,
        sebelum={"status": StatusPK.DIAJUKAN},
        sesudah={"status": baru},
        alasan=alasan,
    )
    return obj


@transaction.atomic
def pk_tandatangani(
    *,
    pengguna: Any,
    pk: PerjanjianKinerja,
    versi: int | None = None,
    pada: dt.datetime | None = None,
) -> PerjanjianKinerja:
    """Record the signing of a reviewed PK: from now on it is frozen."""
    obj, baru = _reviu(pengguna, pk, versi, "tandatangani")
    obj.status = baru
    obj.ditandatangani_pada = pada or timezone.now()
    obj.catatan_pengembalian = ""
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="pk.tandatangani",
        objek=obj,
        sebelum={"status": StatusPK.DIAJUKAN},
        sesudah={"status": baru, "ditandatangani_pada": obj.ditandatangani_pada},
    )
    return obj


@transaction.atomic
def pk_versi_baru(
    *, pengguna: Any, pk: PerjanjianKinerja, alasan: str, versi: int | None = None
) -> PerjanjianKinerja:
    """Start the next version of a signed PK (a change during the year): a draft copy of its
    items, Rencana Aksi and budget lines, with the parties in office today, and the reason."""
    obj = _kunci_pk(pk)
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    if obj.status != StatusPK.DITANDATANGANI:
        raise _galat(
            _(PESAN_TRANSISI_PK).format(status=obj.get_status_display().lower(), aksi="versi baru"),
            code="transisi",
        )
    if not _pk_terakhir(obj):
        raise _galat(_(PESAN_PK_BUKAN_TERAKHIR).format(versi=_("terbaru")), code="lama")
    alasan = (alasan or "").strip()
    if not alasan:
        raise _galat(_(PESAN_ALASAN_WAJIB), "alasan")
    hari_ini = timezone.localdate()
    tanggal = hari_ini if hari_ini.year == obj.tahun else obj.tanggal
    try:
        pihak = pihak_pk(obj.jabatan, tanggal)
    except ValidationError:
        tanggal = obj.tanggal
        pihak = pihak_pk(obj.jabatan, tanggal)
    baru = PerjanjianKinerja.objects.create(
        jabatan=obj.jabatan,
        tahun=obj.tahun,
        nomor_versi=obj.nomor_versi + 1,
        tanggal=tanggal,
        jabatan_pihak_kedua_teks=obj.jabatan_pihak_kedua_teks,
        alasan_versi=alasan,
        **pihak,
    )
    _salin_isi_pk(obj, baru)
    catat(
        pengguna=pengguna,
        aksi="pk.versi_baru",
        objek=baru,
        sebelum={"versi_sebelumnya": obj.pk},
        sesudah=snapshot(baru),
        alasan=alasan,
    )
    return baru


def _salin_isi_pk(
    asal: PerjanjianKinerja,
    tujuan: PerjanjianKinerja,
    *,
    target: Mapping[int, NilaiTarget] | None = None,
    induk: Mapping[int, ItemPK | None] | None = None,
    pagu: Mapping[int, Decimal] | None = None,
) -> dict[int, ItemPK]:
    """Copy the items (with their RA) and budget lines of `asal` into `tujuan`.

    For a new year, `target` gives each indicator's new target, `induk` the new superior item
    per indicator and `pagu` the new budget per element. Returns {indikator_id: new item}.
    """
    hasil: dict[int, ItemPK] = {}
    for it in (
        asal.item.select_related("indikator")
        .prefetch_related("rencana_aksi")
        .order_by("urutan", "id")
    ):
        nilai, teks_t = it.target, it.target_teks
        if target is not None and it.indikator_id in target:
            nilai, teks_t = ke_baris(it.indikator, target[it.indikator_id])
        baru = ItemPK.objects.create(
            perjanjian=tujuan,
            indikator=it.indikator,
            target=nilai,
            target_teks=teks_t,
            item_induk=induk.get(it.indikator_id) if induk is not None else it.item_induk,
            urutan=it.urutan,
        )
        # Period targets only still fit when the annual target did not change.
        sama = (nilai, teks_t) == (it.target, it.target_teks)
        RencanaAksi.objects.bulk_create(
            RencanaAksi(
                item_pk=baru,
                jenis_periode=ra.jenis_periode,
                nomor=ra.nomor,
                target=ra.target if sama else None,
                target_teks=ra.target_teks if sama else "",
                rencana_aksi=ra.rencana_aksi,
            )
            for ra in it.rencana_aksi.all()
        )
        hasil[it.indikator_id] = baru
    for a in asal.anggaran.all():
        nilai_pagu = a.pagu if pagu is None else pagu.get(a.elemen_id)
        if nilai_pagu is not None:
            AnggaranPK.objects.create(
                perjanjian=tujuan, elemen_id=a.elemen_id, pagu=nilai_pagu, keterangan=a.keterangan
            )
    return hasil


# -- Rencana Aksi ---------------------------------------------------------------------------

JUMLAH_PERIODE = {
    JenisPeriode.BULAN: 12,
    JenisPeriode.TRIWULAN: 4,
    JenisPeriode.SEMESTER: 2,
    JenisPeriode.TAHUN: 1,
}


def periksa_ra_item(item: ItemPK, jenis_periode: str, baris: Iterable[RencanaAksi]) -> list[Temuan]:
    """The consistency warnings of an item's stored Rencana Aksi (for pages and documents)."""
    ind = item.indikator
    per = {ra.nomor: ra for ra in baris if ra.jenis_periode == jenis_periode}
    return validasi.periksa_rencana_aksi(
        ind,
        jenis_periode=jenis_periode,
        target_tahun=target_dari_baris(ind, item.target, item.target_teks),
        target_periode={n: target_dari_baris(ind, r.target, r.target_teks) for n, r in per.items()},
        aksi={n: r.rencana_aksi for n, r in per.items()},
    )


@transaction.atomic
def ra_simpan(
    *,
    pengguna: Any,
    item: ItemPK,
    jenis_periode: str,
    baris: Mapping[int, tuple[str, str]],
    versi: int | None = None,
) -> HasilSimpan:
    """Save the Rencana Aksi of a PK item for each period: {nomor: (target text, actions)}.

    A period with neither target nor action is removed. Targets of a period that is already
    closed or locked for measurement cannot change. The result carries the consistency
    warnings against the annual target (kumulatif: the periods add up to it; nilai akhir: the
    last period equals it; rata-rata: their mean equals it).
    """
    from kinerja.pengukuran.models import Periode, StatusPeriode

    obj = (
        ItemPK.objects.select_for_update(of=("self",))
        .select_related("indikator__skala", "perjanjian__jabatan__instansi")
        .get(pk=item.pk)
    )
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    if jenis_periode not in JUMLAH_PERIODE:
        raise _galat(_("Jenis periode tidak dikenal."), "jenis_periode")
    n = JUMLAH_PERIODE[jenis_periode]
    ind = obj.indikator
    pk = obj.perjanjian
    ada = {ra.nomor: ra for ra in obj.rencana_aksi.filter(jenis_periode=jenis_periode)}
    baru: dict[int, tuple[NilaiTarget, str]] = {}
    for nomor, (teks_t, aksi) in baris.items():
        if not 1 <= int(nomor) <= n:
            raise _galat(_(PESAN_RA_PERIODE).format(nomor=nomor, jenis=jenis_periode))
        try:
            nilai = baca_target(ind, teks_t)
        except ValidationError as exc:
            raise _galat(" ".join(exc.messages), f"target_{nomor}") from exc
        baru[int(nomor)] = (nilai, (aksi or "").strip())
    for nomor, (nilai, _aksi) in baru.items():
        if nilai.kosong:
            continue
        for t in validasi.periksa_target(ind, nilai, level_skala=_level_skala(ind)):
            if t.galat:
                raise _galat(t.pesan, f"target_{nomor}")
    tutup = {
        p.nomor: p
        for p in Periode.objects.filter(
            pemda_id=pk.jabatan.instansi.id_leluhur[0],
            tahun=pk.tahun,
            jenis_periode=jenis_periode,
        ).exclude(status=StatusPeriode.DIBUKA)
    }
    sebelum = {
        str(k): [teks_target(ind, target_dari_baris(ind, r.target, r.target_teks)), r.rencana_aksi]
        for k, r in sorted(ada.items())
    }
    sesudah: dict[str, list[str]] = {}
    ubah = False
    label = validasi.NAMA_PERIODE[jenis_periode][1]
    for nomor in range(1, n + 1):
        r = ada.get(nomor)
        if nomor not in baru:
            if r is not None:
                sesudah[str(nomor)] = sebelum[str(nomor)]
            continue
        nilai, aksi = baru[nomor]
        t, teks_t = ke_baris(ind, nilai)
        lama_t = (r.target, r.target_teks) if r else (None, "")
        if lama_t != (t, teks_t) and nomor in tutup:
            p = tutup[nomor]
            raise _galat(
                _(PESAN_RA_PERIODE_TUTUP).format(
                    periode=label[nomor - 1], label=p.label, status=p.get_status_display().lower()
                ),
                f"target_{nomor}",
            )
        if nilai.kosong and not aksi:
            if r is not None:
                r.delete()
                ubah = True
            continue
        sesudah[str(nomor)] = [teks_target(ind, nilai), aksi]
        if r is None:
            RencanaAksi.objects.create(
                item_pk=obj,
                jenis_periode=jenis_periode,
                nomor=nomor,
                target=t,
                target_teks=teks_t,
                rencana_aksi=aksi,
            )
            ubah = True
        elif (r.target, r.target_teks, r.rencana_aksi) != (t, teks_t, aksi):
            r.target, r.target_teks, r.rencana_aksi = t, teks_t, aksi
            r.save()
            ubah = True
    semua = list(obj.rencana_aksi.filter(jenis_periode=jenis_periode))
    peringatan = periksa_ra_item(obj, jenis_periode, semua)
    if not ubah:
        return HasilSimpan(obj, peringatan, berubah=False)
    obj.versi += 1
    obj.save(update_fields=["versi"])
    catat(
        pengguna=pengguna,
        aksi="rencana_aksi.simpan",
        objek=obj,
        sebelum={"jenis_periode": jenis_periode, "periode": sebelum},
        sesudah={"jenis_periode": jenis_periode, "periode": sesudah},
    )
    return HasilSimpan(obj, peringatan)


# -- budget ---------------------------------------------------------------------------------


def periksa_anggaran(a: Anggaran, pagu_anak: Sequence[Decimal]) -> list[Temuan]:
    """Warnings of a stored budget line: withdrawal plan and sub-lines against the pagu."""
    penarikan = {p.triwulan: p.nilai for p in a.penarikan.all()}
    return validasi.periksa_penarikan(
        a.pagu, [penarikan.get(tw) for tw in range(1, 5)]
    ) + validasi.periksa_pagu_anak(a.pagu, pagu_anak)


@transaction.atomic
def anggaran_simpan(
    *,
    pengguna: Any,
    elemen: Elemen,
    tahun: int,
    pagu: Decimal,
    sumber: str = "DPA",
    keterangan: str = "",
    penarikan: Sequence[Decimal | None] | None = None,
    versi: int | None = None,
) -> HasilSimpan:
    """Set the pagu (DPA) of a program / kegiatan / sub kegiatan / paket for `tahun` and, when
    given, its quarterly withdrawal plan (four values). Warns when the plan does not add up to
    the pagu, or the sub-lines' pagu do not add up to this one."""
    e = Elemen.objects.select_related("level", "kerangka__instansi", "unit").get(pk=elemen.pk)
    _boleh(pengguna, e)
    _tahun_wajar(tahun)
    if not e.level.punya_anggaran:
        raise _galat(_(PESAN_ELEMEN_TANPA_ANGGARAN).format(level=e.level.nama), "elemen")
    k = e.kerangka
    if not k.tahun_mulai <= tahun <= k.tahun_selesai:
        raise _galat(
            _(validasi.PESAN_TAHUN_DI_LUAR).format(
                tahun=tahun, mulai=k.tahun_mulai, selesai=k.tahun_selesai
            ),
            "tahun",
        )
    if pagu is None or pagu < 0:
        raise _galat(_("Pagu wajib diisi dan tidak boleh negatif."), "pagu")
    if penarikan is not None:
        if len(penarikan) != 4:
            raise _galat(_(PESAN_PENARIKAN_EMPAT), "penarikan")
        if any(v is not None and v < 0 for v in penarikan):
            raise _galat(_("Rencana penarikan tidak boleh negatif."), "penarikan")
    obj = Anggaran.objects.select_for_update(of=("self",)).filter(elemen=e, tahun=tahun).first()
    if obj is not None:
        pastikan_versi(obj, versi)
    elif versi:
        raise EditanKedaluwarsa(
            _("Baris anggaran ini sudah dihapus orang lain."), code="kedaluwarsa"
        )
    sumber = (sumber or "DPA").strip()[:60]
    keterangan = (keterangan or "").strip()[:255]
    lama_tarik = {p.triwulan: p for p in obj.penarikan.all()} if obj is not None else {}
    sebelum = None
    ubah = obj is None
    if obj is not None:
        sebelum = {
            **snapshot(obj, ["pagu", "sumber", "keterangan"]),
            "penarikan": [
                str(lama_tarik[t].nilai) if t in lama_tarik else None for t in range(1, 5)
            ],
        }
        ubah = (obj.pagu, obj.sumber, obj.keterangan) != (pagu, sumber, keterangan)
    else:
        obj = Anggaran(elemen=e, tahun=tahun)
    if penarikan is not None:
        for tw, v in enumerate(penarikan, start=1):
            lama = lama_tarik.get(tw)
            if (lama.nilai if lama else None) != v:
                ubah = True
    if ubah:
        if obj.pk:
            obj.versi += 1
        obj.pagu, obj.sumber, obj.keterangan = pagu, sumber, keterangan
        obj.save()
        if penarikan is not None:
            for tw, v in enumerate(penarikan, start=1):
                lama = lama_tarik.get(tw)
                if v is None:
                    if lama is not None:
                        lama.delete()
                elif lama is None:
                    RencanaPenarikan.objects.create(anggaran=obj, triwulan=tw, nilai=v)
                elif lama.nilai != v:
                    lama.nilai = v
                    lama.save()
        catat(
            pengguna=pengguna,
            aksi="anggaran.simpan",
            objek=obj,
            sebelum=sebelum,
            sesudah={
                **snapshot(obj, ["pagu", "sumber", "keterangan"]),
                "penarikan": [None if v is None else str(v) for v in (penarikan or [])],
            },
        )
    anak = [a.pagu for a in Anggaran.objects.filter(elemen__induk=e, tahun=tahun).only("pagu")]
    peringatan = periksa_anggaran(obj, anak)
    return HasilSimpan(obj, peringatan, berubah=ubah)


@transaction.atomic
def anggaran_hapus(*, pengguna: Any, anggaran: Anggaran, versi: int | None = None) -> None:
    """Delete a budget line that has no financial realisation yet."""
    obj = (
        Anggaran.objects.select_for_update(of=("self",))
        .select_related("elemen__kerangka__instansi")
        .get(pk=anggaran.pk)
    )
    _boleh(pengguna, obj)
    pastikan_versi(obj, versi)
    if obj.realisasi.exists():
        raise _galat(_(PESAN_HAPUS_ANGGARAN))
    catat(pengguna=pengguna, aksi="anggaran.hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()


# -- copy a year ----------------------------------------------------------------------------


@transaction.atomic
def rencana_salin_tahun(
    *, pengguna: Any, kerangka: KerangkaKinerja, dari_tahun: int, ke_tahun: int
) -> dict[str, int]:
    """Start `ke_tahun` from `dari_tahun`'s plan: for what the new year lacks, copy each
    indicator's target in force at the end of the old year (as murni), each budget line with
    its withdrawal plan, and each position's latest PK as a draft (items with the new year's
    targets, cascade links to the superiors' new PKs, actions without period targets, budget
    lines with the new pagu). Nothing that exists in the new year is changed."""
    from kinerja.perencanaan.selectors import target_berlaku

    k = KerangkaKinerja.objects.select_related("instansi").get(pk=kerangka.pk)
    _boleh(pengguna, k)
    if not (dari_tahun < ke_tahun and k.tahun_mulai <= ke_tahun <= k.tahun_selesai):
        raise _galat(_(PESAN_SALIN_TAHUN), "ke_tahun")
    jumlah = {"target": 0, "anggaran": 0, "perjanjian": 0}
    indikator = list(Indikator.objects.filter(elemen__kerangka=k).select_related("skala"))
    ids = [i.pk for i in indikator]
    lama = target_berlaku(ids, dari_tahun, dt.date(dari_tahun, 12, 31))
    sudah = set(
        TargetTahunan.objects.filter(indikator_id__in=ids, tahun=ke_tahun).values_list(
            "indikator_id", flat=True
        )
    )
    target_baru: dict[int, NilaiTarget] = {}
    for ind in indikator:
        if ind.pk in lama and ind.pk not in sudah:
            t = lama[ind.pk]
            baru = TargetTahunan.objects.create(
                indikator=ind,
                tahun=ke_tahun,
                nomor_versi=1,
                jenis=JenisTarget.MURNI,
                nilai=t.nilai,
                nilai_min=t.nilai_min,
                nilai_max=t.nilai_max,
                nilai_teks=t.nilai_teks,
                berlaku_mulai=dt.date(ke_tahun, 1, 1),
                alasan=_("Disalin dari target %(tahun)s") % {"tahun": dari_tahun},
                dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
            )
            catat(pengguna=pengguna, aksi="target.salin", objek=baru, sesudah=snapshot(baru))
            jumlah["target"] += 1
    for t in target_berlaku(ids, ke_tahun, dt.date(ke_tahun, 1, 1)).values():
        target_baru[t.indikator_id] = target_dari_versi(t)
    pagu_baru: dict[int, Decimal] = {
        a.elemen_id: a.pagu for a in Anggaran.objects.filter(elemen__kerangka=k, tahun=ke_tahun)
    }
    for a in Anggaran.objects.filter(elemen__kerangka=k, tahun=dari_tahun).prefetch_related(
        "penarikan"
    ):
        if a.elemen_id in pagu_baru:
            continue
        b = Anggaran.objects.create(
            elemen_id=a.elemen_id,
            tahun=ke_tahun,
            pagu=a.pagu,
            sumber=a.sumber,
            keterangan=a.keterangan,
        )
        RencanaPenarikan.objects.bulk_create(
            RencanaPenarikan(anggaran=b, triwulan=p.triwulan, nilai=p.nilai)
            for p in a.penarikan.all()
        )
        catat(pengguna=pengguna, aksi="anggaran.salin", objek=b, sesudah=snapshot(b))
        pagu_baru[a.elemen_id] = b.pagu
        jumlah["anggaran"] += 1
    # Latest PK per position in the old year that holds this framework's indicators.
    pk_lama: dict[int, PerjanjianKinerja] = {}
    for pk in (
        PerjanjianKinerja.objects.filter(tahun=dari_tahun, item__indikator__elemen__kerangka=k)
        .select_related("jabatan__instansi", "jabatan__atasan")
        .distinct()
        .order_by("nomor_versi")
    ):
        pk_lama[pk.jabatan_id] = pk
    sudah_pk = set(
        PerjanjianKinerja.objects.filter(tahun=ke_tahun, jabatan_id__in=pk_lama).values_list(
            "jabatan_id", flat=True
        )
    )

    # Superiors first, so their new items exist when the subordinates' items point at them.
    def kedalaman(pk: PerjanjianKinerja) -> int:
        n, j = 0, pk.jabatan
        while j.atasan_id and n < 20:
            n += 1
            j = j.atasan
        return n

    item_baru: dict[tuple[int, int], ItemPK] = {}
    for it in ItemPK.objects.filter(perjanjian__tahun=ke_tahun, perjanjian__jabatan_id__in=pk_lama):
        item_baru[(it.perjanjian.jabatan_id, it.indikator_id)] = it
    for pk in sorted(pk_lama.values(), key=kedalaman):
        if pk.jabatan_id in sudah_pk:
            continue
        tanggal = dt.date(ke_tahun, 1, 2)
        try:
            pihak = pihak_pk(pk.jabatan, tanggal)
        except ValidationError:
            continue
        _boleh(pengguna, pk)
        baru = PerjanjianKinerja.objects.create(
            jabatan=pk.jabatan,
            tahun=ke_tahun,
            nomor_versi=1,
            tanggal=tanggal,
            jabatan_pihak_kedua_teks=pk.jabatan_pihak_kedua_teks,
            **pihak,
        )
        atasan_id = baru.jabatan_pihak_kedua_id or pk.jabatan.atasan_id
        induk = {
            it.indikator_id: item_baru.get((atasan_id, it.item_induk.indikator_id))
            if it.item_induk_id and atasan_id
            else None
            for it in pk.item.select_related("item_induk")
        }
        for iid, it in _salin_isi_pk(
            pk, baru, target=target_baru, induk=induk, pagu=pagu_baru
        ).items():
            item_baru[(pk.jabatan_id, iid)] = it
        catat(
            pengguna=pengguna,
            aksi="pk.salin",
            objek=baru,
            sebelum={"dari": pk.pk},
            sesudah=snapshot(baru),
        )
        jumlah["perjanjian"] += 1
    catat(
        pengguna=pengguna,
        aksi="kerangka.salin_tahun",
        objek=k,
        sesudah={"dari": dari_tahun, "ke": ke_tahun, **jumlah},
    )
    return jumlah
