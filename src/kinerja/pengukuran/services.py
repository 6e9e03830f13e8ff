"""Writes on measurement data. Each service checks permission, validates, writes in one
transaction together with its audit row, and refuses a stale edit (optimistic `versi`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from kinerja.inti.angka import AngkaTidakSah, baca_angka, format_rupiah
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import Instansi, Peran
from kinerja.organisasi.permissions import PERAN_PENGISI
from kinerja.pengukuran import alur_status
from kinerja.pengukuran.models import (
    NAMA_BULAN,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    StatusPeriode,
)
from kinerja.pengukuran.selectors import (
    AKSI_PENGINGAT,
    indikator_tanggung_jawab,
    pohon_anggaran,
    rekap_pengisian,
)
from kinerja.perencanaan.models import Anggaran, Indikator, JenisNilai

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
PESAN_NILAI_WAJIB = "Nilai realisasi wajib diisi."
PESAN_TEKS_PANJANG = "{kolom} terlalu panjang: paling banyak {n} karakter."
PESAN_AJUKAN_KOSONG = "Realisasi belum diisi sehingga belum dapat diajukan."
PESAN_VALIDASI_SENDIRI = (
    "Anda tidak dapat memvalidasi atau mengembalikan realisasi yang Anda isi atau ajukan sendiri."
)

# Kendala and tindak lanjut are free text; this keeps a pasted document from filling a row.
PANJANG_TEKS_MAKS = 5000

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


def _teks_wajar(teks: str, kolom: str, field: str) -> None:
    """Refuse free text longer than `PANJANG_TEKS_MAKS`, naming the field it belongs to."""
    if len(teks) > PANJANG_TEKS_MAKS:
        raise ValidationError(
            {
                field: ValidationError(
                    PESAN_TEKS_PANJANG.format(kolom=kolom, n=PANJANG_TEKS_MAKS), code="panjang"
                )
            }
        )


def _periode_terbuka(periode: Periode) -> None:
    if periode.status != StatusPeriode.DIBUKA:
        raise ValidationError(
            PESAN_PERIODE_TUTUP.format(
                periode=periode.label, status=periode.get_status_display().lower()
            ),
            code="periode_tutup",
        )


# The measurement documents whose signature freezes the period's data of their agency.
JENIS_DOKUMEN_PENGUNCI = ("realisasi_ra", "kertas_kerja", "laporan_pengukuran")
PESAN_TERKUNCI_TTD = (
    "Data {periode} sudah dikunci: {dokumen} nomor {nomor} telah ditandatangani. "
    "Untuk memperbaikinya, buat versi baru dokumen itu dahulu (di halaman Dokumen)."
)


def _belum_ditandatangani(instansi: Instansi | None, periode: Periode) -> None:
    """Refuse a change when a signed measurement document of the period covers `instansi`.

    A signed document freezes its numbers; its agency's data for the period stay locked while
    the newest version of that document is the signed one. Making a new (draft) version
    unlocks them, and signing it locks them again, so every correction is a new version.
    """
    if instansi is None:
        return
    from kinerja.dokumen.models import Dokumen, StatusDokumen

    dok = list(
        Dokumen.objects.filter(
            periode=periode,
            jenis__in=JENIS_DOKUMEN_PENGUNCI,
            instansi_id__in=instansi.id_leluhur,
        ).only("jenis", "instansi_id", "kunci", "format", "versi", "status", "judul", "nomor")
    )
    for d in dok:
        if d.status not in (StatusDokumen.DITANDATANGANI, StatusDokumen.DIARSIPKAN):
            continue
        lebih_baru = any(
            (x.jenis, x.instansi_id, x.kunci, x.format)
            == (d.jenis, d.instansi_id, d.kunci, d.format)
            and x.versi > d.versi
            for x in dok
        )
        if not lebih_baru:
            raise ValidationError(
                PESAN_TERKUNCI_TTD.format(
                    periode=periode.label, dokumen=d.judul, nomor=d.nomor or "-"
                ),
                code="terkunci_ttd",
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
    alasan: str = "",
) -> Realisasi:
    """Save the realisation of `indikator` for `periode` from the text the user typed.

    Creates the row on first save. Refuses: a user without an entering role over the indicator's
    unit, a closed period, a submitted or validated row, an empty value or one that does not fit
    the indicator's type, and a stale `versi` (`versi=0` means "I saw no row": refused if someone
    created it meanwhile). Saving unchanged values writes nothing. Nothing is written when it
    refuses. `alasan` goes to the audit row (e.g. "impor Excel").
    """
    if not pengguna.has_perm("kinerja.isi", indikator):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_ISI)
    _periode_terbuka(periode)
    _belum_ditandatangani(indikator.instansi_cakupan(), periode)
    angka, teks = baca_nilai_realisasi(indikator, nilai)
    if angka is None and not teks:
        raise ValidationError(PESAN_NILAI_WAJIB, code="kosong")
    kendala, tindak_lanjut = (kendala or "").strip(), (tindak_lanjut or "").strip()
    _teks_wajar(kendala, "Kendala", "kendala")
    _teks_wajar(tindak_lanjut, "Tindak lanjut", "tindak_lanjut")
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
        if (obj.nilai, obj.nilai_teks, obj.kendala, obj.tindak_lanjut) == (
            angka,
            teks,
            kendala,
            tindak_lanjut,
        ):
            # Saving what is already stored (Enter pressed twice, the same Excel file imported
            # again) writes nothing: no new version, no audit row.
            return obj
    sebelum = None if baru else snapshot(obj, ["nilai", "nilai_teks", "kendala", "tindak_lanjut"])
    obj.nilai, obj.nilai_teks = angka, teks
    obj.kendala, obj.tindak_lanjut = kendala, tindak_lanjut
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
        alasan=alasan,
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

    `ajukan` needs an entering role and a value; `validasi`, `kembalikan` and `buka_kunci` a
    validating role, and nobody validates or returns a value they entered or submitted.
    Returning and unlocking need a reason (`catatan`), kept on the row and in the audit log.
    The first submission records when it happened and whether it came after the period's
    `batas_pengisian` (`terlambat`); that mark never blocks anything.
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
    if aksi in (alur_status.VALIDASI, alur_status.KEMBALIKAN) and pengguna.pk in (
        obj.diisi_oleh_id,
        obj.diajukan_oleh_id,
    ):
        # Four eyes: whoever entered or submitted a value does not judge it.
        raise PermissionDenied(PESAN_VALIDASI_SENDIRI)
    if aksi in (alur_status.KEMBALIKAN, alur_status.BUKA_KUNCI) and not catatan.strip():
        raise ValidationError(PESAN_ALASAN_WAJIB, code="alasan")
    _teks_wajar(catatan.strip(), "Catatan", "catatan")
    if aksi == alur_status.AJUKAN:
        _periode_terbuka(obj.periode)
        if obj.nilai is None and not obj.nilai_teks:
            raise ValidationError(PESAN_AJUKAN_KOSONG, code="kosong")
    if aksi == alur_status.BUKA_KUNCI and obj.periode.status == StatusPeriode.DIKUNCI:
        _periode_terbuka(obj.periode)
    lama = obj.status
    sekarang = timezone.now()
    obj.status = baru
    sesudah: dict[str, Any] = {"status": baru}
    if aksi == alur_status.AJUKAN:
        obj.diajukan_oleh = pengguna
        if obj.diajukan_pada is None:
            # Lateness is judged on the first submission and only marked: a value returned
            # for correction and submitted again after the deadline is not "late" for that.
            obj.diajukan_pada = sekarang
            batas = obj.periode.batas_pengisian
            obj.terlambat = batas is not None and timezone.localdate(sekarang) > batas
            sesudah["terlambat"] = obj.terlambat
    if aksi in (alur_status.VALIDASI, alur_status.KEMBALIKAN):
        obj.divalidasi_oleh = pengguna
        obj.divalidasi_pada = sekarang
        obj.catatan_validasi = catatan.strip()
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi=f"realisasi.{aksi}",
        objek=obj,
        sebelum={"status": lama},
        sesudah=sesudah,
        alasan=catatan.strip(),
    )
    return obj


PESAN_ANGGARAN_TAHUN = "Anggaran tahun {tahun} tidak dapat diisi pada periode {periode}."
_RIBUAN_RUPIAH = re.compile(r"\d{1,3}(\.\d{3})+(,\d{1,2})?")
PESAN_AGREGAT = (
    "Realisasi {nama} dihitung dari rincian di bawahnya; isi pada sub kegiatan atau kegiatannya."
)
PESAN_MELEBIHI_PAGU = (
    "Realisasi s.d. periode ini menjadi {jumlah}, melebihi pagu {pagu}. Periksa kembali angkanya."
)


def baca_rupiah(teks: str | None) -> Decimal:
    """Read a required, non-negative rupiah amount with at most two decimals.

    Rupiah has at most two decimals, so a dot before three digits ("150.000") can only group
    thousands here. Raises ValidationError with the Indonesian message otherwise.
    """
    s = (teks or "").strip()
    if _RIBUAN_RUPIAH.fullmatch(s):
        s = s.replace(".", "")
    try:
        angka = baca_angka(s, boleh_negatif=False, digit_bulat=16, digit_desimal=2)
    except AngkaTidakSah as exc:
        raise ValidationError(str(exc), code="angka") from exc
    assert angka is not None  # wajib=True never returns None
    return angka


@transaction.atomic
def realisasi_anggaran_simpan(
    *,
    pengguna: Any,
    anggaran: Anggaran,
    periode: Periode,
    nilai: str | None,
    versi: int | None = None,
) -> RealisasiAnggaran:
    """Save the spending of a budget line in `periode` (the period's own amount, in rupiah).

    The same rules as `realisasi_simpan`: an entering role over the line's unit, an open
    period, a required non-negative number that fits the field (2 decimals), no stale `versi`
    (0 = "I saw no row"), unchanged values write nothing, one audit row per change. The
    spending up to this period may not exceed the pagu. Only the lowest lines are typed in;
    the aggregate lines above them (kegiatan, program) are updated to their sums.
    """
    if not pengguna.has_perm("kinerja.isi", anggaran):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_ISI)
    _periode_terbuka(periode)
    _belum_ditandatangani(anggaran.instansi_cakupan(), periode)
    if anggaran.tahun != periode.tahun:
        raise ValidationError(
            PESAN_ANGGARAN_TAHUN.format(tahun=anggaran.tahun, periode=periode.label),
            code="tahun",
        )
    pohon = pohon_anggaran([anggaran.elemen.kerangka_id], anggaran.tahun)
    if anggaran.pk in set(pohon.values()):
        raise ValidationError(PESAN_AGREGAT.format(nama=anggaran.elemen.nama), code="agregat")
    angka = baca_rupiah(nilai)
    obj, baru = RealisasiAnggaran.objects.select_for_update().get_or_create(
        anggaran=anggaran, periode=periode, defaults={"nilai": angka, "diisi_oleh": pengguna}
    )
    if not baru:
        pastikan_versi(obj, versi)
        if obj.nilai == angka:
            return obj
    lain = RealisasiAnggaran.objects.filter(
        anggaran=anggaran,
        periode__pemda_id=periode.pemda_id,
        periode__tahun=periode.tahun,
        periode__jenis_periode=periode.jenis_periode,
        periode__nomor__lte=periode.nomor,
    ).exclude(pk=obj.pk)
    jumlah = sum((r.nilai for r in lain), Decimal(0)) + angka
    if jumlah > anggaran.pagu:
        raise ValidationError(
            PESAN_MELEBIHI_PAGU.format(
                jumlah=format_rupiah(jumlah), pagu=format_rupiah(anggaran.pagu)
            ),
            code="pagu",
        )
    sebelum = None if baru else {"nilai": obj.nilai}
    obj.nilai = angka
    obj.diisi_oleh = pengguna
    if not baru:
        obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="realisasi_anggaran.simpan",
        objek=obj,
        sebelum=sebelum,
        sesudah={"nilai": angka, "induk": _perbarui_induk_anggaran(pohon, obj, pengguna)},
    )
    return obj


def _perbarui_induk_anggaran(
    pohon: dict[int, int | None], baris: RealisasiAnggaran, pengguna: Any
) -> dict[str, Decimal]:
    """Set every aggregate line above `baris` to the sum of the lines right below it.

    Returns {anggaran_id: new value} of the aggregate rows written, for the audit row.
    """
    diperbarui: dict[str, Decimal] = {}
    p = pohon.get(baris.anggaran_id)
    while p is not None:
        anak = [a for a, q in pohon.items() if q == p]
        jumlah = RealisasiAnggaran.objects.filter(
            anggaran_id__in=anak, periode_id=baris.periode_id
        ).aggregate(s=Sum("nilai"))["s"] or Decimal(0)
        induk, baru = RealisasiAnggaran.objects.select_for_update().get_or_create(
            anggaran_id=p,
            periode_id=baris.periode_id,
            defaults={"nilai": jumlah, "diisi_oleh": pengguna},
        )
        if not baru and induk.nilai != jumlah:
            induk.nilai, induk.diisi_oleh = jumlah, pengguna
            induk.versi += 1
            induk.save()
        diperbarui[str(p)] = jumlah
        p = pohon.get(p)
    return diperbarui


@dataclass
class HasilPengajuan:
    """What `realisasi_ajukan_banyak` did: the submitted rows and the skipped ones with why."""

    diajukan: list[Realisasi] = field(default_factory=list)
    dilewati: list[tuple[Indikator, str]] = field(default_factory=list)


def realisasi_ajukan_banyak(
    *,
    pengguna: Any,
    instansi: Instansi,
    periode: Periode,
    indikator_ids: Iterable[int] | None = None,
) -> HasilPengajuan:
    """Submit a unit's period: every entered, still editable value (or only the chosen ones).

    Each value goes through `realisasi_ubah_status` in its own savepoint, so one refused value
    (no value, no right, a version changed meanwhile) is reported and the others proceed.
    Chosen indicators without a value are reported as skipped.
    """
    ids_unit = set(indikator_tanggung_jawab(instansi, periode).values_list("pk", flat=True))
    dipilih = ids_unit if indikator_ids is None else ids_unit & {int(i) for i in indikator_ids}
    hasil = HasilPengajuan()
    ada = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(periode=periode, indikator_id__in=dipilih)
        .select_related("indikator")
        .order_by("indikator_id")
    }
    if indikator_ids is not None:
        for ind in Indikator.objects.filter(pk__in=dipilih - set(ada)).order_by("pk"):
            hasil.dilewati.append((ind, PESAN_AJUKAN_KOSONG))
    for r in ada.values():
        if r.status not in alur_status.STATUS_BOLEH_DIUBAH:
            continue
        try:
            with transaction.atomic():
                hasil.diajukan.append(
                    realisasi_ubah_status(
                        pengguna=pengguna, realisasi=r, aksi=alur_status.AJUKAN, versi=r.versi
                    )
                )
        except (ValidationError, PermissionDenied) as exc:
            pesan = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            hasil.dilewati.append((r.indikator, pesan))
    return hasil


PESAN_TIDAK_BERHAK_PENGINGAT = "Anda tidak berhak mengirim pengingat ke unit ini."
PESAN_PENGINGAT_BARU_SAJA = (
    "Pengingat untuk unit ini sudah dikirim pukul {jam}. "
    "Tunggu {menit} menit sebelum mengirim lagi."
)
PESAN_TANPA_PENERIMA = "Unit ini tidak memiliki operator dengan alamat e-mail."
# Minutes between two reminders to the same unit for the same period (a double click, an
# impatient colleague).
JEDA_PENGINGAT_MENIT = 15


def penerima_pengingat(unit: Instansi) -> list[Any]:
    """Active users with an entering role scoped to `unit` or below it, having an e-mail."""
    ids = Peran.objects.filter(
        kode__in=PERAN_PENGISI, instansi__jalur__startswith=unit.jalur
    ).values("pengguna_id")
    return list(
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True)
        .exclude(email="")
        .order_by("username")
    )


@transaction.atomic
def pengingat_kirim(*, pengguna: Any, unit: Instansi, periode: Periode) -> list[str]:
    """E-mail the unit's operators what is still open for `periode`; returns the addresses.

    Needs a validating or administering role over the unit. One message per recipient, sent
    after commit; the reminder is recorded in the audit log (which the completion overview
    reads) and refused if one went to the same unit for the same period in the last
    `JEDA_PENGINGAT_MENIT` minutes.
    """
    if not (
        pengguna.has_perm("kinerja.validasi", unit) or pengguna.has_perm("kinerja.kelola", unit)
    ):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_PENGINGAT)
    terakhir = (
        Peristiwa.objects.filter(
            aksi=AKSI_PENGINGAT,
            objek_tipe="organisasi.instansi",
            objek_id=str(unit.pk),
            sesudah__periode=periode.pk,
            waktu__gte=timezone.now() - timedelta(minutes=JEDA_PENGINGAT_MENIT),
        )
        .order_by("-waktu")
        .first()
    )
    if terakhir is not None:
        raise ValidationError(
            PESAN_PENGINGAT_BARU_SAJA.format(
                jam=timezone.localtime(terakhir.waktu).strftime("%H.%M"),
                menit=JEDA_PENGINGAT_MENIT,
            ),
            code="baru_saja",
        )
    penerima = penerima_pengingat(unit)
    if not penerima:
        raise ValidationError(PESAN_TANPA_PENERIMA, code="tanpa_penerima")
    rekap = rekap_pengisian([unit], periode)[unit.pk]
    tautan = settings.SITE_URL.rstrip("/") + reverse("pengukuran:isian", args=[unit.pk, periode.pk])
    b = periode.batas_pengisian
    batas = f"{b.day} {NAMA_BULAN[b.month]} {b.year}" if b else "belum ditetapkan"
    subjek = f"[Kinerja] Pengingat pengisian realisasi {periode.label} — {unit.nama}"
    isi = (
        f"Yth. operator {unit.nama},\n\n"
        f"Realisasi kinerja {periode.label} masih perlu dilengkapi:\n"
        f"- belum diisi: {rekap.belum} dari {rekap.wajib} indikator\n"
        f"- draf belum diajukan: {rekap.draf}\n"
        f"- dikembalikan validator: {rekap.dikembalikan}\n"
        f"- tanpa data dukung: {rekap.tanpa_bukti}\n\n"
        f"Batas pengisian: {batas}.\n"
        f"Isi di: {tautan}\n\n"
        f"Pesan ini dikirim oleh {pengguna.get_full_name() or pengguna.get_username()} "
        f"melalui Kinerja."
    )
    alamat = [u.email for u in penerima]
    catat(
        pengguna=pengguna,
        aksi=AKSI_PENGINGAT,
        objek=unit,
        sesudah={
            "periode": periode.pk,
            "penerima": alamat,
            "belum": rekap.belum,
            "dikembalikan": rekap.dikembalikan,
        },
    )

    def kirim() -> None:
        with get_connection() as koneksi:
            for a in alamat:
                EmailMessage(subjek, isi, to=[a], connection=koneksi).send()

    transaction.on_commit(kirim)
    return alamat
