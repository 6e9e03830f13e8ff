"""Writes on employee performance. Each function checks the permission (`skp.*` rules),
validates with Indonesian messages (module constants the tests import), writes in one
transaction with its audit row (`inti.audit.catat`) and refuses stale edits (`versi`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from kinerja.dokumen.render import tanggal_id
from kinerja.inti.angka import AngkaTidakSah, baca_angka
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Instansi, JenisASN, Pegawai, PemangkuJabatan
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.services_bukti import periksa_berkas
from kinerja.perencanaan.models import ItemPK
from kinerja.skp import matriks, pemberitahuan, selectors
from kinerja.skp.berakhlak import NilaiBerAKHLAK
from kinerja.skp.models import (
    SKP,
    AspekIndikator,
    BuktiSKP,
    EkspektasiPerilaku,
    IndikatorSKP,
    JenisRHK,
    PenilaianPerilaku,
    PenilaianSKP,
    RatingEkspektasi,
    RealisasiSKP,
    RencanaHasilKerja,
    StatusSKP,
    SumberRating,
)

PESAN_TIDAK_BERHAK = "Anda tidak berhak mengubah SKP ini."
PESAN_TIDAK_BERHAK_BUAT = "Anda hanya dapat menyusun SKP Anda sendiri atau pegawai instansi Anda."
PESAN_TIDAK_BERHAK_NILAI = "Hanya pejabat penilai (termasuk Plt./Plh.) yang dapat menilai SKP ini."
PESAN_TIDAK_BERHAK_KELOLA = "Hanya Kepala dan Subbag Kepegawaian yang dapat melakukan ini."
PESAN_TAHUN = "Periode penilaian harus berada dalam satu tahun {tahun}."
PESAN_TUMPANG_TINDIH = "Pegawai ini sudah memiliki SKP yang periodenya bertumpang tindih ({skp})."
PESAN_BUKAN_ASN = "SKP hanya disusun untuk PNS dan PPPK."
PESAN_SKP_TERKUNCI = (
    "Rencana SKP hanya dapat diubah selama berstatus draf atau dikembalikan; SKP ini {status}."
)
PESAN_URAIAN = "Tuliskan rencana hasil kerja."
PESAN_TERLALU_PANJANG = "{kolom} paling panjang {maks} karakter."
PESAN_TAUTAN_WAJIB = (
    "Hasil kerja utama harus mendukung hasil kerja pejabat penilai atau item Perjanjian Kinerja."
)
PESAN_TAUTAN_GANDA = "Pilih salah satu: hasil kerja atasan atau item Perjanjian Kinerja."
PESAN_RHK_ATASAN = "Hasil kerja atasan harus berasal dari SKP pejabat penilai pada tahun yang sama."
PESAN_ITEM_PK = (
    "Item Perjanjian Kinerja harus berasal dari PK Anda atau PK pejabat penilai tahun {tahun}."
)
PESAN_MASIH_DIDUKUNG = (
    "Hasil kerja ini masih didukung hasil kerja bawahan; lepaskan dulu tautannya."
)
PESAN_ASPEK = "Aspek harus kuantitas, kualitas, waktu atau biaya."
PESAN_NAMA_INDIKATOR = "Tuliskan indikator."
PESAN_SATUAN = "Tuliskan satuan target."
PESAN_TARGET_NEGATIF = "Target tidak boleh negatif."
PESAN_TRANSISI = "SKP berstatus {dari} tidak dapat diubah menjadi {ke}."
PESAN_BELUM_LENGKAP = (
    "Ajukan SKP setelah ada hasil kerja utama dan setiap hasil kerja berindikator."
)
PESAN_ALASAN = "Tuliskan alasan pengembalian."
PESAN_BELUM_DITETAPKAN = "Realisasi dan penilaian dilakukan setelah SKP ditetapkan pejabat penilai."
PESAN_PERIODE_LUAR = "Periode {periode} berada di luar periode penilaian SKP ini."
PESAN_SUDAH_FINAL = "Evaluasi periode {periode} sudah final; realisasi dan penilaiannya terkunci."
PESAN_RATING = "Pilih rating: di atas, sesuai, atau di bawah ekspektasi."
PESAN_TANGGAL_PINDAH = (
    "Tanggal pindah harus sesudah awal dan paling lambat akhir SKP ({mulai}–{selesai})."
)
PESAN_UNIT_SAMA = "Unit baru sama dengan unit sekarang."
PESAN_SUDAH_DILAMPIRKAN = "Berkas yang sama sudah dilampirkan pada realisasi ini."
PESAN_TAUTAN_URL = "Tautan harus berupa alamat lengkap yang diawali http:// atau https://."
PESAN_HAPUS_BUKTI = "Anda hanya dapat menghapus bukti dukung yang Anda unggah sendiri."
PESAN_NILAI_DASAR = "Nilai dasar tidak dikenal: {nilai}."
PESAN_EKSPEKTASI_BERUBAH = (
    "Ekspektasi {nilai} baru saja diubah orang lain; muat ulang halaman lalu ulangi."
)

# Allowed plan transitions: (from, to) → who acts ("pegawai" enters, "penilai" assesses).
TRANSISI_SKP: dict[tuple[str, str], str] = {
    (StatusSKP.DRAF, StatusSKP.DIAJUKAN): "pegawai",
    (StatusSKP.DIKEMBALIKAN, StatusSKP.DIAJUKAN): "pegawai",
    (StatusSKP.DIAJUKAN, StatusSKP.DITETAPKAN): "penilai",
    (StatusSKP.DIAJUKAN, StatusSKP.DIKEMBALIKAN): "penilai",
}
STATUS_BOLEH_DIUBAH = frozenset({StatusSKP.DRAF, StatusSKP.DIKEMBALIKAN})


def _teks(nilai: Any, kolom: str, maks: int, *, wajib: str | None = None) -> str:
    s = ("" if nilai is None else str(nilai)).strip()
    if wajib and not s:
        raise ValidationError(wajib, code="wajib")
    if len(s) > maks:
        raise ValidationError(PESAN_TERLALU_PANJANG.format(kolom=kolom, maks=maks), code="panjang")
    return s


def _kunci_skp(skp: SKP) -> SKP:
    return SKP.objects.select_for_update(of=("self",)).select_related("unit").get(pk=skp.pk)


def _boleh_diisi(pengguna: Any, skp: SKP) -> None:
    if not pengguna.has_perm("skp.isi", skp):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)


def _rencana_terbuka(skp: SKP) -> None:
    if skp.status not in STATUS_BOLEH_DIUBAH:
        raise ValidationError(
            PESAN_SKP_TERKUNCI.format(status=skp.get_status_display().lower()), code="terkunci"
        )


# -- SKP ------------------------------------------------------------------------------------


def _isi_jabatan_penilai(skp: SKP, tanggal: dt.date, nama_jabatan: str = "") -> None:
    """Fill position and pejabat penilai of `skp` as they stand on `tanggal`."""
    pemangku = selectors.pemangku_pegawai_pada(skp.pegawai, tanggal)
    if pemangku is not None:
        skp.jabatan = pemangku.jabatan
        skp.status_jabatan = pemangku.status
        skp.nama_jabatan = pemangku.awalan + pemangku.jabatan.nama
    else:
        skp.jabatan = None
        skp.nama_jabatan = nama_jabatan or "Pelaksana"
    p = selectors.penilai_untuk(jabatan=skp.jabatan, unit=skp.unit, tanggal=tanggal)
    skp.jabatan_penilai = p.jabatan
    skp.penilai = p.pegawai
    skp.status_penilai = p.status


@transaction.atomic
def skp_buat(
    *,
    pengguna: Any,
    pegawai: Pegawai,
    tahun: int,
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
    nama_jabatan: str = "",
) -> SKP:
    """Open an SKP for `pegawai` for (part of) `tahun`, in their current unit.

    The employee opens their own; the Kepala and kepegawaian open anyone's in their agency.
    Position and pejabat penilai are taken on the first day (Plt./Plh. holders included);
    the period must lie in the year and not overlap another SKP of the employee. Audited.
    """
    pegawai = Pegawai.objects.select_related("unit").get(pk=pegawai.pk)
    sendiri = pegawai.pengguna_id is not None and pegawai.pengguna_id == pengguna.pk
    if not sendiri and not pengguna.has_perm("skp.kelola", pegawai.unit):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_BUAT)
    if pegawai.jenis_asn not in (JenisASN.PNS, JenisASN.PPPK):
        raise ValidationError(PESAN_BUKAN_ASN, code="jenis_asn")
    mulai = mulai or dt.date(tahun, 1, 1)
    selesai = selesai or dt.date(tahun, 12, 31)
    if mulai.year != tahun or selesai.year != tahun or selesai < mulai:
        raise ValidationError(PESAN_TAHUN.format(tahun=tahun), code="tahun")
    ada = SKP.objects.filter(pegawai=pegawai, mulai__lte=selesai, selesai__gte=mulai).first()
    if ada is not None:
        raise ValidationError(PESAN_TUMPANG_TINDIH.format(skp=ada), code="tumpang_tindih")
    skp = SKP(
        pegawai=pegawai,
        tahun=tahun,
        mulai=mulai,
        selesai=selesai,
        jenis_asn=pegawai.jenis_asn,
        unit=pegawai.unit,
    )
    _isi_jabatan_penilai(skp, mulai, _teks(nama_jabatan, "Nama jabatan", 200))
    skp.save()
    catat(pengguna=pengguna, aksi="skp.buat", objek=skp, sesudah=snapshot(skp))
    return skp


@transaction.atomic
def skp_pindah_unit(
    *,
    pengguna: Any,
    skp: SKP,
    tanggal: dt.date,
    unit_baru: Instansi,
    nama_jabatan: str = "",
    versi: int | None = None,
) -> SKP:
    """Record a mid-year move: the current SKP ends the day before `tanggal`, the employee's
    unit becomes `unit_baru`, and a new SKP runs from `tanggal` to the old end with the new
    position and pejabat penilai. Both SKP are kept (and stay visible to their supervisors).

    Kepala or kepegawaian covering both units. Audited (both SKP and the employee's unit).
    """
    obj = _kunci_skp(skp)
    if not (
        pengguna.has_perm("skp.kelola", obj.unit) and pengguna.has_perm("skp.kelola", unit_baru)
    ):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_KELOLA)
    pastikan_versi(obj, versi)
    if not (obj.mulai < tanggal <= obj.selesai):
        raise ValidationError(
            PESAN_TANGGAL_PINDAH.format(
                mulai=tanggal_id(obj.mulai), selesai=tanggal_id(obj.selesai)
            ),
            code="tanggal",
        )
    if unit_baru.pk == obj.unit_id:
        raise ValidationError(PESAN_UNIT_SAMA, code="unit")
    sebelum = {"selesai": obj.selesai, "versi": obj.versi}
    akhir = obj.selesai
    obj.selesai = tanggal - dt.timedelta(days=1)
    obj.versi += 1
    obj.save(update_fields=["selesai", "versi"])
    catat(
        pengguna=pengguna,
        aksi="skp.pindah_tutup",
        objek=obj,
        sebelum=sebelum,
        sesudah={"selesai": obj.selesai, "versi": obj.versi},
    )
    pegawai = Pegawai.objects.select_for_update().get(pk=obj.pegawai_id)
    catat(
        pengguna=pengguna,
        aksi="pegawai.pindah_unit",
        objek=pegawai,
        sebelum={"unit": pegawai.unit_id},
        sesudah={"unit": unit_baru.pk, "tanggal": tanggal},
    )
    pegawai.unit = unit_baru
    pegawai.save(update_fields=["unit"])
    baru = SKP(
        pegawai=pegawai,
        tahun=obj.tahun,
        mulai=tanggal,
        selesai=akhir,
        jenis_asn=pegawai.jenis_asn,
        unit=unit_baru,
    )
    _isi_jabatan_penilai(baru, tanggal, _teks(nama_jabatan, "Nama jabatan", 200))
    baru.save()
    catat(pengguna=pengguna, aksi="skp.pindah_buka", objek=baru, sesudah=snapshot(baru))
    return baru


@transaction.atomic
def skp_ubah_status(
    *, pengguna: Any, skp: SKP, tujuan: str, alasan: str = "", versi: int | None = None
) -> SKP:
    """Move the plan along `TRANSISI_SKP`: the employee submits, the pejabat penilai sets
    (ditetapkan) or returns it with a reason. Submitting needs at least one main result and an
    indicator on every result. Audited."""
    obj = _kunci_skp(skp)
    pelaku = TRANSISI_SKP.get((obj.status, tujuan))
    if pelaku is None:
        raise ValidationError(
            PESAN_TRANSISI.format(
                dari=obj.get_status_display().lower(),
                ke=dict(StatusSKP.choices).get(tujuan, tujuan).lower(),
            ),
            code="transisi",
        )
    if pelaku == "pegawai":
        _boleh_diisi(pengguna, obj)
    elif not pengguna.has_perm("skp.nilai", obj):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_NILAI)
    pastikan_versi(obj, versi)
    alasan = _teks(alasan, "Alasan", 2000)
    if tujuan == StatusSKP.DIAJUKAN:
        rhk = list(obj.rhk.prefetch_related("indikator"))
        if not any(r.jenis == JenisRHK.UTAMA for r in rhk) or any(
            not r.indikator.all() for r in rhk
        ):
            raise ValidationError(PESAN_BELUM_LENGKAP, code="belum_lengkap")
    if tujuan == StatusSKP.DIKEMBALIKAN and not alasan:
        raise ValidationError(PESAN_ALASAN, code="alasan")
    sebelum = {"status": obj.status}
    obj.status = tujuan
    obj.catatan_pengembalian = alasan if tujuan == StatusSKP.DIKEMBALIKAN else ""
    obj.ditetapkan_pada = timezone.now() if tujuan == StatusSKP.DITETAPKAN else obj.ditetapkan_pada
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi=f"skp.{tujuan}",
        objek=obj,
        sebelum=sebelum,
        sesudah={"status": tujuan},
        alasan=alasan,
    )
    if tujuan == StatusSKP.DIAJUKAN:
        pemberitahuan.skp_diajukan(obj, pengguna)
    else:
        pemberitahuan.skp_diputus(obj, pengguna)
    return obj


# -- results and indicators -----------------------------------------------------------------


def _periksa_tautan(
    skp: SKP, jenis: str, rhk_atasan: RencanaHasilKerja | None, item_pk: ItemPK | None
) -> None:
    if rhk_atasan is not None and item_pk is not None:
        raise ValidationError(PESAN_TAUTAN_GANDA, code="tautan")
    if jenis == JenisRHK.UTAMA and rhk_atasan is None and item_pk is None:
        raise ValidationError(PESAN_TAUTAN_WAJIB, code="tautan")
    if rhk_atasan is not None:
        ok = SKP.objects.filter(
            pk=rhk_atasan.skp_id,
            pegawai_id=skp.penilai_id,
            tahun=skp.tahun,
            selesai__gte=skp.mulai,
            mulai__lte=skp.selesai,
        ).exists()
        if skp.penilai_id is None or not ok:
            raise ValidationError(PESAN_RHK_ATASAN, code="rhk_atasan")
    if item_pk is not None and not selectors.item_pk_pilihan(skp).filter(pk=item_pk.pk).exists():
        raise ValidationError(PESAN_ITEM_PK.format(tahun=skp.tahun), code="item_pk")


@transaction.atomic
def rhk_simpan(
    *,
    pengguna: Any,
    skp: SKP,
    uraian: str,
    jenis: str = JenisRHK.UTAMA,
    rhk_atasan: RencanaHasilKerja | None = None,
    item_pk: ItemPK | None = None,
    rhk: RencanaHasilKerja | None = None,
    versi: int | None = None,
) -> RencanaHasilKerja:
    """Add (or change, with `rhk` and its `versi`) a planned result of the employee's own SKP.

    A main result supports exactly one of: a result of the pejabat penilai's SKP of that year,
    or an item of the employee's or the pejabat penilai's Perjanjian Kinerja. Only while the
    plan is draf or returned. Audited.
    """
    obj_skp = _kunci_skp(skp)
    _boleh_diisi(pengguna, obj_skp)
    _rencana_terbuka(obj_skp)
    uraian = _teks(uraian, "Rencana hasil kerja", 2000, wajib=PESAN_URAIAN)
    if jenis not in JenisRHK.values:
        jenis = JenisRHK.UTAMA
    _periksa_tautan(obj_skp, jenis, rhk_atasan, item_pk)
    if rhk is None:
        baru = RencanaHasilKerja.objects.create(
            skp=obj_skp,
            jenis=jenis,
            uraian=uraian,
            rhk_atasan=rhk_atasan,
            item_pk=item_pk,
            urutan=obj_skp.rhk.count(),
        )
        catat(pengguna=pengguna, aksi="skp.rhk_tambah", objek=baru, sesudah=snapshot(baru))
        return baru
    obj = RencanaHasilKerja.objects.select_for_update().get(pk=rhk.pk, skp=obj_skp)
    pastikan_versi(obj, versi)
    sebelum = snapshot(obj)
    obj.jenis, obj.uraian, obj.rhk_atasan, obj.item_pk = jenis, uraian, rhk_atasan, item_pk
    obj.versi += 1
    obj.save()
    catat(pengguna=pengguna, aksi="skp.rhk_ubah", objek=obj, sebelum=sebelum, sesudah=snapshot(obj))
    return obj


@transaction.atomic
def rhk_hapus(*, pengguna: Any, rhk: RencanaHasilKerja, versi: int | None = None) -> None:
    """Remove a planned result (and its indicators) while the plan is open. Audited."""
    obj_skp = _kunci_skp(rhk.skp)
    _boleh_diisi(pengguna, obj_skp)
    _rencana_terbuka(obj_skp)
    obj = RencanaHasilKerja.objects.select_for_update().get(pk=rhk.pk)
    pastikan_versi(obj, versi)
    if obj.rhk_pendukung.exists():
        raise ValidationError(PESAN_MASIH_DIDUKUNG, code="didukung")
    catat(pengguna=pengguna, aksi="skp.rhk_hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()


def baca_target(teks: Any) -> Decimal:
    """A target typed the Indonesian way ("1.250,5") as a Decimal ≥ 0."""
    if isinstance(teks, Decimal):
        nilai = teks
    else:
        try:
            nilai = baca_angka(None if teks is None else str(teks))  # type: ignore[assignment]
        except AngkaTidakSah as exc:
            raise ValidationError(str(exc), code="angka") from exc
    if nilai < 0:
        raise ValidationError(PESAN_TARGET_NEGATIF, code="negatif")
    return nilai


@transaction.atomic
def indikator_simpan(
    *,
    pengguna: Any,
    rhk: RencanaHasilKerja,
    aspek: str,
    nama: str,
    target: Any,
    satuan: str,
    indikator: IndikatorSKP | None = None,
    versi: int | None = None,
) -> IndikatorSKP:
    """Add (or change) an indicator of a planned result: aspect, text, target and unit."""
    obj_skp = _kunci_skp(rhk.skp)
    _boleh_diisi(pengguna, obj_skp)
    _rencana_terbuka(obj_skp)
    if aspek not in AspekIndikator.values:
        raise ValidationError(PESAN_ASPEK, code="aspek")
    nama = _teks(nama, "Indikator", 500, wajib=PESAN_NAMA_INDIKATOR)
    satuan = _teks(satuan, "Satuan", 60, wajib=PESAN_SATUAN)
    nilai = baca_target(target)
    if indikator is None:
        baru = IndikatorSKP.objects.create(
            rhk=rhk,
            aspek=aspek,
            nama=nama,
            target=nilai,
            satuan=satuan,
            urutan=rhk.indikator.count(),
        )
        catat(pengguna=pengguna, aksi="skp.indikator_tambah", objek=baru, sesudah=snapshot(baru))
        return baru
    obj = IndikatorSKP.objects.select_for_update().get(pk=indikator.pk, rhk=rhk)
    pastikan_versi(obj, versi)
    sebelum = snapshot(obj)
    obj.aspek, obj.nama, obj.target, obj.satuan = aspek, nama, nilai, satuan
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="skp.indikator_ubah",
        objek=obj,
        sebelum=sebelum,
        sesudah=snapshot(obj),
    )
    return obj


@transaction.atomic
def indikator_hapus(*, pengguna: Any, indikator: IndikatorSKP, versi: int | None = None) -> None:
    """Remove an indicator while the plan is open. Audited."""
    obj_skp = _kunci_skp(indikator.rhk.skp)
    _boleh_diisi(pengguna, obj_skp)
    _rencana_terbuka(obj_skp)
    obj = IndikatorSKP.objects.select_for_update().get(pk=indikator.pk)
    pastikan_versi(obj, versi)
    catat(pengguna=pengguna, aksi="skp.indikator_hapus", objek=obj, sebelum=snapshot(obj))
    obj.delete()


# -- realisation and evidence ---------------------------------------------------------------


def _periode_dalam(skp: SKP, periode: Periode) -> None:
    if (
        periode.pemda_id != skp.unit.id_leluhur[0]
        or periode.tahun != skp.tahun
        or periode.tanggal_akhir < skp.mulai
        or periode.tanggal_mulai > skp.selesai
    ):
        raise ValidationError(PESAN_PERIODE_LUAR.format(periode=periode.label), code="periode")


def _belum_final(skp: SKP, periode: Periode) -> None:
    if PenilaianSKP.objects.filter(skp=skp, periode=periode, final=True).exists():
        raise ValidationError(PESAN_SUDAH_FINAL.format(periode=periode.label), code="final")


def _siap_realisasi(pengguna: Any, skp: SKP, periode: Periode) -> None:
    _boleh_diisi(pengguna, skp)
    if skp.status != StatusSKP.DITETAPKAN:
        raise ValidationError(PESAN_BELUM_DITETAPKAN, code="belum_ditetapkan")
    _periode_dalam(skp, periode)
    _belum_final(skp, periode)


@transaction.atomic
def realisasi_simpan(
    *,
    pengguna: Any,
    indikator: IndikatorSKP,
    periode: Periode,
    nilai: Any,
    keterangan: str = "",
    versi: int | None = None,
) -> RealisasiSKP:
    """The employee records what they achieved on an indicator up to the end of `periode`.

    Only on a set (ditetapkan) SKP, for a period within it whose evaluation is not final.
    Empty `nilai` means not reported yet. Audited; a stale `versi` is refused.
    """
    obj_skp = _kunci_skp(indikator.rhk.skp)
    _siap_realisasi(pengguna, obj_skp, periode)
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        angka = None
    else:
        angka = baca_target(nilai)
    keterangan = _teks(keterangan, "Keterangan", 2000)
    obj, baru = RealisasiSKP.objects.select_for_update().get_or_create(
        indikator=indikator,
        periode=periode,
        defaults={"nilai": angka, "keterangan": keterangan, "diisi_oleh": pengguna},
    )
    if baru:
        catat(pengguna=pengguna, aksi="skp.realisasi_isi", objek=obj, sesudah=snapshot(obj))
        return obj
    pastikan_versi(obj, versi)
    sebelum = snapshot(obj, ["nilai", "keterangan"])
    obj.nilai, obj.keterangan, obj.diisi_oleh = angka, keterangan, pengguna
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="skp.realisasi_ubah",
        objek=obj,
        sebelum=sebelum,
        sesudah=snapshot(obj, ["nilai", "keterangan"]),
    )
    return obj


def _kunci_realisasi(pengguna: Any, realisasi: RealisasiSKP) -> RealisasiSKP:
    obj = (
        RealisasiSKP.objects.select_for_update(of=("self",))
        .select_related("periode", "indikator__rhk__skp__unit")
        .get(pk=realisasi.pk)
    )
    _siap_realisasi(pengguna, obj.indikator.rhk.skp, obj.periode)
    return obj


@transaction.atomic
def bukti_unggah(*, pengguna: Any, realisasi: RealisasiSKP, berkas: UploadedFile) -> BuktiSKP:
    """Attach a file as evidence. The file is checked by content exactly like measurement
    evidence (`pengukuran.services_bukti.periksa_berkas`: allowed types, size, magic bytes),
    stored under its SHA-256 and never served publicly. Audited."""
    obj = _kunci_realisasi(pengguna, realisasi)
    nama, ext, jenis_konten = periksa_berkas(berkas)
    h = hashlib.sha256()
    berkas.seek(0)
    for potong in berkas.chunks():
        h.update(potong)
    berkas.seek(0)
    sha = h.hexdigest()
    if BuktiSKP.objects.filter(realisasi=obj, sha256=sha).exists():
        raise ValidationError(PESAN_SUDAH_DILAMPIRKAN, code="ganda")
    path = f"skp-bukti/{sha[:2]}/{sha}.{ext}"
    if not default_storage.exists(path):
        path = default_storage.save(path, berkas)
    b = BuktiSKP.objects.create(
        realisasi=obj,
        berkas=path,
        sha256=sha,
        ukuran=berkas.size or 0,
        jenis_konten=jenis_konten,
        nama=nama,
        diunggah_oleh=pengguna,
    )
    catat(
        pengguna=pengguna,
        aksi="skp.bukti_unggah",
        objek=b,
        sesudah={"realisasi": obj.pk, "nama": nama, "sha256": sha, "ukuran": b.ukuran},
    )
    return b


@transaction.atomic
def bukti_tautan(
    *, pengguna: Any, realisasi: RealisasiSKP, tautan: str, nama: str = ""
) -> BuktiSKP:
    """Attach a link (a shared folder, a published page) as evidence. Audited."""
    obj = _kunci_realisasi(pengguna, realisasi)
    tautan = (tautan or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(tautan)
    except ValidationError as exc:
        raise ValidationError(PESAN_TAUTAN_URL, code="tautan") from exc
    if len(tautan) > 500:
        raise ValidationError(PESAN_TAUTAN_URL, code="tautan")
    nama = _teks(nama, "Nama", 200) or tautan[:200]
    b = BuktiSKP.objects.create(realisasi=obj, tautan=tautan, nama=nama, diunggah_oleh=pengguna)
    catat(
        pengguna=pengguna,
        aksi="skp.bukti_tautan",
        objek=b,
        sesudah={"realisasi": obj.pk, "tautan": tautan},
    )
    return b


@transaction.atomic
def bukti_hapus(*, pengguna: Any, bukti: BuktiSKP) -> None:
    """Remove evidence the user attached, while the period is not final. Audited."""
    b = BuktiSKP.objects.get(pk=bukti.pk)
    _kunci_realisasi(pengguna, b.realisasi)
    if b.diunggah_oleh_id != pengguna.pk:
        raise PermissionDenied(PESAN_HAPUS_BUKTI)
    catat(
        pengguna=pengguna,
        aksi="skp.bukti_hapus",
        objek=b,
        sebelum={"nama": b.nama, "sha256": b.sha256, "tautan": b.tautan},
    )
    nama_berkas = b.berkas.name if b.berkas else ""
    b.delete()
    if nama_berkas and not BuktiSKP.objects.filter(berkas=nama_berkas).exists():
        transaction.on_commit(lambda: default_storage.delete(nama_berkas))


# -- evaluation -----------------------------------------------------------------------------


@transaction.atomic
def penilaian_simpan(
    *,
    pengguna: Any,
    skp: SKP,
    periode: Periode,
    rating_hasil_kerja: str | None,
    rating_perilaku: str,
    umpan_balik_hasil: str = "",
    umpan_balik_perilaku: str = "",
    final: bool = False,
    versi: int | None = None,
    perilaku: Mapping[str, tuple[str, str]] | None = None,
) -> PenilaianSKP:
    """The pejabat penilai (or the Plt./Plh. holding the position) evaluates a period.

    The predikat comes from the 3 × 3 matrix (`matriks.predikat_kinerja`). For a unit head the
    hasil kerja rating is the one the unit's capaian sets (`selectors.rating_pimpinan`); the
    given rating is used only when the capaian cannot be computed. A final evaluation locks the
    period's realisation and cannot be changed. Audited; a stale `versi` is refused.

    `perilaku` maps a BerAKHLAK value to (rating or "", feedback): the documented basis of the
    one rating of perilaku kerja; values left out keep what was saved before.
    """
    obj_skp = _kunci_skp(skp)
    if not pengguna.has_perm("skp.nilai", obj_skp):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_NILAI)
    if obj_skp.status != StatusSKP.DITETAPKAN:
        raise ValidationError(PESAN_BELUM_DITETAPKAN, code="belum_ditetapkan")
    _periode_dalam(obj_skp, periode)
    capaian, otomatis = selectors.rating_pimpinan(obj_skp, periode)
    hasil = otomatis.value if otomatis is not None else rating_hasil_kerja
    if hasil not in RatingEkspektasi.values or rating_perilaku not in RatingEkspektasi.values:
        raise ValidationError(PESAN_RATING, code="rating")
    predikat = matriks.predikat_kinerja(hasil, rating_perilaku)
    per_nilai = _baca_perilaku(perilaku or {})
    data = {
        "rating_hasil_kerja": hasil,
        "rating_perilaku": rating_perilaku,
        "predikat": predikat.value,
        "sumber_rating_hasil": (
            SumberRating.CAPAIAN_UNIT if otomatis is not None else SumberRating.PENILAI
        ),
        "capaian_unit": capaian,
        "umpan_balik_hasil": _teks(umpan_balik_hasil, "Umpan balik hasil kerja", 4000),
        "umpan_balik_perilaku": _teks(umpan_balik_perilaku, "Umpan balik perilaku", 4000),
        "final": bool(final),
        "dinilai_oleh": pengguna,
    }
    pegawai = getattr(pengguna, "pegawai", None)
    hari_ini = dt.date.today()
    pemangku = (
        PemangkuJabatan.objects.filter(
            pegawai=pegawai, jabatan_id=obj_skp.jabatan_penilai_id, mulai__lte=hari_ini
        )
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=hari_ini))
        .first()
        if pegawai is not None and obj_skp.jabatan_penilai_id
        else None
    )
    # The Kepala's assessor sits outside the agency: the personnel section records on their
    # behalf, so the evaluation names no assessor from inside.
    data["penilai"] = pegawai if obj_skp.jabatan_penilai_id else None
    data["status_penilai"] = pemangku.status if pemangku is not None else obj_skp.status_penilai
    obj = PenilaianSKP.objects.select_for_update().filter(skp=obj_skp, periode=periode).first()
    if obj is None:
        obj = PenilaianSKP.objects.create(skp=obj_skp, periode=periode, **data)
        _simpan_perilaku(obj, per_nilai)
        catat(pengguna=pengguna, aksi="skp.nilai", objek=obj, sesudah=_snapshot_nilai(obj))
        _beri_tahu_final(obj, pengguna)
        return obj
    if obj.final:
        raise ValidationError(PESAN_SUDAH_FINAL.format(periode=periode.label), code="final")
    pastikan_versi(obj, versi)
    sebelum = _snapshot_nilai(obj)
    for k, v in data.items():
        setattr(obj, k, v)
    obj.versi += 1
    obj.save()
    _simpan_perilaku(obj, per_nilai)
    catat(
        pengguna=pengguna,
        aksi="skp.nilai_ubah",
        objek=obj,
        sebelum=sebelum,
        sesudah=_snapshot_nilai(obj),
    )
    _beri_tahu_final(obj, pengguna)
    return obj


def _beri_tahu_final(penilaian: PenilaianSKP, pengguna: Any) -> None:
    """Tell the employee once their evaluation is final (a final one is never saved again)."""
    if penilaian.final:
        pemberitahuan.evaluasi_final(
            penilaian.skp,
            penilaian.periode.label,
            penilaian.get_predikat_display(),
            reverse("skp:detail", args=[penilaian.skp_id]) + "#evaluasi",
            pengguna,
        )


def _baca_perilaku(perilaku: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Validate the per-value ratings and feedback before anything is written."""
    hasil = {}
    for nilai, (rating, umpan_balik) in perilaku.items():
        if nilai not in NilaiBerAKHLAK.values:
            raise ValidationError(PESAN_NILAI_DASAR.format(nilai=nilai), code="nilai_dasar")
        rating = (rating or "").strip()
        if rating and rating not in RatingEkspektasi.values:
            raise ValidationError(PESAN_RATING, code="rating")
        label = str(NilaiBerAKHLAK(nilai).label)
        hasil[nilai] = (rating, _teks(umpan_balik, f"Umpan balik {label}", 2000))
    return hasil


def _simpan_perilaku(penilaian: PenilaianSKP, per_nilai: dict[str, tuple[str, str]]) -> None:
    """Write the per-value rows (a value with neither rating nor feedback has no row)."""
    ada = {p.nilai: p for p in penilaian.perilaku.all()}
    for nilai, (rating, umpan_balik) in per_nilai.items():
        baris = ada.get(nilai)
        if not rating and not umpan_balik:
            if baris is not None:
                baris.delete()
            continue
        if baris is None:
            PenilaianPerilaku.objects.create(
                penilaian=penilaian, nilai=nilai, rating=rating, umpan_balik=umpan_balik
            )
        elif (baris.rating, baris.umpan_balik) != (rating, umpan_balik):
            baris.rating, baris.umpan_balik = rating, umpan_balik
            baris.save(update_fields=["rating", "umpan_balik"])


def _snapshot_nilai(penilaian: PenilaianSKP) -> dict[str, Any]:
    """The evaluation row and its per-value ratings, for the audit trail."""
    data = snapshot(penilaian)
    data["perilaku"] = {
        p.nilai: [p.rating, p.umpan_balik] for p in penilaian.perilaku.order_by("nilai")
    }
    return data


# -- leadership expectations per core value ------------------------------------------------------


@transaction.atomic
def ekspektasi_perilaku_simpan(
    *,
    pengguna: Any,
    skp: SKP,
    isian: Mapping[str, str],
    versi: Mapping[str, int | None] | None = None,
) -> list[EkspektasiPerilaku]:
    """The pejabat penilai states the specific expectation per BerAKHLAK value.

    Allowed to whoever may evaluate the SKP, at any time of the year: the regulation makes the
    expectation part of the continuing performance dialogue, so it may be clarified later (every
    change is audited and kept in the history). `versi` maps a value to the row version the
    form was built from; a row changed since is refused, and nothing is written.
    """
    obj_skp = _kunci_skp(skp)
    if not pengguna.has_perm("skp.nilai", obj_skp):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_NILAI)
    ada = {
        e.nilai: e
        for e in EkspektasiPerilaku.objects.select_for_update(of=("self",)).filter(skp=obj_skp)
    }
    bersih: dict[str, str] = {}
    for nilai, teks in isian.items():
        if nilai not in NilaiBerAKHLAK.values:
            raise ValidationError(PESAN_NILAI_DASAR.format(nilai=nilai), code="nilai_dasar")
        label = str(NilaiBerAKHLAK(nilai).label)
        bersih[nilai] = _teks(teks, f"Ekspektasi {label}", 2000)
        baris = ada.get(nilai)
        harap = (versi or {}).get(nilai)
        if baris is not None and harap is not None and baris.versi != harap:
            raise ValidationError(PESAN_EKSPEKTASI_BERUBAH.format(nilai=label), code="kedaluwarsa")
    hasil = []
    for nilai, teks in bersih.items():
        baris = ada.get(nilai)
        if baris is None:
            if not teks:
                continue
            baris = EkspektasiPerilaku.objects.create(skp=obj_skp, nilai=nilai, ekspektasi=teks)
            catat(
                pengguna=pengguna,
                aksi="skp.ekspektasi",
                objek=baris,
                sesudah={"nilai": nilai, "ekspektasi": teks},
            )
        elif baris.ekspektasi != teks:
            sebelum = {"nilai": nilai, "ekspektasi": baris.ekspektasi}
            baris.ekspektasi = teks
            baris.versi += 1
            baris.save()
            catat(
                pengguna=pengguna,
                aksi="skp.ekspektasi_ubah",
                objek=baris,
                sebelum=sebelum,
                sesudah={"nilai": nilai, "ekspektasi": teks},
            )
        hasil.append(baris)
    return hasil
