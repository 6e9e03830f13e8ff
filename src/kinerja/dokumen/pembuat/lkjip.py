"""LKjIP Bab III Akuntabilitas Kinerja: the tables (XLSX) and a DOCX draft of the chapter.

For each sasaran (the elements carrying IKU / IKK / PBJ indicators) and its indicators, the
seven comparisons of PermenPAN-RB 53/2014 are pre-filled with numbers, leaving the narrative
to the user:

1. target against realisation of the year (capaian, predikat: `tabel_capaian`);
2. against earlier years of the Renstra (each year's realisation and capaian, `tabel_capaian`
   of that year's last period);
3. against the Renstra end target (`rumus.hitung_capaian_renstra`);
4. against the national / provincial standard where one is entered (`rumus.hitung_capaian`
   with the standard as target);
5. causes and solutions (the kendala and tindak lanjut entered with the realisations);
6. efficiency (`rumus.efisiensi` of the sasaran's capaian against the serapan of the budget
   behind it);
7. the programs supporting the sasaran (their capaian roll-up, pagu, realisation, serapan).

Part B: realisasi anggaran per program (`rumus.serapan`). Use the year's last period (TW IV,
or the year period) to report a full year.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from kinerja import rumus
from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_docx as dx
from kinerja.dokumen import tulis_xlsx as xl
from kinerja.dokumen.jenis import ESR_BAWAAN, Konteks, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen
from kinerja.dokumen.pembuat.realisasi_ra import sel, sel_hasil
from kinerja.dokumen.pembuat.renja import _periode_akhir_tahun
from kinerja.dokumen.selectors import keuangan_elemen, keuangan_instansi
from kinerja.pengukuran import hasil
from kinerja.pengukuran.selectors import realisasi_sampai
from kinerja.perencanaan.models import Elemen, KerangkaKinerja

JENIS_UTAMA = ("iku", "ikk", "ikd", "pbj")
PERBANDINGAN = (
    "Perbandingan target dan realisasi kinerja tahun ini",
    "Perbandingan realisasi kinerja tahun ini dengan tahun-tahun sebelumnya",
    "Perbandingan realisasi kinerja s.d. tahun ini dengan target akhir Renstra",
    "Perbandingan realisasi kinerja dengan standar nasional",
    "Analisis penyebab keberhasilan/kegagalan dan alternatif solusi",
    "Analisis efisiensi penggunaan sumber daya",
    "Analisis program/kegiatan yang menunjang keberhasilan atau kegagalan pencapaian kinerja",
)


def kumpulkan(k: Konteks) -> dict[str, Any]:
    """Payload of Bab III for the period's year up to the period."""
    p = k.periode
    m = bersama.muatan_dasar(
        k.instansi,
        judul="Bab III Akuntabilitas Kinerja",
        tanggal=timezone.localdate(),
        kertas=str(k.opsi.get("kertas") or "a4"),
    )
    m["subjudul"] = [f"Laporan Kinerja Instansi Pemerintah Tahun {p.tahun}", k.instansi.nama]
    m["periode"] = p.label
    m["tahun"] = p.tahun
    m["perbandingan"] = list(PERBANDINGAN)
    tabel = hasil.tabel_capaian(instansi=k.instansi, periode=p)
    kerangka = list(KerangkaKinerja.objects.filter(instansi__jalur__startswith=k.instansi.jalur))
    tahun_mulai = min((kr.tahun_mulai for kr in kerangka), default=p.tahun)
    lalu: dict[int, dict[int, Any]] = {}
    for y in range(tahun_mulai, p.tahun):
        akhir = _periode_akhir_tahun(p.pemda_id, y)
        if akhir is not None:
            t = hasil.tabel_capaian(instansi=k.instansi, periode=akhir)
            lalu[y] = {b.indikator.pk: b for g in t.kelompok for b in g.baris}
    kelompok = [g for g in tabel.kelompok if any(b.indikator.jenis in JENIS_UTAMA for b in g.baris)]
    ids = [b.indikator.pk for g in kelompok for b in g.baris]
    real = realisasi_sampai(ids, p)
    anak: dict[int, list[Elemen]] = {}
    for e in Elemen.objects.filter(induk_id__in=[g.elemen.pk for g in kelompok]).select_related(
        "level"
    ):
        anak.setdefault(e.induk_id, []).append(e)
    semua_program = [e for es in anak.values() for e in es]
    keu = keuangan_elemen([g.elemen for g in kelompok] + semua_program, p)
    rollup_elemen = {g.elemen.pk: g for g in tabel.kelompok}
    sasaran = []
    ringkasan = []
    for g in kelompok:
        indikator = []
        for b in g.baris:
            if b.indikator.jenis not in JENIS_UTAMA:
                continue
            ind = b.indikator
            riwayat = []
            tahunan = []
            for y, per in sorted(lalu.items()):
                bl = per.get(ind.pk)
                nilai = (
                    bl.sd.realisasi.nilai_asli if bl and bl.sd.realisasi.dapat_dihitung else None
                )
                tahunan.append(nilai)
                riwayat.append(
                    {
                        "tahun": str(y),
                        "realisasi": bl.realisasi_sd_teks if bl else "–",
                        "capaian": sel_hasil(bl.capaian_tahun if bl else None),
                    }
                )
            sekarang = b.sd.realisasi.nilai_asli if b.sd.realisasi.dapat_dihitung else None
            tahunan.append(sekarang)
            renstra = hasil.capaian_renstra(ind, tahunan)
            standar = None
            c = hasil.capaian_standar(ind, sekarang)
            if c is not None:
                standar = {
                    "nilai": hasil.teks_nilai(ind, ind.standar_nasional),
                    "capaian": sel_hasil(c),
                }
            catatan = sorted(real.get(ind.pk, {}).items())
            baris = {
                "nama": ind.nama,
                "satuan": ind.satuan,
                "target": b.target_tahun_teks,
                "realisasi": b.realisasi_sd_teks,
                "capaian": sel_hasil(b.capaian_tahun),
                "predikat": rumus.predikat(b.capaian_tahun).label
                if b.capaian_tahun.nilai is not None
                else "–",
                "riwayat": riwayat,
                "target_renstra": hasil.teks_nilai(ind, ind.target_akhir_renstra),
                "capaian_renstra": sel_hasil(renstra),
                "standar": standar,
                "kendala": list(dict.fromkeys(r.kendala for _, r in catatan if r.kendala)),
                "tindak_lanjut": list(
                    dict.fromkeys(r.tindak_lanjut for _, r in catatan if r.tindak_lanjut)
                ),
                "baseline": (
                    f"{hasil.teks_nilai(ind, ind.baseline)} ({ind.tahun_baseline})"
                    if ind.baseline is not None and ind.tahun_baseline
                    else hasil.teks_nilai(ind, ind.baseline)
                ),
            }
            indikator.append(baris)
            ringkasan.append(baris)
        roll = rumus.rollup([b.capaian_tahun for b in g.baris if b.indikator.jenis in JENIS_UTAMA])
        kf = keu.get(g.elemen.pk)
        ef = (
            rumus.efisiensi(capaian=roll, serapan=kf.serapan)
            if kf is not None and kf.serapan is not None
            else None
        )
        program = []
        for e in sorted(anak.get(g.elemen.pk, []), key=lambda e: (e.urutan, e.kode)):
            gp = rollup_elemen.get(e.pk)
            kp = keu.get(e.pk)
            program.append(
                {
                    "nama": f"{e.kode} {e.nama}".strip(),
                    "capaian": sel_hasil(gp.rollup if gp else None),
                    "pagu": sel(
                        bersama.rupiah_teks(kp.pagu if kp else None), kp.pagu if kp else None
                    ),
                    "realisasi": sel(
                        bersama.rupiah_teks(kp.realisasi if kp else None),
                        kp.realisasi if kp else None,
                    ),
                    "serapan": sel_hasil(kp.serapan if kp else None),
                }
            )
        pred = rumus.predikat(roll)
        sasaran.append(
            {
                "judul": f"{g.elemen.level.nama} {g.elemen.kode}: {g.elemen.nama}".replace(
                    "  ", " "
                ),
                "indikator": indikator,
                "rollup": sel_hasil(roll),
                "predikat": pred.label if pred else "–",
                "efisiensi": {
                    "serapan": sel_hasil(kf.serapan if kf else None),
                    "nilai": sel_hasil(ef),
                    "kategori": ef.kategori.label if ef is not None and ef.kategori else "–",
                    "metode": ef.metode if ef is not None else "",
                },
                "program": program,
            }
        )
    m["sasaran"] = sasaran
    m["ringkasan"] = ringkasan
    m["tahun_lalu"] = [str(y) for y in sorted(lalu)]
    utama = tabel_rollup_utama(kelompok)
    m["rollup"] = sel_hasil(utama)
    pred = rumus.predikat(utama)
    m["predikat"] = pred.label if pred else "–"
    keu_total = keuangan_instansi(k.instansi, p)
    program_anggaran = []
    for i, a in enumerate(keu_total.baris, start=1):
        kp = keuangan_elemen([a.elemen], p)[a.elemen_id]
        program_anggaran.append(
            {
                "no": str(i),
                "program": f"{a.elemen.kode} {a.elemen.nama}".strip(),
                "pagu": sel(bersama.rupiah_teks(a.pagu), a.pagu),
                "realisasi": sel(bersama.rupiah_teks(kp.realisasi), kp.realisasi),
                "serapan": sel_hasil(kp.serapan),
            }
        )
    m["anggaran"] = {
        "baris": program_anggaran,
        "pagu": sel(bersama.rupiah_teks(keu_total.pagu), keu_total.pagu),
        "realisasi": sel(bersama.rupiah_teks(keu_total.realisasi), keu_total.realisasi),
        "serapan": sel_hasil(keu_total.serapan),
    }
    return m


def tabel_rollup_utama(kelompok: list[Any]) -> rumus.HasilRollup:
    """The roll-up of the main indicators' capaian against their annual targets."""
    return rumus.rollup(
        [b.capaian_tahun for g in kelompok for b in g.baris if b.indikator.jenis in JENIS_UTAMA]
    )


def _kosong_narasi(doc: Any) -> None:
    dx.paragraf(doc, "Uraian: ……………………………………………………………………………………………", miring=True)


def tulis_docx(m: dict[str, Any], logo: bytes | None) -> bytes:
    """The chapter draft: numbers and comparison tables in place, narrative left to write."""
    doc = dx.dokumen_baru(kertas=m.get("kertas", "a4"), margin_mm=25)
    if m.get("draf"):
        dx.tanda_draf(doc)
    dx.paragraf(doc, "BAB III", tebal=True, rata="tengah", ukuran=13, spasi_setelah=0)
    dx.paragraf(doc, "AKUNTABILITAS KINERJA", tebal=True, rata="tengah", ukuran=13)
    doc.add_heading("A. Capaian Kinerja Organisasi", level=2)
    dx.paragraf(
        doc,
        f"Pengukuran kinerja {m['subjudul'][1]} {m['periode']} atas {len(m['ringkasan'])} "
        f"indikator kinerja utama menghasilkan rata-rata capaian {m['rollup']['t']}% "
        f"dengan predikat {m['predikat']}. Rincian capaian per indikator:",
        rata="rata",
    )
    dx.tabel(
        doc,
        ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"],
        [
            [
                str(i),
                b["nama"],
                b["satuan"],
                b["target"],
                b["realisasi"],
                b["capaian"]["t"],
                b["predikat"],
            ]
            for i, b in enumerate(m["ringkasan"], start=1)
        ],
        lebar_mm=[8, 60, 15, 17, 17, 17, 22],
        kanan=[3, 4, 5],
    )
    for s in m["sasaran"]:
        doc.add_heading(s["judul"], level=3)
        dx.paragraf(
            doc,
            f"Rata-rata capaian indikator sasaran ini {s['rollup']['t']}% ({s['predikat']}).",
            rata="rata",
        )
        for no, judul in enumerate(m["perbandingan"], start=1):
            dx.paragraf(doc, f"{no}. {judul}", tebal=True)
            if no == 1:
                dx.tabel(
                    doc,
                    ["Indikator", "Target", "Realisasi", "Capaian (%)", "Predikat"],
                    [
                        [b["nama"], b["target"], b["realisasi"], b["capaian"]["t"], b["predikat"]]
                        for b in s["indikator"]
                    ],
                    lebar_mm=[70, 20, 20, 20, 25],
                    kanan=[1, 2, 3],
                )
            elif no == 2:
                kepala = [
                    "Indikator",
                    "Baseline",
                    *[f"Realisasi {t}" for t in m["tahun_lalu"]],
                    f"Realisasi {m['tahun']}",
                ]
                dx.tabel(
                    doc,
                    kepala,
                    [
                        [
                            b["nama"],
                            b["baseline"],
                            *[r["realisasi"] for r in b["riwayat"]],
                            b["realisasi"],
                        ]
                        for b in s["indikator"]
                    ],
                    kanan=list(range(1, len(kepala))),
                )
            elif no == 3:
                dx.tabel(
                    doc,
                    [
                        "Indikator",
                        "Target Akhir Renstra",
                        f"Realisasi s.d. {m['tahun']}",
                        "Capaian Renstra (%)",
                    ],
                    [
                        [b["nama"], b["target_renstra"], b["realisasi"], b["capaian_renstra"]["t"]]
                        for b in s["indikator"]
                    ],
                    kanan=[1, 2, 3],
                )
            elif no == 4:
                ada = [b for b in s["indikator"] if b["standar"]]
                if ada:
                    dx.tabel(
                        doc,
                        ["Indikator", "Standar", "Realisasi", "Capaian thd Standar (%)"],
                        [
                            [
                                b["nama"],
                                b["standar"]["nilai"],
                                b["realisasi"],
                                b["standar"]["capaian"]["t"],
                            ]
                            for b in ada
                        ],
                        kanan=[1, 2, 3],
                    )
                else:
                    dx.paragraf(
                        doc, "Belum ada standar nasional yang dicatat untuk indikator sasaran ini."
                    )
            elif no == 5:
                for b in s["indikator"]:
                    if b["kendala"] or b["tindak_lanjut"]:
                        dx.paragraf(doc, b["nama"], tebal=True)
                        for t in b["kendala"]:
                            dx.paragraf(doc, f"Kendala: {t}")
                        for t in b["tindak_lanjut"]:
                            dx.paragraf(doc, f"Tindak lanjut: {t}")
            elif no == 6:
                e = s["efisiensi"]
                dx.tabel(
                    doc,
                    ["Capaian Kinerja (%)", "Serapan Anggaran (%)", "Selisih (poin)", "Kategori"],
                    [[s["rollup"]["t"], e["serapan"]["t"], e["nilai"]["t"], e["kategori"]]],
                    kanan=[0, 1, 2],
                )
            elif no == 7 and s["program"]:
                dx.tabel(
                    doc,
                    ["Program", "Capaian (%)", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
                    [
                        [
                            p["nama"],
                            p["capaian"]["t"],
                            p["pagu"]["t"],
                            p["realisasi"]["t"],
                            p["serapan"]["t"],
                        ]
                        for p in s["program"]
                    ],
                    lebar_mm=[60, 20, 30, 30, 20],
                    kanan=[1, 2, 3, 4],
                )
            _kosong_narasi(doc)
    doc.add_heading("B. Realisasi Anggaran", level=2)
    a = m["anggaran"]
    baris = [
        [r["no"], r["program"], r["pagu"]["t"], r["realisasi"]["t"], r["serapan"]["t"]]
        for r in a["baris"]
    ]
    baris.append(["", "Jumlah", a["pagu"]["t"], a["realisasi"]["t"], a["serapan"]["t"]])
    dx.tabel(
        doc,
        ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
        baris,
        lebar_mm=[8, 80, 30, 30, 18],
        kanan=[2, 3, 4],
        tebal_baris=[len(baris) - 1],
    )
    _kosong_narasi(doc)
    dx.tanda_tangan(doc, m.get("ttd"))
    dx.verifikasi(doc, m.get("verifikasi"))
    return dx.simpan(doc)


def tulis_xlsx(m: dict[str, Any], logo: bytes | None) -> bytes:
    """The Bab III tables: capaian of the main indicators, the comparisons, the budget."""
    wb = xl.buku()
    ws = wb.active
    ws.title = "Capaian"
    kolom = [
        ("No", 5),
        ("Sasaran", 34),
        ("Indikator Kinerja", 40),
        ("Satuan", 9),
        ("Target", 11),
        ("Realisasi", 11),
        ("Capaian (%)", 11),
        ("Predikat", 13),
        ("Baseline", 11),
        *[(f"Realisasi {t}", 11) for t in m["tahun_lalu"]],
        ("Target Akhir Renstra", 11),
        ("Capaian Renstra (%)", 11),
        ("Standar Nasional", 11),
        ("Capaian thd Standar (%)", 11),
        ("Serapan Anggaran Sasaran (%)", 11),
        ("Efisiensi (poin)", 11),
        ("Kategori Efisiensi", 14),
    ]
    r = xl.judul(ws, {**m, "judul": "Tabel Capaian Kinerja Bab III"}, len(kolom))
    r = xl.kepala(ws, r, kolom)
    awal = r
    no = 0
    for s in m["sasaran"]:
        e = s["efisiensi"]
        for b in s["indikator"]:
            no += 1
            xl.tulis_baris(
                ws,
                r,
                [
                    ("teks", str(no)),
                    ("teks", s["judul"]),
                    ("teks", b["nama"]),
                    ("teks", b["satuan"]),
                    ("teks", b["target"]),
                    ("teks", b["realisasi"]),
                    ("persen", b["capaian"]),
                    ("teks", b["predikat"]),
                    ("teks", b["baseline"]),
                    *[("teks", rw["realisasi"]) for rw in b["riwayat"]],
                    ("teks", b["target_renstra"]),
                    ("persen", b["capaian_renstra"]),
                    ("teks", b["standar"]["nilai"] if b["standar"] else "–"),
                    ("persen", b["standar"]["capaian"] if b["standar"] else sel("–", None)),
                    ("persen", e["serapan"]),
                    ("persen", e["nilai"]),
                    ("teks", e["kategori"]),
                ],
            )
            r += 1
    xl.baris_kelompok(
        ws,
        r,
        len(kolom),
        "Rata-rata capaian indikator kinerja utama",
        {7: m["rollup"]["n"]},
        {8: m["predikat"]},
    )
    xl.atur_cetak(
        ws,
        kertas=m["kertas"],
        baris_kepala=(awal - 1, awal - 1),
        kolom_beku=3,
        awal_data=awal,
        akhir=r,
    )

    ws2 = wb.create_sheet("Anggaran")
    kol2 = [
        ("No", 5),
        ("Program", 60),
        ("Pagu (Rp)", 20),
        ("Realisasi (Rp)", 20),
        ("Serapan (%)", 12),
    ]
    r2 = xl.judul(ws2, {**m, "judul": "Realisasi Anggaran"}, len(kol2))
    r2 = xl.kepala(ws2, r2, kol2)
    awal2 = r2
    for b in m["anggaran"]["baris"]:
        xl.tulis_baris(
            ws2,
            r2,
            [
                ("teks", b["no"]),
                ("teks", b["program"]),
                ("rupiah", b["pagu"]),
                ("rupiah", b["realisasi"]),
            ],
        )
        xl.rumus_persen(ws2, f"E{r2}", f"D{r2}", f"C{r2}")
        r2 += 1
    xl.teks(ws2, f"B{r2}", "Jumlah", tebal=True)
    xl.rumus_jumlah(ws2, f"C{r2}", f"C{awal2}:C{r2 - 1}", rupiah=True)
    xl.rumus_jumlah(ws2, f"D{r2}", f"D{awal2}:D{r2 - 1}", rupiah=True)
    xl.rumus_persen(ws2, f"E{r2}", f"D{r2}", f"C{r2}", tebal=True)
    xl.atur_cetak(
        ws2,
        kertas=m["kertas"],
        baris_kepala=(awal2 - 1, awal2 - 1),
        kolom_beku=2,
        awal_data=awal2,
        akhir=r2,
    )
    return xl.simpan(wb)


daftar(
    Pembuat(
        jenis=JenisDokumen.LKJIP_BAB3,
        tulis={"docx": tulis_docx, "xlsx": tulis_xlsx},
        kumpulkan=kumpulkan,
        esr=ESR_BAWAAN[JenisDokumen.LKJIP_BAB3],
        ditandatangani=False,
        keterangan="Draf Bab III dengan tujuh perbandingan terisi angka, dan tabelnya.",
        tahunan=True,
    )
)
