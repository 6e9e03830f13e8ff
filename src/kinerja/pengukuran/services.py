"""Writes on measurement data. Each service checks permission, validates, writes in one
transaction together with its audit row, and refuses a stale edit (optimistic `versi`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.inti.angka import AngkaTidakSah, baca_angka
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.pengukuran import alur_status
from kinerja.pengukuran.models import Periode, Realisasi, StatusPeriode
from kinerja.perencanaan.models import Indikator, JenisNilai

PESAN_TIDAK_BERHAK_ISI = "Anda tidak berhak mengisi realisasi indikator ini."
PESAN_TIDAK_BERHAK_VALIDASI = "Anda tidak berhak memvalidasi realisasi indikator ini."
PESAN_PERIODE_TUTUP = "Periode {periode} sudah {status}; realisasi tidak dapat diubah lagi."
PESAN_STATUS_TERKUNCI = (
    "Realisasi berstatus {status} sehingga tidak dapat diubah. "
    "Minta validator mengembalikannya bila perlu diperbaiki."
)
PESAN_TRANSISI = "Realisasi berstatus {status} tidak dapat di-{aksi}."
PESAN_ALASAN_WAJIB = "Alasan wajib diisi."
PESAN_BINER = "Pilih Ya atau Tidak."
PESAN_LEVEL = "Level “{teks}” tidak ada pada skala {skala}. Pilihan: {pilihan}."

_YA = {"ya", "y", "1", "true", "ada", "tepat waktu", "sudah"}
_TIDAK = {"tidak", "t", "0", "false", "tidak ada", "terlambat", "belum"}


def baca_nilai_realisasi(indikator: Indikator, teks: str | None) -> tuple[Decimal | None, str]:
    """Turn user text into the typed value for `indikator`: (nilai, nilai_teks).

    Raises ValidationError with an Indonesian message when the text does not fit the type.
    Empty text means "not reported yet" and gives (None, "").
    """
    s = ("" if teks is None else str(teks)).strip()
    if not s:
        return None, ""
    if indikator.jenis_nilai == JenisNilai.BINER:
        t = s.lower()
        if t in _YA:
            return Decimal(1), ""
        if t in _TIDAK:
            return Decimal(0), ""
        raise ValidationError(PESAN_BINER, code="biner")
    if indikator.jenis_nilai == JenisNilai.ORDINAL:
        level = (
            {lv.kode.upper(): lv for lv in indikator.skala.level.all()} if indikator.skala else {}
        )
        if s.upper() not in level:
            raise ValidationError(
                PESAN_LEVEL.format(
                    teks=s,
                    skala=indikator.skala or "-",
                    pilihan=", ".join(lv.kode for lv in level.values()),
                ),
                code="level",
            )
        return None, level[s.upper()].kode
    try:
        nilai = baca_angka(s, boleh_negatif=indikator.boleh_negatif)
    except AngkaTidakSah as exc:
        raise ValidationError(str(exc), code="angka") from exc
    return nilai, ""


def _periode_terbuka(periode: Periode) -> None:
    if periode.status != StatusPeriode.DIBUKA:
        raise ValidationError(
            PESAN_PERIODE_TUTUP.format(
                periode=periode.label, status=periode.get_status_display().lower()
            ),
            code="periode_tutup",
        )


@transaction.atomic
def realisasi_simpan(
    *,
    pengguna: Any,
    indikator: Indikator,
    periode: Periode,
    nilai: str | None,
    kendala: str = "",
    tindak_lanjut: str = "",
    versi: int | None = None,
) -> Realisasi:
    """Save the realisation of `indikator` for `periode` from the text the user typed.

    Creates the row on first save. Refuses: a user without an entering role over the indicator's
    unit, a closed period, a submitted or validated row, a value that does not fit the indicator's
    type, and a stale `versi`. Nothing is written when it refuses.
    """
    if not pengguna.has_perm("kinerja.isi", indikator):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_ISI)
    _periode_terbuka(periode)
    angka, teks = baca_nilai_realisasi(indikator, nilai)
    obj, baru = Realisasi.objects.select_for_update().get_or_create(
        indikator=indikator, periode=periode, defaults={"diisi_oleh": pengguna}
    )
    if not baru:
        pastikan_versi(obj, versi)
        if obj.status not in alur_status.STATUS_BOLEH_DIUBAH:
            raise ValidationError(
                PESAN_STATUS_TERKUNCI.format(status=obj.get_status_display().lower()),
                code="status",
            )
    sebelum = None if baru else snapshot(obj, ["nilai", "nilai_teks", "kendala", "tindak_lanjut"])
    obj.nilai, obj.nilai_teks = angka, teks
    obj.kendala, obj.tindak_lanjut = kendala.strip(), tindak_lanjut.strip()
    obj.diisi_oleh = pengguna
    if not baru:
        obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="realisasi.simpan",
        objek=obj,
        sebelum=sebelum,
        sesudah=snapshot(obj, ["nilai", "nilai_teks", "kendala", "tindak_lanjut"]),
    )
    return obj


@transaction.atomic
def realisasi_ubah_status(
    *,
    pengguna: Any,
    realisasi: Realisasi,
    aksi: str,
    catatan: str = "",
    versi: int | None = None,
) -> Realisasi:
    """Move a realisation through its approval states (see `alur_status.TRANSISI`).

    `ajukan` needs an entering role; `validasi`, `kembalikan` and `buka_kunci` a validating role.
    Returning and unlocking need a reason (`catatan`), kept on the row and in the audit log.
    """
    obj = Realisasi.objects.select_for_update().select_related("periode").get(pk=realisasi.pk)
    perlu = "kinerja.isi" if aksi == alur_status.AJUKAN else "kinerja.validasi"
    if not pengguna.has_perm(perlu, obj.indikator):
        raise PermissionDenied(
            PESAN_TIDAK_BERHAK_ISI if perlu == "kinerja.isi" else PESAN_TIDAK_BERHAK_VALIDASI
        )
    pastikan_versi(obj, versi)
    baru = alur_status.status_berikut(obj.status, aksi)
    if baru is None:
        raise ValidationError(
            PESAN_TRANSISI.format(status=obj.get_status_display().lower(), aksi=aksi),
            code="transisi",
        )
    if aksi in (alur_status.KEMBALIKAN, alur_status.BUKA_KUNCI) and not catatan.strip():
        raise ValidationError(PESAN_ALASAN_WAJIB, code="alasan")
    if aksi == alur_status.AJUKAN:
        _periode_terbuka(obj.periode)
    if aksi == alur_status.BUKA_KUNCI and obj.periode.status == StatusPeriode.DIKUNCI:
        _periode_terbuka(obj.periode)
    lama = obj.status
    obj.status = baru
    if aksi in (alur_status.VALIDASI, alur_status.KEMBALIKAN):
        obj.divalidasi_oleh = pengguna
        obj.divalidasi_pada = timezone.now()
        obj.catatan_validasi = catatan.strip()
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi=f"realisasi.{aksi}",
        objek=obj,
        sebelum={"status": lama},
        sesudah={"status": baru},
        alasan=catatan.strip(),
    )
    return obj
