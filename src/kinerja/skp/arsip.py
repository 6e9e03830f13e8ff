"""Frozen SKP documents: the PDF of a set (ditetapkan) SKP, of a final periodic evaluation and
of a final annual evaluation, stored with its SHA-256 and a verification code printed under a
QR code, so a printed or e-mailed copy can be checked at /verifikasi/ (decision 0006).

A document is frozen the first time it is downloaded once it is official, and again only when
what it shows has changed since (an expectation clarified after the SKP was set, an objection
that changed a final evaluation): the payload is compared with the snapshot of the latest
version. Earlier versions are kept and the verification page says they were replaced. Freezing
on download keeps the write paths (and the demo load) free of PDF rendering, and catches every
kind of later change without a hook in each service.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from kinerja.dokumen.render import data_json, qr_svg
from kinerja.dokumen.services import url_verifikasi
from kinerja.skp import dokumen
from kinerja.skp.models import SKP, ArsipSKP, JenisArsipSKP, PenilaianSKP, PenilaianTahunan


def _json(muatan: dict[str, Any]) -> dict[str, Any]:
    """The payload as it is stored in the JSON snapshot (exact text, comparable)."""
    return dict(json.loads(data_json(muatan)))


def _bekukan(
    *,
    skp: SKP,
    jenis: str,
    template: str,
    muatan: dict[str, Any],
    nama: str,
    pengguna: Any,
    **sasaran: Any,
) -> ArsipSKP:
    """Return the latest frozen version when it shows exactly `muatan`, else freeze a new one.

    The SKP row is locked so two downloads at the same moment make one version, not two.
    """
    snap = _json(muatan)
    with transaction.atomic():
        SKP.objects.select_for_update(of=("self",)).filter(pk=skp.pk).first()
        terakhir = (
            ArsipSKP.objects.filter(skp=skp, jenis=jenis, **sasaran).order_by("-versi").first()
        )
        if terakhir is not None and terakhir.snapshot == snap:
            return terakhir
        arsip = ArsipSKP(
            skp=skp, jenis=jenis, versi=(terakhir.versi + 1) if terakhir else 1, **sasaran
        )
        url = url_verifikasi(arsip.kode_verifikasi)
        cetak = copy.deepcopy(muatan)
        cetak["draf"] = False
        cetak["verifikasi"] = {"kode": arsip.kode_verifikasi, "url": url, "qr_svg": qr_svg(url)}
        isi = dokumen.render_pdf(template, cetak)
        arsip.sha256 = hashlib.sha256(isi).hexdigest()
        arsip.ukuran = len(isi)
        arsip.snapshot = snap
        arsip.dibuat_oleh = pengguna if getattr(pengguna, "is_authenticated", False) else None
        arsip.berkas.save(f"{nama}-v{arsip.versi}.pdf", ContentFile(isi), save=False)
        arsip.save()
        return arsip


def _nama(skp: SKP, jenis: str) -> str:
    return f"{jenis}-{skp.pegawai.nip or skp.pegawai_id}-{skp.tahun}-{skp.pk}"


def arsip_skp(skp: SKP, pengguna: Any) -> ArsipSKP | None:
    """The frozen SKP document of a set SKP (`skp` from `selectors.skp_lengkap`); None while
    the plan is not set yet (its PDF is then a draft, rendered on each request)."""
    if skp.status != "ditetapkan":
        return None
    return _bekukan(
        skp=skp,
        jenis=JenisArsipSKP.SKP,
        template="skp",
        muatan=dokumen.muatan_skp(skp),
        nama=_nama(skp, "skp"),
        pengguna=pengguna,
    )


def arsip_evaluasi(skp: SKP, penilaian: PenilaianSKP, pengguna: Any) -> ArsipSKP | None:
    """The frozen document of a final periodic evaluation; None while it is a draft."""
    if not penilaian.final:
        return None
    p = penilaian.periode
    return _bekukan(
        skp=skp,
        jenis=JenisArsipSKP.EVALUASI,
        template="evaluasi",
        muatan=dokumen.muatan_evaluasi(skp, penilaian),
        nama=_nama(skp, f"evaluasi-{p.jenis_periode}{p.nomor}"),
        pengguna=pengguna,
        penilaian=penilaian,
    )


def arsip_tahunan(
    penilaian: PenilaianTahunan, muatan: dict[str, Any], pengguna: Any
) -> ArsipSKP | None:
    """The frozen document of a final annual evaluation (`muatan` from its payload builder)."""
    if not penilaian.final:
        return None
    return _bekukan(
        skp=penilaian.skp,
        jenis=JenisArsipSKP.TAHUNAN,
        template="tahunan",
        muatan=muatan,
        nama=_nama(penilaian.skp, "evaluasi-tahunan"),
        pengguna=pengguna,
        penilaian_tahunan=penilaian,
    )
