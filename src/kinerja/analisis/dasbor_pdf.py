"""The dashboard as a PDF for the leadership meeting, with the dokumen app's Typst machinery.

`muatan_dasbor(d)` turns a `selectors_dasbor.Dasbor` into the JSON payload (numbers already
formatted the Indonesian way, geometry as plain numbers); `render_dasbor(d)` lays it out with
`typ/dasbor.typ`: a summary page with the indicators that need attention, then one chart per
page with its table. The template imports the shared `kinerja.typ` of the dokumen app and is
compiled with only the vendored fonts, data through `sys.inputs` (decision 0002): user text is
never parsed as markup.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import typst
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import rumus
from kinerja.analisis import selectors_dasbor as sel
from kinerja.dokumen.render import FONT_DIR, TYP_DIR, DokumenError, data_json, tanggal_id
from kinerja.inti.angka import format_angka, format_rupiah

TEMPLATE = Path(__file__).resolve().parent / "typ" / "dasbor.typ"


def _persen(h: Any) -> str:
    nilai = getattr(h, "nilai", None)
    return "–" if nilai is None else format_angka(nilai, 2)


def _pendek(teks: str, n: int = 48) -> str:
    """A chart label on one line (the full name is in the table below the chart)."""
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def _float(h: Any) -> float | None:
    nilai = getattr(h, "nilai", None)
    return None if nilai is None else float(rumus.bulatkan(nilai))


def muatan_dasbor(d: sel.Dasbor) -> dict[str, Any]:
    """The PDF payload of a dashboard (no database access: everything is on `d`)."""
    nama_kelompok = _("Perangkat daerah") if d.mode_pemda else _("Elemen")
    kelompok_batang = [
        {
            "nama": _pendek(k.nama if d.mode_pemda else (k.keterangan or k.nama)),
            "nilai": _float(k.rollup),
            "teks": _persen(k.rollup),
            "warna": sel.warna_predikat(k.predikat),
        }
        for k in d.kelompok
    ]
    maks_kelompok = max([120.0] + [b["nilai"] or 0 for b in kelompok_batang])
    distribusi = [
        {
            "nama": x["label"],
            "nilai": float(x["jumlah"]),
            "teks": str(x["jumlah"]),
            "warna": x["warna"],
        }
        for x in d.distribusi
    ]
    titik = [
        {
            "x": _float(k.serapan),
            "y": _float(k.rollup),
            "label": (k.keterangan or k.nama)[:24],
            "warna": sel.warna_predikat(k.predikat),
        }
        for k in d.kelompok
        if k.serapan is not None and k.serapan.nilai is not None and k.rollup.nilai is not None
    ]
    maks_sebar = max([120.0] + [max(t["x"], t["y"]) for t in titik])
    maks_sebar = int(-(-maks_sebar // 20) * 20)
    warna_status = [
        ("divalidasi", "#1a7f37"),
        ("diajukan", "#4c8dcb"),
        ("draf", "#adb5bd"),
        ("dikembalikan", "#e8590c"),
        ("belum", "#f1f3f5"),
    ]
    pengisian = [
        {
            "nama": _pendek(r.instansi.singkatan or r.instansi.nama),
            "bagian": [{"nilai": float(getattr(r, s)), "warna": w} for s, w in warna_status],
            "teks": f"{r.terisi}/{r.wajib}",
        }
        for r in d.pengisian
    ]
    total = d.pengisian_total
    halaman = [
        {
            "judul": _("Capaian per perangkat daerah")
            if d.mode_pemda
            else _("Capaian per elemen (%(l)s)") % {"l": d.level_nama},
            "keterangan": _(
                "Rata-rata capaian s.d. periode indikator (rumus.rollup, tanpa batas atas); "
                "warna menurut predikat Permendagri 86/2017."
            ),
            "jenis": "batang",
            "batang": kelompok_batang,
            "maks": int(-(-maks_kelompok // 20) * 20),
            "garis": 100,
            "kolom": ["1fr", "18mm", "22mm", "28mm"],
            "kepala": [nama_kelompok, _("Indikator"), _("Capaian (%)"), _("Predikat")],
            "rata": ["l", "r", "r", "l"],
            "baris": [
                [
                    k.nama if d.mode_pemda else f"{k.keterangan} — {k.nama}",
                    str(len(k.baris)),
                    _persen(k.rollup),
                    k.predikat.label if k.predikat else "–",
                ]
                for k in d.kelompok
            ],
        },
        {
            "judul": _("Sebaran predikat indikator"),
            "keterangan": _(
                "≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang, ≥ 51 Rendah, "
                "selainnya Sangat Rendah."
            ),
            "jenis": "batang",
            "batang": distribusi,
            "maks": max([1.0] + [x["nilai"] for x in distribusi]),
            "kolom": ["1fr", "30mm"],
            "kepala": [_("Predikat"), _("Jumlah indikator")],
            "rata": ["l", "r"],
            "baris": [[x["label"], str(x["jumlah"])] for x in d.distribusi],
        },
        {
            "judul": _("Serapan anggaran dan capaian kinerja (kuadran efisiensi)"),
            "keterangan": _(
                "Serapan = Σ realisasi anggaran s.d. periode / Σ pagu × 100. Efisiensi = capaian "
                "− serapan (poin persen): > +5 Efisien, −5 s.d. +5 Cukup Efisien, < −5 Tidak "
                "Efisien. Titik di atas garis: kinerja mendahului serapan."
            ),
            "jenis": "sebar",
            "titik": titik,
            "maks": maks_sebar,
            "kolom": ["1fr", "32mm", "32mm", "18mm", "18mm", "16mm", "24mm"],
            "kepala": [
                nama_kelompok,
                _("Pagu"),
                _("Realisasi"),
                _("Serapan (%)"),
                _("Capaian (%)"),
                _("Selisih"),
                _("Kategori"),
            ],
            "rata": ["l", "r", "r", "r", "r", "r", "l"],
            "baris": [
                [
                    k.nama,
                    format_rupiah(k.pagu),
                    format_rupiah(k.realisasi_anggaran),
                    _persen(k.serapan),
                    _persen(k.rollup),
                    _persen(k.efisiensi),
                    k.efisiensi.kategori.label if k.efisiensi and k.efisiensi.kategori else "–",
                ]
                for k in d.kelompok
            ],
        },
        {
            "judul": _("Kelengkapan pengisian per unit"),
            "keterangan": _("Nilai yang wajib dilaporkan pada periode ini (semua tingkat)."),
            "jenis": "tumpuk",
            "batang": pengisian,
            "maks": float(max([1] + [r.wajib for r in d.pengisian])),
            "legenda": _(
                "Hijau: divalidasi · biru: diajukan · abu-abu: draf · jingga: dikembalikan · "
                "putih: belum diisi."
            ),
            "kolom": ["1fr", "16mm", "16mm", "18mm", "18mm", "22mm", "18mm", "18mm"],
            "kepala": [
                _("Unit"),
                _("Wajib"),
                _("Terisi"),
                _("Diajukan"),
                _("Divalidasi"),
                _("Dikembalikan"),
                _("Terlambat"),
                _("Tanpa bukti"),
            ],
            "rata": ["l", "r", "r", "r", "r", "r", "r", "r"],
            "baris": [
                [
                    r.instansi.singkatan or r.instansi.nama,
                    str(r.wajib),
                    str(r.terisi),
                    str(r.diajukan),
                    str(r.divalidasi),
                    str(r.dikembalikan),
                    str(r.terlambat),
                    str(r.tanpa_bukti),
                ]
                for r in [*d.pengisian, total]
            ],
        },
        {
            "judul": _("Kemajuan siklus pengukuran"),
            "keterangan": _("Langkah SOP yang selesai dari seluruh langkah siklus periode ini."),
            "jenis": "batang",
            "batang": [
                {
                    "nama": _pendek(s.siklus.instansi.singkatan or s.siklus.instansi.nama),
                    "nilai": float(s.persen),
                    "teks": f"{s.selesai}/{s.jumlah}",
                    "warna": "#0b4f6c",
                }
                for s in d.siklus
            ],
            "maks": 100,
            "kolom": ["1fr", "1fr", "20mm", "18mm", "1fr"],
            "kepala": [
                _("Instansi"),
                _("SOP"),
                _("Selesai"),
                _("Terlambat"),
                _("Langkah berjalan"),
            ],
            "rata": ["l", "l", "r", "r", "l"],
            "baris": [
                [
                    s.siklus.instansi.nama,
                    s.siklus.template.nama,
                    f"{s.selesai}/{s.jumlah}",
                    str(s.terlambat),
                    "; ".join(f"{t.langkah.no}. {t.langkah.uraian[:80]}" for t in s.aktif) or "–",
                ]
                for s in d.siklus
            ],
        },
    ]
    if d.keputusan:
        halaman.append(
            {
                "judul": _("Keputusan rapat pimpinan per indikator"),
                "keterangan": None,
                "jenis": "tabel",
                "kolom": ["34mm", "1fr", "40mm", "1fr"],
                "kepala": [_("Rapat"), _("Indikator"), _("Keputusan"), _("Arahan")],
                "rata": [],
                "baris": [
                    [
                        tanggal_id(timezone.localtime(k.rapat.waktu).date()),
                        k.indikator.nama,
                        k.get_hasil_display(),
                        k.arahan or "–",
                    ]
                    for k in d.keputusan
                ],
            }
        )
    ringkasan = [
        {
            "label": _("Capaian rata-rata"),
            "nilai": _persen(d.rollup) + (" %" if d.rollup.nilai is not None else ""),
            "ket": d.predikat.label if d.predikat else "–",
        },
        {
            "label": _("Indikator"),
            "nilai": format_angka(len(d.baris), 0),
            "ket": _("%(n)s belum dapat dihitung · %(b)s dengan catatan mutu data")
            % {"n": d.jumlah_tidak_dihitung, "b": d.jumlah_bendera},
        },
        {
            "label": _("Pengisian data"),
            "nilai": f"{total.persen_terisi} %",
            "ket": _("%(a)s dari %(b)s nilai terisi · %(v)s %% divalidasi")
            % {"a": total.terisi, "b": total.wajib, "v": total.persen_divalidasi},
        },
        {
            "label": _("Siklus pengukuran"),
            "nilai": str(len(d.siklus)),
            "ket": "; ".join(
                f"{s.siklus.instansi.singkatan or s.siklus.instansi.nama}: {s.selesai}/{s.jumlah}"
                for s in d.siklus[:3]
            )
            or _("belum ada siklus"),
        },
    ]
    return {
        "judul": _("Dasbor Kinerja untuk Rapat Pimpinan"),
        "instansi": d.instansi.nama,
        "periode": d.periode.label,
        "level": d.level_nama,
        "dicetak": tanggal_id(timezone.localdate()),
        "ringkasan": ringkasan,
        "keterangan_perhatian": _(
            "Capaian s.d. periode terhadap target periode, terendah lebih dulu (tingkat: %(t)s); "
            "alasan: capaian dan predikat, catatan mutu data, proyeksi akhir tahun "
            "(rumus.proyeksi), kendala dari unit, keputusan rapat pimpinan."
        )
        % {"t": d.tingkat_perhatian},
        "perhatian": [
            {
                "nama": x.baris.indikator.nama,
                "pemilik": x.pemilik,
                "capaian": _persen(x.baris.capaian) + " %",
                "predikat": x.baris.b.predikat.label if x.baris.b.predikat else "–",
                "warna": sel.warna_predikat(x.baris.b.predikat),
                "alasan": x.alasan,
            }
            for x in d.perhatian[:6]
        ],
        "halaman": halaman,
    }


def render_dasbor(d: sel.Dasbor) -> bytes:
    """The dashboard's PDF bytes (Typst, vendored fonts only)."""
    muatan = muatan_dasbor(d)
    with tempfile.TemporaryDirectory(prefix="kinerja-dasbor-") as tmp:
        root = Path(tmp)
        shutil.copy(TYP_DIR / "kinerja.typ", root / "kinerja.typ")
        shutil.copy(TEMPLATE, root / "dasbor.typ")
        try:
            hasil = typst.compile(
                str(root / "dasbor.typ"),
                root=str(root),
                font_paths=typst.Fonts(
                    include_system_fonts=False,
                    include_embedded_fonts=False,
                    font_paths=[str(FONT_DIR)],
                ),
                format="pdf",
                sys_inputs={"data": data_json(muatan)},
            )
        except typst.TypstError as exc:
            raise DokumenError(f"dasbor.typ: {exc.message}\n{exc.diagnostic}") from exc
    assert isinstance(hasil, bytes)
    return hasil
