"""Objections (keberatan) to an employee's evaluation: file, decide, withdraw.

PP 30/2019 and PermenPAN-RB 6/2022: an employee who disagrees with the result of their
performance evaluation files an objection with reasons to the superior of the pejabat penilai
(atasan pejabat penilai) within 14 days of receiving the final result; the atasan decides within
14 days, upholding (dikuatkan) or changing (diubah) the ratings, and that decision is final.

Kinerja has no record of when the employee *received* the result, so the 14 days run from the
date the evaluation became final (`dinilai_pada`: a final evaluation is never saved again by
`services.penilaian_simpan`). Each write checks the permission (`skp.keberatan_*` rules),
validates with Indonesian messages (module constants the tests import), writes its audit row
(`inti.audit.catat`) in the same transaction and refuses stale edits (`versi`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.dokumen.render import tanggal_id
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Jabatan, Pegawai
from kinerja.skp import matriks, pemberitahuan
from kinerja.skp.models import (
    SKP,
    Keberatan,
    PenilaianSKP,
    PenilaianTahunan,
    RatingEkspektasi,
    StatusKeberatan,
    SumberRating,
)
from kinerja.skp.permissions_keberatan import (
    dapat_menarik_keberatan,
    dapat_mengajukan_keberatan,
)

# The regulation's two deadlines, in calendar days.
HARI_PENGAJUAN = 14
HARI_PUTUSAN = 14
# Short enough not to be a burden, long enough that "tidak setuju" alone is not a reason.
ALASAN_MIN = 20
ALASAN_MAKS = 4000

PESAN_TIDAK_BERHAK_AJUKAN = _(
    "Hanya pegawai yang dinilai yang dapat mengajukan keberatan atas evaluasinya."
)
PESAN_TIDAK_BERHAK_PUTUS = _(
    "Hanya atasan pejabat penilai (termasuk Plt./Plh.) yang dapat memutus keberatan ini; bila "
    "atasan itu berada di luar instansi, putusannya dicatat oleh Kepala atau Subbag Kepegawaian."
)
PESAN_TIDAK_BERHAK_TARIK = _("Hanya pegawai yang mengajukan keberatan yang dapat menariknya.")
PESAN_SATU_EVALUASI = _("Pilih tepat satu evaluasi: periodik atau tahunan.")
PESAN_BELUM_FINAL = _("Keberatan hanya dapat diajukan atas evaluasi yang sudah final.")
PESAN_LEWAT_BATAS = _(
    "Batas pengajuan keberatan sudah lewat: paling lambat {hari} hari sejak evaluasi final, "
    "yaitu {tanggal}."
)
PESAN_ALASAN = _("Tuliskan alasan keberatan, paling sedikit {min} karakter.")
PESAN_TERLALU_PANJANG = _("{kolom} paling panjang {maks} karakter.")
PESAN_MASIH_TERBUKA = _(
    "Masih ada keberatan atas evaluasi ini yang belum diputus; tunggu putusannya atau tarik dulu."
)
PESAN_SUDAH_DIPUTUS = _(
    "Keberatan atas evaluasi ini sudah diputus atasan pejabat penilai; putusan itu bersifat final."
)
PESAN_TIDAK_TERBUKA = _("Keberatan ini sudah berstatus “{status}” dan tidak dapat diubah lagi.")
PESAN_PERTIMBANGAN = _("Tuliskan pertimbangan putusan.")
PESAN_RATING = _("Pilih rating baru: di atas, sesuai, atau di bawah ekspektasi.")
PESAN_TIDAK_BERUBAH = _(
    "Rating baru sama dengan rating semula; pilih “dikuatkan” bila hasil evaluasi tidak diubah."
)
PESAN_HASIL_CAPAIAN_UNIT = _(
    "Rating hasil kerja pimpinan unit ditetapkan dari capaian kinerja unit yang dipimpinnya dan "
    "tidak dapat diubah melalui keberatan; hanya rating perilaku kerja yang dapat diubah."
)

Evaluasi = PenilaianSKP | PenilaianTahunan


def hari_ini() -> dt.date:
    """Today in the project's time zone (Asia/Jakarta)."""
    return timezone.localdate()


def tanggal_final(evaluasi: Evaluasi) -> dt.date:
    """The date the evaluation became final (local date of `dinilai_pada`)."""
    return timezone.localdate(evaluasi.dinilai_pada)


def batas_pengajuan(evaluasi: Evaluasi) -> dt.date:
    """The last day an objection may be filed: 14 calendar days after the date the evaluation
    became final (the regulation counts from receipt, which Kinerja does not record)."""
    return tanggal_final(evaluasi) + dt.timedelta(days=HARI_PENGAJUAN)


def atasan_penilai(
    skp: SKP, tanggal: dt.date | None = None
) -> tuple[Jabatan | None, Pegawai | None]:
    """The atasan pejabat penilai of `skp` on `tanggal` (default today): the superior position
    of the SKP's `jabatan_penilai` and its holder (Plt./Plh. count).

    A vacant position passes to the next one up, as `selectors.penilai_untuk` does; so does a
    position held by the employee or the pejabat penilai themself (an acting Kepala who is also
    Plt. Kepala Bidang would otherwise review their own evaluation). (None, None) when the
    penilai is the Kepala (or there is no penilai inside the agency): the atasan is then the
    Sekda or the Kepala Daerah, and the Kepala or kepegawaian records the decision.
    """
    tanggal = tanggal or hari_ini()
    jabatan = skp.jabatan_penilai
    atasan = jabatan.atasan if jabatan is not None else None
    while atasan is not None:
        p = atasan.pemangku_pada(tanggal)
        if p is not None and p.pegawai_id not in (skp.pegawai_id, skp.penilai_id):
            return atasan, p.pegawai
        atasan = atasan.atasan
    return None, None


def _teks(nilai: Any, kolom: str, maks: int) -> str:
    s = ("" if nilai is None else str(nilai)).strip()
    if len(s) > maks:
        raise ValidationError(
            str(PESAN_TERLALU_PANJANG).format(kolom=kolom, maks=maks), code="panjang"
        )
    return s


def _kunci_evaluasi(evaluasi: Evaluasi) -> Evaluasi:
    """Lock the evaluation row (only it, not the joined SKP and unit)."""
    model = type(evaluasi)
    return (  # type: ignore[no-any-return]
        model.objects.select_for_update(of=("self",))
        .select_related("skp__unit", "skp__jabatan_penilai__atasan", "skp__pegawai")
        .get(pk=evaluasi.pk)
    )


def _kunci_keberatan(keberatan: Keberatan) -> Keberatan:
    return (
        Keberatan.objects.select_for_update(of=("self",))
        .select_related("penilaian__skp__unit", "penilaian_tahunan__skp__unit")
        .get(pk=keberatan.pk)
    )


def periksa_ajukan(*, pengguna: Any, evaluasi: Evaluasi, tanggal: dt.date | None = None) -> None:
    """Raise PermissionDenied / ValidationError unless `pengguna` may object to `evaluasi`
    on `tanggal` (default today): the employee themself, a final evaluation, within 14 days,
    and no open or decided objection to it (a decided one is final; a withdrawn one is not in
    the way). Reads only; `keberatan_ajukan` calls it under lock, the pages to offer the button.
    """
    # The predicate itself, not `has_perm`: a superuser must not object in someone's name.
    if not dapat_mengajukan_keberatan(pengguna, evaluasi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_AJUKAN)
    if not evaluasi.final:
        raise ValidationError(PESAN_BELUM_FINAL, code="belum_final")
    batas = batas_pengajuan(evaluasi)
    if (tanggal or hari_ini()) > batas:
        raise ValidationError(
            str(PESAN_LEWAT_BATAS).format(hari=HARI_PENGAJUAN, tanggal=tanggal_id(batas)),
            code="lewat_batas",
        )
    status = set(evaluasi.keberatan.values_list("status", flat=True))
    if StatusKeberatan.DIAJUKAN in status:
        raise ValidationError(PESAN_MASIH_TERBUKA, code="masih_terbuka")
    if status & {StatusKeberatan.DIKUATKAN, StatusKeberatan.DIUBAH}:
        raise ValidationError(PESAN_SUDAH_DIPUTUS, code="sudah_diputus")


@transaction.atomic
def keberatan_ajukan(
    *,
    pengguna: Any,
    penilaian: PenilaianSKP | None = None,
    penilaian_tahunan: PenilaianTahunan | None = None,
    alasan: str,
) -> Keberatan:
    """The evaluated employee files an objection, with reasons, to a final evaluation
    (periodic `penilaian` or annual `penilaian_tahunan`, exactly one) within 14 days of the
    date it became final. The atasan pejabat penilai of that day is recorded as the decider,
    the current ratings are copied into `*_semula`, and the decision is due 14 days from today.
    Audited. The evaluation row is locked so two filings at once cannot both pass the
    "one open objection" check (the database constraint would otherwise raise).
    """
    if (penilaian is None) == (penilaian_tahunan is None):
        raise ValidationError(PESAN_SATU_EVALUASI, code="evaluasi")
    evaluasi = _kunci_evaluasi(penilaian or penilaian_tahunan)  # type: ignore[arg-type]
    sekarang = hari_ini()
    periksa_ajukan(pengguna=pengguna, evaluasi=evaluasi, tanggal=sekarang)
    alasan = _teks(alasan, "Alasan keberatan", ALASAN_MAKS)
    if len(alasan) < ALASAN_MIN:
        raise ValidationError(str(PESAN_ALASAN).format(min=ALASAN_MIN), code="alasan")
    skp = evaluasi.skp
    jabatan, pemutus = atasan_penilai(skp, sekarang)
    obj = Keberatan.objects.create(
        penilaian=evaluasi if isinstance(evaluasi, PenilaianSKP) else None,
        penilaian_tahunan=evaluasi if isinstance(evaluasi, PenilaianTahunan) else None,
        pegawai_id=skp.pegawai_id,
        alasan=alasan,
        diajukan_oleh=pengguna,
        batas_putusan=sekarang + dt.timedelta(days=HARI_PUTUSAN),
        jabatan_pemutus=jabatan,
        pemutus=pemutus,
        rating_hasil_semula=evaluasi.rating_hasil_kerja,
        rating_perilaku_semula=evaluasi.rating_perilaku,
        predikat_semula=evaluasi.predikat,
    )
    catat(pengguna=pengguna, aksi="skp.keberatan_ajukan", objek=obj, sesudah=snapshot(obj))
    pemberitahuan.keberatan_diajukan(obj, pengguna)
    return obj


def _terbuka(obj: Keberatan) -> None:
    if obj.status != StatusKeberatan.DIAJUKAN:
        raise ValidationError(
            str(PESAN_TIDAK_TERBUKA).format(status=obj.get_status_display()), code="tidak_terbuka"
        )


@transaction.atomic
def keberatan_putus(
    *,
    pengguna: Any,
    keberatan: Keberatan,
    dikuatkan: bool,
    pertimbangan: str,
    rating_hasil_kerja: str | None = None,
    rating_perilaku: str | None = None,
    versi: int | None = None,
) -> Keberatan:
    """The atasan pejabat penilai (holder today of `jabatan_pemutus`, Plt./Plh. included; the
    Kepala or kepegawaian when the atasan is outside the agency) decides an open objection.

    Upheld (`dikuatkan`): the evaluation stays as it is. Changed: the new ratings (a missing one
    keeps its current value; at least one must differ) give the new predikat through the 3 × 3
    matrix; the evaluation is updated (its `versi` + 1, its own audit row) and the new values are
    recorded on the objection. A unit head's hasil kerja set by the unit's capaian cannot change
    here, only perilaku. The reasons (`pertimbangan`) are required. Audited; stale `versi`
    refused. The decision is final: the evaluation takes no further objection.
    """
    obj = _kunci_keberatan(keberatan)
    if not pengguna.has_perm("skp.keberatan_putus", obj):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_PUTUS)
    pastikan_versi(obj, versi)
    _terbuka(obj)
    pertimbangan = _teks(pertimbangan, "Pertimbangan", ALASAN_MAKS)
    if not pertimbangan:
        raise ValidationError(PESAN_PERTIMBANGAN, code="pertimbangan")
    evaluasi = _kunci_evaluasi(obj.evaluasi())
    sebelum = snapshot(obj)
    if dikuatkan:
        obj.status = StatusKeberatan.DIKUATKAN
    else:
        hasil = rating_hasil_kerja or evaluasi.rating_hasil_kerja
        perilaku = rating_perilaku or evaluasi.rating_perilaku
        if hasil not in RatingEkspektasi.values or perilaku not in RatingEkspektasi.values:
            raise ValidationError(PESAN_RATING, code="rating")
        if (
            evaluasi.sumber_rating_hasil == SumberRating.CAPAIAN_UNIT
            and hasil != evaluasi.rating_hasil_kerja
        ):
            raise ValidationError(PESAN_HASIL_CAPAIAN_UNIT, code="capaian_unit")
        if hasil == evaluasi.rating_hasil_kerja and perilaku == evaluasi.rating_perilaku:
            raise ValidationError(PESAN_TIDAK_BERUBAH, code="tidak_berubah")
        predikat = matriks.predikat_kinerja(hasil, perilaku).value
        kolom = ["rating_hasil_kerja", "rating_perilaku", "predikat", "versi"]
        sebelum_evaluasi = snapshot(evaluasi, kolom)
        evaluasi.rating_hasil_kerja = hasil
        evaluasi.rating_perilaku = perilaku
        evaluasi.predikat = predikat
        evaluasi.versi += 1
        # update_fields keeps `dinilai_pada` (auto_now) at the date the result became final.
        evaluasi.save(update_fields=kolom)
        catat(
            pengguna=pengguna,
            aksi="skp.nilai_ubah_keberatan",
            objek=evaluasi,
            sebelum=sebelum_evaluasi,
            sesudah={**snapshot(evaluasi, kolom), "keberatan": obj.pk},
            alasan=pertimbangan,
        )
        obj.status = StatusKeberatan.DIUBAH
        obj.rating_hasil_baru = hasil
        obj.rating_perilaku_baru = perilaku
        obj.predikat_baru = predikat
    obj.pertimbangan = pertimbangan
    obj.diputus_oleh = pengguna
    obj.diputus_pada = timezone.now()
    obj.versi += 1
    obj.save()
    catat(
        pengguna=pengguna,
        aksi=f"skp.keberatan_{obj.status}",
        objek=obj,
        sebelum=sebelum,
        sesudah=snapshot(obj),
        alasan=pertimbangan,
    )
    pemberitahuan.keberatan_diputus(obj, pengguna)
    return obj


@transaction.atomic
def keberatan_tarik(*, pengguna: Any, keberatan: Keberatan, versi: int | None = None) -> Keberatan:
    """The employee withdraws their open objection; the evaluation stays as it is. While the
    14 days to object still run they may file again. Audited; stale `versi` refused."""
    obj = _kunci_keberatan(keberatan)
    if not dapat_menarik_keberatan(pengguna, obj):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TARIK)
    pastikan_versi(obj, versi)
    _terbuka(obj)
    sebelum = {"status": obj.status, "versi": obj.versi}
    obj.status = StatusKeberatan.DITARIK
    obj.versi += 1
    obj.save(update_fields=["status", "versi"])
    catat(
        pengguna=pengguna,
        aksi="skp.keberatan_tarik",
        objek=obj,
        sebelum=sebelum,
        sesudah={"status": obj.status, "versi": obj.versi},
    )
    return obj
