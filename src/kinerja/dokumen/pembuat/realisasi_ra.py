"""Rencana Aksi and the quarterly *Realisasi Rencana Aksi Akuntabilitas Kinerja* (seed 001).

Both list the indicators of the Perjanjian Kinerja (of the agency head by default, or of the
position given as option `jabatan`) grouped by sasaran, with the Rencana Aksi target of each
quarter. The Realisasi adds, for the quarter chosen: the realisation of each quarter so far,
the realisation s.d. the quarter, capaian against the quarter's target and the annual target
(both from `kinerja.pengukuran.hasil.tabel_capaian`, i.e. `kinerja.rumus`), predikat, the
financial realisation of the budget behind the indicator (`rumus.serapan`), kendala, tindak
lanjut and the evidence links; then the group and agency roll-ups, and a financial table per
program of the PK.

Formats: XLSX (numbers as numbers, frozen headers, print titles, serapan as formulas) and
PDF (landscape, header repeated on each page). The Rencana Aksi: PDF and XLSX.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kinerja import rumus
from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_xlsx as xl
from kinerja.dokumen.jenis import ESR_BAWAAN, Konteks, OpsiTidakSah, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen
from kinerja.dokumen.selectors import jabatan_pk, keuangan_elemen, perjanjian_berlaku
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import NAMA_TRIWULAN, Periode
from kinerja.pengukuran.selectors import data_dukung_realisasi, realisasi_sampai
from kinerja.perencanaan.selectors import target_rencana_aksi

ROMAWI_TW = [NAMA_TRIWULAN[i] for i in range(1, 5)]


def _jabatan_id(opsi: Any) -> int | None:
    nilai = opsi.get("jabatan")
    if nilai in (None, ""):
        return None
    try:
        return int(nilai)
    except (TypeError, ValueError) as exc:
        raise OpsiTidakSah(f"Opsi jabatan harus nomor jabatan, bukan {nilai!r}.") from exc


def kunci_jabatan(opsi: Any) -> str:
    """One series per position (the head's PK when no position is given)."""
    j = _jabatan_id(opsi)
    return f"jabatan-{j}" if j else ""


def sel(teks: str, angka: Decimal | None) -> dict[str, Any]:
    """A table value: its printed text and, when numeric, its exact number."""
    return {"t": teks, "n": bersama.desimal(angka)}


def sel_hasil(h: Any) -> dict[str, Any]:
    """A rumus result (capaian, serapan, roll-up) as a table value, rounded for print only."""
    return {"t": bersama.persen_teks(h), "n": bersama.desimal_teks(h), "pesan": _pesan(h)}


def _pesan(h: Any) -> str | None:
    return getattr(h, "pesan", None) if h is not None else None


def _angka(nilai: Any) -> Decimal | None:
    if isinstance(nilai, Decimal):
        return nilai
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        return Decimal(nilai)
    return None


def _url_bukti(dd: Any) -> str | None:
    if dd.tautan:
        return dd.tautan if dd.tautan.startswith(("http://", "https://")) else None
    try:
        from kinerja.dokumen.services import url_situs

        return url_situs(reverse("pengukuran:bukti_unduh", args=[dd.pk]))
    except NoReverseMatch:
        return None


def _dasar_pk(k: Konteks, judul: str) -> tuple[dict[str, Any], Any]:
    p = k.periode
    if p.jenis_periode != "triwulan":
        raise OpsiTidakSah(
            "Rencana Aksi dan realisasinya disusun per triwulan; pilih periode triwulan."
        )
    jabatan = jabatan_pk(k.instansi, _jabatan_id(k.opsi))
    if jabatan is None:
        raise OpsiTidakSah("Instansi ini belum memiliki jabatan kepala untuk Perjanjian Kinerja.")
    pk = perjanjian_berlaku(jabatan, p.tahun)
    if pk is None:
        raise OpsiTidakSah(f"Belum ada Perjanjian Kinerja {jabatan} tahun {p.tahun}.")
    tanggal = timezone.localdate()
    m = bersama.muatan_dasar(
        jabatan.instansi,
        judul=judul,
        tanggal=tanggal,
        kertas=str(k.opsi.get("kertas") or "f4"),
    )
    kepala = _jabatan_id(k.opsi) is None
    m["subjudul"] = [
        jabatan.instansi.nama if kepala else bersama.nama_jabatan_cetak(jabatan),
        f"Tahun {p.tahun}" if judul.startswith("Rencana") else p.label,
    ]
    m["label_periode"] = [f"TW {r}" for r in ROMAWI_TW]
    m["triwulan"] = p.nomor
    m["tahun"] = p.tahun
    return m, pk


def _kelompok_item(pk: Any) -> list[tuple[Any, list[Any]]]:
    """PK items grouped by their indicator's element, in PK order."""
    urut: dict[int, tuple[Any, list[Any]]] = {}
    for it in sorted(pk.item.all(), key=lambda i: (i.urutan, i.pk)):
        e = it.indikator.elemen
        urut.setdefault(e.pk, (e, []))[1].append(it)
    return list(urut.values())


def _judul_elemen(e: Any) -> str:
    kode = f"{e.kode} " if e.kode else ""
    return f"{e.level.nama} {kode}— {e.nama}".replace("  ", " ")


def _target_tw(ind: Any, ra: dict[int, Any]) -> list[dict[str, Any]]:
    keluar = []
    for n in range(1, 5):
        r = ra.get(n)
        if r is None:
            keluar.append(sel("–", None))
            continue
        keluar.append(_sel_target(ind, r.target, r.target_teks))
    return keluar


def _sel_target(ind: Any, nilai: Decimal | None, teks: str) -> dict[str, Any]:
    """A target as printed: the number, yes/no or level, or the text as written (a range)."""
    v = hasil.nilai_target(ind, nilai, teks)
    if v is None and teks:
        return sel(teks, None)
    return sel(hasil.teks_nilai(ind, v), _angka(v))


def kumpulkan_rencana_aksi(k: Konteks) -> dict[str, Any]:
    """Payload of the Rencana Aksi: per PK indicator, the quarterly targets and actions."""
    m, pk = _dasar_pk(k, "Rencana Aksi")
    ids = [it.indikator_id for it in pk.item.all()]
    ra = target_rencana_aksi(ids, k.periode.tahun, "triwulan")
    kelompok = []
    no = 0
    for e, items in _kelompok_item(pk):
        baris = []
        for it in items:
            no += 1
            ind = it.indikator
            r = ra.get(ind.pk, {})
            baris.append(
                {
                    "no": str(no),
                    "indikator": ind.nama,
                    "satuan": ind.satuan,
                    "target_tahun": _sel_target(ind, it.target, it.target_teks),
                    "target_tw": _target_tw(ind, r),
                    "aksi_tw": [(r[n].rencana_aksi if n in r else "") for n in range(1, 5)],
                }
            )
        kelompok.append({"judul": _judul_elemen(e), "baris": baris})
    m["kelompok"] = kelompok
    m["pk"] = {"nomor_versi": pk.nomor_versi, "status": pk.get_status_display()}
    return m


def kumpulkan_realisasi(k: Konteks) -> dict[str, Any]:
    """Payload of the quarterly Realisasi Rencana Aksi Akuntabilitas Kinerja."""
    m, pk = _dasar_pk(k, "Realisasi Rencana Aksi Akuntabilitas Kinerja")
    p: Periode = k.periode
    n = p.nomor
    tabel = hasil.tabel_capaian(instansi=k.instansi, periode=p)
    per_ind = {b.indikator.pk: b for g in tabel.kelompok for b in g.baris}
    items = [it for it in pk.item.all() if it.indikator_id in per_ind]
    ids = [it.indikator_id for it in items]
    ra = target_rencana_aksi(ids, p.tahun, "triwulan")
    real = realisasi_sampai(ids, p)
    bukti = data_dukung_realisasi(
        r.pk for per in real.values() for nomor, r in per.items() if nomor == n
    )
    elemen = {it.indikator.elemen.pk: it.indikator.elemen for it in items}
    keu = keuangan_elemen(elemen.values(), p)
    kelompok = []
    semua_capaian = []
    no = 0
    for e, its in _kelompok_item(pk):
        its = [it for it in its if it.indikator_id in per_ind]
        if not its:
            continue
        baris = []
        capaian_kelompok = []
        for it in its:
            no += 1
            ind = it.indikator
            b = per_ind[ind.pk]
            r_per = real.get(ind.pk, {})
            realisasi_tw = []
            for i in range(1, 5):
                if i > n:
                    realisasi_tw.append(sel("", None))
                    continue
                v = hasil.nilai_realisasi(ind, r_per.get(i))
                realisasi_tw.append(sel(hasil.teks_nilai(ind, v), _angka(v)))
            sd_angka = b.sd.realisasi.nilai if b.sd.realisasi.dapat_dihitung else None
            if ind.jenis_nilai in ("ordinal", "biner"):
                sd_angka = None
            sekarang = r_per.get(n)
            kf = keu.get(ind.elemen_id)
            capaian_kelompok.append(b.capaian_periode)
            baris.append(
                {
                    "no": str(no),
                    "indikator": ind.nama,
                    "satuan": ind.satuan,
                    "target_tahun": sel(b.target_tahun_teks, _angka(b.target and b.target.nilai)),
                    "target_tw": _target_tw(ind, ra.get(ind.pk, {})),
                    "realisasi_tw": realisasi_tw,
                    "realisasi_sd": sel(b.realisasi_sd_teks, sd_angka),
                    "capaian_tw": sel_hasil(b.capaian_periode),
                    "capaian_tahun": sel_hasil(b.capaian_tahun),
                    "predikat": b.predikat.label if b.predikat else "–",
                    "pagu": sel(
                        bersama.rupiah_teks(kf.pagu) if kf else "–", kf.pagu if kf else None
                    ),
                    "realisasi_keuangan": sel(
                        bersama.rupiah_teks(kf.realisasi) if kf else "–",
                        kf.realisasi if kf else None,
                    ),
                    "serapan": sel_hasil(kf.serapan if kf else None),
                    "kendala": sekarang.kendala if sekarang else "",
                    "tindak_lanjut": sekarang.tindak_lanjut if sekarang else "",
                    "bukti": [
                        {"nama": dd.nama, "url": _url_bukti(dd)}
                        for dd in (bukti.get(sekarang.pk, []) if sekarang else [])
                    ],
                    "catatan": b.catatan,
                }
            )
        semua_capaian.extend(capaian_kelompok)
        roll = rumus.rollup(capaian_kelompok)
        pred = rumus.predikat(roll)
        kelompok.append(
            {
                "judul": _judul_elemen(e),
                "rollup": sel_hasil(roll),
                "predikat": pred.label if pred else "–",
                "baris": baris,
            }
        )
    total = rumus.rollup(semua_capaian)
    pred_total = rumus.predikat(total)
    m["kelompok"] = kelompok
    m["rollup"] = sel_hasil(total)
    m["predikat"] = pred_total.label if pred_total else "–"
    m["jumlah_tidak_dihitung"] = total.jumlah_tidak_dihitung
    m["keuangan"] = _keuangan_pk(pk, p)
    return m


def _keuangan_pk(pk: Any, p: Periode) -> dict[str, Any]:
    """Financial realisation per program of the PK attachment, and the total."""
    garis = list(pk.anggaran.all())
    keu = keuangan_elemen([a.elemen for a in garis], p)
    baris = []
    for i, a in enumerate(garis, start=1):
        kf = keu[a.elemen_id]
        baris.append(
            {
                "no": str(i),
                "program": f"{a.elemen.kode} {a.elemen.nama}".strip(),
                "pagu": sel(bersama.rupiah_teks(a.pagu), a.pagu),
                "rencana": sel(bersama.rupiah_teks(kf.rencana), kf.rencana),
                "realisasi": sel(bersama.rupiah_teks(kf.realisasi), kf.realisasi),
                "serapan": sel_hasil(
                    rumus.serapan(realisasi=kf.realisasi, pagu=a.pagu)
                    if kf.realisasi is not None
                    else None
                ),
            }
        )
    total = rumus.serapan(
        realisasi=[keu[a.elemen_id].realisasi for a in garis], pagu=[a.pagu for a in garis]
    )
    rencana = [keu[a.elemen_id].rencana for a in garis]
    total_rencana = sum((r for r in rencana if r is not None), Decimal(0)) if any(rencana) else None
    return {
        "baris": baris,
        "total": {
            "pagu": sel(bersama.rupiah_teks(total.total_pagu), total.total_pagu),
            "rencana": sel(bersama.rupiah_teks(total_rencana), total_rencana),
            "realisasi": sel(bersama.rupiah_teks(total.total_realisasi), total.total_realisasi),
            "serapan": sel_hasil(total),
        },
        "metode": rumus.rekap.M_SERAPAN,
    }


def tulis_pdf_realisasi(m: dict[str, Any], logo: bytes | None) -> bytes:
    """PDF (`typ/realisasi_ra.typ`)."""
    return bersama.tulis_pdf("realisasi_ra", m, logo)


def tulis_pdf_rencana(m: dict[str, Any], logo: bytes | None) -> bytes:
    """PDF (`typ/rencana_aksi.typ`)."""
    return bersama.tulis_pdf("rencana_aksi", m, logo)


def tulis_xlsx_realisasi(m: dict[str, Any], logo: bytes | None) -> bytes:
    """XLSX: sheet "Realisasi RA" (per indicator) and sheet "Keuangan" (per program)."""
    wb = xl.buku()
    ws = wb.active
    ws.title = "Realisasi RA"
    tw = m["triwulan"]
    kolom = [
        ("No", 5),
        ("Indikator Kinerja", 42),
        ("Satuan", 10),
        ("Target Tahun", 11),
        *[(f"Target {lb}", 10) for lb in m["label_periode"]],
        *[(f"Realisasi {lb}", 10) for lb in m["label_periode"]],
        (f"Realisasi s.d. TW {ROMAWI_TW[tw - 1]}", 12),
        (f"Capaian s.d. TW {ROMAWI_TW[tw - 1]} thd Target TW (%)", 13),
        ("Capaian thd Target Tahun (%)", 13),
        ("Predikat", 13),
        ("Pagu (Rp)", 18),
        (f"Realisasi Keuangan s.d. TW {ROMAWI_TW[tw - 1]} (Rp)", 18),
        ("Serapan (%)", 10),
        ("Kendala", 32),
        ("Tindak Lanjut", 32),
        ("Data Dukung", 32),
    ]
    kepala_grup = [
        ("", 1),
        ("", 1),
        ("", 1),
        ("", 1),
        ("Target per Triwulan", 4),
        ("Realisasi per Triwulan", 4),
        ("", 1),
        ("Capaian Kinerja", 3),
        ("Realisasi Keuangan", 3),
        ("", 1),
        ("", 1),
        ("", 1),
    ]
    baris = xl.judul(ws, m, len(kolom))
    baris = xl.kepala(ws, baris, kolom, kepala_grup)
    awal_data = baris
    for g in m["kelompok"]:
        xl.baris_kelompok(
            ws,
            baris,
            len(kolom),
            g["judul"],
            {14: g["rollup"]["n"]},
            teks_kanan={16: g["predikat"]},
        )
        baris += 1
        for b in g["baris"]:
            nilai = [
                ("teks", b["no"]),
                ("teks", b["indikator"]),
                ("teks", b["satuan"]),
                ("nilai", b["target_tahun"]),
                *[("nilai", v) for v in b["target_tw"]],
                *[("nilai", v) for v in b["realisasi_tw"]],
                ("nilai", b["realisasi_sd"]),
                ("persen", b["capaian_tw"]),
                ("persen", b["capaian_tahun"]),
                ("teks", b["predikat"]),
                ("rupiah", b["pagu"]),
                ("rupiah", b["realisasi_keuangan"]),
                ("persen", b["serapan"]),
                ("teks", b["kendala"]),
                ("teks", b["tindak_lanjut"]),
                ("bukti", b["bukti"]),
            ]
            xl.tulis_baris(ws, baris, nilai)
            baris += 1
    xl.baris_kelompok(
        ws,
        baris,
        len(kolom),
        "Rata-rata capaian kinerja",
        {14: m["rollup"]["n"]},
        teks_kanan={16: m["predikat"]},
    )
    akhir = baris
    baris += 2
    baris = xl.tanda_tangan(ws, baris, m.get("ttd"), kolom_mulai=len(kolom) - 3)
    xl.atur_cetak(
        ws,
        kertas=m["kertas"],
        baris_kepala=(awal_data - 2, awal_data - 1),
        kolom_beku=3,
        awal_data=awal_data,
        akhir=max(akhir, baris),
    )

    ws2 = wb.create_sheet("Keuangan")
    kol2 = [
        ("No", 5),
        ("Program", 60),
        ("Pagu (Rp)", 20),
        (f"Rencana Penarikan s.d. TW {ROMAWI_TW[tw - 1]} (Rp)", 20),
        (f"Realisasi s.d. TW {ROMAWI_TW[tw - 1]} (Rp)", 20),
        ("Serapan (%)", 12),
    ]
    b2 = xl.judul(ws2, {**m, "judul": "Realisasi Keuangan"}, len(kol2))
    b2 = xl.kepala(ws2, b2, kol2)
    awal2 = b2
    for r in m["keuangan"]["baris"]:
        xl.tulis_baris(
            ws2,
            b2,
            [
                ("teks", r["no"]),
                ("teks", r["program"]),
                ("rupiah", r["pagu"]),
                ("rupiah", r["rencana"]),
                ("rupiah", r["realisasi"]),
            ],
        )
        # Serapan = realisasi / pagu × 100, as users expect to see it computed in Excel.
        xl.rumus_persen(ws2, f"F{b2}", f"E{b2}", f"C{b2}")
        b2 += 1
    xl.teks(ws2, f"B{b2}", "Jumlah", tebal=True)
    for kol in "CDE":
        xl.rumus_jumlah(ws2, f"{kol}{b2}", f"{kol}{awal2}:{kol}{b2 - 1}", rupiah=True)
    xl.rumus_persen(ws2, f"F{b2}", f"E{b2}", f"C{b2}", tebal=True)
    xl.teks(ws2, f"B{b2 + 2}", f"Metode: {m['keuangan']['metode']}", miring=True)
    xl.atur_cetak(
        ws2,
        kertas=m["kertas"],
        baris_kepala=(awal2 - 1, awal2 - 1),
        kolom_beku=2,
        awal_data=awal2,
        akhir=b2 + 2,
    )
    return xl.simpan(wb)


def tulis_xlsx_rencana(m: dict[str, Any], logo: bytes | None) -> bytes:
    """XLSX of the Rencana Aksi: targets and actions per quarter."""
    wb = xl.buku()
    ws = wb.active
    ws.title = "Rencana Aksi"
    kolom = [
        ("No", 5),
        ("Indikator Kinerja", 42),
        ("Satuan", 10),
        ("Target Tahun", 11),
        *[(f"Target {lb}", 10) for lb in m["label_periode"]],
        *[(f"Rencana Aksi {lb}", 34) for lb in m["label_periode"]],
    ]
    grup = [("", 1), ("", 1), ("", 1), ("", 1), ("Target per Triwulan", 4), ("Rencana Aksi", 4)]
    baris = xl.judul(ws, m, len(kolom))
    baris = xl.kepala(ws, baris, kolom, grup)
    awal = baris
    for g in m["kelompok"]:
        xl.baris_kelompok(ws, baris, len(kolom), g["judul"], {})
        baris += 1
        for b in g["baris"]:
            xl.tulis_baris(
                ws,
                baris,
                [
                    ("teks", b["no"]),
                    ("teks", b["indikator"]),
                    ("teks", b["satuan"]),
                    ("nilai", b["target_tahun"]),
                    *[("nilai", v) for v in b["target_tw"]],
                    *[("teks", a) for a in b["aksi_tw"]],
                ],
            )
            baris += 1
    akhir = baris
    baris = xl.tanda_tangan(ws, baris + 1, m.get("ttd"), kolom_mulai=len(kolom) - 1)
    xl.atur_cetak(
        ws,
        kertas=m["kertas"],
        baris_kepala=(awal - 2, awal - 1),
        kolom_beku=3,
        awal_data=awal,
        akhir=max(akhir, baris),
    )
    return xl.simpan(wb)


daftar(
    Pembuat(
        jenis=JenisDokumen.REALISASI_RA,
        tulis={"xlsx": tulis_xlsx_realisasi, "pdf": tulis_pdf_realisasi},
        kumpulkan=kumpulkan_realisasi,
        esr=ESR_BAWAAN[JenisDokumen.REALISASI_RA],
        kunci=kunci_jabatan,
        keterangan="Realisasi triwulanan indikator PK: kinerja, keuangan, kendala, data dukung.",
    )
)
daftar(
    Pembuat(
        jenis=JenisDokumen.RENCANA_AKSI,
        tulis={"pdf": tulis_pdf_rencana, "xlsx": tulis_xlsx_rencana},
        kumpulkan=kumpulkan_rencana_aksi,
        esr=ESR_BAWAAN[JenisDokumen.RENCANA_AKSI],
        kunci=kunci_jabatan,
        keterangan="Target triwulanan dan rencana aksi per indikator PK.",
        tahunan=True,
    )
)
