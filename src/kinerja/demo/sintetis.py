"""`kinerja demo --skala pemda`: a synthetic Pemda for load and benchmark work.

"Pemerintah Kabupaten Sintetis" has 40 agencies (perangkat daerah) with 200 indicators each
(8 000 in all), ten logins per agency (400 users), a Renstra tree, 2026 targets, signed PKs
with quarterly Rencana Aksi, budget lines, and realisations for TW I–III 2026 — the scale
DESIGN.md asks the pages and documents to handle. Unlike the four seed agencies it is
generated, not written by hand: values come from a seeded random generator, so every run
produces the same data. Rows are written with `bulk_create` in batches inside one
transaction; a second run deletes the synthetic Pemda and generates it again.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction

from kinerja.demo.dunia import AWALAN_KODE_CONTOH, LEVEL_STANDAR
from kinerja.demo.pemuat import (
    WIB,
    _akar_contoh,
    hapus_pemda_contoh,
    hapus_pengguna_usang,
    hash_sandi_demo,
    pastikan_pengguna,
    pastikan_skala_ordinal,
)
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, PemangkuJabatan, Peran
from kinerja.pengukuran.models import Periode, Realisasi, RealisasiAnggaran
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    ItemPK,
    KerangkaKinerja,
    LevelKerangka,
    PerjanjianKinerja,
    RencanaAksi,
    RencanaPenarikan,
    TargetTahunan,
)

NAMA_PEMDA_SINTETIS = "Pemerintah Kabupaten Sintetis"
KUNCI_SINTETIS = "sintetis"
UKURAN_BATCH = 2000
TAHUN = 2026
# Agency names of a typical kabupaten; a number is appended past the list.
NAMA_DINAS = [
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Sosial",
    "Dinas Tenaga Kerja",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Ketahanan Pangan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Kebudayaan",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Perikanan",
    "Dinas Pariwisata",
    "Dinas Pertanian",
    "Dinas Perdagangan",
    "Dinas Perindustrian",
    "Dinas Pemadam Kebakaran",
    "Satuan Polisi Pamong Praja",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Sekretariat DPRD",
    "RSUD Sintetis",
    "Kecamatan Kota",
    "Kecamatan Utara",
    "Kecamatan Selatan",
    "Kecamatan Timur",
    "Kecamatan Barat",
    "Kecamatan Tengah",
]
BIDANG = 4
# Realisation as a share of the quarter's target (%), and how often each occurs.
FAKTOR_CAPAIAN = [70, 85, 92, 96, 98, 100, 101, 103, 106, 110, 160]
BOBOT_CAPAIAN = [2, 6, 10, 14, 16, 18, 12, 10, 6, 4, 2]


@dataclass
class HasilSintetis:
    """Summary of a synthetic run."""

    nama: str
    detik: float
    jumlah: dict[str, int] = field(default_factory=dict)


def _nip(nomor: int) -> str:
    """A valid, unique NIP for synthetic employee `nomor` (birth date steps by 9 days)."""
    lahir = dt.date(1966, 1, 1) + dt.timedelta(days=9 * nomor)
    tmt_tahun = lahir.year + 24
    return f"{lahir:%Y%m%d}{tmt_tahun}{nomor % 12 + 1:02d}{nomor % 2 + 1}{nomor % 1000:03d}"


def _q(x: Decimal, tempat: str = "0.01") -> Decimal:
    return x.quantize(Decimal(tempat), rounding=ROUND_HALF_UP)


def _batch(model: Any, baris: list[Any]) -> list[Any]:
    return model.objects.bulk_create(baris, batch_size=UKURAN_BATCH)


def muat_sintetis(*, jumlah_dinas: int = 40, indikator_per_dinas: int = 200) -> HasilSintetis:
    """Delete and regenerate the synthetic Pemda; return counts and the time it took."""
    mulai = time.perf_counter()
    acak = random.Random(20261123)  # noqa: S311 — reproducible data, not security
    jumlah: dict[str, int] = {}
    with transaction.atomic():
        hapus_pemda_contoh(_akar_contoh([NAMA_PEMDA_SINTETIS]))
        skala = pastikan_skala_ordinal()
        hash_sandi = hash_sandi_demo()

        pemda = Instansi(
            jenis="pemda",
            nama=NAMA_PEMDA_SINTETIS,
            singkatan="Pemkab Sintetis",
            kode=AWALAN_KODE_CONTOH + KUNCI_SINTETIS,
            kota="Sintetis",
        )
        pemda.save()
        inspektorat = Instansi(
            induk=pemda, jenis="pd", nama="Inspektorat Kabupaten Sintetis", urutan=999
        )
        inspektorat.save()
        periode = {
            n: p
            for n, p in zip(
                (1, 2, 3, 4),
                _batch(
                    Periode,
                    [
                        Periode(
                            pemda=pemda,
                            tahun=TAHUN,
                            jenis_periode="triwulan",
                            nomor=n,
                            status=st,
                            batas_pengisian=batas,
                        )
                        for n, st, batas in [
                            (1, "dikunci", dt.date(2026, 4, 10)),
                            (2, "dikunci", dt.date(2026, 7, 10)),
                            (3, "ditutup", dt.date(2026, 10, 10)),
                            (4, "dibuka", dt.date(2027, 1, 10)),
                        ]
                    ],
                ),
                strict=True,
            )
        }

        # Organisation: agencies, units, positions, people, logins.
        dinas, unit = [], []
        for d in range(jumlah_dinas):
            nama = NAMA_DINAS[d] if d < len(NAMA_DINAS) else f"Dinas Sintetis {d + 1:03d}"
            pd = Instansi(induk=pemda, jenis="pd", nama=nama, kode=f"S{d + 1:03d}", urutan=d)
            pd.save()
            dinas.append(pd)
            bagian = []
            for b, nm in enumerate(
                ["Sekretariat"] + [f"Bidang {r}" for r in ["I", "II", "III", "IV"]]
            ):
                u = Instansi(induk=pd, jenis="unit", nama=nm, urutan=b)
                u.save()
                bagian.append(u)
            unit.append(bagian)

        login: list[tuple[str, str]] = []
        rencana_login: list[tuple[str, int, str, Instansi]] = []  # username, person, role, scope
        orang: list[Pegawai] = []
        jabatan_spec: list[tuple[int, str, Instansi, int | None]] = []
        for d, pd in enumerate(dinas):
            dasar = len(orang)
            peran_unit = [("kepala", "kepala", pd), ("sekretaris", "sekretaris", pd)]
            peran_unit += [(f"kabid{b}", "kepala_bidang", unit[d][b]) for b in range(1, BIDANG + 1)]
            peran_unit += [(f"op{b}", "bidang", unit[d][b]) for b in range(1, BIDANG + 1)]
            for i, (slug, kode, lingkup) in enumerate(peran_unit):
                no = dasar + i
                orang.append(
                    Pegawai(
                        nip=_nip(no),
                        nama=f"Pegawai Sintetis {no + 1:04d}",
                        golongan="IV/a" if i < 6 else "III/a",
                        pangkat="Pembina" if i < 6 else "Penata Muda",
                        unit=unit[d][0] if slug == "sekretaris" else lingkup,
                    )
                )
                username = f"{KUNCI_SINTETIS}.d{d + 1:02d}.{slug}"
                login.append((username, f"Pegawai Sintetis {no + 1:04d}"))
                rencana_login.append((username, no, kode, lingkup))
            jabatan_spec.append((d, "Kepala", pd, None))
            jabatan_spec.append((d, "Sekretaris", unit[d][0], 0))
            for b in range(1, BIDANG + 1):
                jabatan_spec.append(
                    (d, f"Kepala Bidang {['I', 'II', 'III', 'IV'][b - 1]}", unit[d][b], 0)
                )
        no = len(orang)
        orang.append(
            Pegawai(nip=_nip(no), nama="Auditor Sintetis", golongan="IV/a", unit=inspektorat)
        )
        login.append((f"{KUNCI_SINTETIS}.inspektorat", "Auditor Sintetis"))
        rencana_login.append((f"{KUNCI_SINTETIS}.inspektorat", no, "inspektorat", pemda))

        pengguna = pastikan_pengguna(login, hash_sandi)
        for username, no, _kode, _lingkup in rencana_login:
            orang[no].pengguna = pengguna[username]
        _batch(Pegawai, orang)
        _batch(
            Peran,
            [
                Peran(pengguna=pengguna[u], kode=kode, instansi=lingkup)
                for u, _no, kode, lingkup in rencana_login
            ],
        )
        hapus_pengguna_usang([f"{KUNCI_SINTETIS}."], {u for u, _ in login})

        jabatan = _batch(
            Jabatan, [Jabatan(instansi=ins, nama=nm, eselon="") for _d, nm, ins, _a in jabatan_spec]
        )
        per_dinas = 1 + BIDANG + 1
        for i, (_d, _nm, _ins, atasan) in enumerate(jabatan_spec):
            if atasan is not None:
                jabatan[i].atasan = jabatan[i - (i % per_dinas)]
        Jabatan.objects.bulk_update(jabatan, ["atasan"], batch_size=UKURAN_BATCH)
        # Position j of agency d is held by person j of that agency (10 people, 6 positions).
        _batch(
            PemangkuJabatan,
            [
                PemangkuJabatan(
                    jabatan=jabatan[d * per_dinas + j],
                    pegawai=orang[d * 10 + j],
                    mulai=dt.date(2024, 1, 2),
                )
                for d in range(jumlah_dinas)
                for j in range(per_dinas)
            ],
        )

        # Plans: one Renstra tree per agency, indicators spread over its elements.
        kerangka = _batch(
            KerangkaKinerja,
            [
                KerangkaKinerja(
                    instansi=pd,
                    nama=f"Renstra {pd.nama} 2025–2029 (data sintetis)",
                    tahun_mulai=2025,
                    tahun_selesai=2029,
                )
                for pd in dinas
            ],
        )
        level = {}
        baris_level = []
        for k in kerangka:
            for u, (kode, nama, ang) in enumerate(LEVEL_STANDAR, start=1):
                lv = LevelKerangka(kerangka=k, urutan=u, kode=kode, nama=nama, punya_anggaran=ang)
                level[(k.pk, kode)] = lv
                baris_level.append(lv)
        _batch(LevelKerangka, baris_level)

        def elemen_baru(k: KerangkaKinerja, kode_level: str, **kw: Any) -> Elemen:
            return Elemen(kerangka=k, level=level[(k.pk, kode_level)], **kw)

        tujuan = _batch(
            Elemen,
            [
                elemen_baru(k, "tujuan", kode=f"T{t}", nama=f"Tujuan {t} {dinas[d].nama}", urutan=t)
                for d, k in enumerate(kerangka)
                for t in (1, 2)
            ],
        )
        sasaran = _batch(
            Elemen,
            [
                elemen_baru(
                    k,
                    "sasaran",
                    induk=tujuan[d * 2 + s // 2],
                    kode=f"S{s + 1}",
                    nama=f"Sasaran {s + 1} {dinas[d].nama}",
                    urutan=s,
                )
                for d, k in enumerate(kerangka)
                for s in range(4)
            ],
        )
        program = _batch(
            Elemen,
            [
                elemen_baru(
                    k,
                    "program",
                    induk=sasaran[d * 4 + b],
                    kode=f"9.{d + 1:02d}.{b + 2:02d}",
                    nama=f"Program Bidang {b + 1}",
                    unit=unit[d][b + 1],
                    urutan=b,
                )
                for d, k in enumerate(kerangka)
                for b in range(BIDANG)
            ],
        )
        kegiatan = _batch(
            Elemen,
            [
                elemen_baru(
                    p.kerangka,
                    "kegiatan",
                    induk=p,
                    kode=f"{p.kode}.2.{g + 1:02d}",
                    nama=f"Kegiatan {g + 1} {p.nama}",
                    unit=p.unit,
                    urutan=g,
                )
                for p in program
                for g in range(2)
            ],
        )
        sub = _batch(
            Elemen,
            [
                elemen_baru(
                    g.kerangka,
                    "sub_kegiatan",
                    induk=g,
                    kode=f"{g.kode}.{s + 1:04d}",
                    nama=f"Sub Kegiatan {s + 1} {g.nama}",
                    unit=g.unit,
                    urutan=s,
                )
                for g in kegiatan
                for s in range(4)
            ],
        )
        jumlah["elemen"] = len(tujuan) + len(sasaran) + len(program) + len(kegiatan) + len(sub)

        # Budget: sub kegiatan pagu, parents summed, quarterly plan and TW I–III spending.
        pagu: dict[int, Decimal] = {}
        for s in sub:
            pagu[s.pk] = Decimal(acak.randrange(200, 5000)) * 1_000_000
        for g in kegiatan:
            pagu[g.pk] = sum((pagu[s.pk] for s in sub if s.induk_id == g.pk), Decimal(0))
        for p in program:
            pagu[p.pk] = sum((pagu[g.pk] for g in kegiatan if g.induk_id == p.pk), Decimal(0))
        anggaran = _batch(
            Anggaran,
            [
                Anggaran(elemen=e, tahun=TAHUN, pagu=pagu[e.pk], keterangan="Data sintetis")
                for e in [*program, *kegiatan, *sub]
            ],
        )
        _batch(
            RencanaPenarikan,
            [
                RencanaPenarikan(anggaran=a, triwulan=tw, nilai=a.pagu * Decimal(porsi))
                for a in anggaran
                for tw, porsi in zip((1, 2, 3, 4), ("0.15", "0.25", "0.30", "0.30"), strict=True)
            ],
        )
        _batch(
            RealisasiAnggaran,
            [
                RealisasiAnggaran(
                    anggaran=a,
                    periode=periode[tw],
                    nilai=_q(a.pagu * Decimal(porsi) * Decimal(acak.randrange(80, 105)) / 100, "1"),
                )
                for a in anggaran
                for tw, porsi in zip((1, 2, 3), ("0.13", "0.24", "0.27"), strict=True)
            ],
        )
        jumlah["anggaran"] = len(anggaran)

        # Indicators: spread over sasaran, program, kegiatan and sub kegiatan of each agency.
        indikator, target, spec = [], [], []
        for d in range(len(kerangka)):
            wadah = (
                sasaran[d * 4 : d * 4 + 4]
                + program[d * BIDANG : (d + 1) * BIDANG]
                + kegiatan[d * BIDANG * 2 : (d + 1) * BIDANG * 2]
                + sub[d * BIDANG * 8 : (d + 1) * BIDANG * 8]
            )
            for i in range(indikator_per_dinas):
                e = wadah[i % len(wadah)]
                jenis_nilai, polaritas, agregasi, skala_kode = (
                    "persen",
                    "positif",
                    "nilai_akhir",
                    None,
                )
                if i % 10 == 3:
                    jenis_nilai, agregasi = "angka", "kumulatif"
                elif i % 10 == 6:
                    polaritas = "negatif"
                elif i % 10 == 8:
                    agregasi = "rata_rata"
                elif i % 20 == 9:
                    jenis_nilai = "biner"
                elif i % 40 == 19:
                    jenis_nilai, skala_kode = "ordinal", "predikat-akip"
                elif i % 40 == 39:
                    polaritas = "rentang"
                ind = Indikator(
                    elemen=e,
                    kode=f"S{d + 1:03d}-{i + 1:03d}",
                    nama=f"Indikator sintetis {i + 1} {e.nama}",
                    jenis="iku" if e.level.kode == "sasaran" else e.level.kode,
                    definisi_operasional="Indikator sintetis untuk uji beban.",
                    formula="Sintetis",
                    satuan="%" if jenis_nilai == "persen" else "unit",
                    polaritas=polaritas,
                    jenis_nilai=jenis_nilai,
                    agregasi=agregasi,
                    skala=skala[skala_kode] if skala_kode else None,
                    sumber_data="Data sintetis",
                    unit_penanggung_jawab=e.unit or dinas[d],
                    baseline=Decimal(60),
                    tahun_baseline=2024,
                    urutan=i,
                )
                indikator.append(ind)
                spec.append((d, e, jenis_nilai, polaritas, agregasi))
        _batch(Indikator, indikator)
        jumlah["indikator"] = len(indikator)

        nilai_target = []
        for ind, (_d, _e, jenis_nilai, polaritas, _agregasi) in zip(indikator, spec, strict=True):
            t = Decimal(acak.randrange(50, 100))
            data: dict[str, Any] = {"nilai": t}
            if jenis_nilai == "biner":
                data = {"nilai_teks": "ya"}
            elif jenis_nilai == "ordinal":
                data = {"nilai_teks": "BB"}
            elif polaritas == "rentang":
                data = {"nilai_min": t - 5, "nilai_max": t + 5}
            nilai_target.append(data)
            target.append(
                TargetTahunan(
                    indikator=ind, tahun=TAHUN, berlaku_mulai=dt.date(TAHUN, 1, 1), **data
                )
            )
        _batch(TargetTahunan, target)

        # One signed PK per position: the head holds sasaran indicators, each Kabid its Bidang's.
        pk = _batch(
            PerjanjianKinerja,
            [
                PerjanjianKinerja(
                    jabatan=jabatan[d * per_dinas + j],
                    tahun=TAHUN,
                    pihak_pertama=orang[d * 10 + j],
                    jabatan_pihak_kedua=jabatan[d * per_dinas] if j else None,
                    jabatan_pihak_kedua_teks="" if j else "Bupati Sintetis",
                    pihak_kedua=orang[d * 10] if j else None,
                    status="ditandatangani",
                    tanggal=dt.date(TAHUN, 1, 30),
                    ditandatangani_pada=dt.datetime(TAHUN, 1, 30, 14, tzinfo=WIB),
                )
                for d in range(jumlah_dinas)
                for j in [0] + list(range(2, per_dinas))
            ],
        )
        pk_per = {(p.jabatan.instansi_id): p for p in pk}
        item, ra, realisasi = [], [], []
        bulat = {"angka": "1", "persen": "0.01"}
        for ind, (d, e, jenis_nilai, polaritas, agregasi), data in zip(
            indikator, spec, nilai_target, strict=True
        ):
            pemilik = pk_per[dinas[d].pk] if e.level.kode == "sasaran" else pk_per[e.unit_id]
            # The Bidang's operator enters, its Kepala Bidang validates (Bidang I for sasaran).
            bidang = 1 if e.level.kode == "sasaran" else unit[d].index(e.unit)
            operator = pengguna[f"{KUNCI_SINTETIS}.d{d + 1:02d}.op{bidang}"]
            kabid = pengguna[f"{KUNCI_SINTETIS}.d{d + 1:02d}.kabid{bidang}"]
            it = ItemPK(
                perjanjian=pemilik,
                indikator=ind,
                target=data.get("nilai"),
                target_teks=data.get("nilai_teks", ""),
                urutan=len(item),
            )
            item.append(it)
            t = data.get("nilai")
            if jenis_nilai in ("biner", "ordinal") or polaritas == "rentang" or t is None:
                tw_target = [None, None, None, None]
            elif agregasi == "kumulatif":
                bagian = [_q(t * Decimal(p), "1") for p in ("0.2", "0.3", "0.3")]
                tw_target = [*bagian, t - sum(bagian)]
            elif agregasi == "rata_rata":
                tw_target = [t, t, t, t]
            else:
                tw_target = [_q(t * Decimal(p)) for p in ("0.85", "0.9", "0.95")] + [t]
            for tw in (1, 2, 3, 4):
                ra.append(
                    RencanaAksi(
                        item_pk=it,
                        nomor=tw,
                        target=tw_target[tw - 1],
                        target_teks=data.get("nilai_teks", ""),
                        rencana_aksi=f"Rencana aksi sintetis triwulan {tw}",
                    )
                )
            for tw in (1, 2, 3):
                # Mostly 85–110 % of the quarter's target; about 2 % far above it.
                faktor = Decimal(acak.choices(FAKTOR_CAPAIAN, weights=BOBOT_CAPAIAN)[0])
                nilai, teks = None, ""
                if jenis_nilai == "biner":
                    nilai = Decimal(1 if faktor >= 92 else 0)
                elif jenis_nilai == "ordinal":
                    teks = "BB" if faktor >= 96 else "B"
                elif polaritas == "rentang":
                    nilai = _q(data["nilai_min"] + faktor / 20)
                else:
                    dasar = tw_target[tw - 1]
                    if polaritas == "negatif":
                        faktor = 200 - faktor
                    nilai = _q(dasar * faktor / 100, bulat[jenis_nilai])
                valid = tw < 3 or acak.random() < 0.7
                diajukan = dt.datetime.combine(
                    periode[tw].batas_pengisian - dt.timedelta(days=3), dt.time(14), tzinfo=WIB
                )
                realisasi.append(
                    Realisasi(
                        indikator=ind,
                        periode=periode[tw],
                        nilai=nilai,
                        nilai_teks=teks,
                        status="divalidasi" if valid else "diajukan",
                        diisi_oleh=operator,
                        diajukan_oleh=operator,
                        diajukan_pada=diajukan,
                        divalidasi_oleh=kabid if valid else None,
                        divalidasi_pada=diajukan + dt.timedelta(days=5) if valid else None,
                    )
                )
        _batch(ItemPK, item)
        _batch(RencanaAksi, ra)
        _batch(Realisasi, realisasi)
        jumlah.update(
            {
                "instansi_pd": len(dinas),
                "login": len(login),
                "perjanjian": len(pk),
                "rencana_aksi": len(ra),
                "realisasi": len(realisasi),
            }
        )
    return HasilSintetis(nama=NAMA_PEMDA_SINTETIS, detik=time.perf_counter() - mulai, jumlah=jumlah)
