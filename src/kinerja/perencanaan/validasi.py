"""The checks a reviewer of a plan makes, as code: manual IKU, targets, Rencana Aksi, budget.

Every check returns `Temuan` (findings) instead of raising, so the same rules serve the
services (which refuse a save with a `galat` and report the `peringatan`), the manual IKU
review page and the XLSX import preview. Messages are Indonesian module constants that tests
import. Numbers are compared exactly as `Decimal` (no float, no rounding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kinerja.inti.angka import format_angka
from kinerja.perencanaan.models import Agregasi, Frekuensi, JenisNilai, Polaritas

GALAT = "galat"
PERINGATAN = "peringatan"

PESAN_DEFINISI_KOSONG = "Definisi operasional belum diisi."
PESAN_FORMULA_KOSONG = "Formula / cara perhitungan belum diisi."
PESAN_SUMBER_KOSONG = "Sumber data belum diisi."
PESAN_SATUAN_KOSONG = "Satuan wajib diisi."
PESAN_POLARITAS_MERAGUKAN = (
    "Nama indikator memuat “{kata}”, yang biasanya makin rendah makin baik, tetapi polaritasnya "
    "positif. Periksa polaritas (negatif) atau ubah nama menjadi “penurunan …”."
)
PESAN_BASELINE_SETELAH_MULAI = (
    "Tahun baseline {tahun} sesudah awal periode rencana ({mulai}); baseline seharusnya "
    "kondisi sebelum rencana dimulai."
)
PESAN_ORDINAL_TANPA_SKALA = "Indikator berjenis skala ordinal wajib memilih skalanya."
PESAN_SKALA_BUKAN_ORDINAL = "Skala ordinal hanya dipakai oleh indikator berjenis skala ordinal."
PESAN_SATUAN_PERSEN = "Satuan “%” tetapi jenis nilai bukan persen; pilih jenis nilai Persen."
PESAN_PERSEN_KUMULATIF = (
    "Persentase biasanya tidak dijumlahkan antar periode; periksa jenis agregasi "
    "(nilai akhir atau rata-rata)."
)
PESAN_RENTANG_BUKAN_ANGKA = "Polaritas rentang hanya untuk indikator angka atau persen."
PESAN_TARGET_AKHIR_ARAH = (
    "Target akhir Renstra ({akhir}) {arah} baseline ({baseline}), berlawanan dengan polaritas "
    "{polaritas}."
)
PESAN_PERSEN_LEBIH_100 = "Target indikator persen {nilai} melebihi 100."
PESAN_PERSEN_NEGATIF = "Target indikator persen tidak boleh negatif."
PESAN_NEGATIF_TIDAK_BOLEH = (
    "Target negatif tidak diizinkan untuk indikator ini (centang “nilai negatif diperbolehkan” "
    "bila memang laju pertumbuhan)."
)
PESAN_RENTANG_TANPA_BATAS = "Indikator berpolaritas rentang wajib memiliki batas bawah dan atas."
PESAN_RENTANG_TERBALIK = "Batas bawah {bawah} lebih besar daripada batas atas {atas}."
PESAN_TARGET_KOSONG = "Target wajib diisi."
PESAN_LEVEL_TIDAK_ADA = "Level “{teks}” tidak ada pada skala {skala}. Pilihan: {pilihan}."
PESAN_BINER = "Target ya/tidak harus “ya” atau “tidak”."
PESAN_TAHUN_DI_LUAR = "Tahun {tahun} di luar periode rencana {mulai}–{selesai}."
PESAN_TARGET_NOL = (
    "Target 0 membuat capaian tidak dapat dihitung; gunakan polaritas negatif atau target lain."
)

PESAN_RA_KUMULATIF = (
    "Jumlah target {periode} ({jumlah}) tidak sama dengan target tahunan ({target}); untuk "
    "indikator kumulatif, target per periode harus berjumlah target tahunan."
)
PESAN_RA_NILAI_AKHIR = (
    "Target {terakhir} ({nilai}) tidak sama dengan target tahunan ({target}); untuk indikator "
    "nilai akhir, target periode terakhir harus sama dengan target tahunan."
)
PESAN_RA_RATA_RATA = (
    "Rata-rata target {periode} ({rata}) tidak sama dengan target tahunan ({target})."
)
PESAN_RA_TERAKHIR_KOSONG = "Target {terakhir} belum diisi; periode terakhir wajib memiliki target."
PESAN_RA_TEKS_AKHIR = "Target {terakhir} (“{nilai}”) tidak sama dengan target tahunan (“{target}”)."
PESAN_RA_MENURUN = (
    "Target {periode} menurun dari periode sebelumnya padahal indikator nilai akhir berpolaritas "
    "positif; periksa urutan targetnya."
)
PESAN_RA_AKSI_KOSONG = "Rencana aksi {periode} belum diisi."

PESAN_PENARIKAN_TIDAK_SAMA = (
    "Jumlah rencana penarikan ({jumlah}) tidak sama dengan pagu ({pagu}); selisih {selisih}."
)
PESAN_PAGU_ANAK = (
    "Jumlah pagu rinciannya ({jumlah}) tidak sama dengan pagu ini ({pagu}); selisih {selisih}."
)

PESAN_KODE_KEPMENDAGRI = (
    "Kode “{kode}” tidak berpola kode {level} Kepmendagri 050-5889/2021 (contoh: {contoh})."
)
PESAN_KODE_INDUK = "Kode “{kode}” tidak diawali kode induknya “{induk}”."
PESAN_KODE_RUP = "Kode RUP harus berupa angka (contoh: 52418873), bukan “{kode}”."
PESAN_KODE_RUP_WAJIB = "Paket pengadaan wajib memiliki kode RUP."
PESAN_PEMILIK_WAJIB = "Paket pengadaan wajib menyebut OPD pemilik paket."
PESAN_METODE_WAJIB = "Paket pengadaan wajib menyebut metode pengadaan."

# Words in an indicator's name that usually mean "lower is better" (with what they match),
# and words that turn the name around ("penurunan angka kemiskinan" is higher-is-better).
KATA_POLARITAS_NEGATIF: tuple[tuple[str, str], ...] = (
    ("rusak", r"\brusak"),
    ("kematian", r"\bkematian\b"),
    ("kemiskinan", r"\bkemiskinan\b"),
    ("pengangguran", r"\bpengangguran\b"),
    ("waktu", r"(?<!tepat )(?<!ketepatan )\bwaktu\b"),
    ("stunting", r"\bstunting\b"),
    ("prevalensi", r"\bprevalensi\b"),
    ("kecelakaan", r"\bkecelakaan\b"),
    ("genangan", r"\bgenangan\b"),
    ("pelanggaran", r"\bpelanggaran\b"),
    ("sanggahan", r"\bsanggah"),
    ("gagal", r"\bgagal\b"),
    ("kumuh", r"\bkumuh\b"),
)
_KATA_PEMBALIK = re.compile(
    r"\b(penurunan|menurun\w*|turun\w*|berkurang\w*|pengurangan|terkendali\w*|bebas|"
    r"ditindaklanjuti|tindak lanjut|ditangani|tertangani|diselesaikan|terselesaikan)\b"
)

# Kepmendagri 050-5889/2021 nomenclature: urusan.bidang.program[.kegiatan[.sub kegiatan]].
POLA_KODE = {
    "program": (re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}$"), "1.03.10"),
    "kegiatan": (re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}$"), "1.03.10.2.01"),
    "sub_kegiatan": (
        re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}\.\d{4}$"),
        "1.03.10.2.01.0017",
    ),
}
NAMA_PERIODE = {
    "triwulan": ("triwulan", ["TW I", "TW II", "TW III", "TW IV"]),
    "semester": ("semester", ["Semester I", "Semester II"]),
    "bulan": (
        "bulan",
        [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
    ),
    "tahun": ("tahun", ["Tahun"]),
}
SERATUS = Decimal(100)


@dataclass(frozen=True)
class Temuan:
    """One finding: a stable code, its severity (`galat` refuses, `peringatan` informs), the
    Indonesian message and the form field it belongs to (empty for the whole object)."""

    kode: str
    tingkat: str
    pesan: str
    kolom: str = ""

    @property
    def galat(self) -> bool:
        """True when this finding refuses the save."""
        return self.tingkat == GALAT


def ada_galat(temuan: Iterable[Temuan]) -> bool:
    """True when any finding refuses the save."""
    return any(t.galat for t in temuan)


def teks(nilai: Decimal | None) -> str:
    """A number as Indonesian text without trailing zeros: 1234.50 → "1.234,5"."""
    if nilai is None:
        return "–"
    eksponen = Decimal(nilai).normalize().as_tuple().exponent
    desimal = -eksponen if isinstance(eksponen, int) and eksponen < 0 else 0
    return format_angka(Decimal(nilai), min(desimal, 4))


def kata_polaritas_negatif(nama: str) -> str | None:
    """The lower-is-better word in an indicator's name, unless the name says "penurunan …"."""
    n = " ".join(nama.lower().split())
    if _KATA_PEMBALIK.search(n):
        return None
    for kata, pola in KATA_POLARITAS_NEGATIF:
        if re.search(pola, n):
            return kata
    return None


def periksa_indikator(ind: Any, *, tahun_mulai: int | None = None) -> list[Temuan]:
    """The manual IKU checks on an indicator (saved or not): what is missing or contradictory.

    `tahun_mulai` is the first year of the plan (for the baseline year check).
    """
    hasil: list[Temuan] = []
    if not (ind.satuan or "").strip():
        hasil.append(Temuan("satuan_kosong", GALAT, _(PESAN_SATUAN_KOSONG), "satuan"))
    if ind.jenis_nilai == JenisNilai.ORDINAL and not ind.skala_id:
        hasil.append(Temuan("ordinal_tanpa_skala", GALAT, _(PESAN_ORDINAL_TANPA_SKALA), "skala"))
    if ind.jenis_nilai != JenisNilai.ORDINAL and ind.skala_id:
        hasil.append(Temuan("skala_bukan_ordinal", GALAT, _(PESAN_SKALA_BUKAN_ORDINAL), "skala"))
    if ind.polaritas == Polaritas.RENTANG and ind.jenis_nilai not in (
        JenisNilai.ANGKA,
        JenisNilai.PERSEN,
    ):
        hasil.append(
            Temuan("rentang_bukan_angka", GALAT, _(PESAN_RENTANG_BUKAN_ANGKA), "polaritas")
        )
    if not (ind.definisi_operasional or "").strip():
        hasil.append(
            Temuan("definisi_kosong", PERINGATAN, _(PESAN_DEFINISI_KOSONG), "definisi_operasional")
        )
    if not (ind.formula or "").strip():
        hasil.append(Temuan("formula_kosong", PERINGATAN, _(PESAN_FORMULA_KOSONG), "formula"))
    if not (ind.sumber_data or "").strip():
        hasil.append(Temuan("sumber_kosong", PERINGATAN, _(PESAN_SUMBER_KOSONG), "sumber_data"))
    if ind.polaritas == Polaritas.POSITIF:
        kata = kata_polaritas_negatif(ind.nama or "")
        if kata:
            hasil.append(
                Temuan(
                    "polaritas_meragukan",
                    PERINGATAN,
                    _(PESAN_POLARITAS_MERAGUKAN).format(kata=kata),
                    "polaritas",
                )
            )
    if ind.tahun_baseline and tahun_mulai and ind.tahun_baseline > tahun_mulai:
        hasil.append(
            Temuan(
                "baseline_setelah_mulai",
                PERINGATAN,
                _(PESAN_BASELINE_SETELAH_MULAI).format(tahun=ind.tahun_baseline, mulai=tahun_mulai),
                "tahun_baseline",
            )
        )
    if (ind.satuan or "").strip() == "%" and ind.jenis_nilai == JenisNilai.ANGKA:
        hasil.append(Temuan("satuan_persen", PERINGATAN, _(PESAN_SATUAN_PERSEN), "jenis_nilai"))
    if ind.jenis_nilai == JenisNilai.PERSEN and ind.agregasi == Agregasi.KUMULATIF:
        hasil.append(Temuan("persen_kumulatif", PERINGATAN, _(PESAN_PERSEN_KUMULATIF), "agregasi"))
    if (
        ind.baseline is not None
        and ind.target_akhir_renstra is not None
        and ind.jenis_nilai in (JenisNilai.ANGKA, JenisNilai.PERSEN)
    ):
        naik = ind.target_akhir_renstra < ind.baseline and ind.polaritas == Polaritas.POSITIF
        turun = ind.target_akhir_renstra > ind.baseline and ind.polaritas == Polaritas.NEGATIF
        if naik or turun:
            hasil.append(
                Temuan(
                    "target_akhir_arah",
                    PERINGATAN,
                    _(PESAN_TARGET_AKHIR_ARAH).format(
                        akhir=teks(ind.target_akhir_renstra),
                        arah=_("di bawah") if naik else _("di atas"),
                        baseline=teks(ind.baseline),
                        polaritas=ind.get_polaritas_display().split(" ")[0].lower(),
                    ),
                    "target_akhir_renstra",
                )
            )
    if ind.jenis_nilai == JenisNilai.PERSEN:
        for kolom, nilai in (
            ("baseline", ind.baseline),
            ("target_akhir_renstra", ind.target_akhir_renstra),
        ):
            if nilai is not None and nilai > SERATUS:
                hasil.append(
                    Temuan(
                        "persen_lebih_100",
                        GALAT,
                        _(PESAN_PERSEN_LEBIH_100).format(nilai=teks(nilai)),
                        kolom,
                    )
                )
    return hasil


@dataclass(frozen=True)
class NilaiTarget:
    """A target in stored form: a number, a range (min, max) or a text (ya/tidak, level)."""

    nilai: Decimal | None = None
    nilai_min: Decimal | None = None
    nilai_max: Decimal | None = None
    nilai_teks: str = ""

    @property
    def kosong(self) -> bool:
        """True when nothing was given."""
        return (
            self.nilai is None
            and self.nilai_min is None
            and self.nilai_max is None
            and not self.nilai_teks
        )


def periksa_target(
    ind: Any,
    target: NilaiTarget,
    *,
    tahun: int | None = None,
    tahun_mulai: int | None = None,
    tahun_selesai: int | None = None,
    level_skala: Sequence[str] = (),
) -> list[Temuan]:
    """Checks on one annual target of `ind`: type, percent over 100, range bounds, year."""
    hasil: list[Temuan] = []
    if (
        tahun is not None
        and tahun_mulai
        and tahun_selesai
        and not tahun_mulai <= tahun <= tahun_selesai
    ):
        hasil.append(
            Temuan(
                "tahun_di_luar",
                GALAT,
                _(PESAN_TAHUN_DI_LUAR).format(
                    tahun=tahun, mulai=tahun_mulai, selesai=tahun_selesai
                ),
                "tahun",
            )
        )
    if target.kosong:
        hasil.append(Temuan("target_kosong", GALAT, _(PESAN_TARGET_KOSONG), "nilai"))
        return hasil
    if ind.polaritas == Polaritas.RENTANG:
        if target.nilai_min is None or target.nilai_max is None:
            hasil.append(
                Temuan("rentang_tanpa_batas", GALAT, _(PESAN_RENTANG_TANPA_BATAS), "nilai_min")
            )
        elif target.nilai_min > target.nilai_max:
            hasil.append(
                Temuan(
                    "rentang_terbalik",
                    GALAT,
                    _(PESAN_RENTANG_TERBALIK).format(
                        bawah=teks(target.nilai_min), atas=teks(target.nilai_max)
                    ),
                    "nilai_min",
                )
            )
        angka = [x for x in (target.nilai_min, target.nilai_max) if x is not None]
    elif ind.jenis_nilai == JenisNilai.ORDINAL:
        if level_skala and target.nilai_teks not in level_skala:
            hasil.append(
                Temuan(
                    "level_tidak_ada",
                    GALAT,
                    _(PESAN_LEVEL_TIDAK_ADA).format(
                        teks=target.nilai_teks,
                        skala=getattr(ind.skala, "nama", "-"),
                        pilihan=", ".join(level_skala),
                    ),
                    "nilai",
                )
            )
        angka = []
    elif ind.jenis_nilai == JenisNilai.BINER:
        if target.nilai_teks not in ("ya", "tidak"):
            hasil.append(Temuan("biner", GALAT, _(PESAN_BINER), "nilai"))
        angka = []
    else:
        angka = [target.nilai] if target.nilai is not None else []
        if target.nilai is None:
            hasil.append(Temuan("target_kosong", GALAT, _(PESAN_TARGET_KOSONG), "nilai"))
        elif target.nilai == 0 and ind.polaritas == Polaritas.POSITIF:
            hasil.append(Temuan("target_nol", PERINGATAN, _(PESAN_TARGET_NOL), "nilai"))
    for x in angka:
        if ind.jenis_nilai == JenisNilai.PERSEN and x > SERATUS:
            hasil.append(
                Temuan(
                    "persen_lebih_100",
                    GALAT,
                    _(PESAN_PERSEN_LEBIH_100).format(nilai=teks(x)),
                    "nilai",
                )
            )
        elif x < 0 and ind.jenis_nilai == JenisNilai.PERSEN and not ind.boleh_negatif:
            hasil.append(Temuan("persen_negatif", GALAT, _(PESAN_PERSEN_NEGATIF), "nilai"))
        elif x < 0 and not ind.boleh_negatif:
            hasil.append(
                Temuan("negatif_tidak_boleh", GALAT, _(PESAN_NEGATIF_TIDAK_BOLEH), "nilai")
            )
    return hasil


def periksa_rencana_aksi(
    ind: Any,
    *,
    jenis_periode: str,
    target_tahun: NilaiTarget,
    target_periode: Mapping[int, NilaiTarget],
    aksi: Mapping[int, str] | None = None,
) -> list[Temuan]:
    """Consistency of a Rencana Aksi with the annual target, by the indicator's aggregation.

    Kumulatif: the period targets add up to the annual target. Nilai akhir: the last period
    equals it. Rata-rata: their mean equals it (compared as sum = target × n, exactly).
    Yearly indicators only need the last period. Every difference is a `peringatan`.
    """
    hasil: list[Temuan] = []
    nama_jenis, label = NAMA_PERIODE[jenis_periode]
    n = len(label)
    terakhir = label[-1]
    akhir = target_periode.get(n, NilaiTarget())
    if akhir.kosong:
        hasil.append(
            Temuan(
                "ra_terakhir_kosong",
                PERINGATAN,
                _(PESAN_RA_TERAKHIR_KOSONG).format(terakhir=terakhir),
                f"target_{n}",
            )
        )
    if ind.polaritas == Polaritas.RENTANG or ind.jenis_nilai in (
        JenisNilai.BINER,
        JenisNilai.ORDINAL,
    ):
        if not akhir.kosong and akhir != target_tahun and not target_tahun.kosong:
            hasil.append(
                Temuan(
                    "ra_teks_akhir",
                    PERINGATAN,
                    _(PESAN_RA_TEKS_AKHIR).format(
                        terakhir=terakhir,
                        nilai=_teks_target(akhir),
                        target=_teks_target(target_tahun),
                    ),
                    f"target_{n}",
                )
            )
    elif target_tahun.nilai is not None:
        t = target_tahun.nilai
        angka = {k: v.nilai for k, v in target_periode.items() if v.nilai is not None}
        tahunan = ind.frekuensi == Frekuensi.TAHUNAN
        if ind.agregasi == Agregasi.KUMULATIF and not tahunan:
            jumlah = sum(angka.values(), Decimal(0))
            if jumlah != t:
                hasil.append(
                    Temuan(
                        "ra_kumulatif",
                        PERINGATAN,
                        _(PESAN_RA_KUMULATIF).format(
                            periode=nama_jenis, jumlah=teks(jumlah), target=teks(t)
                        ),
                    )
                )
        elif ind.agregasi == Agregasi.RATA_RATA and not tahunan:
            jumlah = sum(angka.values(), Decimal(0))
            if len(angka) != n or jumlah != t * n:
                rata = jumlah / len(angka) if angka else Decimal(0)
                hasil.append(
                    Temuan(
                        "ra_rata_rata",
                        PERINGATAN,
                        _(PESAN_RA_RATA_RATA).format(
                            periode=nama_jenis,
                            rata=teks(rata.quantize(Decimal("0.0001"))),
                            target=teks(t),
                        ),
                    )
                )
        elif akhir.nilai is not None and akhir.nilai != t:
            hasil.append(
                Temuan(
                    "ra_nilai_akhir",
                    PERINGATAN,
                    _(PESAN_RA_NILAI_AKHIR).format(
                        terakhir=terakhir, nilai=teks(akhir.nilai), target=teks(t)
                    ),
                    f"target_{n}",
                )
            )
        if (
            ind.agregasi == Agregasi.NILAI_AKHIR
            and ind.polaritas == Polaritas.POSITIF
            and not tahunan
        ):
            sebelumnya: Decimal | None = None
            for k in range(1, n + 1):
                v = angka.get(k)
                if v is None:
                    continue
                if sebelumnya is not None and v < sebelumnya:
                    hasil.append(
                        Temuan(
                            "ra_menurun",
                            PERINGATAN,
                            _(PESAN_RA_MENURUN).format(periode=label[k - 1]),
                            f"target_{k}",
                        )
                    )
                    break
                sebelumnya = v
    if aksi is not None:
        for k in range(1, n + 1):
            ada_target = not target_periode.get(k, NilaiTarget()).kosong
            if ada_target and not (aksi.get(k) or "").strip():
                hasil.append(
                    Temuan(
                        "ra_aksi_kosong",
                        PERINGATAN,
                        _(PESAN_RA_AKSI_KOSONG).format(periode=label[k - 1]),
                        f"aksi_{k}",
                    )
                )
    return hasil


def _teks_target(t: NilaiTarget) -> str:
    if t.nilai_min is not None or t.nilai_max is not None:
        return f"{teks(t.nilai_min)}–{teks(t.nilai_max)}"
    if t.nilai_teks:
        return t.nilai_teks
    return teks(t.nilai)


def periksa_penarikan(pagu: Decimal, nilai: Sequence[Decimal | None]) -> list[Temuan]:
    """The quarterly withdrawal plan should add up to the pagu exactly."""
    if not any(v is not None for v in nilai):
        return []
    jumlah = sum((v for v in nilai if v is not None), Decimal(0))
    if jumlah == pagu:
        return []
    return [
        Temuan(
            "penarikan_tidak_sama",
            PERINGATAN,
            _(PESAN_PENARIKAN_TIDAK_SAMA).format(
                jumlah=teks(jumlah), pagu=teks(pagu), selisih=teks(jumlah - pagu)
            ),
            "penarikan",
        )
    ]


def periksa_pagu_anak(pagu: Decimal, pagu_anak: Sequence[Decimal]) -> list[Temuan]:
    """A program's pagu should equal the sum of its kegiatan (and so on down), when given."""
    if not pagu_anak:
        return []
    jumlah = sum(pagu_anak, Decimal(0))
    if jumlah == pagu:
        return []
    return [
        Temuan(
            "pagu_anak",
            PERINGATAN,
            _(PESAN_PAGU_ANAK).format(
                jumlah=teks(jumlah), pagu=teks(pagu), selisih=teks(jumlah - pagu)
            ),
            "pagu",
        )
    ]


def periksa_elemen(
    *,
    level_kode: str,
    kode: str,
    kode_induk: str = "",
    paket: bool = False,
    kode_rup: str = "",
    metode: str = "",
    ada_pemilik: bool = True,
) -> list[Temuan]:
    """Checks on a framework element: Kepmendagri code shapes, and a package's SIRUP data."""
    hasil: list[Temuan] = []
    if level_kode in POLA_KODE and kode:
        pola, contoh = POLA_KODE[level_kode]
        if not pola.match(kode):
            hasil.append(
                Temuan(
                    "kode_kepmendagri",
                    PERINGATAN,
                    _(PESAN_KODE_KEPMENDAGRI).format(
                        kode=kode, level=level_kode.replace("_", " "), contoh=contoh
                    ),
                    "kode",
                )
            )
        if kode_induk and kode_induk[0].isdigit() and not kode.startswith(kode_induk + "."):
            hasil.append(
                Temuan(
                    "kode_induk",
                    PERINGATAN,
                    _(PESAN_KODE_INDUK).format(kode=kode, induk=kode_induk),
                    "kode",
                )
            )
    if paket:
        if not kode_rup:
            hasil.append(Temuan("kode_rup_wajib", GALAT, _(PESAN_KODE_RUP_WAJIB), "kode_rup"))
        elif not kode_rup.isdigit():
            hasil.append(
                Temuan("kode_rup", GALAT, _(PESAN_KODE_RUP).format(kode=kode_rup), "kode_rup")
            )
        if not metode:
            hasil.append(Temuan("metode_wajib", GALAT, _(PESAN_METODE_WAJIB), "metode_pengadaan"))
        if not ada_pemilik:
            hasil.append(Temuan("pemilik_wajib", GALAT, _(PESAN_PEMILIK_WAJIB), "instansi_pemilik"))
    return hasil
