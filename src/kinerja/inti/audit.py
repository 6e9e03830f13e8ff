"""Audit and optimistic-locking helpers every service uses.

`catat` writes a `Peristiwa` row inside the caller's transaction. `pastikan_versi` refuses a
stale edit: the form carries the version it was rendered with, and a write succeeds only if the
row still has that version (another user's save in between raises `EditanKedaluwarsa`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kinerja.inti.middleware import request_id_saat_ini
from kinerja.inti.models import Peristiwa

PESAN_KEDALUWARSA = (
    "Data ini sudah diubah oleh pengguna lain sejak Anda membukanya. "
    "Muat ulang halaman, periksa perubahan terbaru, lalu simpan lagi."
)


class EditanKedaluwarsa(ValidationError):
    """Raised when a write carries a version older than the row's current version."""


def _jsonable(nilai: Any) -> Any:
    if isinstance(nilai, decimal.Decimal):
        # The same number reads back as 250000 from SQLite and 250000.00 from PostgreSQL:
        # record it without trailing zeros so the audit trail does not depend on the engine.
        return format(nilai.normalize(), "f") if nilai.is_finite() else str(nilai)
    if isinstance(nilai, dt.date | dt.datetime):
        return nilai.isoformat()
    if isinstance(nilai, uuid.UUID):
        return str(nilai)
    if isinstance(nilai, models.Model):
        return nilai.pk
    if isinstance(nilai, dict):
        return {str(k): _jsonable(v) for k, v in nilai.items()}
    if isinstance(nilai, list | tuple):
        return [_jsonable(v) for v in nilai]
    if hasattr(nilai, "name") and hasattr(nilai, "url"):  # a FieldFile
        return getattr(nilai, "name", None)
    return nilai


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """Return the concrete field values of `obj` as JSON-safe data (for before/after)."""
    hasil: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        if fields is not None and f.name not in fields:
            continue
        hasil[f.attname] = _jsonable(getattr(obj, f.attname))
    return hasil


def catat(
    *,
    pengguna: Any,
    aksi: str,
    objek: models.Model,
    sebelum: dict[str, Any] | None = None,
    sesudah: dict[str, Any] | None = None,
    alasan: str = "",
) -> Peristiwa:
    """Write one audit row for `aksi` on `objek`; call inside the service's transaction."""
    return Peristiwa.objects.create(
        pengguna=pengguna if getattr(pengguna, "pk", None) else None,
        aksi=aksi,
        objek_tipe=objek._meta.label_lower,
        objek_id=str(objek.pk),
        objek_repr=str(objek)[:255],
        sebelum=_jsonable(sebelum) if sebelum is not None else None,
        sesudah=_jsonable(sesudah) if sesudah is not None else None,
        alasan=alasan,
        request_id=request_id_saat_ini(),
    )


def pastikan_versi(obj: models.Model, versi: int | None, field: str = "versi") -> None:
    """Refuse a stale edit: `versi` must equal the row's current version in the database.

    Call after `select_for_update()` has locked the row, inside the transaction.
    """
    if versi is None:
        return
    sekarang = getattr(obj, field)
    if int(versi) != int(sekarang):
        raise EditanKedaluwarsa(_(PESAN_KEDALUWARSA), code="kedaluwarsa")
