"""Demo SKP (data contoh) for Dinas PUTR Lumajang, hooked into `kinerja demo`.

Every PNS and PPPK of the agency gets an SKP 2026 cascaded from the Kepala's Perjanjian Kinerja:
the Kepala's results follow his PK items (one result per sasaran), each Kepala Bidang's results
support the Kepala's result that their own PK item supports, the Sekretaris and Kasubag support
their superior's results, staff support their Kasubag's or Kepala Bidang's. Plans are set
(ditetapkan); realisation with a link as evidence is entered for Triwulan I–III (part of
Triwulan IV), and Triwulan I–III are evaluated and final. A unit head's hasil kerja rating
follows the unit's capaian (`selectors.rating_pimpinan`). One employee of the Tim SAKIP moves
from the Subbagian Keuangan to the Subbagian Umum on 1 July 2026 and so has two SKP.
Idempotent: the agency's SKP are removed and built again. Numbers are *data contoh*.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from kinerja.alur.models import JenisNotifikasi, Notifikasi
from kinerja.organisasi.models import Instansi, JenisASN, Pegawai
from kinerja.pengukuran.models import Periode
from kinerja.perencanaan.models import ItemPK, PerjanjianKinerja
from kinerja.skp import matriks, selectors
from kinerja.skp.berakhlak import NilaiBerAKHLAK
from kinerja.skp.models import (
    SKP,
    AspekIndikator,
    BuktiSKP,
    EkspektasiPerilaku,
    IndikatorSKP,
    JenisRHK,
    Keberatan,
    PenilaianPerilaku,
    PenilaianSKP,
    PenilaianTahunan,
    RealisasiSKP,
    RencanaHasilKerja,
    StatusSKP,
    SumberRating,
)
from kinerja.skp.services import _isi_jabatan_penilai

TAHUN = 2026
NAMA_AGENSI = "Dinas Pekerjaan Umum dan Tata Ruang"
NIP_PINDAH = "199208192019031012"  # Ahmad Fauzi (Tim SAKIP): Keuangan → Umum, 1 Juli 2026
TANGGAL_PINDAH = dt.date(2026, 7, 1)
# Ratings (hasil kerja, perilaku kerja) of employees who do not head a unit, by NIP; the
# rest get "sesuai" for both. The first of a moved employee's pair is the first half-year.
RATING = {
    "198906022014032004": ("di_atas", "sesuai"),  # Nia Kurniawati
    "199208192019031012": ("sesuai", "sesuai"),
    "199601302022061015": ("di_bawah", "sesuai"),  # Dimas Aditya (PPPK)
}
RATING_SETELAH_PINDAH = ("di_atas", "di_atas")
NIP_KEBERATAN = "199601302022061015"  # Dimas Aditya objects to his Triwulan III evaluation
PERILAKU_PIMPINAN = {"197105061997031005": "di_atas", "197610162002121006": "di_bawah"}
TEKS_STAF = [
    (
        "Tersusunnya bahan dan data dukung untuk: {induk}",
        [
            (AspekIndikator.KUANTITAS, "Jumlah laporan data dukung yang disusun", "4", "laporan"),
            (AspekIndikator.KUALITAS, "Persentase laporan diterima tanpa revisi", "90", "%"),
            (AspekIndikator.WAKTU, "Ketepatan waktu penyampaian laporan", "12", "bulan"),
        ],
    ),
]


def _agensi(hasil: Any) -> Instansi | None:
    for r in getattr(hasil, "pemda", []) or []:
        if getattr(r, "kunci", "") == "lumajang" and "pd" in r.instansi:
            return r.instansi["pd"]  # type: ignore[no-any-return]
    return Instansi.objects.filter(nama=NAMA_AGENSI, induk__kode__startswith="contoh").first()


def _items(jabatan_id: int | None) -> list[ItemPK]:
    """The items of the latest 2026 PK version of a position."""
    if jabatan_id is None:
        return []
    pk = (
        PerjanjianKinerja.objects.filter(jabatan_id=jabatan_id, tahun=TAHUN)
        .order_by("-nomor_versi")
        .first()
    )
    if pk is None:
        return []
    return list(pk.item.select_related("indikator__elemen", "indikator__unit_penanggung_jawab"))


def _indikator_dari_item(rhk: RencanaHasilKerja, items: list[ItemPK]) -> None:
    for n, it in enumerate(items):
        ind = it.indikator
        if it.target is not None:
            target, satuan, nama = it.target, ind.satuan, ind.nama
            aspek = AspekIndikator.KUALITAS if ind.satuan == "%" else AspekIndikator.KUANTITAS
        else:
            target, satuan, aspek = Decimal(100), "%", AspekIndikator.KUALITAS
            nama = f"Ketercapaian target {it.target_teks}: {ind.nama}"
        IndikatorSKP.objects.create(
            rhk=rhk, aspek=aspek, nama=nama[:500], target=target, satuan=satuan[:60], urutan=n
        )


def _indikator_staf(rhk: RencanaHasilKerja) -> None:
    for n, (aspek, nama, target, satuan) in enumerate(TEKS_STAF[0][1]):
        IndikatorSKP.objects.create(
            rhk=rhk, aspek=aspek, nama=nama, target=Decimal(target), satuan=satuan, urutan=n
        )


def _dalam(unit: Instansi | None, jalur: str) -> bool:
    return unit is not None and unit.jalur.startswith(jalur)


def _rencana(skp: SKP, per_pegawai: dict[int, list[SKP]]) -> None:
    """Results of one SKP, cascaded from its penilai's SKP (or the Kepala's PK)."""
    urut = 0
    if skp.jabatan_penilai_id is None:
        # The Kepala: one result per sasaran/tujuan of his PK.
        per_elemen: dict[int, list[ItemPK]] = {}
        for it in _items(skp.jabatan_id):
            per_elemen.setdefault(it.indikator.elemen_id, []).append(it)
        for items in per_elemen.values():
            rhk = RencanaHasilKerja.objects.create(
                skp=skp, uraian=items[0].indikator.elemen.nama, item_pk=items[0], urutan=urut
            )
            _indikator_dari_item(rhk, items)
            urut += 1
        return
    atasan = [s for s in per_pegawai.get(skp.penilai_id or 0, []) if s.selesai >= skp.mulai]
    rhk_atasan = [
        r
        for s in atasan[-1:]
        for r in s.rhk.filter(jenis=JenisRHK.UTAMA).select_related("item_pk__indikator")
    ]
    milik = _items(skp.jabatan_id) if selectors.adalah_kepala_unit(skp.jabatan) else []
    if milik:
        # A Kepala Bidang / Sekretaris with their own PK: one result per program, supporting the
        # Kepala's result that their item supports.
        per_elemen = {}
        for it in milik:
            per_elemen.setdefault(it.indikator.elemen_id, []).append(it)
        for items in per_elemen.values():
            induk = next(
                (r for r in rhk_atasan if r.item_pk_id and r.item_pk_id == items[0].item_induk_id),
                None,
            )
            if induk is None:
                kode_induk = items[0].item_induk.indikator.elemen_id if items[0].item_induk else 0
                induk = next(
                    (
                        r
                        for r in rhk_atasan
                        if r.item_pk_id and r.item_pk.indikator.elemen_id == kode_induk
                    ),
                    None,
                )
            rhk = RencanaHasilKerja.objects.create(
                skp=skp,
                uraian=f"Terlaksananya {items[0].indikator.elemen.nama}",
                rhk_atasan=induk,
                item_pk=None if induk else items[0],
                urutan=urut,
            )
            _indikator_dari_item(rhk, items)
            urut += 1
        # And the Kepala's results measured by indicators this unit is responsible for.
        dipakai = {r.rhk_atasan_id for r in skp.rhk.all()}
        for induk in rhk_atasan:
            unit_induk = induk.item_pk.indikator.unit_penanggung_jawab if induk.item_pk_id else None
            if induk.pk in dipakai or not _dalam(unit_induk, skp.unit.jalur):
                continue
            rhk = RencanaHasilKerja.objects.create(
                skp=skp,
                uraian=f"Terkendalinya capaian bidang untuk: {induk.uraian[:300]}",
                rhk_atasan=induk,
                urutan=urut,
            )
            _indikator_staf(rhk)
            urut += 1
        return

    # Everyone else: support (at most two of) the superior's results about their unit.
    def unit_rhk(r: RencanaHasilKerja) -> Instansi | None:
        ind = r.item_pk.indikator if r.item_pk_id else None
        return ind.unit_penanggung_jawab if ind else None

    cocok = [r for r in rhk_atasan if _dalam(unit_rhk(r), skp.unit.jalur)] or rhk_atasan
    for induk in cocok[:2]:
        rhk = RencanaHasilKerja.objects.create(
            skp=skp,
            uraian=TEKS_STAF[0][0].format(induk=induk.uraian[:300]),
            rhk_atasan=induk,
            urutan=urut,
        )
        _indikator_staf(rhk)
        urut += 1
    RencanaHasilKerja.objects.create(
        skp=skp,
        jenis=JenisRHK.TAMBAHAN,
        uraian="Menjadi narasumber sosialisasi e-Kinerja di lingkungan dinas",
        urutan=urut,
    )


FAKTOR_TW = {1: Decimal("0.25"), 2: Decimal("0.5"), 3: Decimal("0.75"), 4: Decimal("1")}


def _realisasi(skp: SKP, periode: dict[int, Periode], user: Any) -> None:
    """Realisation for the quarters of the SKP, with a link as evidence for each value."""
    for ind in IndikatorSKP.objects.filter(rhk__skp=skp).order_by("pk"):
        for tw, p in periode.items():
            if p.tanggal_akhir < skp.mulai or p.tanggal_mulai > skp.selesai:
                continue
            if tw == 4 and ind.pk % 2:
                continue  # Triwulan IV is still being entered
            if ind.aspek == AspekIndikator.KUALITAS:
                nilai = (ind.target * Decimal("0.97")).quantize(Decimal("0.01"))
            else:
                nilai = (ind.target * FAKTOR_TW[tw]).quantize(Decimal("0.01"))
            r = RealisasiSKP.objects.create(
                indikator=ind,
                periode=p,
                nilai=nilai,
                keterangan="Sesuai rencana aksi triwulan (data contoh).",
                diisi_oleh=user,
            )
            BuktiSKP.objects.create(
                realisasi=r,
                tautan=f"https://bukti.contoh.lumajangkab.go.id/skp/{TAHUN}/tw{tw}/{ind.pk}",
                nama=f"Bukti dukung TW {tw}",
                diunggah_oleh=user,
            )


# When the Triwulan I and II evaluations became final (month, day).
TANGGAL_NILAI = {1: (4, 15), 2: (7, 15)}
# The pejabat penilai's specific expectation per core value, the same for every demo SKP.
EKSPEKTASI = {
    NilaiBerAKHLAK.BERORIENTASI_PELAYANAN: (
        "Menanggapi permintaan data dan aduan masyarakat paling lambat 2 hari kerja."
    ),
    NilaiBerAKHLAK.AKUNTABEL: "Menyampaikan realisasi dan bukti dukung sebelum tanggal 5 "
    "bulan berikutnya.",
    NilaiBerAKHLAK.KOMPETEN: "Mengikuti paling sedikit satu pelatihan teknis tahun ini.",
    NilaiBerAKHLAK.HARMONIS: "Menjaga suasana kerja yang saling menghargai di unit.",
    NilaiBerAKHLAK.LOYAL: "Menjaga kerahasiaan data pengadaan dan data pribadi warga.",
    NilaiBerAKHLAK.ADAPTIF: "Memakai aplikasi Kinerja untuk seluruh pelaporan triwulan.",
    NilaiBerAKHLAK.KOLABORATIF: "Aktif dalam tim lintas bidang penyusunan laporan kinerja.",
}
# Feedback per value in the Triwulan III evaluation (the rating follows the overall one).
UMPAN_BALIK_TW3 = {
    NilaiBerAKHLAK.BERORIENTASI_PELAYANAN: "Tanggapan atas permintaan data tepat waktu.",
    NilaiBerAKHLAK.AKUNTABEL: "Bukti dukung lengkap dan dapat ditelusuri.",
    NilaiBerAKHLAK.KOLABORATIF: "Berperan dalam rapat evaluasi triwulan lintas bidang.",
}


def _nilai(skp: SKP, periode: Periode, oleh: Any, rating: tuple[str, str]) -> None:
    capaian, otomatis = selectors.rating_pimpinan(skp, periode)
    hasil = otomatis.value if otomatis is not None else rating[0]
    perilaku = rating[1]
    p = PenilaianSKP.objects.create(
        skp=skp,
        periode=periode,
        rating_hasil_kerja=hasil,
        rating_perilaku=perilaku,
        predikat=matriks.predikat_kinerja(hasil, perilaku).value,
        sumber_rating_hasil=(
            SumberRating.CAPAIAN_UNIT if otomatis is not None else SumberRating.PENILAI
        ),
        capaian_unit=capaian,
        umpan_balik_hasil="Hasil kerja triwulan ini dibahas dalam dialog kinerja (data contoh).",
        umpan_balik_perilaku="Pertahankan kolaborasi dan ketepatan waktu (data contoh).",
        final=True,
        dinilai_oleh=oleh,
        penilai=skp.penilai,
        status_penilai=skp.status_penilai,
    )
    if periode.nomor in TANGGAL_NILAI:
        # Earlier quarters were evaluated (and became final) two weeks after they ended, so
        # their objection window is long closed; Triwulan III was just evaluated.
        bulan, hari = TANGGAL_NILAI[periode.nomor]
        PenilaianSKP.objects.filter(pk=p.pk).update(
            dinilai_pada=timezone.make_aware(dt.datetime(TAHUN, bulan, hari, 9, 0))
        )
    if periode.nomor == 3:
        PenilaianPerilaku.objects.bulk_create(
            PenilaianPerilaku(penilaian=p, nilai=n, rating=perilaku, umpan_balik=teks)
            for n, teks in UMPAN_BALIK_TW3.items()
        )


def muat_data_contoh(hasil: Any) -> None:
    """Hook called by `kinerja demo` after the four Pemdas are loaded."""
    pd = _agensi(hasil)
    if pd is None:
        return
    pegawai = list(
        Pegawai.objects.filter(
            unit__jalur__startswith=pd.jalur, jenis_asn__in=(JenisASN.PNS, JenisASN.PPPK)
        ).select_related("unit", "pengguna")
    )
    # Notifications about the SKP being rebuilt would point at rows that no longer exist.
    Notifikasi.objects.filter(
        jenis__in=[JenisNotifikasi.SKP, JenisNotifikasi.KEBERATAN], pengguna__pegawai__in=pegawai
    ).delete()
    # Objections and annual evaluations protect their SKP and employee: they go first.
    Keberatan.objects.filter(pegawai__in=pegawai).delete()
    PenilaianTahunan.objects.filter(pegawai__in=pegawai).delete()
    SKP.objects.filter(pegawai__in=pegawai).delete()
    periode = {
        p.nomor: p
        for p in Periode.objects.filter(
            pemda_id=pd.id_leluhur[0], tahun=TAHUN, jenis_periode="triwulan"
        )
    }
    kepegawaian = (
        get_user_model().objects.filter(peran__kode="kepegawaian", peran__instansi=pd).first()
    )
    ditetapkan = timezone.make_aware(dt.datetime(TAHUN, 1, 31, 10, 0))
    pindah = next((p for p in pegawai if p.nip == NIP_PINDAH), None)

    # Build from the top of the Jabatan tree down so each superior's results exist first.
    def kedalaman(p: Pegawai) -> tuple[int, int, str]:
        pj = selectors.pemangku_pegawai_pada(p, dt.date(TAHUN, 1, 1))
        d = 0
        j = pj.jabatan if pj else None
        while j is not None:
            d += 1
            j = j.atasan
        return (0 if pj else 1, -d if not pj else d, p.nama)

    pegawai.sort(key=kedalaman)
    per_pegawai: dict[int, list[SKP]] = {}
    for p in pegawai:
        potongan = [(dt.date(TAHUN, 1, 1), dt.date(TAHUN, 12, 31), p.unit)]
        if p == pindah:
            umum = Instansi.objects.filter(induk__induk=pd, nama__contains="Umum").first()
            if umum is not None:
                potongan = [
                    (dt.date(TAHUN, 1, 1), TANGGAL_PINDAH - dt.timedelta(days=1), p.unit),
                    (TANGGAL_PINDAH, dt.date(TAHUN, 12, 31), umum),
                ]
        for n, (mulai, selesai, unit) in enumerate(potongan):
            skp = SKP(
                pegawai=p,
                tahun=TAHUN,
                mulai=mulai,
                selesai=selesai,
                jenis_asn=p.jenis_asn,
                unit=unit,
                status=StatusSKP.DITETAPKAN,
                ditetapkan_pada=ditetapkan,
            )
            _isi_jabatan_penilai(skp, mulai, "Analis Kebijakan" if p.jenis_asn == "pns" else "")
            skp.save()
            per_pegawai.setdefault(p.pk, []).append(skp)
            _rencana(skp, per_pegawai)
            EkspektasiPerilaku.objects.bulk_create(
                EkspektasiPerilaku(skp=skp, nilai=n, ekspektasi=teks)
                for n, teks in EKSPEKTASI.items()
            )
            _realisasi(skp, periode, p.pengguna or kepegawaian)
            oleh = (skp.penilai.pengguna if skp.penilai else None) or kepegawaian
            rating = RATING.get(p.nip or "", ("sesuai", "sesuai"))
            if n == 1:
                rating = RATING_SETELAH_PINDAH
            if selectors.adalah_kepala_unit(skp.jabatan):
                rating = ("sesuai", PERILAKU_PIMPINAN.get(p.nip or "", "sesuai"))
            for tw in (1, 2, 3):
                pr = periode.get(tw)
                if pr is not None and pr.tanggal_akhir >= mulai and pr.tanggal_mulai <= selesai:
                    _nilai(skp, pr, oleh, rating)
        if len(potongan) == 2:
            Pegawai.objects.filter(pk=p.pk).update(unit=potongan[1][2])
    _keberatan_contoh(pegawai)
    if pindah is not None:
        _tahunan_contoh(pindah, kepegawaian)


def _tahunan_contoh(pegawai: Pegawai, kepegawaian: Any) -> None:
    """A draft annual evaluation for the employee who moved: the penilai of his second SKP
    combines both SKP's Triwulan III evaluations, weighted by days (the year is not over, so
    it stays a draft). Through the service, so it records what a real evaluation records."""
    from kinerja.skp.selectors_tahunan import usulan_tahunan
    from kinerja.skp.services_tahunan import penilaian_tahunan_simpan

    terakhir = SKP.objects.filter(pegawai=pegawai, tahun=TAHUN).order_by("-mulai").first()
    if terakhir is None:
        return
    oleh = (terakhir.penilai.pengguna if terakhir.penilai else None) or kepegawaian
    usulan = usulan_tahunan(pegawai, TAHUN)
    if oleh is None or usulan.rating_hasil is None or usulan.rating_perilaku is None:
        return
    penilaian_tahunan_simpan(
        pengguna=oleh,
        pegawai=pegawai,
        tahun=TAHUN,
        rating_hasil_kerja=usulan.rating_hasil,
        rating_perilaku=usulan.rating_perilaku,
        catatan="Draf: menunggu evaluasi Triwulan IV (data contoh).",
    )


def _keberatan_contoh(pegawai: list[Pegawai]) -> None:
    """Dimas Aditya objects to his Triwulan III evaluation (Butuh Perbaikan); the objection
    waits for the Kepala Dinas, the atasan of his pejabat penilai. Filed through the service so
    the decider and the due date are what a real filing records."""
    from kinerja.skp.services_keberatan import keberatan_ajukan

    p = next((x for x in pegawai if x.nip == NIP_KEBERATAN and x.pengguna_id), None)
    penilaian = (
        PenilaianSKP.objects.filter(skp__pegawai=p, periode__nomor=3, final=True).first()
        if p is not None
        else None
    )
    if p is None or penilaian is None:
        return
    keberatan_ajukan(
        pengguna=p.pengguna,
        penilaian=penilaian,
        alasan=(
            "Realisasi laporan data dukung Triwulan III sudah 3 dari 4 laporan dan bukti dukung "
            "lengkap; keterlambatan satu laporan karena menunggu data dari penyedia (data contoh)."
        ),
    )
