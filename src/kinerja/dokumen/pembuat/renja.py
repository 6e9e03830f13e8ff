"""Evaluasi terhadap hasil Renja Perangkat Daerah — the Permendagri 86/2017 form (XLSX).

Columns (as numbered on the form), each indicator in K (kinerja) and Rp (anggaran):
1 No · 2 Sasaran · 3 Kode · 4 Program/Kegiatan · 5 Indikator kinerja · 6 Target Renstra
tahun akhir · 7 Realisasi Renstra s.d. tahun lalu · 8 Target Renja tahun berjalan ·
9–12 Realisasi triwulan I–IV · 13 Realisasi Renja tahun berjalan · 14 Realisasi Renstra s.d.
tahun berjalan · 15 Tingkat capaian Renstra (%) · 16 Unit penanggung jawab · 17 Keterangan.

- 13 = 9 + 10 + 11 + 12 and 14 = 7 + 13 are spreadsheet formulas for additive (kumulatif)
  indicators and for every Rp column; for other indicators 13 and 14 are the aggregated values
  of `rumus.hitung_agregasi` (nilai akhir / rata-rata), written as numbers.
- 15 K = `rumus.hitung_capaian_renstra` (polarity-aware, so a value, not a formula);
  15 Rp = 14 / 6 × 100 as a formula (empty while the Renstra budget column 6 is empty: the
  Renstra's five-year budget is not kept in Kinerja).
- 7 K aggregates each earlier Renstra year's annual realisation (its last quarter, else its
  year period) with `rumus.hitung_agregasi`; 7 Rp sums those years' financial realisation.
- Footer rows: average capaian (`rumus.rollup` of column 15 K) and its predikat, the average
  capaian of the running year against its targets, then the driving and inhibiting factors
  and the follow-ups (editable fields `pendorong`, `penghambat`, `tindak_lanjut_triwulan`,
  `tindak_lanjut_renja`).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kinerja import rumus
from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_xlsx as xl
from kinerja.dokumen.jenis import ESR_BAWAAN, Konteks, OpsiTidakSah, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen
from kinerja.dokumen.pembuat.realisasi_ra import sel, sel_hasil
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Periode, RealisasiAnggaran
from kinerja.pengukuran.selectors import realisasi_anggaran_sampai, realisasi_sampai
from kinerja.perencanaan.models import Anggaran, Elemen, KerangkaKinerja

ISIAN_RENJA = {
    "pendorong": "Faktor pendorong keberhasilan pencapaian",
    "penghambat": "Faktor penghambat pencapaian kinerja",
    "tindak_lanjut_triwulan": "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "tindak_lanjut_renja": "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
}


def _periode_akhir_tahun(pemda_id: int, tahun: int) -> Periode | None:
    """The period that closes a year: its fourth quarter, else its year period."""
    return (
        Periode.objects.filter(
            pemda_id=pemda_id, tahun=tahun, jenis_periode="triwulan", nomor=4
        ).first()
        or Periode.objects.filter(pemda_id=pemda_id, tahun=tahun, jenis_periode="tahun").first()
    )


def _urut_pohon(elemen: list[Elemen]) -> list[Elemen]:
    """Elements in tree order (tujuan, its sasaran, their programs, …)."""
    anak: dict[int | None, list[Elemen]] = defaultdict(list)
    for e in elemen:
        anak[e.induk_id].append(e)
    for daftar_anak in anak.values():
        daftar_anak.sort(key=lambda e: (e.urutan, e.kode, e.pk))
    hasil_urut: list[Elemen] = []
    ada = {e.pk for e in elemen}

    def turun(e: Elemen) -> None:
        hasil_urut.append(e)
        for c in anak.get(e.pk, []):
            turun(c)

    for e in sorted(
        (e for e in elemen if e.induk_id is None or e.induk_id not in ada),
        key=lambda e: (e.kerangka_id, e.urutan, e.kode, e.pk),
    ):
        turun(e)
    return hasil_urut


def _jumlah(nilai: list[Decimal | None]) -> Decimal | None:
    ada = [v for v in nilai if v is not None]
    return sum(ada, Decimal(0)) if ada else None


def _angka(ind: Any, v: Any) -> Decimal | None:
    if ind.jenis_nilai not in ("angka", "persen"):
        return None
    return v if isinstance(v, Decimal) else None


def kumpulkan(k: Konteks) -> dict[str, Any]:
    """Payload of the Renja evaluation form for the period's year up to its quarter."""
    p = k.periode
    if p.jenis_periode == "tahun":
        p = (
            Periode.objects.filter(
                pemda_id=p.pemda_id, tahun=p.tahun, jenis_periode="triwulan", nomor=4
            ).first()
            or p
        )
    if p.jenis_periode != "triwulan":
        raise OpsiTidakSah("Evaluasi Renja disusun per triwulan; pilih periode triwulan.")
    n = p.nomor
    m = bersama.muatan_dasar(
        k.instansi,
        judul="Evaluasi terhadap Hasil Renja Perangkat Daerah",
        tanggal=timezone.localdate(),
        kertas=str(k.opsi.get("kertas") or "f4"),
    )
    m["subjudul"] = [k.instansi.nama, f"Periode pelaksanaan: {p.label}"]
    m["triwulan"] = n
    tabel = hasil.tabel_capaian(instansi=k.instansi, periode=p)
    per_ind = {b.indikator.pk: b for g in tabel.kelompok for b in g.baris}
    indikator = [b.indikator for b in per_ind.values()]
    ids = [i.pk for i in indikator]
    kerangka = list(KerangkaKinerja.objects.filter(instansi__jalur__startswith=k.instansi.jalur))
    tahun_mulai = min((kr.tahun_mulai for kr in kerangka), default=p.tahun)
    # Earlier Renstra years: their annual realisation per indicator, through tabel_capaian.
    tahun_lalu: dict[int, list[Any]] = defaultdict(list)
    for y in range(tahun_mulai, p.tahun):
        akhir = _periode_akhir_tahun(p.pemda_id, y)
        if akhir is None:
            continue
        t_lalu = hasil.tabel_capaian(instansi=k.instansi, periode=akhir)
        lalu = {b.indikator.pk: b for g in t_lalu.kelompok for b in g.baris}
        for iid in ids:
            b = lalu.get(iid)
            tahun_lalu[iid].append(
                b.sd.realisasi.nilai_asli if b and b.sd.realisasi.dapat_dihitung else None
            )
    real = realisasi_sampai(ids, p)
    elemen = _urut_pohon(
        list(
            Elemen.objects.filter(kerangka__in=kerangka)
            .select_related("level", "unit")
            .order_by("id")
        )
    )
    garis = list(Anggaran.objects.filter(elemen__kerangka__in=kerangka, tahun=p.tahun))
    garis_elemen: dict[int, list[Anggaran]] = defaultdict(list)
    for a in garis:
        garis_elemen[a.elemen_id].append(a)
    real_rp = realisasi_anggaran_sampai([a.pk for a in garis], p)
    rp_lalu = {
        r["anggaran__elemen_id"]: r["jumlah"]
        for r in RealisasiAnggaran.objects.filter(
            anggaran__elemen__kerangka__in=kerangka,
            anggaran__tahun__gte=tahun_mulai,
            anggaran__tahun__lt=p.tahun,
            periode__jenis_periode="triwulan",
            periode__tahun__lt=p.tahun,
        )
        .values("anggaran__elemen_id")
        .annotate(jumlah=Sum("nilai"))
    }
    per_elemen_ind: dict[int, list[Any]] = defaultdict(list)
    for ind in sorted(indikator, key=lambda i: (i.urutan, i.kode, i.pk)):
        per_elemen_ind[ind.elemen_id].append(ind)

    baris = []
    capaian_renstra = []
    no = 0
    for e in elemen:
        inds = per_elemen_ind.get(e.pk, [])
        if not inds:
            continue
        no += 1
        lines = garis_elemen.get(e.pk, [])
        pagu = _jumlah([a.pagu for a in lines])
        rp_tw = [
            _jumlah(
                [
                    real_rp.get(a.pk, {}).get(i).nilai if real_rp.get(a.pk, {}).get(i) else None
                    for a in lines
                ]
            )
            if i <= n and lines
            else None
            for i in range(1, 5)
        ]
        rp7 = rp_lalu.get(e.pk) if lines else None
        for j, ind in enumerate(inds):
            b = per_ind[ind.pk]
            r_per = real.get(ind.pk, {})
            k_tw = []
            for i in range(1, 5):
                if i > n:
                    k_tw.append(sel("", None))
                    continue
                v = hasil.nilai_realisasi(ind, r_per.get(i))
                k_tw.append(sel(hasil.teks_nilai(ind, v), _angka(ind, v)))
            lalu = tahun_lalu.get(ind.pk, [])
            skala = hasil.skala_rumus(ind.skala)
            k7 = (
                rumus.hitung_agregasi(
                    lalu,
                    agregasi=ind.agregasi,
                    jenis=ind.jenis_nilai,
                    skala=skala,
                    boleh_negatif=ind.boleh_negatif,
                )
                if lalu
                else None
            )
            sd = b.sd.realisasi
            tahun_ini = sd.nilai_asli if sd.dapat_dihitung else None
            semua = [*lalu, tahun_ini]
            k14 = rumus.hitung_agregasi(
                semua,
                agregasi=ind.agregasi,
                jenis=ind.jenis_nilai,
                skala=skala,
                boleh_negatif=ind.boleh_negatif,
            )
            c15 = rumus.hitung_capaian_renstra(
                realisasi_tahunan=semua,
                target_akhir=ind.target_akhir_renstra,
                agregasi=ind.agregasi,
                polaritas=ind.polaritas,
                jenis=ind.jenis_nilai,
                metode_negatif=ind.metode_negatif,
                skala=skala,
                boleh_negatif=ind.boleh_negatif,
            )
            capaian_renstra.append(c15)
            kumulatif = ind.agregasi == "kumulatif" and ind.jenis_nilai in ("angka", "persen")
            unit = ind.unit_penanggung_jawab or e.unit
            pertama = j == 0
            baris.append(
                {
                    "no": str(no) if pertama else "",
                    "sasaran": e.nama if pertama and e.level.kode in ("tujuan", "sasaran") else "",
                    "kode": e.kode if pertama else "",
                    "program": e.nama
                    if pertama and e.level.kode not in ("tujuan", "sasaran")
                    else "",
                    "level": e.level.nama,
                    "indikator": f"{ind.nama} ({ind.satuan})",
                    "k6": sel(
                        hasil.teks_nilai(ind, ind.target_akhir_renstra),
                        _angka(ind, ind.target_akhir_renstra),
                    ),
                    "k7": sel(
                        hasil.teks_nilai(ind, k7.nilai_asli) if k7 and k7.dapat_dihitung else "–",
                        _angka(ind, k7.nilai_asli) if k7 and k7.dapat_dihitung else None,
                    ),
                    "rp7": sel(bersama.rupiah_teks(rp7), rp7) if pertama else sel("", None),
                    "k8": sel(
                        b.target_tahun_teks, _angka(ind, b.target.nilai if b.target else None)
                    ),
                    "rp8": sel(bersama.rupiah_teks(pagu), pagu) if pertama else sel("", None),
                    "k_tw": k_tw,
                    "rp_tw": [
                        sel(bersama.rupiah_teks(v), v) if pertama and i < n else sel("", None)
                        for i, v in enumerate(rp_tw)
                    ],
                    "k13": sel(
                        b.realisasi_sd_teks,
                        _angka(ind, sd.nilai_asli) if sd.dapat_dihitung else None,
                    ),
                    "k13_rumus": kumulatif and sd.dapat_dihitung,
                    "k14": sel(
                        hasil.teks_nilai(ind, k14.nilai_asli) if k14.dapat_dihitung else "–",
                        _angka(ind, k14.nilai_asli) if k14.dapat_dihitung else None,
                    ),
                    "k14_rumus": kumulatif
                    and k14.dapat_dihitung
                    and (k7 is None or k7.dapat_dihitung),
                    "k15": sel_hasil(c15),
                    "rp_ada": pertama and bool(lines),
                    "unit": unit.nama if unit else "",
                    "keterangan": "; ".join([*b.catatan, *([c15.pesan] if c15.pesan else [])]),
                }
            )
    roll = rumus.rollup(capaian_renstra)
    pred = rumus.predikat(roll)
    m["baris"] = baris
    m["rata_rata"] = sel_hasil(roll)
    m["predikat"] = pred.label if pred else "–"
    m["rata_rata_tahun"] = sel_hasil(tabel.rollup)
    m["predikat_tahun"] = tabel.predikat.label if tabel.predikat else "–"
    m["isian"] = {
        nama: {"label": label, "teks": str(k.isian.get(nama) or "")}
        for nama, label in ISIAN_RENJA.items()
    }
    return m


# Columns: 1 No, 2 Sasaran, 3 Kode, 4 Program/Kegiatan, 5 Indikator, then K/Rp pairs 6..15,
# 16 Unit, 17 Keterangan. `KOL[n]` is the (K, Rp) column indexes of form column n.
KOL = {n: (6 + 2 * (n - 6), 7 + 2 * (n - 6)) for n in range(6, 16)}
KOL_UNIT, KOL_KET = 26, 27


def tulis_xlsx(m: dict[str, Any], logo: bytes | None) -> bytes:
    """The form as a spreadsheet with K/Rp columns, formulas for 13, 14 and 15 Rp."""
    wb = xl.buku()
    ws = wb.active
    ws.title = "Evaluasi Renja"
    ncol = KOL_KET
    baris = xl.judul(ws, m, ncol)
    kepala = {
        1: "No",
        2: "Sasaran",
        3: "Kode",
        4: "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
        5: "Indikator Kinerja Program (outcome) / Kegiatan (output)",
        6: "Target Renstra Perangkat Daerah pada Tahun Akhir Periode Renstra",
        7: "Realisasi Capaian Kinerja Renstra Perangkat Daerah s.d. Renja Tahun Lalu",
        8: "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan yang Dievaluasi",
        9: "Realisasi Kinerja Triwulan I",
        10: "Realisasi Kinerja Triwulan II",
        11: "Realisasi Kinerja Triwulan III",
        12: "Realisasi Kinerja Triwulan IV",
        13: "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi",
        14: "Realisasi Kinerja dan Anggaran Renstra s.d. Tahun Berjalan",
        15: "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s.d. Tahun Berjalan (%)",
        16: "Unit Perangkat Daerah Penanggung Jawab",
        17: "Keterangan",
    }
    lebar = {1: 5, 2: 24, 3: 14, 4: 28, 5: 34, KOL_UNIT: 20, KOL_KET: 28}
    for c in range(1, ncol + 1):
        ws.column_dimensions[get_column_letter(c)].width = lebar.get(c, 11 if c % 2 == 0 else 15)
    r1, r2, r3 = baris, baris + 1, baris + 2
    for n, label in kepala.items():
        if n in KOL:
            a, b = KOL[n]
            xl.teks(ws, (r1, a), label)
            ws.merge_cells(start_row=r1, start_column=a, end_row=r1, end_column=b)
            xl.teks(ws, (r2, a), "K")
            xl.teks(ws, (r2, b), "Rp")
            xl.teks(ws, (r3, a), str(n))
            ws.merge_cells(start_row=r3, start_column=a, end_row=r3, end_column=b)
        else:
            c = n if n <= 5 else (KOL_UNIT if n == 16 else KOL_KET)
            xl.teks(ws, (r1, c), label)
            ws.merge_cells(start_row=r1, start_column=c, end_row=r2, end_column=c)
            xl.teks(ws, (r3, c), str(n))
    for r in (r1, r2, r3):
        for c in range(1, ncol + 1):
            sel_ = ws.cell(r, c)
            sel_.font = Font(name=xl.HURUF, size=8, bold=True)
            sel_.fill = xl.ISI_KEPALA
            sel_.border = xl.BINGKAI
            sel_.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[r1].height = 75
    awal = r3 + 1
    r = awal
    for b in m["baris"]:
        isi = {1: ("teks", b["no"]), 2: ("teks", b["sasaran"]), 3: ("teks", b["kode"])}
        isi[4] = ("teks", b["program"])
        isi[5] = ("teks", b["indikator"])
        isi[KOL[6][0]] = ("nilai", b["k6"])
        isi[KOL[7][0]] = ("nilai", b["k7"])
        isi[KOL[7][1]] = ("rupiah", b["rp7"])
        isi[KOL[8][0]] = ("nilai", b["k8"])
        isi[KOL[8][1]] = ("rupiah", b["rp8"])
        for i in range(4):
            isi[KOL[9 + i][0]] = ("nilai", b["k_tw"][i])
            isi[KOL[9 + i][1]] = ("rupiah", b["rp_tw"][i])
        isi[KOL[13][0]] = ("nilai", b["k13"])
        isi[KOL[14][0]] = ("nilai", b["k14"])
        isi[KOL[15][0]] = ("persen", b["k15"])
        isi[KOL_UNIT] = ("teks", b["unit"])
        isi[KOL_KET] = ("teks", b["keterangan"])
        urut = [isi.get(c, ("teks", "")) for c in range(1, ncol + 1)]
        xl.tulis_baris(ws, r, urut)
        L = {
            n: (f"{get_column_letter(KOL[n][0])}{r}", f"{get_column_letter(KOL[n][1])}{r}")
            for n in KOL
        }
        tw_k = ",".join(L[n][0] for n in range(9, 13))
        tw_rp = ",".join(L[n][1] for n in range(9, 13))
        if b["k13_rumus"]:
            _rumus(ws, L[13][0], f"=SUM({tw_k})", xl.FORMAT_ANGKA)
        if b["k14_rumus"]:
            _rumus(ws, L[14][0], f"=N({L[7][0]})+{L[13][0]}", xl.FORMAT_ANGKA)
        if b["rp_ada"]:
            _rumus(ws, L[13][1], f"=SUM({tw_rp})", xl.FORMAT_RUPIAH)
            _rumus(ws, L[14][1], f"=N({L[7][1]})+{L[13][1]}", xl.FORMAT_RUPIAH)
            xl.rumus_persen(ws, L[15][1], L[14][1], L[6][1])
        r += 1
    akhir_data = r - 1
    kaki = [
        ("Rata-rata capaian kinerja Renstra (%)", m["rata_rata"]),
        ("Predikat kinerja", m["predikat"]),
        ("Rata-rata capaian kinerja tahun berjalan terhadap target (%)", m["rata_rata_tahun"]),
        ("Predikat kinerja tahun berjalan", m["predikat_tahun"]),
        *[(v["label"], v["teks"] or "") for v in m["isian"].values()],
    ]
    for label, nilai in kaki:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        xl.teks(ws, (r, 1), label, tebal=True)
        a = KOL[15][0]
        if isinstance(nilai, dict):
            if nilai.get("n") is not None:
                xl.angka(ws, r, a, nilai["n"], xl.FORMAT_PERSEN).font = Font(
                    name=xl.HURUF, size=9, bold=True
                )
        else:
            ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=ncol)
            xl.teks(ws, (r, 6), nilai, bungkus=True)
        for c in range(1, ncol + 1):
            ws.cell(r, c).border = xl.BINGKAI
        r += 1
    r = xl.tanda_tangan(ws, r + 1, m.get("ttd"), kolom_mulai=KOL[13][0])
    xl.atur_cetak(
        ws,
        kertas=m["kertas"],
        baris_kepala=(r1, r3),
        kolom_beku=5,
        awal_data=awal,
        akhir=max(akhir_data, r),
    )
    return xl.simpan(wb)


def _rumus(ws: Any, sel_: str, rumus_teks: str, format: str) -> None:
    c = ws[sel_]
    c.value = rumus_teks
    c.number_format = format
    c.border = xl.BINGKAI
    c.alignment = Alignment(horizontal="right", vertical="top")


daftar(
    Pembuat(
        jenis=JenisDokumen.EVALUASI_RENJA,
        tulis={"xlsx": tulis_xlsx},
        kumpulkan=kumpulkan,
        esr=ESR_BAWAAN[JenisDokumen.EVALUASI_RENJA],
        isian=ISIAN_RENJA,
        keterangan="Formulir evaluasi Renja Permendagri 86/2017 (K dan Rp per triwulan).",
    )
)
