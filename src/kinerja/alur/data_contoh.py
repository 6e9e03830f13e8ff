"""Demo SOP cycles for the four seed agencies (hooked into `kinerja demo`).

For each seed agency: one finished cycle for Triwulan III 2026 (with one return at its decision
step, as happens in practice) and one running cycle for Triwulan IV 2026 that waits at the
realisation-entry step. Steps are performed through the services by the demo logins holding
each step's role; afterwards the step times are spread over plausible office hours around each
step's standard time (*data contoh*), so the compliance view has something to show.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from kinerja.alur import services
from kinerja.alur.models import JenisLangkah, Siklus, StatusTugas, TemplateSOP, Tugas
from kinerja.alur.pelaksana import boleh_melaksanakan
from kinerja.alur.waktu import hitung_tenggat
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

# Which demo agency runs which built-in SOP.
AGENSI_SOP = {
    "sumbar-bmcktr-2024": "Dinas Bina Marga, Cipta Karya dan Tata Ruang",
    "banjarnegara-dispermades-2023": (
        "Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian Penduduk dan Keluarga Berencana"
    ),
    "kukar-ukpbj-2020": "Bagian Pengadaan Barang dan Jasa",
    "lumajang-putr-2024": "Dinas Pekerjaan Umum dan Tata Ruang",
}
# How long each step really took, as a fraction of its standard time (cycled through).
FAKTOR_WAKTU = [Decimal("0.6"), Decimal("0.9"), Decimal("1.3"), Decimal("0.8"), Decimal("1.8")]


def pelaku(pengguna: list[Any], tugas: Tugas) -> Any:
    """The first of `pengguna` holding a performer role of the step."""
    for u in pengguna:
        if boleh_melaksanakan(u, tugas.langkah.pelaksana, tugas.siklus.instansi):
            return u
    raise LookupError(f"tidak ada pengguna untuk langkah {tugas.langkah}")


def jalankan(
    siklus: Siklus,
    pengguna: list[Any],
    *,
    berhenti_di_aksi: str | None = None,
    kembalikan_sekali: bool = True,
) -> dict[str, int]:
    """Perform the cycle's steps with `pengguna` until it finishes (or reaches `berhenti_di_aksi`).

    Meeting steps get their minutes recorded, the upload step its esr.menpan.go.id record;
    each decision step first returns the work once (when `kembalikan_sekali`), then approves.
    Returns counts of what was done.
    """
    dikembalikan: set[int] = set()
    hitung = {"langkah": 0, "rapat": 0, "kembali": 0}
    for _ in range(300):
        t = (
            Tugas.objects.select_related("langkah", "siklus__instansi")
            .filter(siklus=siklus, status=StatusTugas.AKTIF)
            .first()
        )
        if t is None or (berhenti_di_aksi and t.langkah.aksi_sistem == berhenti_di_aksi):
            break
        u = pelaku(pengguna, t)
        if services.perlu_rapat(t.langkah) and not t.rapat.exists():
            services.rapat_catat(
                pengguna=u,
                tugas=t,
                judul=t.langkah.uraian[:200],
                waktu=timezone.now(),
                tempat="Ruang Rapat Sekretariat",
                pimpinan=str(u.get_full_name() or u.username),
                peserta="Sekretaris\nKepala Bidang\nTim SAKIP",
                notulen="Arahan pelaksanaan pengukuran kinerja dan jadwal pengisian data.",
            )
            hitung["rapat"] += 1
        if t.langkah.aksi_sistem == "unggah_esr" and not t.unggah_esr.exists():
            services.esr_catat_unggah(
                pengguna=u,
                tugas=t,
                tanggal=timezone.localdate(),
                referensi=f"ESR-{t.siklus.periode.tahun}-{t.siklus_id:05d}",
                catatan="Diunggah oleh Subbag Perencanaan.",
            )
        if t.langkah.jenis == JenisLangkah.KEPUTUSAN:
            if kembalikan_sekali and t.langkah.pk not in dikembalikan:
                dikembalikan.add(t.langkah.pk)
                services.tugas_putuskan(
                    pengguna=u,
                    tugas=t,
                    hasil="kembalikan",
                    alasan="Data dukung beberapa indikator belum lengkap; mohon dilengkapi.",
                )
                hitung["kembali"] += 1
            else:
                services.tugas_putuskan(pengguna=u, tugas=t, hasil="setuju", alasan="Disetujui.")
        else:
            services.tugas_selesaikan(pengguna=u, tugas=t, catatan="")
        hitung["langkah"] += 1
    return hitung


def sebar_waktu(siklus: Siklus, mulai: dt.datetime) -> None:
    """Give the cycle's performed steps plausible times from `mulai` (demo only)."""
    kal = services.kalender_siklus(siklus)
    saat = mulai
    tugas = list(
        siklus.tugas.select_related("langkah")
        .exclude(mulai__isnull=True)
        .order_by("putaran", "langkah__urutan")
    )
    for i, t in enumerate(tugas):
        lk = t.langkah
        jumlah, satuan = lk.waktu_jumlah, lk.waktu_satuan
        if jumlah is None or satuan == "teks":
            jumlah, satuan = Decimal(1), "hari"
        tenggat = hitung_tenggat(saat, jumlah, satuan, kalender=kal)
        selesai = None
        if t.selesai is not None:
            selesai = hitung_tenggat(
                saat, jumlah * FAKTOR_WAKTU[i % len(FAKTOR_WAKTU)], satuan, kalender=kal
            )
        Tugas.objects.filter(pk=t.pk).update(mulai=saat, tenggat=tenggat, selesai=selesai)
        t.rapat.update(waktu=saat)
        saat = selesai or saat
    if siklus.status == "selesai":
        Siklus.objects.filter(pk=siklus.pk).update(selesai_pada=saat)


def buat_siklus_contoh() -> list[Siklus]:
    """Create the demo cycles; returns them. Requires the demo Pemdas and built-in SOPs."""
    pengguna = list(
        get_user_model()
        .objects.filter(is_superuser=False, peran__isnull=False)
        .distinct()
        .order_by("username")
    )
    dibuat = []
    for kode, nama in AGENSI_SOP.items():
        template = TemplateSOP.objects.filter(kode=kode, aktif=True).first()
        instansi = Instansi.objects.filter(nama=nama).first()
        if template is None or instansi is None:
            continue
        for nomor, tanggal, selesai in (
            (3, dt.date(2026, 10, 5), True),
            (4, dt.date(2026, 11, 16), False),
        ):
            periode = Periode.objects.filter(
                pemda=instansi.pemda(), tahun=2026, jenis_periode="triwulan", nomor=nomor
            ).first()
            if periode is None:
                continue
            pertama = template.langkah.order_by("urutan").first()
            kepala = next(u for u in pengguna if boleh_melaksanakan(u, pertama.pelaksana, instansi))
            siklus = services.siklus_buka(
                pengguna=kepala,
                template=template,
                instansi=instansi,
                periode=periode,
                jenis_perintah="Nota Dinas",
                nomor_perintah=f"050/{nomor:02d}/{template.kode.split('-')[0].upper()}/2026",
                tanggal_perintah=tanggal,
                isi_perintah=f"Laksanakan pengukuran kinerja {periode.label}.",
            )
            jalankan(siklus, pengguna, berhenti_di_aksi=None if selesai else "isi_realisasi")
            siklus.refresh_from_db()
            jam = timezone.make_aware(dt.datetime.combine(tanggal, dt.time(8, 0)))
            sebar_waktu(siklus, jam)
            dibuat.append(siklus)
    return dibuat


def muat_data_contoh(hasil: Any) -> None:
    """Hook called by `kinerja demo` after the four Pemdas are loaded."""
    buat_siklus_contoh()
