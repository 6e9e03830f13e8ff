"""Recommendation rules as data: the built-in defaults, the rule in force for a unit, and the
service that changes a rule's threshold, state, urgency or text.

A rule row with no `instansi` is the default for every Pemda. Changing a rule for a Pemda or an
agency writes a row for that unit (copied from the rule it inherited), so the change applies
to its subtree only and the default stays as shipped.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from kinerja.analisis import permissions
from kinerja.analisis.models import AturanRekomendasi, JenisAturan, Tingkat
from kinerja.inti.angka import AngkaTidakSah, baca_angka
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Instansi

PESAN_TIDAK_BERHAK_ATURAN = "Anda tidak berhak mengubah aturan rekomendasi untuk {instansi}."
PESAN_AMBANG_WAJIB = "Ambang wajib diisi untuk aturan ini."
PESAN_AMBANG_NEGATIF = "Ambang tidak boleh negatif."
PESAN_AMBANG_TIDAK_DIPAKAI = "Aturan ini tidak memakai ambang; kosongkan isian ambang."
PESAN_TEMPLAT_KOSONG = "Templat teks wajib diisi."
PESAN_TEMPLAT_PANJANG = "Templat teks paling banyak 1.000 karakter."
PESAN_TEMPLAT_TAK_DIKENAL = "Templat memakai {nama} yang tidak dikenal. Yang tersedia: {tersedia}."
PESAN_TEMPLAT_RUSAK = "Templat tidak dapat dibaca: periksa pasangan kurung kurawal {{ }}."
PESAN_TINGKAT = "Pilih tingkat Tinggi, Sedang atau Rendah."

TEMPLAT_MAKS = 1000

# Placeholders each kind of rule fills in its text (what the generator passes).
UMUM = ("periode", "instansi", "ambang")
ISIAN_TEMPLAT: dict[str, tuple[str, ...]] = {
    JenisAturan.PROYEKSI_MELESET: (
        *UMUM,
        "indikator",
        "nilai",
        "proyeksi",
        "target",
        "satuan",
        "metode",
    ),
    JenisAturan.JAUH_DI_ATAS_TARGET: (*UMUM, "indikator", "nilai", "realisasi", "target"),
    JenisAturan.TANPA_BUKTI: (*UMUM, "indikator", "realisasi"),
    JenisAturan.PENCILAN: (*UMUM, "indikator", "realisasi"),
    JenisAturan.UNIT_TERLAMBAT: (
        *UMUM,
        "unit",
        "keadaan",
        "belum",
        "wajib",
        "terlambat",
        "batas",
    ),
    JenisAturan.ANGGARAN_KINERJA: (
        *UMUM,
        "elemen",
        "serapan",
        "capaian",
        "selisih",
        "arah",
        "dasar",
        "saran",
    ),
}

# What a rule's threshold means; None: the rule has no threshold.
ARTI_AMBANG: dict[str, str | None] = {
    JenisAturan.PROYEKSI_MELESET: "capaian proyeksi akhir tahun di bawah (%)",
    JenisAturan.JAUH_DI_ATAS_TARGET: "capaian periode di atas (%)",
    JenisAturan.TANPA_BUKTI: None,
    JenisAturan.PENCILAN: None,
    JenisAturan.UNIT_TERLAMBAT: "hari toleransi sesudah batas pengisian",
    JenisAturan.ANGGARAN_KINERJA: "selisih capaian kinerja − serapan anggaran (poin persen)",
}

# The built-in defaults (also loaded by migration 0002_aturan_bawaan).
ATURAN_BAWAAN: list[dict[str, Any]] = [
    {
        "jenis": JenisAturan.PROYEKSI_MELESET,
        "ambang": Decimal(95),
        "tingkat": Tingkat.TINGGI,
        "templat": (
            "Indikator “{indikator}” diproyeksikan hanya mencapai {nilai} % dari target "
            "tahunan {target} {satuan} (proyeksi akhir tahun {proyeksi} {satuan}; metode: "
            "{metode}). Percepat pelaksanaan rencana aksi dan uraikan kendalanya."
        ),
    },
    {
        "jenis": JenisAturan.JAUH_DI_ATAS_TARGET,
        "ambang": Decimal(150),
        "tingkat": Tingkat.SEDANG,
        "templat": (
            "Capaian indikator “{indikator}” {nilai} % melampaui ambang {ambang} % "
            "(realisasi {realisasi}, target {target}). Periksa kebenaran data dan data "
            "dukungnya; bila benar, target kemungkinan terlalu rendah dan perlu ditinjau."
        ),
    },
    {
        "jenis": JenisAturan.TANPA_BUKTI,
        "ambang": None,
        "tingkat": Tingkat.SEDANG,
        "templat": (
            "Realisasi indikator “{indikator}” {periode} ({realisasi}) belum dilengkapi data "
            "dukung. Unggah bukti dukung sebelum validasi."
        ),
    },
    {
        "jenis": JenisAturan.PENCILAN,
        "ambang": None,
        "tingkat": Tingkat.RENDAH,
        "templat": (
            "Realisasi indikator “{indikator}” ({realisasi}) menyimpang jauh dari riwayat "
            "nilainya. Periksa kemungkinan salah ketik, salah satuan atau perubahan definisi."
        ),
    },
    {
        "jenis": JenisAturan.UNIT_TERLAMBAT,
        "ambang": Decimal(0),
        "tingkat": Tingkat.TINGGI,
        "templat": (
            "{unit} terlambat mengisi realisasi {periode} (batas pengisian {batas}): "
            "{keadaan}. Ingatkan unit dan minta penjelasan kendalanya."
        ),
    },
    {
        "jenis": JenisAturan.ANGGARAN_KINERJA,
        "ambang": Decimal(20),
        "tingkat": Tingkat.SEDANG,
        "templat": (
            "{elemen}: serapan anggaran {serapan} % {arah} capaian kinerja {capaian} % "
            "(selisih {selisih} poin; ambang {ambang} poin; dasar: {dasar}). {saran}"
        ),
    },
]


def pastikan_aturan_bawaan() -> None:
    """Create any missing built-in default rule (two queries when they all exist)."""
    ada = set(
        AturanRekomendasi.objects.filter(instansi__isnull=True).values_list("jenis", flat=True)
    )
    baru = [AturanRekomendasi(**a) for a in ATURAN_BAWAAN if a["jenis"] not in ada]
    if baru:
        try:
            with transaction.atomic():
                AturanRekomendasi.objects.bulk_create(baru)
        except IntegrityError:
            pass  # created meanwhile by another process


def aturan_berlaku(instansi: Instansi) -> dict[str, AturanRekomendasi]:
    """The rule of each kind in force for `instansi`: its own row, else the nearest ancestor's,
    else the built-in default (one query once the defaults exist)."""
    leluhur = instansi.id_leluhur
    baris = list(
        AturanRekomendasi.objects.filter(Q(instansi__isnull=True) | Q(instansi_id__in=leluhur))
        .select_related("instansi")
        .order_by()
    )
    if not any(a.instansi_id is None for a in baris):
        pastikan_aturan_bawaan()
        return aturan_berlaku(instansi)
    kedalaman = {pk: i for i, pk in enumerate(leluhur)}
    hasil: dict[str, AturanRekomendasi] = {}
    for a in sorted(baris, key=lambda a: -1 if a.instansi_id is None else kedalaman[a.instansi_id]):
        hasil[a.jenis] = a
    return hasil


class _Isian(dict):
    """Format mapping that leaves unknown placeholders as written (never raises)."""

    def __missing__(self, kunci: str) -> str:
        return "{" + kunci + "}"


def isi_templat(templat: str, nilai: Mapping[str, Any]) -> str:
    """The rule's text with its placeholders filled; a broken template is returned as written."""
    try:
        return string.Formatter().vformat(templat, (), _Isian(nilai))
    except (ValueError, IndexError, AttributeError, KeyError):
        return templat


def periksa_templat(jenis: str, templat: str) -> str:
    """Validate a rule text: not empty, not too long, only this kind's placeholders."""
    templat = (templat or "").strip()
    if not templat:
        raise ValidationError({"templat": PESAN_TEMPLAT_KOSONG})
    if len(templat) > TEMPLAT_MAKS:
        raise ValidationError({"templat": PESAN_TEMPLAT_PANJANG})
    tersedia = ISIAN_TEMPLAT[jenis]
    try:
        nama = [f for _, f, _, _ in string.Formatter().parse(templat) if f is not None]
    except ValueError as exc:
        raise ValidationError({"templat": PESAN_TEMPLAT_RUSAK}) from exc
    for n in nama:
        if n not in tersedia:
            raise ValidationError(
                {
                    "templat": PESAN_TEMPLAT_TAK_DIKENAL.format(
                        nama="{" + n + "}" if n else "{}",
                        tersedia=", ".join("{" + t + "}" for t in tersedia),
                    )
                }
            )
    return templat


def _baca_ambang(jenis: str, teks: str | Decimal | None) -> Decimal | None:
    if isinstance(teks, Decimal):
        nilai: Decimal | None = teks
    else:
        s = (teks or "").strip()
        try:
            nilai = baca_angka(s, boleh_negatif=True) if s else None
        except AngkaTidakSah as exc:
            raise ValidationError({"ambang": str(exc)}) from exc
    if ARTI_AMBANG[jenis] is None:
        if nilai is not None:
            raise ValidationError({"ambang": PESAN_AMBANG_TIDAK_DIPAKAI})
        return None
    if nilai is None:
        raise ValidationError({"ambang": PESAN_AMBANG_WAJIB})
    if nilai < 0:
        raise ValidationError({"ambang": PESAN_AMBANG_NEGATIF})
    return nilai


_KOLOM = ["aktif", "ambang", "tingkat", "templat"]


@transaction.atomic
def aturan_ubah(
    *,
    pengguna: Any,
    instansi: Instansi,
    aturan: AturanRekomendasi,
    aktif: bool,
    ambang: str | Decimal | None,
    tingkat: str,
    templat: str,
    versi: int | None,
    alasan: str = "",
) -> AturanRekomendasi:
    """Change the rule of kind `aturan.jenis` for `instansi` (a Pemda or an agency).

    `aturan` is the rule in force the form showed, `versi` its version then. When it is
    inherited (the default or an ancestor's), a row for `instansi` is created from the new
    values; otherwise the row is updated. Refuses a user without a Tim SAKIP or Admin Pemda
    role over `instansi`, an invalid threshold or text, and a stale version. Nothing changes
    when nothing differs. Audited as `aturan_rekomendasi.ubah`.
    """
    if not permissions.dapat_mengatur_aturan(pengguna, instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_ATURAN.format(instansi=instansi))
    jenis = aturan.jenis
    nilai_ambang = _baca_ambang(jenis, ambang)
    templat = periksa_templat(jenis, templat)
    if tingkat not in Tingkat.values:
        raise ValidationError({"tingkat": PESAN_TINGKAT})
    terkunci = AturanRekomendasi.objects.select_for_update().get(pk=aturan.pk)
    pastikan_versi(terkunci, versi)
    milik = terkunci if terkunci.instansi_id == instansi.pk else None
    if milik is None:
        milik = (
            AturanRekomendasi.objects.select_for_update()
            .filter(instansi=instansi, jenis=jenis)
            .first()
        )
    baru = {"aktif": bool(aktif), "ambang": nilai_ambang, "tingkat": tingkat, "templat": templat}
    if milik is None:
        sebelum = snapshot(terkunci, _KOLOM)
        milik = AturanRekomendasi.objects.create(
            instansi=instansi, jenis=jenis, diubah_oleh=pengguna, **baru
        )
        catat(
            pengguna=pengguna,
            aksi="aturan_rekomendasi.ubah",
            objek=milik,
            sebelum=sebelum,
            sesudah=snapshot(milik, _KOLOM),
            alasan=alasan or f"turunan dari {terkunci}",
        )
        return milik
    sebelum = snapshot(milik, _KOLOM)
    if all(getattr(milik, k) == v for k, v in baru.items()):
        return milik
    for k, v in baru.items():
        setattr(milik, k, v)
    milik.versi += 1
    milik.diubah_oleh = pengguna
    milik.save()
    catat(
        pengguna=pengguna,
        aksi="aturan_rekomendasi.ubah",
        objek=milik,
        sebelum=sebelum,
        sesudah=snapshot(milik, _KOLOM),
        alasan=alasan,
    )
    return milik
