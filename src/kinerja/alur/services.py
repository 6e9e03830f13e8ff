"""Writes on SOP templates and measurement cycles.

Every service checks permission, validates, writes in one transaction with its audit row
(`inti.audit.catat`) and refuses stale edits where a version is carried.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from kinerja.alur import berkas_sop, notifikasi
from kinerja.alur.models import (
    HariLibur,
    HasilIndikatorRapat,
    HasilKeputusan,
    JenisLangkah,
    JenisNotifikasi,
    KalenderKerja,
    Keputusan,
    KeputusanIndikator,
    LangkahSOP,
    Rapat,
    SatuanWaktu,
    Siklus,
    StatusSiklus,
    StatusTugas,
    TemplateSOP,
    Tugas,
    UnggahESR,
)
from kinerja.alur.pelaksana import boleh_melaksanakan
from kinerja.alur.waktu import Kalender, hitung_tenggat
from kinerja.inti.audit import catat, pastikan_versi
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

PESAN_TEMPLAT_TIDAK_SAH = "Templat SOP tidak sah:\n{galat}"
PESAN_TIDAK_BERHAK_TEMPLAT = "Anda tidak berhak mengelola templat SOP instansi ini."
PESAN_TIDAK_BERHAK_BUKA = (
    "Hanya pelaksana langkah pertama SOP ({pelaksana}) yang dapat membuka siklus pengukuran."
)
PESAN_SIKLUS_SUDAH_ADA = "Siklus {template} untuk {periode} sudah berjalan."
PESAN_NOMOR_PERINTAH = "Nomor dan tanggal perintah (disposisi/nota/surat perintah) wajib diisi."
PESAN_TIDAK_BERHAK_TUGAS = "Langkah ini dikerjakan oleh {pelaksana}; Anda tidak memegang peran itu."
PESAN_TUGAS_TIDAK_AKTIF = "Langkah ini tidak sedang menunggu dikerjakan (status: {status})."
PESAN_BUKAN_KEPUTUSAN = "Langkah ini bukan langkah keputusan."
PESAN_HARUS_DIPUTUSKAN = "Langkah keputusan diselesaikan dengan memilih setuju atau kembalikan."
PESAN_ALASAN_KEMBALI = "Tuliskan alasan dan arahan pengembalian."
PESAN_KEMBALI_KE = "Langkah tujuan pengembalian harus langkah sebelum langkah ini."
PESAN_SIKLUS_TIDAK_BERJALAN = "Siklus ini sudah {status}."
PESAN_PERLU_NOTULEN = "Catat rapat dan notulennya dahulu: notulen adalah output langkah ini."
PESAN_RAPAT_WAJIB = "Judul, waktu, tempat, pimpinan, peserta dan notulen rapat wajib diisi."
PESAN_BUKAN_LANGKAH_RAPAT = "Langkah ini bukan langkah rapat."
PESAN_INDIKATOR_LUAR = "Indikator {indikator} bukan milik instansi siklus ini."
PESAN_PERLU_UNGGAH = "Catat dahulu unggahan ke esr.menpan.go.id (tanggal dan referensinya)."
PESAN_BUKAN_LANGKAH_UNGGAH = "Langkah ini bukan langkah unggah esr.menpan.go.id."
PESAN_UNGGAH_WAJIB = "Tanggal dan referensi unggahan wajib diisi; bundel harus milik instansi ini."

# Steps whose output is the minutes of a meeting: they need a recorded Rapat before completion.
AKSI_RAPAT = frozenset({"catat_rapat", "rapat_pimpinan", "sosialisasi"})


def perlu_rapat(langkah: LangkahSOP) -> bool:
    """True if the step is a meeting whose minutes must be recorded before it is done."""
    return langkah.jenis == JenisLangkah.RAPAT or langkah.aksi_sistem in AKSI_RAPAT


# ---------------------------------------------------------------- templates


def _langkah_dari_data(template: TemplateSOP, data: dict[str, Any]) -> None:
    for i, lk in enumerate(data["langkah"], start=1):
        waktu = lk.get("waktu") or {}
        if "teks" in waktu:
            jumlah, satuan, teks = None, SatuanWaktu.TEKS, str(waktu["teks"])
        elif waktu:
            jumlah, satuan, teks = Decimal(str(waktu["jumlah"])), waktu["satuan"], ""
        else:
            jumlah, satuan, teks = None, SatuanWaktu.TEKS, ""
        LangkahSOP.objects.create(
            template=template,
            urutan=i,
            no=lk["no"],
            uraian=lk["uraian"],
            pelaksana=list(lk["pelaksana"]),
            kelengkapan=list(lk.get("kelengkapan") or []),
            waktu_jumlah=jumlah,
            waktu_satuan=satuan,
            waktu_teks=teks,
            output=list(lk.get("output") or []),
            jenis=lk.get("jenis") or JenisLangkah.KEGIATAN,
            kembali_ke=lk.get("kembali_ke"),
            aksi_sistem=lk.get("aksi_sistem") or "",
            keterangan=lk.get("keterangan") or "",
        )


def _tanggal(nilai: Any) -> dt.date | None:
    if nilai in (None, ""):
        return None
    if isinstance(nilai, dt.date):
        return nilai
    return dt.date.fromisoformat(str(nilai))


def _boleh_kelola_template(pengguna: Any, instansi: Instansi | None) -> bool:
    if getattr(pengguna, "is_superuser", False):
        return True
    if instansi is None:
        return False
    return bool(
        pengguna.has_perm("kinerja.kelola", instansi)
        or pengguna.has_perm("kinerja.rencanakan", instansi)
    )


@transaction.atomic
def template_impor(
    *,
    pengguna: Any,
    data: dict[str, Any],
    instansi: Instansi | None = None,
    bawaan: bool = False,
    disalin_dari: TemplateSOP | None = None,
) -> TemplateSOP:
    """Create a new template version from SOP data (the documented YAML/JSON format).

    The version number continues the `kode`'s history; earlier versions stay for the cycles that
    use them and are marked inactive. Refuses invalid data with every problem listed.
    """
    if not bawaan and not _boleh_kelola_template(pengguna, instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TEMPLAT)
    galat = berkas_sop.validasi(data)
    if galat:
        raise ValidationError(PESAN_TEMPLAT_TIDAK_SAH.format(galat="\n".join(galat)))
    kode = data["kode"]
    versi_akhir = TemplateSOP.objects.filter(kode=kode).aggregate(m=Max("versi"))["m"] or 0
    TemplateSOP.objects.filter(kode=kode, aktif=True).update(aktif=False)
    t = TemplateSOP.objects.create(
        kode=kode,
        versi=versi_akhir + 1,
        nama=data["nama"],
        nomor=data.get("nomor") or "",
        pemda_teks=data.get("pemda") or "",
        instansi_teks=data.get("instansi") or "",
        unit_penyusun=data.get("unit_penyusun") or "",
        instansi=instansi,
        tanggal_pembuatan=_tanggal(data.get("tanggal_pembuatan")),
        tanggal_revisi=_tanggal(data.get("tanggal_revisi")),
        tanggal_efektif=_tanggal(data.get("tanggal_efektif")),
        disahkan_oleh=data.get("disahkan_oleh") or {},
        dasar_hukum=data.get("dasar_hukum") or [],
        kualifikasi_pelaksana=data.get("kualifikasi_pelaksana") or [],
        keterkaitan=data.get("keterkaitan") or [],
        peralatan=data.get("peralatan") or [],
        peringatan=data.get("peringatan") or [],
        pencatatan=data.get("pencatatan") or [],
        narasi=data.get("narasi") or {},
        catatan_transkripsi=data.get("catatan_transkripsi") or [],
        pelaksana=data["pelaksana"],
        bawaan=bawaan,
        disalin_dari=disalin_dari,
        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
    )
    _langkah_dari_data(t, data)
    catat(pengguna=pengguna, aksi="template_sop.impor", objek=t, sesudah={"versi": t.versi})
    return t


def template_ke_data(template: TemplateSOP) -> dict[str, Any]:
    """The template as data in the documented file format (for export and copying)."""
    langkah = []
    for lk in template.langkah.all():
        if lk.waktu_satuan == SatuanWaktu.TEKS:
            waktu: dict[str, Any] | None = {"teks": lk.waktu_teks} if lk.waktu_teks else None
        else:
            j = lk.waktu_jumlah.normalize() if lk.waktu_jumlah is not None else None
            waktu = (
                {
                    "jumlah": int(j) if j == j.to_integral_value() else float(j),
                    "satuan": lk.waktu_satuan,
                }
                if j is not None
                else None
            )
        langkah.append(
            {
                "no": lk.no,
                "uraian": lk.uraian,
                "pelaksana": list(lk.pelaksana),
                "kelengkapan": list(lk.kelengkapan),
                "waktu": waktu,
                "output": list(lk.output),
                "jenis": lk.jenis,
                "kembali_ke": lk.kembali_ke,
                "aksi_sistem": lk.aksi_sistem or None,
                "keterangan": lk.keterangan or None,
            }
        )
    data: dict[str, Any] = {
        "kode": template.kode,
        "nama": template.nama,
        "nomor": template.nomor,
        "pemda": template.pemda_teks,
        "instansi": template.instansi_teks,
        "unit_penyusun": template.unit_penyusun or None,
        "tanggal_pembuatan": template.tanggal_pembuatan,
        "tanggal_revisi": template.tanggal_revisi,
        "tanggal_efektif": template.tanggal_efektif,
        "disahkan_oleh": template.disahkan_oleh or None,
        "dasar_hukum": template.dasar_hukum,
        "kualifikasi_pelaksana": template.kualifikasi_pelaksana,
        "keterkaitan": template.keterkaitan,
        "peralatan": template.peralatan,
        "peringatan": template.peringatan,
        "pencatatan": template.pencatatan,
        "catatan_transkripsi": template.catatan_transkripsi,
        "pelaksana": template.pelaksana,
        "langkah": langkah,
    }
    if template.narasi:
        # Optional section (only Banjarnegara has it); keep it where the file format puts it.
        urut = list(data.items())
        i = [k for k, _ in urut].index("catatan_transkripsi")
        data = dict(urut[:i] + [("narasi", template.narasi)] + urut[i:])
    return data


def template_muat_bawaan() -> list[TemplateSOP]:
    """Load the built-in seed templates; a file whose content changed becomes a new version."""
    hasil = []
    for path in berkas_sop.daftar_bawaan():
        data = berkas_sop.muat_berkas(path)
        ada = TemplateSOP.objects.filter(kode=data["kode"], aktif=True).first()
        if ada is not None and _setara(template_ke_data(ada), data):
            hasil.append(ada)
            continue
        hasil.append(template_impor(pengguna=None, data=data, bawaan=True))
    return hasil


def _setara(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Compare two SOP data dicts the way the file format means them (dates as ISO text)."""
    return berkas_sop.ke_yaml(a) == berkas_sop.ke_yaml(b)


# ---------------------------------------------------------------- cycles


def kalender_siklus(siklus: Siklus) -> Kalender:
    """The working calendar of the cycle's Pemda (defaults when none is configured)."""
    pemda_id = siklus.instansi.id_leluhur[0]
    libur = frozenset(HariLibur.objects.values_list("tanggal", flat=True))
    kk = KalenderKerja.objects.filter(pemda_id=pemda_id).first()
    if kk is None:
        return Kalender(libur=libur)
    return Kalender(
        hari_kerja=frozenset(int(c) for c in kk.hari_kerja if c.isdigit()),
        jam_mulai=kk.jam_mulai,
        jam_selesai=kk.jam_selesai,
        libur=libur,
    )


def _aktifkan(
    tugas: Tugas, sekarang: dt.datetime, kalender: Kalender, alasan_kembali: str = ""
) -> None:
    lk = tugas.langkah
    tugas.status = StatusTugas.AKTIF
    tugas.mulai = sekarang
    tugas.tenggat = hitung_tenggat(sekarang, lk.waktu_jumlah, lk.waktu_satuan, kalender=kalender)
    tugas.save()
    if alasan_kembali:
        notifikasi.kirim(tugas, JenisNotifikasi.DIKEMBALIKAN, alasan_kembali)
    else:
        notifikasi.kirim_tugas_baru(tugas)


def _label_pelaksana(langkah: LangkahSOP) -> str:
    label = langkah.template.label_pelaksana()
    return ", ".join(label.get(k, k) for k in langkah.pelaksana)


@transaction.atomic
def siklus_buka(
    *,
    pengguna: Any,
    template: TemplateSOP,
    instansi: Instansi,
    periode: Periode,
    jenis_perintah: str,
    nomor_perintah: str,
    tanggal_perintah: dt.date | None,
    isi_perintah: str = "",
) -> Siklus:
    """Open a measurement cycle: record the head's order and start the SOP's steps.

    Only a performer of the SOP's first step (the Kepala, in every seed) may open it. The first
    step is the order itself, so it is completed at once and the second step becomes active.
    """
    langkah = list(template.langkah.order_by("urutan"))
    pertama = langkah[0]
    if not boleh_melaksanakan(pengguna, pertama.pelaksana, instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_BUKA.format(pelaksana=_label_pelaksana(pertama)))
    if not nomor_perintah.strip() or tanggal_perintah is None:
        raise ValidationError(PESAN_NOMOR_PERINTAH)
    if Siklus.objects.filter(
        instansi=instansi,
        periode=periode,
        template__kode=template.kode,
        status=StatusSiklus.BERJALAN,
    ).exists():
        raise ValidationError(
            PESAN_SIKLUS_SUDAH_ADA.format(template=template.nama, periode=periode.label)
        )
    siklus = Siklus.objects.create(
        template=template,
        instansi=instansi,
        periode=periode,
        jenis_perintah=jenis_perintah.strip() or "Disposisi",
        nomor_perintah=nomor_perintah.strip(),
        tanggal_perintah=tanggal_perintah,
        isi_perintah=isi_perintah.strip(),
        dibuka_oleh=pengguna,
    )
    tugas = [Tugas(siklus=siklus, langkah=lk, putaran=1) for lk in langkah]
    Tugas.objects.bulk_create(tugas)
    sekarang = timezone.now()
    t1 = Tugas.objects.get(siklus=siklus, langkah=pertama, putaran=1)
    t1.status, t1.mulai, t1.selesai = StatusTugas.SELESAI, sekarang, sekarang
    t1.diselesaikan_oleh = pengguna
    t1.catatan = f"{siklus.jenis_perintah} nomor {siklus.nomor_perintah}"
    t1.save()
    catat(
        pengguna=pengguna,
        aksi="siklus.buka",
        objek=siklus,
        sesudah={"template": template.pk, "periode": periode.pk, "nomor": nomor_perintah},
    )
    _lanjut(siklus, t1, sekarang)
    return siklus


def _lanjut(siklus: Siklus, selesai: Tugas, sekarang: dt.datetime) -> Tugas | None:
    """Activate the step after `selesai` in the same round, or finish the cycle."""
    berikut = (
        Tugas.objects.filter(
            siklus=siklus,
            putaran=selesai.putaran,
            langkah__urutan__gt=selesai.langkah.urutan,
            status=StatusTugas.MENUNGGU,
        )
        .select_related("langkah")
        .order_by("langkah__urutan")
        .first()
    )
    if berikut is None:
        siklus.status = StatusSiklus.SELESAI
        siklus.selesai_pada = sekarang
        siklus.versi += 1
        siklus.save()
        return None
    _aktifkan(berikut, sekarang, kalender_siklus(siklus))
    return berikut


def _kunci_tugas(pengguna: Any, tugas: Tugas, versi: int | None) -> Tugas:
    t = (
        Tugas.objects.select_for_update()
        .select_related("langkah", "langkah__template", "siklus", "siklus__instansi")
        .get(pk=tugas.pk)
    )
    if t.siklus.status != StatusSiklus.BERJALAN:
        raise ValidationError(
            PESAN_SIKLUS_TIDAK_BERJALAN.format(status=t.siklus.get_status_display().lower())
        )
    if not boleh_melaksanakan(pengguna, t.langkah.pelaksana, t.siklus.instansi):
        raise PermissionDenied(
            PESAN_TIDAK_BERHAK_TUGAS.format(pelaksana=_label_pelaksana(t.langkah))
        )
    pastikan_versi(t, versi)
    if t.status != StatusTugas.AKTIF:
        raise ValidationError(PESAN_TUGAS_TIDAK_AKTIF.format(status=t.get_status_display().lower()))
    return t


def _pastikan_notulen(t: Tugas) -> None:
    if perlu_rapat(t.langkah) and not t.rapat.exists():
        raise ValidationError(PESAN_PERLU_NOTULEN, code="notulen")
    if t.langkah.aksi_sistem == "unggah_esr" and not t.unggah_esr.exists():
        raise ValidationError(PESAN_PERLU_UNGGAH, code="unggah_esr")


@transaction.atomic
def esr_catat_unggah(
    *,
    pengguna: Any,
    tugas: Tugas,
    tanggal: dt.date,
    referensi: str,
    dokumen: Any = None,
    catatan: str = "",
) -> UnggahESR:
    """Record the manual upload to esr.menpan.go.id at the SOP's upload step."""
    t = _kunci_tugas(pengguna, tugas, None)
    if t.langkah.aksi_sistem != "unggah_esr":
        raise ValidationError(PESAN_BUKAN_LANGKAH_UNGGAH)
    if not referensi.strip() or tanggal is None:
        raise ValidationError(PESAN_UNGGAH_WAJIB)
    if dokumen is not None and dokumen.instansi_id != t.siklus.instansi_id:
        raise ValidationError(PESAN_UNGGAH_WAJIB)
    u = UnggahESR.objects.create(
        tugas=t,
        tanggal=tanggal,
        referensi=referensi.strip(),
        dokumen=dokumen,
        catatan=catatan.strip(),
        oleh=pengguna,
    )
    catat(
        pengguna=pengguna,
        aksi="esr.unggah",
        objek=u,
        sesudah={
            "tanggal": tanggal,
            "referensi": u.referensi,
            "dokumen": getattr(dokumen, "pk", None),
        },
    )
    return u


@transaction.atomic
def rapat_catat(
    *,
    pengguna: Any,
    tugas: Tugas,
    judul: str,
    waktu: dt.datetime,
    tempat: str,
    pimpinan: str,
    peserta: str,
    notulen: str,
    keputusan_indikator: list[tuple[Any, str, str]] | None = None,
) -> Rapat:
    """Record the meeting of a meeting step: minutes and, for a leadership meeting, a decision
    per indicator as (indikator, hasil, arahan) tuples."""
    t = _kunci_tugas(pengguna, tugas, None)
    if not perlu_rapat(t.langkah):
        raise ValidationError(PESAN_BUKAN_LANGKAH_RAPAT)
    isian = [judul, tempat, pimpinan, peserta, notulen]
    if any(not (x or "").strip() for x in isian) or waktu is None:
        raise ValidationError(PESAN_RAPAT_WAJIB, code="rapat")
    rapat = Rapat.objects.create(
        tugas=t,
        judul=judul.strip(),
        waktu=waktu,
        tempat=tempat.strip(),
        pimpinan=pimpinan.strip(),
        peserta=peserta.strip(),
        notulen=notulen.strip(),
        dicatat_oleh=pengguna,
    )
    for indikator, hasil, arahan in keputusan_indikator or []:
        if not t.siklus.instansi.jalur or not indikator.instansi_cakupan().jalur.startswith(
            t.siklus.instansi.jalur
        ):
            raise ValidationError(PESAN_INDIKATOR_LUAR.format(indikator=indikator))
        KeputusanIndikator.objects.create(
            rapat=rapat, indikator=indikator, hasil=HasilIndikatorRapat(hasil), arahan=arahan
        )
    catat(
        pengguna=pengguna,
        aksi="rapat.catat",
        objek=rapat,
        sesudah={"tugas": t.pk, "jumlah_keputusan": len(keputusan_indikator or [])},
    )
    return rapat


@transaction.atomic
def tugas_selesaikan(
    *, pengguna: Any, tugas: Tugas, catatan: str = "", versi: int | None = None
) -> Tugas | None:
    """Mark an active step done and activate the next one; returns the next task (or None)."""
    t = _kunci_tugas(pengguna, tugas, versi)
    if t.langkah.jenis == JenisLangkah.KEPUTUSAN:
        raise ValidationError(PESAN_HARUS_DIPUTUSKAN)
    _pastikan_notulen(t)
    sekarang = timezone.now()
    t.status, t.selesai, t.diselesaikan_oleh = StatusTugas.SELESAI, sekarang, pengguna
    t.catatan = catatan.strip()
    t.versi += 1
    t.save()
    catat(pengguna=pengguna, aksi="tugas.selesai", objek=t, alasan=t.catatan)
    return _lanjut(t.siklus, t, sekarang)


@transaction.atomic
def tugas_putuskan(
    *,
    pengguna: Any,
    tugas: Tugas,
    hasil: str,
    alasan: str = "",
    kembali_ke_no: int | None = None,
    versi: int | None = None,
) -> Tugas | None:
    """Decide at a decision step: approve (continue) or return to an earlier step with reasons.

    Returning opens a new round from the target step: those steps are done again, and what was
    entered before (realisations, documents) is kept.
    """
    t = _kunci_tugas(pengguna, tugas, versi)
    if t.langkah.jenis != JenisLangkah.KEPUTUSAN:
        raise ValidationError(PESAN_BUKAN_KEPUTUSAN)
    sekarang = timezone.now()
    if hasil in (HasilKeputusan.SETUJU, HasilKeputusan.KEMBALIKAN):
        _pastikan_notulen(t)
    if hasil == HasilKeputusan.SETUJU:
        Keputusan.objects.create(tugas=t, hasil=hasil, alasan=alasan.strip(), oleh=pengguna)
        t.status, t.selesai, t.diselesaikan_oleh = StatusTugas.SELESAI, sekarang, pengguna
        t.versi += 1
        t.save()
        catat(pengguna=pengguna, aksi="tugas.setuju", objek=t, alasan=alasan.strip())
        return _lanjut(t.siklus, t, sekarang)
    if hasil != HasilKeputusan.KEMBALIKAN:
        raise ValidationError(PESAN_HARUS_DIPUTUSKAN)
    if not alasan.strip():
        raise ValidationError(PESAN_ALASAN_KEMBALI)
    no = kembali_ke_no or t.langkah.kembali_ke
    tujuan = t.langkah.template.langkah.filter(no=no).first() if no else None
    if tujuan is None or tujuan.urutan >= t.langkah.urutan:
        raise ValidationError(PESAN_KEMBALI_KE)
    Keputusan.objects.create(
        tugas=t, hasil=hasil, alasan=alasan.strip(), kembali_ke=tujuan, oleh=pengguna
    )
    t.status, t.selesai, t.diselesaikan_oleh = StatusTugas.DIKEMBALIKAN, sekarang, pengguna
    t.versi += 1
    t.save()
    # Steps of this round after the decision will never run in this round.
    Tugas.objects.filter(siklus=t.siklus, putaran=t.putaran, status=StatusTugas.MENUNGGU).update(
        status=StatusTugas.DILEWATI
    )
    putaran = t.putaran + 1
    ulang = t.langkah.template.langkah.filter(urutan__gte=tujuan.urutan).order_by("urutan")
    Tugas.objects.bulk_create([Tugas(siklus=t.siklus, langkah=lk, putaran=putaran) for lk in ulang])
    pertama = Tugas.objects.select_related("langkah").get(
        siklus=t.siklus, langkah=tujuan, putaran=putaran
    )
    _aktifkan(pertama, sekarang, kalender_siklus(t.siklus), alasan_kembali=alasan.strip())
    catat(
        pengguna=pengguna,
        aksi="tugas.kembalikan",
        objek=t,
        sesudah={"kembali_ke": tujuan.no, "putaran": putaran},
        alasan=alasan.strip(),
    )
    return pertama
