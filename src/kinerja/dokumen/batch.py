"""Building one document type for many agencies at once (a whole Pemda), with progress.

`dokumen_buat_banyak(...)` calls `services.dokumen_buat` for each agency, reports progress
through a callback (a task runner or the command line shows it) and returns the documents
and, per agency, why one could not be built. `zip_dokumen(...)` packs the files for download.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.text import slugify

from kinerja.dokumen import services
from kinerja.dokumen.models import Dokumen
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.pengukuran.models import Periode

_WAKTU_ZIP = (2000, 1, 1, 0, 0, 0)
logger = logging.getLogger(__name__)


class PenggunaSistem:
    """The actor of command-line batch jobs: run by whoever may run `kinerja` on the server
    (who can read the database anyway), so every permission is granted; audit rows record no
    user and the aksi as usual."""

    pk = None
    is_authenticated = True
    is_superuser = True
    username = "sistem"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return True

    def __str__(self) -> str:
        return "sistem"


@dataclass
class HasilBanyak:
    """What a batch produced: the documents, and the agencies that failed with the reason."""

    dokumen: list[Dokumen] = field(default_factory=list)
    gagal: list[tuple[Instansi, str]] = field(default_factory=list)


def perangkat_daerah(pemda: Instansi) -> list[Instansi]:
    """The agencies (Perangkat Daerah) of a Pemda, in tree order."""
    return list(
        Instansi.objects.filter(
            jalur__startswith=pemda.jalur, jenis=JenisInstansi.PERANGKAT_DAERAH
        ).order_by("jalur")
    )


def dokumen_buat_banyak(
    *,
    pengguna: Any,
    jenis: str,
    instansi: Iterable[Instansi],
    periode: Periode,
    format: str | None = None,
    kemajuan: Callable[[int, int, Instansi], None] | None = None,
    **opsi: Any,
) -> HasilBanyak:
    """Build `jenis` for each agency (each in its own transaction: one failure does not undo
    the others). `kemajuan(selesai, jumlah, instansi)` is called after each agency."""
    daftar = list(instansi)
    hasil = HasilBanyak()
    for i, ins in enumerate(daftar, start=1):
        try:
            hasil.dokumen.append(
                services.dokumen_buat(
                    pengguna=pengguna,
                    jenis=jenis,
                    instansi=ins,
                    periode=periode,
                    format=format,
                    **opsi,
                )
            )
        except (ValidationError, PermissionDenied) as exc:
            pesan = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            hasil.gagal.append((ins, pesan))
        if kemajuan is not None:
            kemajuan(i, len(daftar), ins)
    return hasil


def zip_dokumen(dokumen: Iterable[Dokumen]) -> bytes:
    """The files of `dokumen` in one ZIP, one file per agency named after it."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for d in dokumen:
            nama = f"{slugify(d.instansi.nama)[:60]}-{d.nama_berkas}"
            with d.berkas.open("rb") as f:
                z.writestr(zipfile.ZipInfo(nama, _WAKTU_ZIP), f.read())
    return keluaran.getvalue()


# --- Background jobs for a whole Pemda ------------------------------------------------------

#: Run jobs in a daemon thread of this process (the embedded default: SQLite and in-process
#: work on one machine). False runs them inline when the transaction commits (tests). With
#: the setting KINERJA_PEKERJA_TERPISAH a separate `kinerja dokumen pekerja` process runs them.
JALANKAN_DI_LATAR = True
PESAN_TIDAK_BERHAK_PEMDA = "Anda tidak berhak membuat dokumen untuk seluruh pemerintah daerah ini."
PESAN_MASIH_BERJALAN = (
    "Pekerjaan ini masih berjalan; pekerjaan hanya dapat diulang bila gagal atau terhenti."
)


def pekerjaan_mulai(
    *,
    pengguna: Any,
    jenis: str,
    pemda: Instansi,
    periode: Periode,
    format: str | None = None,
    **opsi: Any,
) -> Any:
    """Queue `jenis` for every Perangkat Daerah of `pemda`; the job starts after commit.

    Needs a document-making role over the whole Pemda (Admin Pemda). Returns the
    `PekerjaanDokumen` whose `selesai`/`jumlah` the page shows as a progress bar.
    """
    from django.db import transaction

    from kinerja.dokumen.jenis import pembuat
    from kinerja.dokumen.models import PekerjaanDokumen
    from kinerja.inti.audit import catat

    p = pembuat(jenis)
    if not pengguna.has_perm("dokumen.buat", pemda):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_PEMDA)
    format = format or p.format[0]
    if format not in p.tulis:
        raise ValidationError(
            services.PESAN_FORMAT.format(jenis=p.label, format=format, pilihan=", ".join(p.format))
        )
    with transaction.atomic():
        job = PekerjaanDokumen.objects.create(
            jenis=jenis,
            format=format,
            pemda=pemda,
            periode=periode,
            opsi=services._opsi_json(opsi),
            jumlah=len(perangkat_daerah(pemda)),
            dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
            diperbarui_pada=timezone.now(),
        )
        catat(
            pengguna=pengguna,
            aksi="dokumen.batch_mulai",
            objek=job,
            sesudah={"jenis": jenis, "format": format},
        )
        transaction.on_commit(lambda: _luncurkan(job.pk))
    return job


def pekerjaan_ulangi(*, pengguna: Any, pekerjaan: Any) -> Any:
    """Queue a failed or stalled job again from the start (its process died or it failed).

    Same permission as starting it; refuses a job that is still alive. The documents already
    built are rebuilt in place (drafts) so nothing is built twice.
    """
    from django.db import transaction

    from kinerja.dokumen.models import PekerjaanDokumen, StatusPekerjaan
    from kinerja.inti.audit import catat

    with transaction.atomic():
        job = PekerjaanDokumen.objects.select_for_update(of=("self",)).get(pk=pekerjaan.pk)
        if not pengguna.has_perm("dokumen.buat", job.pemda):
            raise PermissionDenied(PESAN_TIDAK_BERHAK_PEMDA)
        if not job.dapat_diulang:
            raise ValidationError(PESAN_MASIH_BERJALAN, code="berjalan")
        sebelum = {"status": job.status, "selesai": job.selesai, "pesan": job.pesan}
        job.status = StatusPekerjaan.MENUNGGU
        job.selesai = 0
        job.gagal = []
        job.pesan = ""
        job.mulai_pada = job.selesai_pada = None
        job.diperbarui_pada = timezone.now()
        job.save()
        catat(
            pengguna=pengguna,
            aksi="dokumen.batch_ulangi",
            objek=job,
            sebelum=sebelum,
            sesudah={"status": job.status},
        )
        transaction.on_commit(lambda: _luncurkan(job.pk))
    return job


def pekerjaan_berikut() -> int | None:
    """For a worker: re-queue stalled jobs, then the oldest queued job's id (None if none)."""
    from kinerja.dokumen.models import BATAS_TERHENTI, PekerjaanDokumen, StatusPekerjaan

    batas = timezone.now() - BATAS_TERHENTI
    PekerjaanDokumen.objects.filter(
        status=StatusPekerjaan.BERJALAN, diperbarui_pada__lt=batas
    ).update(status=StatusPekerjaan.MENUNGGU, selesai=0, diperbarui_pada=timezone.now())
    return (
        PekerjaanDokumen.objects.filter(status=StatusPekerjaan.MENUNGGU)
        .order_by("dibuat_pada", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def _luncurkan(pk: int) -> None:
    from django.conf import settings

    if getattr(settings, "KINERJA_PEKERJA_TERPISAH", False):
        return  # `kinerja dokumen pekerja` picks it up
    if not JALANKAN_DI_LATAR:
        pekerjaan_jalankan(pk)
        return
    import threading

    def kerja() -> None:
        from django.db import close_old_connections

        try:
            pekerjaan_jalankan(pk)
        finally:
            close_old_connections()

    threading.Thread(target=kerja, name=f"kinerja-dokumen-{pk}", daemon=True).start()


def pekerjaan_jalankan(pk: int) -> None:
    """Run a queued job: build for each agency (progress saved after each), then the ZIP."""
    from django.core.files.base import ContentFile

    from kinerja.dokumen.models import PekerjaanDokumen, StatusPekerjaan

    # Claim the job with one conditional UPDATE: of two workers (or a worker and a thread)
    # only the one whose UPDATE changed the row runs it.
    sekarang = timezone.now()
    diambil = PekerjaanDokumen.objects.filter(pk=pk, status=StatusPekerjaan.MENUNGGU).update(
        status=StatusPekerjaan.BERJALAN, mulai_pada=sekarang, diperbarui_pada=sekarang
    )
    if not diambil:
        return
    job = PekerjaanDokumen.objects.select_related("pemda", "periode", "dibuat_oleh").get(pk=pk)
    pengguna = job.dibuat_oleh or PenggunaSistem()

    def kemajuan(selesai: int, jumlah: int, ins: Instansi) -> None:
        PekerjaanDokumen.objects.filter(pk=pk).update(
            selesai=selesai, jumlah=jumlah, diperbarui_pada=timezone.now()
        )

    try:
        hasil = dokumen_buat_banyak(
            pengguna=pengguna,
            jenis=job.jenis,
            instansi=perangkat_daerah(job.pemda),
            periode=job.periode,
            format=job.format,
            kemajuan=kemajuan,
            **job.opsi,
        )
        isi = zip_dokumen(hasil.dokumen)
    except Exception as exc:  # noqa: BLE001 - a failed job must say so instead of hanging
        PekerjaanDokumen.objects.filter(pk=pk).update(
            status=StatusPekerjaan.GAGAL,
            pesan=str(exc)[:2000],
            selesai_pada=timezone.now(),
            diperbarui_pada=timezone.now(),
        )
        logger.exception("Pekerjaan dokumen %s gagal", pk)
        return
    job.refresh_from_db()
    job.gagal = [{"instansi": i.nama, "pesan": pesan} for i, pesan in hasil.gagal]
    job.berkas.save(f"{job.jenis}.zip", ContentFile(isi), save=False)
    job.status = StatusPekerjaan.SELESAI
    job.pesan = f"{len(hasil.dokumen)} dokumen dibuat, {len(hasil.gagal)} gagal."
    job.selesai_pada = job.diperbarui_pada = timezone.now()
    job.save()
