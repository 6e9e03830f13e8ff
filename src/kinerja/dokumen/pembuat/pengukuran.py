"""Kertas Kerja Pengukuran Kinerja (XLSX) and Laporan Hasil Pengukuran Kinerja (PDF, DOCX):
the outputs of seed 002 (Banjarnegara) steps 4–14.

Both show every indicator of the agency and its units for the period, grouped by element
(tujuan, sasaran, program, kegiatan, sub kegiatan), exactly as
`kinerja.pengukuran.hasil.tabel_capaian` computes them: target, realisation s.d. the period,
capaian against the period target and the annual target, predikat, the formula used and the
data-quality notes. The recap per level and per element uses `rumus.rollup` over the same
results; serapan and efisiensi come from `rumus.serapan` and `rumus.efisiensi`.

The Laporan adds the methodology in words (docs/metodologi.md), the analysis fields the Tim
SAKIP and the Sekretaris write (stored on the document: `analisis`, `kendala`,
`rekomendasi`, `penutup`) and the Kepala's signature.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from kinerja import rumus
from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_docx as dx
from kinerja.dokumen import tulis_xlsx as xl
from kinerja.dokumen.jenis import ESR_BAWAAN, Konteks, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen
from kinerja.dokumen.pembuat.realisasi_ra import sel, sel_hasil
from kinerja.dokumen.selectors import keuangan_instansi
from kinerja.pengukuran import hasil
from kinerja.perencanaan.models import Agregasi, JenisIndikator, Polaritas

ISIAN_LAPORAN = {
    "analisis": "Analisis capaian kinerja",
    "kendala": "Permasalahan dan kendala",
    "rekomendasi": "Rekomendasi dan rencana tindak lanjut",
    "penutup": "Penutup",
}

METODOLOGI = [
    "Pengukuran kinerja dilakukan dengan membandingkan realisasi dengan target setiap "
    "indikator kinerja. Capaian dihitung dengan presisi penuh dan dibulatkan setengah ke atas "
    "menjadi dua desimal hanya pada saat dicetak.",
    "Indikator dengan polaritas positif (makin tinggi makin baik): capaian = realisasi dibagi "
    "target dikali 100%.",
    "Indikator dengan polaritas negatif (makin rendah makin baik): capaian = (dua kali target "
    "dikurangi realisasi) dibagi target dikali 100%.",
    "Indikator dengan target rentang: capaian 100% bila realisasi berada di dalam rentang; di "
    "bawah rentang dihitung dengan rumus positif terhadap batas bawah, di atas rentang dengan "
    "rumus negatif terhadap batas atas.",
    "Indikator ya/tidak: capaian 100% bila terpenuhi dan 0% bila tidak. Indikator berskala "
    "(mis. opini BPK, predikat SAKIP): skor level realisasi dibagi skor level target dikali 100%.",
    "Realisasi s.d. periode dihitung menurut jenis agregasi indikator: kumulatif (dijumlahkan), "
    "nilai akhir (nilai periode terakhir) atau rata-rata; target periode dari Rencana Aksi "
    "diagregasi dengan cara yang sama. Capaian dihitung terhadap target periode dan terhadap "
    "target tahunan Perjanjian Kinerja.",
    "Target bernilai nol atau realisasi yang belum diisi tidak dihitung sebagai 0: indikator "
    "tersebut dinyatakan tidak dapat dihitung beserta alasannya dan tidak ikut dirata-ratakan.",
    "Capaian sasaran, program, kegiatan dan perangkat daerah adalah rata-rata capaian "
    "indikatornya yang dapat dihitung. Serapan anggaran adalah jumlah realisasi anggaran dibagi "
    "jumlah pagu dikali 100%.",
]


def _sel_nilai(ind: Any, v: Any, teks: str) -> dict[str, Any]:
    angka = v if isinstance(v, Decimal) and ind.jenis_nilai in ("angka", "persen") else None
    return sel(teks, angka)


def kumpulkan_hasil(k: Konteks, judul: str) -> dict[str, Any]:
    """The shared payload: all indicator rows by element, the recap per level, the total."""
    p = k.periode
    m = bersama.muatan_dasar(
        k.instansi,
        judul=judul,
        tanggal=timezone.localdate(),
        kertas=str(k.opsi.get("kertas") or "a4"),
    )
    m["subjudul"] = [k.instansi.nama, p.label]
    m["periode"] = p.label
    tabel = hasil.tabel_capaian(instansi=k.instansi, periode=p)
    # Choice labels resolved once: get_FOO_display per row costs a translation lookup each.
    label = {
        "jenis": {k: str(v) for k, v in JenisIndikator.choices},
        "polaritas": {k: str(v) for k, v in Polaritas.choices},
        "agregasi": {k: str(v) for k, v in Agregasi.choices},
    }
    kelompok = []
    per_level: dict[str, dict[str, Any]] = {}
    no = 0
    for g in tabel.kelompok:
        e = g.elemen
        baris = []
        for b in g.baris:
            no += 1
            ind = b.indikator
            t_tahun = b.target.nilai if b.target else None
            t_periode = b.sd.target_triwulan.nilai if b.sd.target_triwulan else None
            r_periode = b.realisasi.nilai if b.realisasi else None
            r_sd = b.sd.realisasi.nilai
            baris.append(
                {
                    "no": str(no),
                    "kode": ind.kode,
                    "indikator": ind.nama,
                    "satuan": ind.satuan,
                    "jenis": label["jenis"].get(ind.jenis, ind.jenis),
                    "polaritas": label["polaritas"].get(ind.polaritas, ind.polaritas),
                    "agregasi": label["agregasi"].get(ind.agregasi, ind.agregasi),
                    "target_tahun": _sel_nilai(ind, t_tahun, b.target_tahun_teks),
                    "target_periode": _sel_nilai(ind, t_periode, b.target_periode_teks),
                    "realisasi": _sel_nilai(ind, r_periode, b.realisasi_teks),
                    "realisasi_sd": _sel_nilai(ind, r_sd, b.realisasi_sd_teks),
                    "capaian": sel_hasil(b.capaian_periode),
                    "capaian_tahun": sel_hasil(b.capaian_tahun),
                    "predikat": b.predikat.label if b.predikat else "–",
                    "metode": b.capaian_periode.metode,
                    "status": b.realisasi.get_status_display() if b.realisasi else "Belum diisi",
                    "catatan": "; ".join(
                        [
                            *b.catatan,
                            *([b.capaian_periode.pesan] if b.capaian_periode.pesan else []),
                        ]
                    ),
                    "sumber": ind.sumber_data,
                }
            )
        lv = e.level
        dihitung = sum(1 for b in g.baris if b.capaian_periode.dapat_dihitung)
        kelompok.append(
            {
                "level": lv.nama,
                "kode": e.kode,
                "elemen": e.nama,
                "rollup": sel_hasil(g.rollup),
                "predikat": g.predikat.label if g.predikat else "–",
                "jumlah": len(g.baris),
                "dihitung": dihitung,
                "baris": baris,
            }
        )
        rek = per_level.setdefault(
            lv.kode, {"urutan": lv.urutan, "level": lv.nama, "hasil": [], "elemen": 0}
        )
        rek["hasil"].extend(b.capaian_periode for b in g.baris)
        rek["elemen"] += 1
    rekap = []
    for rek in sorted(per_level.values(), key=lambda r: r["urutan"]):
        roll = rumus.rollup(rek["hasil"])
        pred = rumus.predikat(roll)
        rekap.append(
            {
                "level": rek["level"],
                "elemen": rek["elemen"],
                "jumlah": len(rek["hasil"]),
                "dihitung": roll.jumlah_dihitung,
                "rollup": sel_hasil(roll),
                "predikat": pred.label if pred else "–",
            }
        )
    m["kelompok"] = kelompok
    m["rekap"] = rekap
    m["total"] = {
        "rollup": sel_hasil(tabel.rollup),
        "predikat": tabel.predikat.label if tabel.predikat else "–",
        "jumlah": tabel.jumlah_indikator,
        "tidak_dihitung": tabel.jumlah_tidak_dihitung,
        "bendera": tabel.jumlah_bendera,
    }
    keu = keuangan_instansi(k.instansi, p)
    ef = rumus.efisiensi(capaian=tabel.rollup, serapan=keu.serapan) if keu.serapan else None
    m["keuangan"] = {
        "pagu": sel(bersama.rupiah_teks(keu.pagu), keu.pagu),
        "realisasi": sel(bersama.rupiah_teks(keu.realisasi), keu.realisasi),
        "serapan": sel_hasil(keu.serapan),
        "efisiensi": sel_hasil(ef) if ef else sel("–", None),
        "kategori": ef.kategori.label if ef and ef.kategori else "–",
        "metode_efisiensi": ef.metode if ef else "",
    }
    return m


def kumpulkan_kertas_kerja(k: Konteks) -> dict[str, Any]:
    """Payload of the Kertas Kerja Pengukuran Kinerja."""
    return kumpulkan_hasil(k, "Kertas Kerja Pengukuran Kinerja")


def _ringkasan(m: dict[str, Any]) -> str:
    t = m["total"]
    teks = (
        f"Pada {m['periode']}, {m['kop']['unit'] or m['kop']['instansi']} mengukur "
        f"{t['jumlah']} indikator kinerja; {t['jumlah'] - t['tidak_dihitung']} di antaranya "
        "dapat dihitung capaiannya"
    )
    if t["rollup"]["n"] is not None:
        teks += f" dengan rata-rata capaian {t['rollup']['t']}% (predikat {t['predikat']})"
    teks += "."
    if t["tidak_dihitung"]:
        teks += (
            f" Sebanyak {t['tidak_dihitung']} indikator belum dapat dihitung dan tidak ikut "
            "dirata-ratakan."
        )
    k = m["keuangan"]
    if k["serapan"]["n"] is not None:
        teks += (
            f" Serapan anggaran mencapai {k['serapan']['t']}% (Rp {k['realisasi']['t']} dari "
            f"pagu Rp {k['pagu']['t']})"
        )
        if k["efisiensi"]["n"] is not None:
            teks += (
                f"; selisih capaian kinerja dan serapan {k['efisiensi']['t']} poin "
                f"({k['kategori']})"
            )
        teks += "."
    return teks


def kumpulkan_laporan(k: Konteks) -> dict[str, Any]:
    """Payload of the Laporan Hasil Pengukuran Kinerja."""
    m = kumpulkan_hasil(k, "Laporan Hasil Pengukuran Kinerja")
    m["metodologi"] = METODOLOGI
    m["skala_predikat"] = [
        {
            "label": pr.label,
            "rentang": f"≥ {bersama.angka_teks(pr.batas_bawah, 0)}"
            if pr.batas_bawah
            else "lainnya",
        }
        for pr in rumus.PREDIKAT_PERMENDAGRI_86.tingkat
    ]
    m["ringkasan"] = _ringkasan(m)
    m["isian"] = {
        nama: {"label": label, "paragraf": bersama.paragraf_dari(k.isian.get(nama))}
        for nama, label in ISIAN_LAPORAN.items()
    }
    if not m["isian"]["penutup"]["paragraf"]:
        m["isian"]["penutup"]["paragraf"] = [
            "Demikian laporan hasil pengukuran kinerja ini disusun sebagai bahan evaluasi "
            "kinerja dan penyusunan laporan kinerja."
        ]
    return m


# --- XLSX -----------------------------------------------------------------------------------


def tulis_xlsx_kertas_kerja(m: dict[str, Any], logo: bytes | None) -> bytes:
    """Sheets "Kertas Kerja" (every indicator) and "Rekap" (per level and per element)."""
    wb = xl.buku()
    ws = wb.active
    ws.title = "Kertas Kerja"
    kolom = [
        ("No", 5),
        ("Kode", 9),
        ("Indikator Kinerja", 40),
        ("Jenis", 12),
        ("Satuan", 9),
        ("Polaritas", 14),
        ("Agregasi", 14),
        ("Target Tahun", 11),
        ("Target s.d. Periode", 11),
        ("Realisasi Periode", 11),
        ("Realisasi s.d. Periode", 11),
        ("Capaian thd Target Periode (%)", 12),
        ("Capaian thd Target Tahun (%)", 12),
        ("Predikat", 13),
        ("Rumus", 26),
        ("Status Data", 12),
        ("Catatan", 36),
        ("Sumber Data", 24),
    ]
    baris = xl.judul(ws, m, len(kolom))
    baris = xl.kepala(ws, baris, kolom)
    awal = baris
    for g in m["kelompok"]:
        label = f"{g['level']} {g['kode']} — {g['elemen']}".replace("  ", " ")
        xl.baris_kelompok(ws, baris, len(kolom), label, {12: g["rollup"]["n"]}, {14: g["predikat"]})
        baris += 1
        for b in g["baris"]:
            xl.tulis_baris(
                ws,
                baris,
                [
                    ("teks", b["no"]),
                    ("teks", b["kode"]),
                    ("teks", b["indikator"]),
                    ("teks", b["jenis"]),
                    ("teks", b["satuan"]),
                    ("teks", b["polaritas"]),
                    ("teks", b["agregasi"]),
                    ("nilai", b["target_tahun"]),
                    ("nilai", b["target_periode"]),
                    ("nilai", b["realisasi"]),
                    ("nilai", b["realisasi_sd"]),
                    ("persen", b["capaian"]),
                    ("persen", b["capaian_tahun"]),
                    ("teks", b["predikat"]),
                    ("teks", b["metode"]),
                    ("teks", b["status"]),
                    ("teks", b["catatan"]),
                    ("teks", b["sumber"]),
                ],
            )
            baris += 1
    xl.baris_kelompok(
        ws,
        baris,
        len(kolom),
        "Rata-rata capaian perangkat daerah",
        {12: m["total"]["rollup"]["n"]},
        {14: m["total"]["predikat"]},
    )
    akhir = baris
    baris = xl.tanda_tangan(ws, baris + 2, m.get("ttd"), kolom_mulai=len(kolom) - 3)
    xl.atur_cetak(
        ws,
        kertas=m["kertas"],
        baris_kepala=(awal - 1, awal - 1),
        kolom_beku=3,
        awal_data=awal,
        akhir=max(akhir, baris),
    )

    ws2 = wb.create_sheet("Rekap")
    kol2 = [
        ("Level", 16),
        ("Kode", 16),
        ("Tujuan / Sasaran / Program / Kegiatan", 60),
        ("Jumlah Indikator", 11),
        ("Dapat Dihitung", 11),
        ("Rata-rata Capaian (%)", 13),
        ("Predikat", 14),
    ]
    b2 = xl.judul(ws2, {**m, "judul": "Rekapitulasi Hasil Pengukuran Kinerja"}, len(kol2))
    b2 = xl.kepala(ws2, b2, kol2)
    awal2 = b2
    for r in m["rekap"]:
        xl.tulis_baris(
            ws2,
            b2,
            [
                ("teks", r["level"]),
                ("teks", "semua"),
                ("teks", f"Seluruh {r['level'].lower()} ({r['elemen']})"),
                ("nilai", sel(str(r["jumlah"]), Decimal(r["jumlah"]))),
                ("nilai", sel(str(r["dihitung"]), Decimal(r["dihitung"]))),
                ("persen", r["rollup"]),
                ("teks", r["predikat"]),
            ],
        )
        for c in ws2[b2]:
            c.font = xl.Font(name=xl.HURUF, size=9, bold=True)
        b2 += 1
        for g in (g for g in m["kelompok"] if g["level"] == r["level"]):
            xl.tulis_baris(
                ws2,
                b2,
                [
                    ("teks", g["level"]),
                    ("teks", g["kode"]),
                    ("teks", g["elemen"]),
                    ("nilai", sel(str(g["jumlah"]), Decimal(g["jumlah"]))),
                    ("nilai", sel(str(g["dihitung"]), Decimal(g["dihitung"]))),
                    ("persen", g["rollup"]),
                    ("teks", g["predikat"]),
                ],
            )
            b2 += 1
    xl.tulis_baris(
        ws2,
        b2,
        [
            ("teks", "Perangkat daerah"),
            ("teks", ""),
            ("teks", m["subjudul"][0]),
            ("nilai", sel(str(m["total"]["jumlah"]), Decimal(m["total"]["jumlah"]))),
            (
                "nilai",
                sel(
                    str(m["total"]["jumlah"] - m["total"]["tidak_dihitung"]),
                    Decimal(m["total"]["jumlah"] - m["total"]["tidak_dihitung"]),
                ),
            ),
            ("persen", m["total"]["rollup"]),
            ("teks", m["total"]["predikat"]),
        ],
    )
    for c in ws2[b2]:
        c.font = xl.Font(name=xl.HURUF, size=9, bold=True)
    xl.atur_cetak(
        ws2,
        kertas=m["kertas"],
        baris_kepala=(awal2 - 1, awal2 - 1),
        kolom_beku=3,
        awal_data=awal2,
        akhir=b2,
    )
    return xl.simpan(wb)


# --- PDF and DOCX ---------------------------------------------------------------------------


def tulis_pdf_laporan(m: dict[str, Any], logo: bytes | None) -> bytes:
    """PDF (`typ/laporan_pengukuran.typ`)."""
    return bersama.tulis_pdf("laporan_pengukuran", m, logo)


def tulis_docx_laporan(m: dict[str, Any], logo: bytes | None) -> bytes:
    """DOCX with the same chapters, for editing in Word."""
    doc = dx.dokumen_baru(kertas=m.get("kertas", "a4"))
    dx.kop(doc, m["kop"], logo)
    if m.get("draf"):
        dx.tanda_draf(doc)
    dx.paragraf(doc, m["judul"].upper(), tebal=True, rata="tengah", ukuran=13, spasi_setelah=0)
    dx.paragraf(doc, m["periode"].upper(), tebal=True, rata="tengah", ukuran=12)
    if m.get("nomor"):
        dx.paragraf(doc, f"Nomor: {m['nomor']}", rata="tengah")
    doc.add_heading("BAB I. METODOLOGI PENGUKURAN", level=2)
    for p in m["metodologi"]:
        dx.paragraf(doc, p, rata="rata")
    dx.tabel(
        doc,
        ["Capaian (%)", "Predikat"],
        [[s["rentang"], s["label"]] for s in m["skala_predikat"]],
        lebar_mm=[40, 60],
        ukuran=10,
    )
    doc.add_heading("BAB II. HASIL PENGUKURAN", level=2)
    dx.paragraf(doc, m["ringkasan"], rata="rata")
    dx.paragraf(doc, "A. Rekapitulasi per tingkat", tebal=True)
    rek = [
        [r["level"], str(r["jumlah"]), str(r["dihitung"]), r["rollup"]["t"], r["predikat"]]
        for r in m["rekap"]
    ]
    rek.append(
        [
            "Perangkat daerah",
            str(m["total"]["jumlah"]),
            str(m["total"]["jumlah"] - m["total"]["tidak_dihitung"]),
            m["total"]["rollup"]["t"],
            m["total"]["predikat"],
        ]
    )
    dx.tabel(
        doc,
        ["Tingkat", "Jumlah Indikator", "Dapat Dihitung", "Rata-rata Capaian (%)", "Predikat"],
        rek,
        lebar_mm=[45, 25, 25, 30, 30],
        kanan=[1, 2, 3],
        tebal_baris=[len(rek) - 1],
    )
    dx.paragraf(doc, "B. Capaian per indikator", tebal=True)
    baris = []
    tebal = []
    for g in m["kelompok"]:
        tebal.append(len(baris))
        baris.append(
            [
                "",
                f"{g['level']} {g['kode']} — {g['elemen']}",
                "",
                "",
                "",
                g["rollup"]["t"],
                g["predikat"],
            ]
        )
        for b in g["baris"]:
            baris.append(
                [
                    b["no"],
                    b["indikator"],
                    b["satuan"],
                    b["target_periode"]["t"],
                    b["realisasi_sd"]["t"],
                    b["capaian"]["t"],
                    b["predikat"],
                ]
            )
    dx.tabel(
        doc,
        ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"],
        baris,
        lebar_mm=[8, 70, 15, 18, 18, 18, 20],
        ukuran=8,
        kanan=[3, 4, 5],
        tebal_baris=tebal,
    )
    k = m["keuangan"]
    dx.paragraf(doc, "C. Serapan anggaran dan efisiensi", tebal=True)
    dx.tabel(
        doc,
        ["Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)", "Efisiensi (poin)", "Kategori"],
        [
            [
                k["pagu"]["t"],
                k["realisasi"]["t"],
                k["serapan"]["t"],
                k["efisiensi"]["t"],
                k["kategori"],
            ]
        ],
        kanan=[0, 1, 2, 3],
    )
    for i, (nama, isi) in enumerate(m["isian"].items()):
        if nama == "penutup":
            continue
        dx.paragraf(doc, f"{'DEF'[i]}. {isi['label']}", tebal=True)
        for p in isi["paragraf"] or ["…………………………………………………………………………………"]:
            dx.paragraf(doc, p, rata="rata")
    doc.add_heading("BAB III. PENUTUP", level=2)
    for p in m["isian"]["penutup"]["paragraf"]:
        dx.paragraf(doc, p, rata="rata")
    dx.tanda_tangan(doc, m.get("ttd"))
    dx.verifikasi(doc, m.get("verifikasi"))
    return dx.simpan(doc)


daftar(
    Pembuat(
        jenis=JenisDokumen.KERTAS_KERJA,
        tulis={"xlsx": tulis_xlsx_kertas_kerja},
        kumpulkan=kumpulkan_kertas_kerja,
        esr=ESR_BAWAAN[JenisDokumen.KERTAS_KERJA],
        ditandatangani=False,
        keterangan="Semua indikator dengan rumus, capaian, catatan mutu data; rekap per tingkat.",
    )
)
daftar(
    Pembuat(
        jenis=JenisDokumen.LAPORAN_PENGUKURAN,
        tulis={"pdf": tulis_pdf_laporan, "docx": tulis_docx_laporan},
        kumpulkan=kumpulkan_laporan,
        esr=ESR_BAWAAN[JenisDokumen.LAPORAN_PENGUKURAN],
        bernomor=True,
        isian=ISIAN_LAPORAN,
        keterangan="Metodologi, hasil, rekap, analisis, ditandatangani Kepala.",
    )
)
