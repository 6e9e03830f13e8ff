"""Building one document type for many agencies at once (a whole Pemda), with progress.

`dokumen_buat_banyak(...)` calls `services.dokumen_buat` for each agency, reports progress
through a callback (a task runner or the command line shows it) and returns the documents
and, per agency, why one could not be built. `zip_dokumen(...)` packs the files for download.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify

from kinerja.dokumen import services
from kinerja.dokumen.models import Dokumen
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.pengukuran.models import Periode

_WAKTU_ZIP = (2000, 1, 1, 0, 0, 0)


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
