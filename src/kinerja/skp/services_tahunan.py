"""Writes of the annual evaluation (evaluasi kinerja tahunan, PermenPAN-RB 6/2022).

`penilaian_tahunan_simpan` is the only write: the pejabat penilai of the employee's last SKP of
the year (Plt./Plh. holding that position today included; kepegawaian for the Kepala) decides
the annual ratings, with the suggestion of `selectors_tahunan.usulan_tahunan` as the basis.
Same habits as `kinerja.skp.services`: permission through the rules, Indonesian messages as
module constants the tests import, one transaction with its audit row (`inti.audit.catat`),
stale edits refused (`versi`), a final evaluation locked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Pegawai, PemangkuJabatan
from kinerja.skp import matriks, pemberitahuan, selectors_tahunan
from kinerja.skp.models import (
    SKP,
    PenilaianTahunan,
    RatingEkspektasi,
    StatusSKP,
    SumberRating,
)

PESAN_TIDAK_BERHAK_NILAI_TAHUNAN = gettext_noop(
    "Hanya pejabat penilai SKP terakhir tahun ini (termasuk Plt./Plh.) yang dapat menetapkan "
    "evaluasi kinerja tahunan."
)
PESAN_TANPA_SKP = gettext_noop("Pegawai ini tidak memiliki SKP tahun {tahun}.")
PESAN_BELUM_DITETAPKAN_TAHUNAN = gettext_noop(
    "Evaluasi kinerja tahunan dilakukan setelah SKP terakhir tahun {tahun} ditetapkan pejabat "
    "penilai."
)
PESAN_TANPA_EVALUASI_FINAL = gettext_noop(
    "Belum ada evaluasi kinerja periodik yang final pada SKP tahun {tahun}; finalkan dahulu "
    "evaluasi periodiknya."
)
PESAN_TAHUNAN_FINAL = gettext_noop(
    "Evaluasi kinerja tahunan {tahun} sudah final dan tidak dapat diubah lagi."
)
PESAN_RATING_TAHUNAN = gettext_noop("Pilih rating: di atas, sesuai, atau di bawah ekspektasi.")
PESAN_CATATAN_PANJANG = gettext_noop("Catatan paling panjang {maks} karakter.")
MAKS_CATATAN = 4000


def _penilai_pengguna(pengguna: Any, skp: SKP) -> tuple[Pegawai | None, str]:
    """Who decides, as recorded on the evaluation: the user's employee record and their status
    in the penilai position today (Plt./Plh. standing in), as `services.penilaian_simpan` does.
    The Kepala's assessor sits outside the agency: kepegawaian records on their behalf, so no
    assessor from inside is named."""
    pegawai = getattr(pengguna, "pegawai", None)
    if not skp.jabatan_penilai_id:
        return None, skp.status_penilai
    hari_ini = dt.date.today()
    pemangku = (
        PemangkuJabatan.objects.filter(
            pegawai=pegawai, jabatan_id=skp.jabatan_penilai_id, mulai__lte=hari_ini
        )
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=hari_ini))
        .first()
        if pegawai is not None
        else None
    )
    return pegawai, pemangku.status if pemangku is not None else skp.status_penilai


@transaction.atomic
def penilaian_tahunan_simpan(
    *,
    pengguna: Any,
    pegawai: Pegawai,
    tahun: int,
    rating_hasil_kerja: str | None,
    rating_perilaku: str,
    catatan: str = "",
    final: bool = False,
    versi: int | None = None,
) -> PenilaianTahunan:
    """The pejabat penilai of the year's last SKP decides the employee's annual evaluation.

    Allowed to whoever may evaluate (`skp.nilai`) that SKP: its penilai or the Plt./Plh.
    holding the position today; the Kepala's is recorded by kepegawaian. The last SKP must be
    set (ditetapkan) and at least one SKP of the year must have a final periodic evaluation
    (the basis of the suggestion). The predikat comes from the 3 × 3 matrix; for a unit head
    the hasil kerja rating is the one the unit's annual capaian sets when it can be computed
    (the given rating is then ignored). The year's SKP are locked while the basis is read. A
    final evaluation cannot be changed; a stale `versi` is refused. Audited, with the basis.
    """
    daftar = selectors_tahunan.skp_tahun(pegawai, tahun, kunci=True)
    if not daftar:
        raise ValidationError(_(PESAN_TANPA_SKP).format(tahun=tahun), code="tanpa_skp")
    terakhir = daftar[-1]
    if not pengguna.has_perm("skp.nilai_tahunan", terakhir):
        raise PermissionDenied(_(PESAN_TIDAK_BERHAK_NILAI_TAHUNAN))
    if terakhir.status != StatusSKP.DITETAPKAN:
        raise ValidationError(
            _(PESAN_BELUM_DITETAPKAN_TAHUNAN).format(tahun=tahun), code="belum_ditetapkan"
        )
    obj = (
        PenilaianTahunan.objects.select_for_update(of=("self",))
        .filter(pegawai_id=terakhir.pegawai_id, tahun=tahun)
        .first()
    )
    if obj is not None and obj.final:
        raise ValidationError(_(PESAN_TAHUNAN_FINAL).format(tahun=tahun), code="final")
    if obj is not None:
        pastikan_versi(obj, versi)
    usulan = selectors_tahunan.usulan_dari(daftar)
    if not usulan.ada_dasar:
        raise ValidationError(
            _(PESAN_TANPA_EVALUASI_FINAL).format(tahun=tahun), code="tanpa_evaluasi_final"
        )
    otomatis = usulan.rating_pimpinan
    hasil = otomatis.value if otomatis is not None else rating_hasil_kerja
    if hasil not in RatingEkspektasi.values or rating_perilaku not in RatingEkspektasi.values:
        raise ValidationError(_(PESAN_RATING_TAHUNAN), code="rating")
    catatan = ("" if catatan is None else str(catatan)).strip()
    if len(catatan) > MAKS_CATATAN:
        raise ValidationError(_(PESAN_CATATAN_PANJANG).format(maks=MAKS_CATATAN), code="panjang")
    penilai, status_penilai = _penilai_pengguna(pengguna, terakhir)
    data = {
        # After a later move the evaluation follows the new last SKP.
        "skp": terakhir,
        "rating_hasil_kerja": hasil,
        "rating_perilaku": rating_perilaku,
        "predikat": matriks.predikat_kinerja(hasil, rating_perilaku).value,
        "sumber_rating_hasil": (
            SumberRating.CAPAIAN_UNIT if otomatis is not None else SumberRating.PENILAI
        ),
        "capaian_unit": usulan.capaian_unit if otomatis is not None else None,
        "catatan": catatan,
        "final": bool(final),
        "dinilai_oleh": pengguna,
        "penilai": penilai,
        "status_penilai": status_penilai,
    }
    dasar = usulan.dasar_audit()
    if obj is None:
        obj = PenilaianTahunan.objects.create(pegawai_id=terakhir.pegawai_id, tahun=tahun, **data)
        catat(
            pengguna=pengguna,
            aksi="skp.nilai_tahunan",
            objek=obj,
            sesudah={**snapshot(obj), "dasar": dasar},
        )
        _beri_tahu_final(obj, pengguna)
        return obj
    sebelum = snapshot(obj)
    for k, v in data.items():
        setattr(obj, k, v)
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi="skp.nilai_tahunan_ubah",
        objek=obj,
        sebelum=sebelum,
        sesudah={**snapshot(obj), "dasar": dasar},
    )
    _beri_tahu_final(obj, pengguna)
    return obj


def _beri_tahu_final(obj: PenilaianTahunan, pengguna: Any) -> None:
    """Tell the employee once the annual evaluation is final (it is never saved again)."""
    if obj.final:
        pemberitahuan.evaluasi_final(
            obj.skp,
            f"tahunan {obj.tahun}",
            obj.get_predikat_display(),
            reverse("skp:tahunan", args=[obj.pegawai_id, obj.tahun]),
            pengguna,
        )
