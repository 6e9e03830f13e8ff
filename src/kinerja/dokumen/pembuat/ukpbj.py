"""Laporan kinerja UKPBJ (seed 003, Kutai Kartanegara): per procurement package, per
indicator, and compiled, for a month, quarter, semester or year.

- *Per paket*: each package of the year (elements at the `paket` level with a budget line):
  kode RUP, owning agency, method, pagu, financial realisation and serapan (`rumus.serapan`),
  and the package's own indicator with its capaian.
- *Per indikator*: the unit's indicators grouped by tujuan / area strategis, with target,
  realisation s.d. the period, capaian and predikat (`tabel_capaian`), kendala, tindak lanjut.
- *Kompilasi*: both, with a summary (packages, total pagu and realisation, serapan, average
  capaian and predikat) and the analysis and recommendation fields.

A monthly report lists the indicators reported monthly; a quarter every indicator; a
semester is measured s.d. the quarter that ends it (the capaian "s.d. triwulan" of its last
quarter is the semester's cumulative result) when no semester period has data. Option
`susunan`: kompilasi (default), indikator or paket. PDF and XLSX.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from kinerja import rumus
from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_xlsx as xl
from kinerja.dokumen.jenis import ESR_BAWAAN, Konteks, OpsiTidakSah, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen
from kinerja.dokumen.pembuat.realisasi_ra import sel, sel_hasil
from kinerja.dokumen.selectors import keuangan_elemen
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import realisasi_sampai
from kinerja.perencanaan.models import Anggaran, Elemen

SUSUNAN = {
    "kompilasi": "Laporan Kinerja UKPBJ (Kompilasi)",
    "indikator": "Laporan Kinerja UKPBJ per Indikator",
    "paket": "Laporan Kinerja UKPBJ per Paket Pengadaan",
}
FREKUENSI = {
    "bulan": {"bulanan"},
    "triwulan": {"bulanan", "triwulanan"},
    "semester": {"bulanan", "triwulanan", "semesteran"},
    "tahun": {"bulanan", "triwulanan", "semesteran", "tahunan"},
}
ISIAN_UKPBJ = {
    "analisis": "Analisis capaian kinerja",
    "rekomendasi": "Rekomendasi dan tindak lanjut",
}


def _susunan(opsi: Any) -> str:
    s = str(opsi.get("susunan") or "kompilasi")
    if s not in SUSUNAN:
        raise OpsiTidakSah(f"Susunan laporan harus salah satu dari {', '.join(SUSUNAN)}.")
    return s


def periode_ukur(p: Periode) -> Periode:
    """The period whose realisations measure `p`: itself, or for a semester without its own
    data the quarter that ends it."""
    if p.jenis_periode != "semester" or p.realisasi.exists():
        return p
    return (
        Periode.objects.filter(
            pemda_id=p.pemda_id, tahun=p.tahun, jenis_periode="triwulan", nomor=p.nomor * 2
        ).first()
        or p
    )


def kumpulkan(k: Konteks) -> dict[str, Any]:
    """Payload of a UKPBJ report for the period."""
    susunan = _susunan(k.opsi)
    p = k.periode
    ukur = periode_ukur(p)
    m = bersama.muatan_dasar(
        k.instansi,
        judul=SUSUNAN[susunan],
        tanggal=timezone.localdate(),
        kertas=str(k.opsi.get("kertas") or "a4"),
    )
    m["susunan"] = susunan
    m["subjudul"] = [k.instansi.nama, f"Periode {p.label}"]
    m["diukur"] = ukur.label if ukur.pk != p.pk else ""
    tabel = hasil.tabel_capaian(instansi=k.instansi, periode=ukur)
    boleh = FREKUENSI[p.jenis_periode]
    baris_ind = [b for g in tabel.kelompok for b in g.baris]
    real = realisasi_sampai([b.indikator.pk for b in baris_ind], ukur)
    # Per indicator (tujuan and area strategis levels; package indicators go with packages).
    kelompok = []
    semua = []
    for g in tabel.kelompok:
        if g.elemen.level.kode == "paket":
            continue
        rows = [b for b in g.baris if b.indikator.frekuensi in boleh]
        if not rows:
            continue
        baris = []
        for b in rows:
            r = real.get(b.indikator.pk, {}).get(ukur.nomor)
            semua.append(b.capaian_periode)
            baris.append(
                {
                    "kode": b.indikator.kode,
                    "indikator": b.indikator.nama,
                    "satuan": b.indikator.satuan,
                    "target": b.target_periode_teks,
                    "realisasi": b.realisasi_sd_teks,
                    "capaian": sel_hasil(b.capaian_periode),
                    "predikat": b.predikat.label if b.predikat else "–",
                    "kendala": r.kendala if r else "",
                    "tindak_lanjut": r.tindak_lanjut if r else "",
                }
            )
        roll = rumus.rollup([b.capaian_periode for b in rows])
        pred = rumus.predikat(roll)
        kelompok.append(
            {
                "judul": f"{g.elemen.level.nama} {g.elemen.kode} — {g.elemen.nama}",
                "rollup": sel_hasil(roll),
                "predikat": pred.label if pred else "–",
                "baris": baris,
            }
        )
    # Per package: the year's packages (those with a budget line this year).
    paket = list(
        Elemen.objects.filter(
            kerangka__instansi=k.instansi,
            level__kode="paket",
            pk__in=Anggaran.objects.filter(tahun=p.tahun).values("elemen_id"),
        )
        .select_related("instansi_pemilik")
        .order_by("urutan", "kode")
    )
    keu = keuangan_elemen(paket, ukur)
    per_elemen = {b.indikator.elemen_id: b for b in baris_ind}
    daftar_paket = []
    for i, e in enumerate(paket, start=1):
        kf = keu[e.pk]
        b = per_elemen.get(e.pk)
        daftar_paket.append(
            {
                "no": str(i),
                "kode_rup": e.kode_rup,
                "paket": e.nama,
                "opd": e.instansi_pemilik.nama if e.instansi_pemilik else "",
                "metode": e.metode_pengadaan,
                "pagu": sel(bersama.rupiah_teks(kf.pagu), kf.pagu),
                "realisasi": sel(bersama.rupiah_teks(kf.realisasi), kf.realisasi),
                "serapan": sel_hasil(kf.serapan),
                "indikator": b.indikator.nama if b else "",
                "capaian": sel_hasil(b.capaian_periode if b else None),
                "status": b.realisasi_sd_teks if b else "–",
            }
        )
    pagu = [keu[e.pk].pagu for e in paket]
    total = (
        rumus.serapan(realisasi=[keu[e.pk].realisasi for e in paket], pagu=pagu) if paket else None
    )
    roll = rumus.rollup(semua)
    pred = rumus.predikat(roll)
    m["kelompok"] = kelompok if susunan != "paket" else []
    m["paket"] = daftar_paket if susunan != "indikator" else []
    m["ringkasan"] = {
        "jumlah_paket": len(daftar_paket),
        "jumlah_indikator": len(semua),
        "pagu": sel(
            bersama.rupiah_teks(total.total_pagu if total else None),
            total.total_pagu if total else None,
        ),
        "realisasi": sel(
            bersama.rupiah_teks(total.total_realisasi if total else None),
            total.total_realisasi if total else None,
        ),
        "serapan": sel_hasil(total),
        "rollup": sel_hasil(roll),
        "predikat": pred.label if pred else "–",
    }
    m["isian"] = {
        nama: {"label": label, "paragraf": bersama.paragraf_dari(k.isian.get(nama))}
        for nama, label in ISIAN_UKPBJ.items()
    }
    return m


def tulis_pdf(m: dict[str, Any], logo: bytes | None) -> bytes:
    """PDF (`typ/ukpbj.typ`)."""
    return bersama.tulis_pdf("ukpbj", m, logo)


def tulis_xlsx(m: dict[str, Any], logo: bytes | None) -> bytes:
    """Sheets "Indikator" and/or "Paket", and "Ringkasan"."""
    wb = xl.buku()
    ws0 = wb.active
    ws0.title = "Ringkasan"
    r = xl.judul(ws0, m, 4)
    rk = m["ringkasan"]
    for label, jenis, nilai in (
        ("Jumlah paket pengadaan", "nilai", sel(str(rk["jumlah_paket"]), rk["jumlah_paket"])),
        ("Jumlah indikator", "nilai", sel(str(rk["jumlah_indikator"]), rk["jumlah_indikator"])),
        ("Total pagu paket (Rp)", "rupiah", rk["pagu"]),
        ("Total realisasi anggaran paket (Rp)", "rupiah", rk["realisasi"]),
        ("Serapan anggaran paket (%)", "persen", rk["serapan"]),
        ("Rata-rata capaian indikator (%)", "persen", rk["rollup"]),
        ("Predikat", "teks", rk["predikat"]),
    ):
        xl.tulis_baris(ws0, r, [("teks", label), (jenis, nilai)])
        r += 1
    for isi in m["isian"].values():
        r += 1
        xl.teks(ws0, (r, 1), isi["label"], tebal=True)
        for p in isi["paragraf"]:
            r += 1
            xl.teks(ws0, (r, 1), p, bungkus=True)
    ws0.column_dimensions["A"].width = 40
    ws0.column_dimensions["B"].width = 22
    if m["kelompok"]:
        ws = wb.create_sheet("Indikator")
        kolom = [
            ("Kode", 10),
            ("Indikator", 44),
            ("Satuan", 10),
            ("Target", 11),
            ("Realisasi", 11),
            ("Capaian (%)", 11),
            ("Predikat", 13),
            ("Kendala", 30),
            ("Tindak Lanjut", 30),
        ]
        b = xl.judul(ws, m, len(kolom))
        b = xl.kepala(ws, b, kolom)
        awal = b
        for g in m["kelompok"]:
            xl.baris_kelompok(
                ws, b, len(kolom), g["judul"], {6: g["rollup"]["n"]}, {7: g["predikat"]}
            )
            b += 1
            for x in g["baris"]:
                xl.tulis_baris(
                    ws,
                    b,
                    [
                        ("teks", x["kode"]),
                        ("teks", x["indikator"]),
                        ("teks", x["satuan"]),
                        ("teks", x["target"]),
                        ("teks", x["realisasi"]),
                        ("persen", x["capaian"]),
                        ("teks", x["predikat"]),
                        ("teks", x["kendala"]),
                        ("teks", x["tindak_lanjut"]),
                    ],
                )
                b += 1
        xl.atur_cetak(
            ws,
            kertas=m["kertas"],
            baris_kepala=(awal - 1, awal - 1),
            kolom_beku=2,
            awal_data=awal,
            akhir=b,
        )
    if m["paket"]:
        ws = wb.create_sheet("Paket")
        kolom = [
            ("No", 5),
            ("Kode RUP", 12),
            ("Paket Pengadaan", 40),
            ("OPD Pemilik", 28),
            ("Metode", 13),
            ("Pagu (Rp)", 17),
            ("Realisasi Anggaran (Rp)", 17),
            ("Serapan (%)", 10),
            ("Indikator Paket", 34),
            ("Realisasi Indikator", 11),
            ("Capaian (%)", 10),
        ]
        b = xl.judul(ws, m, len(kolom))
        b = xl.kepala(ws, b, kolom)
        awal = b
        for x in m["paket"]:
            xl.tulis_baris(
                ws,
                b,
                [
                    ("teks", x["no"]),
                    ("teks", x["kode_rup"]),
                    ("teks", x["paket"]),
                    ("teks", x["opd"]),
                    ("teks", x["metode"]),
                    ("rupiah", x["pagu"]),
                    ("rupiah", x["realisasi"]),
                    ("teks", ""),
                    ("teks", x["indikator"]),
                    ("teks", x["status"]),
                    ("persen", x["capaian"]),
                ],
            )
            # Serapan = realisasi / pagu × 100 as a formula, like the Keuangan sheets.
            xl.rumus_persen(ws, f"H{b}", f"G{b}", f"F{b}")
            b += 1
        xl.teks(ws, f"C{b}", "Jumlah", tebal=True)
        xl.rumus_jumlah(ws, f"F{b}", f"F{awal}:F{b - 1}", rupiah=True)
        xl.rumus_jumlah(ws, f"G{b}", f"G{awal}:G{b - 1}", rupiah=True)
        xl.rumus_persen(ws, f"H{b}", f"G{b}", f"F{b}", tebal=True)
        xl.atur_cetak(
            ws,
            kertas=m["kertas"],
            baris_kepala=(awal - 1, awal - 1),
            kolom_beku=3,
            awal_data=awal,
            akhir=b,
        )
    return xl.simpan(wb)


daftar(
    Pembuat(
        jenis=JenisDokumen.LAPORAN_UKPBJ,
        tulis={"pdf": tulis_pdf, "xlsx": tulis_xlsx},
        kumpulkan=kumpulkan,
        esr=ESR_BAWAAN[JenisDokumen.LAPORAN_UKPBJ],
        bernomor=True,
        kunci=_susunan,
        isian=ISIAN_UKPBJ,
        keterangan="Laporan per paket, per indikator atau kompilasi; bulan s.d. tahun.",
    )
)
