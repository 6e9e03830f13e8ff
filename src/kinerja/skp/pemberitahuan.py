"""Notifications for employee performance: tell the next person to act, in the app's bell and
by e-mail (sent only after the change commits), through the same `alur.Notifikasi` the SOP
cycles use.

- an SKP submitted → its pejabat penilai (whoever holds the position today, Plt./Plh. too; for
  the Kepala's SKP the personnel section, who records on the outside assessor's behalf);
- an SKP set or returned, a periodic or annual evaluation made final → the employee;
- an objection filed → the atasan pejabat penilai (or the Kepala and the personnel section when
  the atasan is outside the agency); an objection decided → the employee.

Nobody is notified about their own action. A person without a login is skipped: they see the
record the next time someone shows it to them (the paper route of today).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.alur.models import JenisNotifikasi, Notifikasi
from kinerja.dokumen.render import tanggal_id
from kinerja.organisasi.models import Pegawai, Peran
from kinerja.skp.permissions import PERAN_KEPEGAWAIAN


def kirim(penerima: Iterable[Any], *, jenis: str, pesan: str, tautan: str, pelaku: Any) -> int:
    """Create one notification per recipient (the actor excluded) and queue the e-mails."""
    orang = {u.pk: u for u in penerima if u is not None and getattr(u, "is_active", False)}
    orang.pop(getattr(pelaku, "pk", None), None)
    pesan = pesan[:300]
    Notifikasi.objects.bulk_create(
        Notifikasi(pengguna=u, jenis=jenis, pesan=pesan, tautan=tautan) for u in orang.values()
    )
    alamat = [u.email for u in orang.values() if u.email]
    if alamat:
        url = settings.SITE_URL.rstrip("/") + tautan
        surat = [("[Kinerja] " + pesan[:120], f"{pesan}\n\n{url}\n", None, [a]) for a in alamat]
        transaction.on_commit(lambda: send_mass_mail(surat, fail_silently=True))
    return len(orang)


def _login(pegawai: Pegawai | None) -> Any:
    return pegawai.pengguna if pegawai is not None and pegawai.pengguna_id else None


def kepegawaian_instansi(skp: Any) -> list[Any]:
    """The Kepala and personnel-section logins covering the SKP's unit."""
    # Roles held on the unit itself or on any node above it (its path lists their ids).
    return [
        p.pengguna
        for p in Peran.objects.filter(
            kode__in=PERAN_KEPEGAWAIAN, instansi_id__in=skp.unit.id_leluhur
        ).select_related("pengguna")
    ]


def penilai_hari_ini(skp: Any) -> list[Any]:
    """Who evaluates the SKP today: the holder(s) of its assessor position, else the recorded
    assessor; the personnel section for an assessor outside the agency."""
    if not skp.jabatan_penilai_id:
        return kepegawaian_instansi(skp)
    pemangku = skp.jabatan_penilai.pemangku_pada(timezone.localdate())
    if pemangku is not None and pemangku.pegawai.pengguna_id:
        return [pemangku.pegawai.pengguna]
    return [u for u in [_login(skp.penilai)] if u is not None]


def _nama(skp: Any) -> str:
    return f"{skp.pegawai.nama_lengkap} {skp.tahun}"


def skp_diajukan(skp: Any, pelaku: Any) -> int:
    """The employee submitted their plan: the assessor sets or returns it."""
    return kirim(
        penilai_hari_ini(skp),
        jenis=JenisNotifikasi.SKP,
        pesan=f"SKP {_nama(skp)} diajukan dan menunggu penetapan Anda.",
        tautan=reverse("skp:detail", args=[skp.pk]),
        pelaku=pelaku,
    )


def skp_diputus(skp: Any, pelaku: Any) -> int:
    """The assessor set or returned the plan: the employee is told."""
    if skp.status == "dikembalikan":
        pesan = f"SKP {skp.tahun} Anda dikembalikan: {skp.catatan_pengembalian}"
    else:
        pesan = f"SKP {skp.tahun} Anda telah ditetapkan pejabat penilai."
    return kirim(
        [_login(skp.pegawai)],
        jenis=JenisNotifikasi.SKP,
        pesan=pesan,
        tautan=reverse("skp:detail", args=[skp.pk]),
        pelaku=pelaku,
    )


def evaluasi_final(skp: Any, label: str, predikat: str, tautan: str, pelaku: Any) -> int:
    """A periodic or annual evaluation became final: the employee may read it (and object
    within 14 days)."""
    return kirim(
        [_login(skp.pegawai)],
        jenis=JenisNotifikasi.SKP,
        pesan=f"Evaluasi kinerja {label} Anda final: predikat {predikat}. Keberatan dapat "
        "diajukan paling lambat 14 hari.",
        tautan=tautan,
        pelaku=pelaku,
    )


def keberatan_diajukan(keberatan: Any, pelaku: Any) -> int:
    """An objection waits for the atasan pejabat penilai's decision."""
    skp = keberatan.evaluasi().skp
    penerima = [_login(keberatan.pemutus)] if keberatan.pemutus_id else kepegawaian_instansi(skp)
    return kirim(
        penerima,
        jenis=JenisNotifikasi.KEBERATAN,
        pesan=f"Keberatan {keberatan.pegawai.nama_lengkap} menunggu putusan Anda paling lambat "
        f"{tanggal_id(keberatan.batas_putusan)}.",
        tautan=reverse("skp:keberatan_detail", args=[keberatan.pk]),
        pelaku=pelaku,
    )


def keberatan_diputus(keberatan: Any, pelaku: Any) -> int:
    """The objection was decided: the employee is told the outcome."""
    return kirim(
        [_login(keberatan.pegawai)],
        jenis=JenisNotifikasi.KEBERATAN,
        pesan=f"Keberatan Anda telah diputus: {keberatan.get_status_display()}.",
        tautan=reverse("skp:keberatan_detail", args=[keberatan.pk]),
        pelaku=pelaku,
    )
