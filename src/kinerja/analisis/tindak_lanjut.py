"""Follow-up (tindak lanjut) of a recommendation: assign it to an owner with a due date and
instructions, move it open → in progress → done or closed with a note, reopen it.

Every service checks permission (`analisis.permissions`), validates with Indonesian messages
(module constants), writes in one transaction together with its audit row, and refuses a stale
edit (`versi`). The person who must act next is told by e-mail after the change commits, and
sees the item marked new in "Tindak lanjut saya" until they open that page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone

from kinerja.analisis import permissions
from kinerja.analisis.models import (
    STATUS_BERJALAN,
    Rekomendasi,
    StatusTindakLanjut,
    TindakLanjut,
)
from kinerja.analisis.rekomendasi import q_terlihat
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import Instansi
from kinerja.organisasi.permissions import jalur_dengan_peran

PESAN_TIDAK_BERHAK_TUGASKAN = "Anda tidak berhak menugaskan tindak lanjut rekomendasi ini."
PESAN_TIDAK_BERHAK_UBAH = "Anda tidak berhak memperbarui tindak lanjut ini."
PESAN_SUDAH_ADA = "Rekomendasi ini sudah memiliki tindak lanjut; ubah yang sudah ada."
PESAN_PEMILIK_WAJIB = "Pilih penanggung jawab tindak lanjut."
PESAN_PEMILIK_LUAR = (
    "{pengguna} tidak memegang peran di {instansi}, sehingga tidak dapat menjadi penanggung "
    "jawab tindak lanjut ini."
)
PESAN_TENGGAT_WAJIB = "Tenggat wajib diisi."
PESAN_TENGGAT_LALU = "Tenggat tidak boleh sebelum hari ini."
PESAN_INSTRUKSI_WAJIB = "Instruksi wajib diisi: apa yang harus dikerjakan?"
PESAN_TEKS_PANJANG = "{kolom} paling banyak {n} karakter."
PESAN_TRANSISI = "Tindak lanjut berstatus {dari} tidak dapat diubah menjadi {ke}."
PESAN_TRANSISI_PENGELOLA = (
    "Hanya Kepala, Sekretaris atau Tim SAKIP yang dapat mengubah status menjadi {ke}."
)
PESAN_CATATAN_WAJIB = "Catatan wajib diisi: jelaskan hasilnya atau alasannya."

TEKS_MAKS = 5000

S = StatusTindakLanjut
PEMILIK, PENGELOLA = "pemilik", "pengelola"
# The allowed transitions: (from, to) → (who may, a note is required).
TRANSISI: dict[tuple[str, str], tuple[frozenset[str], bool]] = {
    (S.TERBUKA, S.DIKERJAKAN): (frozenset({PEMILIK, PENGELOLA}), False),
    (S.TERBUKA, S.SELESAI): (frozenset({PEMILIK, PENGELOLA}), True),
    (S.DIKERJAKAN, S.SELESAI): (frozenset({PEMILIK, PENGELOLA}), True),
    (S.TERBUKA, S.DITUTUP): (frozenset({PENGELOLA}), True),
    (S.DIKERJAKAN, S.DITUTUP): (frozenset({PENGELOLA}), True),
    (S.SELESAI, S.DIKERJAKAN): (frozenset({PENGELOLA}), True),
    (S.DITUTUP, S.TERBUKA): (frozenset({PENGELOLA}), True),
}
_KOLOM = ["pemilik", "tenggat", "instruksi", "status", "catatan"]


def status_berikut(tl: TindakLanjut, pengguna: Any) -> list[str]:
    """The states `pengguna` may move `tl` to (for the buttons on the page)."""
    peran = _peran(pengguna, tl)
    return [
        ke for (dari, ke), (siapa, _) in TRANSISI.items() if dari == tl.status and siapa & peran
    ]


def _peran(pengguna: Any, tl: TindakLanjut) -> set[str]:
    peran = set()
    if tl.pemilik_id == getattr(pengguna, "pk", None):
        peran.add(PEMILIK)
    if permissions.dapat_mengelola_rekomendasi(pengguna, tl.rekomendasi.instansi):
        peran.add(PENGELOLA)
    return peran


def _teks(nilai: str, kolom: str, field: str, wajib: str | None = None) -> str:
    nilai = (nilai or "").strip()
    if wajib and not nilai:
        raise ValidationError({field: wajib})
    if len(nilai) > TEKS_MAKS:
        raise ValidationError({field: PESAN_TEKS_PANJANG.format(kolom=kolom, n="5.000")})
    return nilai


def _periksa_penugasan(
    instansi: Instansi,
    pemilik: Any,
    tenggat: dt.date | None,
    hari_ini: dt.date,
    periksa_lalu: bool = True,
) -> None:
    if pemilik is None:
        raise ValidationError({"pemilik": PESAN_PEMILIK_WAJIB})
    if hasattr(pemilik, "_kinerja_peran"):
        del pemilik._kinerja_peran
    # A role inside the agency (a Bidang) or above it (the Pemda) qualifies.
    berperan = any(
        j.startswith(instansi.jalur) or instansi.jalur.startswith(j)
        for j in jalur_dengan_peran(pemilik)
    )
    if not pemilik.is_active or not berperan:
        raise ValidationError(
            {
                "pemilik": PESAN_PEMILIK_LUAR.format(
                    pengguna=pemilik.get_full_name() or pemilik.username, instansi=instansi.nama
                )
            }
        )
    if tenggat is None:
        raise ValidationError({"tenggat": PESAN_TENGGAT_WAJIB})
    if periksa_lalu and tenggat < hari_ini:
        raise ValidationError({"tenggat": PESAN_TENGGAT_LALU})


def _kabari(penerima: Any, subjek: str, tl: TindakLanjut) -> None:
    """E-mail `penerima` about `tl` once the transaction commits (never for a rolled-back one)."""
    if penerima is None or not penerima.email:
        return
    url = settings.SITE_URL.rstrip("/") + reverse(
        "analisis:rekomendasi_detail", args=[tl.rekomendasi_id]
    )
    isi = (
        f"{subjek}\n\n{tl.rekomendasi.teks}\n\nInstruksi: {tl.instruksi}\n"
        f"Tenggat: {tl.tenggat:%d-%m-%Y}\nStatus: {tl.get_status_display()}\n\n{url}\n"
    )
    alamat = penerima.email
    transaction.on_commit(
        lambda: send_mail("[Kinerja] " + subjek[:120], isi, None, [alamat], fail_silently=True)
    )


@transaction.atomic
def tindak_lanjut_tugaskan(
    *,
    pengguna: Any,
    rekomendasi: Rekomendasi,
    pemilik: Any,
    tenggat: dt.date | None,
    instruksi: str,
    hari_ini: dt.date | None = None,
) -> TindakLanjut:
    """Assign the follow-up of `rekomendasi` to `pemilik` with a due date and instructions.

    Refuses: a user who may not manage the agency's recommendations, an item that already has
    a follow-up, an owner without a role in the agency, a due date in the past, empty
    instructions. The owner is notified (marked new, and by e-mail after commit).
    """
    instansi = rekomendasi.instansi
    if not permissions.dapat_mengelola_rekomendasi(pengguna, instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TUGASKAN)
    hari_ini = hari_ini or timezone.localdate()
    _periksa_penugasan(instansi, pemilik, tenggat, hari_ini)
    instruksi = _teks(instruksi, "Instruksi", "instruksi", PESAN_INSTRUKSI_WAJIB)
    Rekomendasi.objects.select_for_update().filter(pk=rekomendasi.pk).first()
    if TindakLanjut.objects.filter(rekomendasi=rekomendasi).exists():
        raise ValidationError(PESAN_SUDAH_ADA, code="sudah_ada")
    tl = TindakLanjut.objects.create(
        rekomendasi=rekomendasi,
        pemilik=pemilik,
        tenggat=tenggat,
        instruksi=instruksi,
        ditugaskan_oleh=pengguna,
    )
    catat(
        pengguna=pengguna,
        aksi="tindak_lanjut.tugaskan",
        objek=tl,
        sesudah=snapshot(tl, _KOLOM),
    )
    _kabari(pemilik, f"Tindak lanjut untuk Anda: {instansi.nama} ({rekomendasi.periode})", tl)
    return tl


def _kunci(tl: TindakLanjut, versi: int | None) -> TindakLanjut:
    terkunci = (
        TindakLanjut.objects.select_for_update(of=("self",))
        .select_related("rekomendasi__instansi", "rekomendasi__periode", "pemilik")
        .get(pk=tl.pk)
    )
    pastikan_versi(terkunci, versi)
    return terkunci


@transaction.atomic
def tindak_lanjut_ubah(
    *,
    pengguna: Any,
    tindak_lanjut: TindakLanjut,
    pemilik: Any,
    tenggat: dt.date | None,
    instruksi: str,
    versi: int | None,
    hari_ini: dt.date | None = None,
) -> TindakLanjut:
    """Change the owner, due date or instructions of a follow-up (managers only).

    A new owner is notified as on assignment. Saving unchanged values writes nothing.
    """
    tl = _kunci(tindak_lanjut, versi)
    instansi = tl.rekomendasi.instansi
    if not permissions.dapat_mengelola_rekomendasi(pengguna, instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TUGASKAN)
    hari_ini = hari_ini or timezone.localdate()
    instruksi = _teks(instruksi, "Instruksi", "instruksi", PESAN_INSTRUKSI_WAJIB)
    # An unchanged due date may already have passed: only a new one must not be in the past.
    _periksa_penugasan(instansi, pemilik, tenggat, hari_ini, periksa_lalu=tenggat != tl.tenggat)
    if (pemilik.pk, tenggat, instruksi) == (tl.pemilik_id, tl.tenggat, tl.instruksi):
        return tl
    sebelum = snapshot(tl, _KOLOM)
    ganti_pemilik = pemilik.pk != tl.pemilik_id
    tl.pemilik, tl.tenggat, tl.instruksi = pemilik, tenggat, instruksi
    tl.diperbarui_pada = timezone.now()
    tl.versi += 1
    if ganti_pemilik:
        tl.dilihat_pemilik_pada = None
    tl.save()
    catat(
        pengguna=pengguna,
        aksi="tindak_lanjut.ubah",
        objek=tl,
        sebelum=sebelum,
        sesudah=snapshot(tl, _KOLOM),
    )
    if ganti_pemilik:
        _kabari(
            pemilik, f"Tindak lanjut untuk Anda: {instansi.nama} ({tl.rekomendasi.periode})", tl
        )
    return tl


@transaction.atomic
def tindak_lanjut_ubah_status(
    *,
    pengguna: Any,
    tindak_lanjut: TindakLanjut,
    status: str,
    catatan: str = "",
    versi: int | None,
) -> TindakLanjut:
    """Move a follow-up to `status` (see `TRANSISI`: who may, whether a note is required).

    The owner may start and finish it; closing without result and reopening are for those
    who manage the agency's recommendations. The other side is told by e-mail after commit.
    """
    tl = _kunci(tindak_lanjut, versi)
    peran = _peran(pengguna, tl)
    if not peran:
        raise PermissionDenied(PESAN_TIDAK_BERHAK_UBAH)
    aturan = TRANSISI.get((tl.status, status))
    label = dict(StatusTindakLanjut.choices)
    if aturan is None:
        raise ValidationError(
            {
                "status": PESAN_TRANSISI.format(
                    dari=label.get(tl.status, tl.status).lower(),
                    ke=str(label.get(status, status)).lower(),
                )
            }
        )
    siapa, catatan_wajib = aturan
    if not siapa & peran:
        raise PermissionDenied(PESAN_TRANSISI_PENGELOLA.format(ke=str(label[status]).lower()))
    catatan = _teks(catatan, "Catatan", "catatan", PESAN_CATATAN_WAJIB if catatan_wajib else None)
    sebelum = snapshot(tl, _KOLOM)
    tl.status = status
    if catatan:
        tl.catatan = catatan
    sekarang = timezone.now()
    tl.selesai_pada = sekarang if status in (S.SELESAI, S.DITUTUP) else None
    tl.diperbarui_pada = sekarang
    tl.versi += 1
    if pengguna.pk == tl.pemilik_id and tl.dilihat_pemilik_pada is None:
        tl.dilihat_pemilik_pada = sekarang  # the owner acting on it has seen it
    tl.save()
    catat(
        pengguna=pengguna,
        aksi="tindak_lanjut.status",
        objek=tl,
        sebelum=sebelum,
        sesudah=snapshot(tl, _KOLOM),
        alasan=catatan,
    )
    subjek = f"Tindak lanjut {str(label[status]).lower()}: {tl.rekomendasi.instansi.nama}"
    if pengguna.pk == tl.pemilik_id:
        _kabari(tl.ditugaskan_oleh, subjek, tl)
    else:
        if status in STATUS_BERJALAN:
            TindakLanjut.objects.filter(pk=tl.pk).update(dilihat_pemilik_pada=None)
        _kabari(tl.pemilik, subjek, tl)
    return tl


def tindak_lanjut_tandai_dilihat(*, pengguna: Any, daftar: list[TindakLanjut]) -> int:
    """Mark the owner's new follow-ups as seen (a read receipt, not audited)."""
    ids = [t.pk for t in daftar if t.pemilik_id == pengguna.pk and t.dilihat_pemilik_pada is None]
    if not ids:
        return 0
    return TindakLanjut.objects.filter(pk__in=ids).update(dilihat_pemilik_pada=timezone.now())


# ---------------------------------------------------------------------------------------------
# Reads


def tindak_lanjut_daftar(
    user: Any,
    *,
    status: str | None = None,
    pemilik_id: int | None = None,
    instansi: Instansi | None = None,
    terlambat: bool = False,
    hari_ini: dt.date | None = None,
) -> QuerySet[TindakLanjut]:
    """The follow-ups `user` may see, filtered by state, owner, agency and overdue."""
    qs = TindakLanjut.objects.filter(q_terlihat(user, "rekomendasi__"))
    if status:
        qs = qs.filter(status=status)
    if pemilik_id:
        qs = qs.filter(pemilik_id=pemilik_id)
    if instansi is not None:
        qs = qs.filter(rekomendasi__instansi__jalur__startswith=instansi.jalur)
    if terlambat:
        qs = qs.filter(status__in=STATUS_BERJALAN, tenggat__lt=hari_ini or timezone.localdate())
    return qs.select_related(
        "rekomendasi__instansi", "rekomendasi__periode", "pemilik", "ditugaskan_oleh"
    ).order_by("tenggat", "id")


def tindak_lanjut_saya(user: Any) -> QuerySet[TindakLanjut]:
    """The follow-ups `user` owns: open ones first, then by due date."""
    return (
        TindakLanjut.objects.filter(pemilik=user)
        .select_related("rekomendasi__instansi", "rekomendasi__periode", "ditugaskan_oleh")
        .order_by(
            Case(When(status__in=STATUS_BERJALAN, then=Value(0)), default=Value(1)),
            "tenggat",
            "id",
        )
    )


def riwayat_tindak_lanjut(tl: TindakLanjut) -> QuerySet[Peristiwa]:
    """The audit trail of a follow-up, oldest first (one query)."""
    return (
        Peristiwa.objects.filter(objek_tipe="analisis.tindaklanjut", objek_id=str(tl.pk))
        .select_related("pengguna")
        .order_by("waktu", "id")
    )
