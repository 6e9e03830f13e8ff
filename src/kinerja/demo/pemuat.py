"""The demo loader: turns the data modules into rows.

How a run works (and why a second run leaves the same data):
- Everything happens inside one `transaction.atomic()`: a failed run leaves the database as
  it was. This is a bulk loader, not a user action, so it writes with the ORM directly
  (mostly `bulk_create`) instead of going through the services, and writes no audit rows.
- **Delete and recreate.** The demo Pemdas are recognised by `Instansi.kode` starting with
  `contoh-`; each run deletes them with everything hanging off them (plans, measurements,
  evidence links, role assignments, and rows of other apps that point at them, such as SOP
  cycles) and loads them again. A root with a demo Pemda's name but without that code is
  real data: the loader refuses to run rather than touch it.
- Logins are kept, not recreated (updated by username), so a browser session survives a
  refresh; demo logins that no longer exist in the data are deleted. All demo logins share
  one password hash, reused from the previous run while it still matches the demo password.
- Evidence files are content-addressed (`Berkas.sha256`): the same bytes reuse the same row
  and file on every run; demo files nobody refers to any more are removed after commit.
- The synthetic Pemda of `--skala pemda` (`kinerja.demo.sintetis`) is refreshed only when
  asked for; a plain `kinerja demo` leaves it alone.
- Other apps add to the demo world through `kinerja.<app>.data_contoh.muat_data_contoh`
  (see `muat_tambahan_aplikasi`), inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import importlib
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import models, transaction
from django.db.models import F, OuterRef, ProtectedError, Q, RestrictedError, Subquery

from kinerja.demo import berkas as berkas_demo
from kinerja.demo import data_banjarnegara, data_kukar, data_lumajang, data_sumbar
from kinerja.demo.dunia import (
    AWALAN_KODE_CONTOH,
    KATA_SANDI_DEMO,
    LABEL_CONTOH,
    LEVEL_STANDAR,
    LEVEL_UKPBJ,
    NAMA_SUPERUSER,
    PANGKAT,
    RENSTRA,
    SKALA_ORDINAL,
    TAHAP_TRIWULAN,
    TAHUN_BERJALAN,
    TAHUN_LALU,
    DemoPemda,
    Ind,
)
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    KodePeran,
    Pegawai,
    PemangkuJabatan,
    Peran,
)
from kinerja.organisasi.nip import normalkan_nip
from kinerja.pengukuran.models import (
    NAMA_BULAN,
    Berkas,
    DataDukung,
    KeputusanBukti,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    StatusRealisasi,
)
from kinerja.perencanaan.models import (
    Agregasi,
    Anggaran,
    AnggaranPK,
    Elemen,
    Frekuensi,
    Indikator,
    ItemPK,
    JenisNilai,
    JenisPeriode,
    JenisTarget,
    KerangkaKinerja,
    LevelKerangka,
    LevelOrdinal,
    PerjanjianKinerja,
    Polaritas,
    RencanaAksi,
    RencanaPenarikan,
    SkalaOrdinal,
    StatusPK,
    TargetTahunan,
    TautanCrosscutting,
)

SEMUA_DEMO: list[DemoPemda] = [
    data_sumbar.DEMO,
    data_banjarnegara.DEMO,
    data_kukar.DEMO,
    data_lumajang.DEMO,
]
WIB = ZoneInfo("Asia/Jakarta")
PESAN_AKUN_NYATA = (
    "Akun “{username}” sudah ada dan bukan akun contoh; data contoh tidak dimuat agar akun "
    "itu tidak berubah."
)
# Demo logins carry an e-mail address in this reserved domain; only those are ever changed.
DOMAIN_EMAIL_CONTOH = "contoh.kinerja.example"
PESAN_DATA_NYATA = (
    "Instansi “{nama}” sudah ada dan bukan data contoh (kodenya bukan {awalan}…). "
    "Data contoh tidak dimuat agar data nyata tidak tertimpa."
)
# Periods the demo world has, per Pemda: (year, kind, number, status, deadline).
PERIODE_TRIWULAN = [
    (2025, "triwulan", 1, "dikunci", dt.date(2025, 4, 10)),
    (2025, "triwulan", 2, "dikunci", dt.date(2025, 7, 10)),
    (2025, "triwulan", 3, "dikunci", dt.date(2025, 10, 10)),
    (2025, "triwulan", 4, "dikunci", dt.date(2026, 1, 10)),
    (2025, "tahun", 1, "dikunci", dt.date(2026, 1, 31)),
    (2026, "triwulan", 1, "dikunci", dt.date(2026, 4, 10)),
    (2026, "triwulan", 2, "dikunci", dt.date(2026, 7, 10)),
    (2026, "triwulan", 3, "ditutup", dt.date(2026, 10, 10)),
    (2026, "triwulan", 4, "dibuka", dt.date(2027, 1, 10)),
]
# Monthly periods 2026 (the UKPBJ reports monthly): January–June locked, July–October closed.
PERIODE_BULAN = [
    (
        2026,
        "bulan",
        b,
        "dikunci" if b <= 6 else "ditutup",
        dt.date(2026, b + 1, 10),
    )
    for b in range(1, 11)
]
# A little variation of spending per budget line, so lines do not all absorb the same share.
VARIASI_SERAPAN = ("1.00", "0.96", "1.03", "0.92", "1.01")
KENDALA_BAWAAN = (
    "Pelaksanaan pekerjaan di lapangan belum sesuai jadwal rencana aksi.",
    "Percepatan pelaksanaan dan pengendalian mingguan bersama penyedia dan bidang teknis.",
)


def _d(teks: str | int | None) -> Decimal | None:
    """Decimal from the data's string notation; None stays None."""
    return None if teks is None else Decimal(str(teks))


def _pada(tanggal: dt.date, jam: int = 10) -> dt.datetime:
    """An aware datetime on `tanggal` in Asia/Jakarta."""
    return dt.datetime(tanggal.year, tanggal.month, tanggal.day, jam, 0, tzinfo=WIB)


def _rupiah(nilai: Decimal) -> Decimal:
    """Round to whole thousands of rupiah, as budget documents do."""
    return (nilai / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000


def _teks_angka(nilai: Decimal) -> str:
    """Indonesian notation for a target printed as text (2,1)."""
    s = format(nilai.normalize(), "f")
    return s.replace(".", ",")


# --------------------------------------------------------------------------------------------
# Deleting the previous demo


def _akar_contoh(nama: list[str]) -> list[Instansi]:
    """The demo Pemda roots among `nama`; refuse when a root of that name is real data."""
    akar = list(Instansi.objects.filter(induk__isnull=True, nama__in=nama))
    for a in akar:
        if not a.kode.startswith(AWALAN_KODE_CONTOH):
            raise CommandError(PESAN_DATA_NYATA.format(nama=a.nama, awalan=AWALAN_KODE_CONTOH))
    return akar


def _hapus_paksa(qs: models.QuerySet[Any], kedalaman: int = 0) -> None:
    """Delete `qs` with Django's collector, first deleting whatever PROTECTs it."""
    for _ in range(20):
        try:
            qs.delete()
            return
        except (ProtectedError, RestrictedError) as exc:
            if kedalaman > 8:
                raise
            terhalang = (
                exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
            )
            per_model: dict[type[models.Model], list[Any]] = defaultdict(list)
            for obj in terhalang:
                per_model[type(obj)].append(obj.pk)
            for model, pks in per_model.items():
                _hapus_paksa(model._default_manager.filter(pk__in=pks), kedalaman + 1)
    qs.delete()


def hapus_pemda_contoh(akar: list[Instansi]) -> None:
    """Delete the demo Pemdas `akar` and everything hanging off them (see the module docs)."""
    if not akar:
        return
    q_jalur = Q()
    for a in akar:
        q_jalur |= Q(jalur__startswith=a.jalur)
    id_instansi = list(Instansi.objects.filter(q_jalur).values_list("pk", flat=True))
    akar_ids = [a.pk for a in akar]

    kerangka = KerangkaKinerja.objects.filter(instansi_id__in=id_instansi)
    elemen = Elemen.objects.filter(kerangka__instansi_id__in=id_instansi)
    indikator = Indikator.objects.filter(elemen__kerangka__instansi_id__in=id_instansi)
    periode = Periode.objects.filter(pemda_id__in=akar_ids)
    jabatan = Jabatan.objects.filter(instansi_id__in=id_instansi)
    pegawai = Pegawai.objects.filter(unit_id__in=id_instansi)
    pk = PerjanjianKinerja.objects.filter(jabatan__instansi_id__in=id_instansi)
    item = ItemPK.objects.filter(perjanjian__jabatan__instansi_id__in=id_instansi)
    anggaran = Anggaran.objects.filter(elemen__kerangka__instansi_id__in=id_instansi)
    realisasi = Realisasi.objects.filter(
        Q(indikator__elemen__kerangka__instansi_id__in=id_instansi)
        | Q(periode__pemda_id__in=akar_ids)
    )
    # Leaves first: each query still finds its parents when it runs.
    urutan: list[models.QuerySet[Any]] = [
        DataDukung.objects.filter(realisasi__in=realisasi),
        realisasi,
        RealisasiAnggaran.objects.filter(Q(anggaran__in=anggaran) | Q(periode__in=periode)),
        RencanaAksi.objects.filter(item_pk__in=item),
        item,
        AnggaranPK.objects.filter(Q(perjanjian__in=pk) | Q(elemen__in=elemen)),
        pk,
        RencanaPenarikan.objects.filter(anggaran__in=anggaran),
        anggaran,
        TargetTahunan.objects.filter(indikator__in=indikator),
        indikator,
        TautanCrosscutting.objects.filter(Q(dari__in=elemen) | Q(ke__in=elemen)),
        elemen,
        LevelKerangka.objects.filter(kerangka__in=kerangka),
        kerangka,
        periode,
        Peran.objects.filter(instansi_id__in=id_instansi),
        PemangkuJabatan.objects.filter(Q(jabatan__in=jabatan) | Q(pegawai__in=pegawai)),
        jabatan,
        pegawai,
        Instansi.objects.filter(pk__in=id_instansi),
    ]
    dikenal = {qs.model: qs for qs in urutan}
    dikenal[Elemen] = elemen
    dikenal[Indikator] = indikator

    # Rows of other apps (SOP cycles, documents…) that point at the demo go first, through
    # Django's collector so their own dependants go with them.
    for model in apps.get_models():
        if model in dikenal:
            continue
        for f in model._meta.concrete_fields:
            if not f.is_relation or f.related_model not in dikenal:
                continue
            if not getattr(f, "db_constraint", True):
                continue  # history tables: plain references, cleaned below
            qs = model._default_manager.filter(**{f"{f.name}__in": dikenal[f.related_model]})
            if f.remote_field.on_delete is models.SET_NULL:
                qs.update(**{f.name: None})
            else:
                _hapus_paksa(qs)

    # Row history of demo rows (users may have edited them in a demo session).
    for qs in urutan:
        riwayat = getattr(qs.model, "history", None)
        if riwayat is not None:
            riwayat.model.objects.filter(id__in=qs.values("pk"))._raw_delete(qs.db)
    # The rows themselves: raw deletes, no signals; foreign keys are checked at commit.
    for qs in urutan:
        qs._raw_delete(qs.db)


def hapus_berkas_yatim() -> int:
    """Remove demo evidence rows that no DataDukung uses any more; their files go after commit.

    Files are not transactional, so they are deleted only once the refresh has committed.
    """
    yatim = list(
        Berkas.objects.filter(
            berkas__startswith=berkas_demo.FOLDER_BERKAS_CONTOH + "/", pemakaian__isnull=True
        )
    )
    nama = [b.berkas.name for b in yatim]
    Berkas.objects.filter(pk__in=[b.pk for b in yatim]).delete()

    def hapus_file() -> None:
        for n in nama:
            if default_storage.exists(n) and not Berkas.objects.filter(berkas=n).exists():
                default_storage.delete(n)

    transaction.on_commit(hapus_file)
    return len(yatim)


# --------------------------------------------------------------------------------------------
# Shared rows: ordinal scales, logins


def pastikan_skala_ordinal() -> dict[str, SkalaOrdinal]:
    """Create (or refresh) the ordinal scales once; return them by code."""
    hasil = {}
    for kode, nama, level in SKALA_ORDINAL:
        skala, _ = SkalaOrdinal.objects.update_or_create(kode=kode, defaults={"nama": nama})
        for urutan, (kode_level, label, skor) in enumerate(level, start=1):
            LevelOrdinal.objects.update_or_create(
                skala=skala,
                kode=kode_level,
                defaults={"urutan": urutan, "label": label, "skor": Decimal(skor)},
            )
        hasil[kode] = skala
    return hasil


def _email_contoh(username: str) -> str:
    """The e-mail address that marks a login as a demo login."""
    return f"{username}@{DOMAIN_EMAIL_CONTOH}"


def pastikan_pengguna(
    daftar: list[tuple[str, str]], hash_sandi: str, *, superuser: bool = False
) -> dict[str, Any]:
    """Create or update demo logins (username, full name) with the demo password hash.

    A login of that name that the demo did not create (its e-mail is not a demo address) is
    never changed: the superuser is then left as it is, any other name stops the run.
    """
    User = get_user_model()
    ada = {u.username: u for u in User.objects.filter(username__in=[u for u, _ in daftar])}
    for username, u in list(ada.items()):
        if u.email != _email_contoh(username):
            if superuser:
                daftar = [(n, x) for n, x in daftar if n != username]
                continue
            raise CommandError(PESAN_AKUN_NYATA.format(username=username))
    kolom = [
        "first_name",
        "last_name",
        "email",
        "password",
        "is_active",
        "is_staff",
        "is_superuser",
    ]
    baru, ubah = [], []
    for username, nama in daftar:
        u = ada.get(username) or User(username=username)
        sebelum = [getattr(u, k) for k in kolom]
        u.first_name = nama[:150]
        u.last_name = ""
        u.email = _email_contoh(username)
        u.password = hash_sandi
        u.is_active = True
        u.is_staff = superuser
        u.is_superuser = superuser
        if not u.pk:
            baru.append(u)
        elif [getattr(u, k) for k in kolom] != sebelum:
            ubah.append(u)
    User.objects.bulk_create(baru)
    # Only logins that changed are written (a refresh usually changes none).
    User.objects.bulk_update(ubah, kolom)
    return {u.username: u for u in User.objects.filter(username__in=[u for u, _ in daftar])}


def hash_sandi_demo() -> str:
    """The hash every demo login gets: the existing one when it still matches the demo
    password (so a refresh rewrites no login), else a new one. Hashing once keeps the run fast
    (argon2 is deliberately slow)."""
    ada = (
        get_user_model()
        .objects.filter(username=NAMA_SUPERUSER)
        .values_list("password", flat=True)
        .first()
    )
    if ada and check_password(KATA_SANDI_DEMO, ada) and not identify_hasher(ada).must_update(ada):
        return ada
    return make_password(KATA_SANDI_DEMO)


def hapus_pengguna_usang(awalan: list[str], simpan: set[str]) -> None:
    """Delete demo logins (by username prefix) that the data no longer has."""
    User = get_user_model()
    q = Q()
    for a in awalan:
        q |= Q(username__startswith=a)
    User.objects.filter(q).filter(email__endswith="@" + DOMAIN_EMAIL_CONTOH).exclude(
        username__in=simpan
    ).delete()


# --------------------------------------------------------------------------------------------
# One Pemda


@dataclass
class RingkasanPemda:
    """What was loaded for one Pemda, for the command's printout and the tests."""

    pemda: str
    agensi: str
    # Per login: username, full name with where they sit when outside the agency, and
    # [(role code, role label, scope name), ...].
    login: list[tuple[str, str, list[tuple[str, str, str]]]] = field(default_factory=list)
    jumlah: dict[str, int] = field(default_factory=dict)
    # Instansi slug → row, so extensions of other apps can find the demo's units.
    instansi: dict[str, Instansi] = field(default_factory=dict)
    kunci: str = ""


class PemuatPemda:
    """Loads one `DemoPemda` (all its rows) into the database."""

    def __init__(
        self,
        spec: DemoPemda,
        *,
        skala: dict[str, SkalaOrdinal],
        hash_sandi: str,
        cache_berkas: dict[bytes, Berkas],
    ) -> None:
        self.s = spec
        self.skala = skala
        self.skor = {
            kode: {lv.kode: lv.skor for lv in sk.level.all()} for kode, sk in skala.items()
        }
        self.hash_sandi = hash_sandi
        self.cache_berkas = cache_berkas
        self.node: dict[str, Instansi] = {}
        self.orang: dict[str, Pegawai] = {}
        self.jab: dict[str, Jabatan] = {}
        self.user: dict[str, Any] = {}
        self.periode: dict[tuple[int, str, int], Periode] = {}
        self.el: dict[str, Elemen] = {}
        self.el_spec = {e.kode: e for e in spec.elemen}
        self.ind: dict[str, Indikator] = {}
        self.ind_spec = {i.kode: i for i in spec.indikator}
        self.anggaran: dict[tuple[str, int], Anggaran] = {}
        # Quarter targets in force: (indicator code, year, quarter) → target (or text).
        self.target_tw: dict[tuple[str, int, int], Decimal | str | None] = {}
        self.jumlah: dict[str, int] = defaultdict(int)

    # -- organisation ------------------------------------------------------------------------

    def muat(self) -> RingkasanPemda:
        """Create every row of this Pemda and return a summary."""
        self._instansi()
        self._pengguna_dan_pegawai()
        self._jabatan()
        self._peran()
        self._periode()
        if self.s.elemen:
            self._kerangka()
            self._anggaran()
            self._indikator()
            self._perjanjian()
            self._realisasi()
            self._realisasi_anggaran()
        return self._ringkasan()

    def _instansi(self) -> None:
        for urutan, n in enumerate(self.s.instansi):
            obj = Instansi(
                induk=self.node.get(n.induk) if n.induk else None,
                jenis=n.jenis,
                nama=n.nama,
                singkatan=n.singkatan,
                kode=AWALAN_KODE_CONTOH + self.s.kunci if n.induk is None else "",
                alamat=n.alamat,
                telepon=n.telepon,
                kota=n.kota,
                pola_nomor_surat=n.pola_nomor_surat,
                urutan=urutan,
            )
            obj.save()
            self.node[n.slug] = obj
        self.jumlah["instansi"] = len(self.node)

    def _pengguna_dan_pegawai(self) -> None:
        orang = {o.slug: o for o in self.s.orang}
        daftar = [(lg.username, self._nama_lengkap(orang[lg.orang])) for lg in self.s.login]
        self.user = pastikan_pengguna(daftar, self.hash_sandi)
        pengguna_orang = {lg.orang: self.user[lg.username] for lg in self.s.login}
        baris = [
            Pegawai(
                nip=normalkan_nip(o.nip),
                nama=o.nama,
                gelar_depan=o.depan,
                gelar_belakang=o.belakang,
                pangkat=PANGKAT.get(o.golongan, ""),
                golongan=o.golongan,
                jenis_asn=o.asn,
                unit=self.node[o.unit],
                pengguna=pengguna_orang.get(o.slug),
                aktif=o.aktif,
            )
            for o in self.s.orang
        ]
        Pegawai.objects.bulk_create(baris)
        self.orang = {o.slug: p for o, p in zip(self.s.orang, baris, strict=True)}
        self.jumlah["pegawai"] = len(baris)
        self.jumlah["login"] = len(self.s.login)

    @staticmethod
    def _nama_lengkap(o: Any) -> str:
        depan = f"{o.depan} " if o.depan else ""
        belakang = f", {o.belakang}" if o.belakang else ""
        return f"{depan}{o.nama}{belakang}"

    def _jabatan(self) -> None:
        baris = [
            Jabatan(instansi=self.node[j.unit], nama=j.nama, eselon=j.eselon)
            for j in self.s.jabatan
        ]
        Jabatan.objects.bulk_create(baris)
        self.jab = {j.slug: obj for j, obj in zip(self.s.jabatan, baris, strict=True)}
        for j in self.s.jabatan:
            if j.atasan:
                self.jab[j.slug].atasan = self.jab[j.atasan]
        Jabatan.objects.bulk_update(list(self.jab.values()), ["atasan"])
        PemangkuJabatan.objects.bulk_create(
            PemangkuJabatan(
                jabatan=self.jab[p.jabatan],
                pegawai=self.orang[p.orang],
                status=p.status,
                mulai=p.mulai,
                selesai=p.selesai,
                nomor_sk=p.nomor_sk,
            )
            for p in self.s.pemangku
        )
        self.jumlah["jabatan"] = len(baris)

    def _peran(self) -> None:
        baris = [
            Peran(pengguna=self.user[lg.username], kode=kode, instansi=self.node[lingkup])
            for lg in self.s.login
            for kode, lingkup in lg.peran
        ]
        Peran.objects.bulk_create(baris)
        self.jumlah["peran"] = len(baris)

    def _periode(self) -> None:
        daftar = PERIODE_TRIWULAN + (PERIODE_BULAN if self.s.periode_bulanan else [])
        baris = [
            Periode(
                pemda=self.node["pemda"],
                tahun=t,
                jenis_periode=j,
                nomor=n,
                status=st,
                batas_pengisian=batas,
            )
            for t, j, n, st, batas in daftar
        ]
        Periode.objects.bulk_create(baris)
        self.periode = {(p.tahun, p.jenis_periode, p.nomor): p for p in baris}
        self.jumlah["periode"] = len(baris)

    def pemangku_pada(self, jabatan: str, tanggal: dt.date) -> tuple[Pegawai, str]:
        """The holder of a position on `tanggal` (definitif preferred), and how they hold it."""
        urut = {"definitif": 0, "plt": 1, "plh": 2}
        kandidat = sorted(
            (
                p
                for p in self.s.pemangku
                if p.jabatan == jabatan
                and p.mulai <= tanggal
                and (p.selesai is None or p.selesai >= tanggal)
            ),
            key=lambda p: urut[p.status],
        )
        if not kandidat:
            raise CommandError(f"Data contoh: jabatan {jabatan} kosong pada {tanggal}.")
        return self.orang[kandidat[0].orang], kandidat[0].status

    # -- plans -------------------------------------------------------------------------------

    def _kerangka(self) -> None:
        self.kerangka = KerangkaKinerja.objects.create(
            instansi=self.node[self.s.agensi],
            nama=self.s.nama_kerangka,
            jenis=self.s.jenis_kerangka,
            tahun_mulai=RENSTRA[0],
            tahun_selesai=RENSTRA[1],
        )
        level_spec = LEVEL_UKPBJ if self.s.jenis_kerangka == "ukpbj" else LEVEL_STANDAR
        self.level = {
            kode: LevelKerangka(
                kerangka=self.kerangka, urutan=i, kode=kode, nama=nama, punya_anggaran=ang
            )
            for i, (kode, nama, ang) in enumerate(level_spec, start=1)
        }
        LevelKerangka.objects.bulk_create(self.level.values())
        # One bulk insert per level, top down, so every parent has its key.
        for kode_level, _nama, _ang in level_spec:
            baris = [
                Elemen(
                    kerangka=self.kerangka,
                    level=self.level[kode_level],
                    induk=self.el[e.induk] if e.induk else None,
                    kode=e.kode,
                    nama=e.nama,
                    unit=self.node[e.unit] if e.unit else None,
                    urutan=i,
                    kode_rup=e.kode_rup,
                    metode_pengadaan=e.metode,
                    instansi_pemilik=self.node[e.pemilik] if e.pemilik else None,
                )
                for i, e in enumerate(self.s.elemen)
                if e.level == kode_level
            ]
            Elemen.objects.bulk_create(baris)
            self.el.update({e.kode: e for e in baris})
        self.jumlah["elemen"] = len(self.el)

    def _pagu(self, kode: str, tahun: int) -> Decimal | None:
        """Pagu of an element in a year: given for leaves, the sum of children above them."""
        if kode in self.s.pagu:
            nilai = self.s.pagu[kode][0 if tahun == TAHUN_LALU else 1]
            return None if nilai is None else Decimal(nilai)
        anak = [e.kode for e in self.s.elemen if e.induk == kode]
        jumlah = [p for p in (self._pagu(k, tahun) for k in anak) if p is not None]
        return sum(jumlah, Decimal(0)) if jumlah else None

    def _anggaran(self) -> None:
        baris = []
        for e in self.s.elemen:
            if not self.level[e.level].punya_anggaran:
                continue
            for tahun in (TAHUN_LALU, TAHUN_BERJALAN):
                pagu = self._pagu(e.kode, tahun)
                if pagu:
                    a = Anggaran(
                        elemen=self.el[e.kode],
                        tahun=tahun,
                        pagu=pagu,
                        sumber="DPA",
                        keterangan=f"{LABEL_CONTOH}: pagu rekaan",
                    )
                    baris.append(a)
                    self.anggaran[(e.kode, tahun)] = a
        Anggaran.objects.bulk_create(baris)
        penarikan = []
        for a in baris:
            sisa = a.pagu
            for tw, porsi in enumerate(self.s.profil_penarikan, start=1):
                nilai = sisa if tw == 4 else _rupiah(a.pagu * Decimal(porsi))
                sisa -= nilai
                penarikan.append(RencanaPenarikan(anggaran=a, triwulan=tw, nilai=nilai))
        RencanaPenarikan.objects.bulk_create(penarikan)
        self.jumlah["anggaran"] = len(baris)

    def _nilai_target(self, ind: Ind, nilai: str | tuple[str, str]) -> dict[str, Any]:
        """TargetTahunan fields for a target written in the data's notation."""
        if isinstance(nilai, tuple):
            return {"nilai_min": _d(nilai[0]), "nilai_max": _d(nilai[1])}
        if ind.jenis_nilai in (JenisNilai.BINER, JenisNilai.ORDINAL):
            return {"nilai_teks": nilai}
        return {"nilai": _d(nilai)}

    def _indikator(self) -> None:
        baris = []
        for i, ind in enumerate(self.s.indikator):
            biner = ind.jenis_nilai == JenisNilai.BINER
            teks = ind.jenis_nilai in (JenisNilai.BINER, JenisNilai.ORDINAL)
            baris.append(
                Indikator(
                    elemen=self.el[ind.elemen],
                    kode=ind.kode,
                    nama=ind.nama,
                    jenis=ind.jenis,
                    sifat=ind.sifat,
                    definisi_operasional=ind.definisi,
                    alasan_pemilihan=ind.alasan,
                    formula=ind.formula,
                    satuan=ind.satuan,
                    polaritas=ind.polaritas,
                    jenis_nilai=ind.jenis_nilai,
                    agregasi=ind.agregasi,
                    skala=self.skala[ind.skala] if ind.skala else None,
                    boleh_negatif=ind.boleh_negatif,
                    frekuensi=ind.frekuensi,
                    sumber_data=ind.sumber,
                    unit_penanggung_jawab=self.node[ind.unit],
                    baseline=(
                        Decimal(1 if ind.baseline == "ya" else 0)
                        if biner
                        else (None if teks else _d(ind.baseline))
                    ),
                    baseline_teks=ind.baseline if teks else "",
                    tahun_baseline=ind.tahun_baseline,
                    target_akhir_renstra=(
                        Decimal(1 if ind.akhir == "ya" else 0)
                        if biner and ind.akhir
                        else (None if teks else _d(ind.akhir))
                    ),
                    standar_nasional=_d(ind.standar_nasional),
                    urutan=i,
                )
            )
        Indikator.objects.bulk_create(baris)
        self.ind = {i.kode: i for i in baris}
        perencana = self.user[self.s.validator["*"]]
        target = []
        for ind in self.s.indikator:
            for tahun, nilai in ind.target.items():
                target.append(
                    TargetTahunan(
                        indikator=self.ind[ind.kode],
                        tahun=tahun,
                        nomor_versi=1,
                        jenis=JenisTarget.MURNI,
                        berlaku_mulai=dt.date(tahun, 1, 1),
                        dibuat_oleh=perencana,
                        **self._nilai_target(ind, nilai),
                    )
                )
            if ind.perubahan:
                nilai, mulai, alasan, _ra = ind.perubahan
                target.append(
                    TargetTahunan(
                        indikator=self.ind[ind.kode],
                        tahun=TAHUN_BERJALAN,
                        nomor_versi=2,
                        jenis=JenisTarget.PERUBAHAN,
                        berlaku_mulai=mulai,
                        alasan=alasan,
                        dibuat_oleh=perencana,
                        **self._nilai_target(ind, nilai),
                    )
                )
        TargetTahunan.objects.bulk_create(target)
        # Created when they took effect (DPA at the start of the year, or the change's date).
        for t in target:
            TargetTahunan.objects.filter(pk=t.pk).update(dibuat_pada=_pada(t.berlaku_mulai, 9))
        self.jumlah["indikator"] = len(baris)
        self.jumlah["target"] = len(target)

    def target_tahun(self, ind: Ind, tahun: int, versi_perubahan: bool = False) -> Any:
        """The annual target in the data's notation (the changed one when asked and present)."""
        if versi_perubahan and ind.perubahan and tahun == TAHUN_BERJALAN:
            return ind.perubahan[0]
        return ind.target[tahun]

    def ra_triwulan(self, ind: Ind, tahun: int, versi_perubahan: bool = False) -> list[Any]:
        """The four quarterly Rencana Aksi targets, in the data's notation (None: no target)."""
        if versi_perubahan and ind.perubahan and tahun == TAHUN_BERJALAN:
            return list(ind.perubahan[3])
        if tahun in ind.ra:
            return list(ind.ra[tahun])
        t = ind.target[tahun]
        if ind.frekuensi == Frekuensi.TAHUNAN:
            return [None, None, None, t]
        if ind.agregasi == Agregasi.KUMULATIF:
            raise CommandError(f"Data contoh: {ind.kode} kumulatif tanpa rencana aksi {tahun}.")
        return [t, t, t, t]

    def _teks_target(self, ind: Ind, nilai: Any) -> tuple[Decimal | None, str]:
        """(target, target_teks) of a PK item or Rencana Aksi row."""
        if nilai is None:
            return None, ""
        if isinstance(nilai, tuple):
            return None, f"{_teks_angka(Decimal(nilai[0]))}–{_teks_angka(Decimal(nilai[1]))}"
        if ind.jenis_nilai in (JenisNilai.BINER, JenisNilai.ORDINAL):
            return None, nilai
        return Decimal(nilai), ""

    def _jabatan_pk(self, ind: Ind) -> str:
        """Whose PK an indicator belongs to: the head for tujuan/sasaran (tujuan PBJ), else the
        head of the executing unit (of the indicator's unit for an area strategis)."""
        e = self.el_spec[ind.elemen]
        if e.level in ("tujuan", "sasaran", "tujuan_pbj"):
            return self.s.jabatan_kepala
        return self.s.jabatan_per_unit[e.unit or ind.unit]

    def _perjanjian(self) -> None:
        per_jabatan: dict[str, list[Ind]] = defaultdict(list)
        for ind in self.s.indikator:
            per_jabatan[self._jabatan_pk(ind)].append(ind)
        # The head's PK first, so the units' items can point at its items.
        urutan = [self.s.jabatan_kepala] + [j for j in per_jabatan if j != self.s.jabatan_kepala]
        self.item_kepala: dict[str, ItemPK] = {}
        jumlah_pk = jumlah_item = jumlah_ra = 0
        for tahun in (TAHUN_LALU, TAHUN_BERJALAN):
            self.item_kepala = {}
            for slug in urutan:
                # A package indicator only exists in its package's year.
                daftar = [i for i in per_jabatan.get(slug, []) if tahun in i.target]
                if not daftar:
                    continue
                versi = [False]
                if tahun == TAHUN_BERJALAN and any(i.perubahan for i in daftar):
                    versi.append(True)
                for perubahan in versi:
                    pk, n_item, n_ra = self._satu_pk(slug, daftar, tahun, perubahan)
                    jumlah_pk += 1
                    jumlah_item += n_item
                    jumlah_ra += n_ra
        self.jumlah["perjanjian"] = jumlah_pk
        self.jumlah["item_pk"] = jumlah_item
        self.jumlah["rencana_aksi"] = jumlah_ra

    def _satu_pk(
        self, slug: str, daftar: list[Ind], tahun: int, perubahan: bool
    ) -> tuple[PerjanjianKinerja, int, int]:
        if perubahan:
            tanggal = min(i.perubahan[1] for i in daftar if i.perubahan)
        else:
            tanggal = dt.date(tahun, 1, 30) if tahun == TAHUN_BERJALAN else dt.date(tahun, 1, 31)
        pihak1, status1 = self.pemangku_pada(slug, tanggal)
        jab_spec = {j.slug: j for j in self.s.jabatan}[slug]
        kedua_slug = self.s.pihak_kedua_kepala if slug == self.s.jabatan_kepala else jab_spec.atasan
        data: dict[str, Any] = {}
        if kedua_slug in self.jab:
            pihak2, status2 = self.pemangku_pada(kedua_slug, tanggal)
            data = {
                "jabatan_pihak_kedua": self.jab[kedua_slug],
                "pihak_kedua": pihak2,
                "status_pihak_kedua": status2,
            }
        else:
            data = {"jabatan_pihak_kedua_teks": kedua_slug or ""}
        pk = PerjanjianKinerja.objects.create(
            jabatan=self.jab[slug],
            tahun=tahun,
            nomor_versi=2 if perubahan else 1,
            pihak_pertama=pihak1,
            status_pihak_pertama=status1,
            status=StatusPK.DITANDATANGANI,
            tanggal=tanggal,
            ditandatangani_pada=_pada(tanggal, 14),
            # Drafted by the holder (or the planners when the holder has no login) a week
            # before signing.
            diajukan_oleh=pihak1.pengguna or self.user[self.s.validator["*"]],
            diajukan_pada=_pada(tanggal - dt.timedelta(days=7), 9),
            alasan_versi=(
                " ".join(i.perubahan[2] for i in daftar if i.perubahan) if perubahan else ""
            ),
            **data,
        )
        item = []
        for i, ind in enumerate(daftar):
            target, teks = self._teks_target(ind, self.target_tahun(ind, tahun, perubahan))
            item.append(
                ItemPK(
                    perjanjian=pk,
                    indikator=self.ind[ind.kode],
                    target=target,
                    target_teks=teks,
                    item_induk=self._item_induk(ind) if slug != self.s.jabatan_kepala else None,
                    urutan=i,
                )
            )
        ItemPK.objects.bulk_create(item)
        if slug == self.s.jabatan_kepala:
            self.item_kepala.update({it.indikator.kode: it for it in item})
        ra = []
        for ind, it in zip(daftar, item, strict=True):
            for tw, nilai in enumerate(self.ra_triwulan(ind, tahun, perubahan), start=1):
                target, teks = self._teks_target(ind, nilai)
                ra.append(
                    RencanaAksi(
                        item_pk=it,
                        jenis_periode=JenisPeriode.TRIWULAN,
                        nomor=tw,
                        target=target,
                        target_teks=teks,
                        rencana_aksi=f"{TAHAP_TRIWULAN[tw]}: {ind.aksi}",
                    )
                )
                # The quarter's target in force: the changed PK from its date on.
                if not perubahan or dt.date(tahun, tw * 3, 28) >= tanggal:
                    self.target_tw[(ind.kode, tahun, tw)] = nilai
            if tahun == TAHUN_BERJALAN and ind.ra_bulan:
                for bulan, nilai in enumerate(ind.ra_bulan, start=1):
                    target, teks = self._teks_target(ind, nilai)
                    ra.append(
                        RencanaAksi(
                            item_pk=it,
                            jenis_periode=JenisPeriode.BULAN,
                            nomor=bulan,
                            target=target,
                            target_teks=teks,
                            rencana_aksi=f"{NAMA_BULAN[bulan]}: {ind.aksi}",
                        )
                    )
        RencanaAksi.objects.bulk_create(ra)
        self._anggaran_pk(pk, slug, tahun)
        return pk, len(item), len(ra)

    def _item_induk(self, ind: Ind) -> ItemPK | None:
        """The head's PK item this indicator supports: the first one up the element tree."""
        kode = self.el_spec[ind.elemen].induk
        while kode:
            for lain in self.s.indikator:
                if lain.elemen == kode and lain.kode in self.item_kepala:
                    return self.item_kepala[lain.kode]
            kode = self.el_spec[kode].induk
        return None

    def _anggaran_pk(self, pk: PerjanjianKinerja, slug: str, tahun: int) -> None:
        """Budget lines of the PK: programs for the head, kegiatan of their units for others."""
        keterangan = {}
        if slug == self.s.jabatan_kepala and self.s.jenis_kerangka == "ukpbj":
            # The UKPBJ has no program of its own in this framework: its head's PK lists the
            # packages it procures, whose budgets belong to the owning agencies.
            kode = [e.kode for e in self.s.elemen if e.level == "paket"]
            keterangan = {
                e.kode: f"Paket {e.metode}, anggaran {self.node[e.pemilik].singkatan}"
                for e in self.s.elemen
                if e.level == "paket" and e.pemilik
            }
        elif slug == self.s.jabatan_kepala:
            kode = [e.kode for e in self.s.elemen if e.level == "program"]
        else:
            unit = {u for u, j in self.s.jabatan_per_unit.items() if j == slug}
            kode = [e.kode for e in self.s.elemen if e.level == "kegiatan" and e.unit in unit]
        AnggaranPK.objects.bulk_create(
            AnggaranPK(
                perjanjian=pk,
                elemen=self.el[k],
                pagu=self.anggaran[(k, tahun)].pagu,
                keterangan=keterangan.get(k, "APBD"),
            )
            for k in kode
            if (k, tahun) in self.anggaran
        )

    # -- measurement -------------------------------------------------------------------------

    def _nilai(self, ind: Ind, teks: str) -> tuple[Decimal | None, str]:
        """(nilai, nilai_teks) of a realisation written in the data's notation."""
        if ind.jenis_nilai == JenisNilai.BINER:
            return Decimal(1 if teks == "ya" else 0), ""
        if ind.jenis_nilai == JenisNilai.ORDINAL:
            return None, teks
        return Decimal(teks), ""

    def di_bawah_target(self, ind: Ind, real: str, target: Any) -> bool:
        """True when a realisation misses its period target (decides whether kendala is filled).

        Only a yes/no comparison to pick the sentences: the capaian itself is computed by
        `kinerja.rumus`, never here.
        """
        if target is None:
            return False
        if ind.jenis_nilai == JenisNilai.BINER:
            return target == "ya" and real != "ya"
        if ind.jenis_nilai == JenisNilai.ORDINAL:
            skor = self.skor[ind.skala or ""]
            return skor[real] < skor[target]
        r = Decimal(real)
        if isinstance(target, tuple):
            return not (Decimal(target[0]) <= r <= Decimal(target[1]))
        if ind.polaritas == Polaritas.NEGATIF:
            return r > Decimal(target)
        return r < Decimal(target)

    def _agregat(self, ind: Ind, nilai: list[str | None]) -> str | None:
        """A longer period's value from its parts, by the indicator's aggregation type."""
        ada = [v for v in nilai if v is not None]
        if not ada:
            return None
        if ind.jenis_nilai in (JenisNilai.BINER, JenisNilai.ORDINAL):
            return ada[-1]
        if ind.agregasi == Agregasi.KUMULATIF:
            return str(sum((Decimal(v) for v in ada), Decimal(0)))
        if ind.agregasi == Agregasi.RATA_RATA:
            rata = sum((Decimal(v) for v in ada), Decimal(0)) / len(ada)
            return str(rata.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        return ada[-1]

    def _isian(self, ind: Ind) -> list[tuple[tuple[int, str, int], str | None, Any]]:
        """Every (period key, realisation, period target) of an indicator."""
        hasil: list[tuple[tuple[int, str, int], str | None, Any]] = []
        if ind.frekuensi == Frekuensi.TAHUNAN:
            for tahun, nilai in ind.real.items():
                if tahun == TAHUN_LALU:
                    hasil.append(((tahun, "tahun", 1), nilai[0], ind.target[tahun]))
            return hasil
        for tahun in (TAHUN_LALU, TAHUN_BERJALAN):
            if tahun not in ind.target:
                continue
            if tahun == TAHUN_BERJALAN and ind.real_bulan is not None:
                bulan = list(ind.real_bulan)
                for b, nilai in enumerate(bulan, start=1):
                    hasil.append(((tahun, "bulan", b), nilai, (ind.ra_bulan or [None] * 12)[b - 1]))
                tw_nilai = [self._agregat(ind, bulan[(tw - 1) * 3 : tw * 3]) for tw in (1, 2, 3)]
            else:
                tw_nilai = list(ind.real.get(tahun, ()))
            for tw, nilai in enumerate(tw_nilai, start=1):
                hasil.append(
                    ((tahun, "triwulan", tw), nilai, self.target_tw.get((ind.kode, tahun, tw)))
                )
            if tahun == TAHUN_LALU:
                hasil.append(((tahun, "tahun", 1), self._agregat(ind, tw_nilai), ind.target[tahun]))
        return hasil

    def _cari_user(self, peta: dict[str, str], ind: Ind) -> Any:
        e = self.el_spec[ind.elemen]
        for kunci in (ind.unit, e.unit, e.pemilik):
            if kunci and kunci in peta:
                return self.user[peta[kunci]]
        return self.user[peta["*"]]

    def _status(self, ind: Ind, kunci: tuple[int, str, int]) -> tuple[str, str]:
        """(status, validator note) of a realisation: validated unless the data says otherwise."""
        tahun, jenis, nomor = kunci
        if (tahun, jenis, nomor) == (TAHUN_BERJALAN, "triwulan", 3) and ind.status_tw3:
            if isinstance(ind.status_tw3, tuple):
                return StatusRealisasi.DIKEMBALIKAN, ind.status_tw3[1]
            return ind.status_tw3, ""
        if (tahun, jenis, nomor) == (TAHUN_BERJALAN, "bulan", 10):
            return StatusRealisasi.DIAJUKAN, ""
        return StatusRealisasi.DIVALIDASI, ""

    def _berkas(self, isi: bytes, ekstensi: str, jenis: str) -> Berkas:
        if isi not in self.cache_berkas:
            self.cache_berkas[isi] = berkas_demo.simpan_berkas(
                isi, ekstensi=ekstensi, jenis_konten=jenis
            )
        return self.cache_berkas[isi]

    def _bukti_pdf(self, periode: Periode) -> Berkas:
        agensi = self.node[self.s.agensi]
        isi = berkas_demo.pdf_satu_halaman(
            [
                f"{self.node['pemda'].nama}",
                f"{agensi.nama}",
                f"Bukti dukung realisasi rencana aksi {periode.label}",
                "Dokumen ini dibuat oleh kinerja demo; semua angka rekaan.",
            ]
        )
        return self._berkas(isi, "pdf", "application/pdf")

    def _bukti_csv(self, tahun: int) -> Berkas:
        isi = berkas_demo.csv_sederhana(
            ["kode", "indikator", "satuan", "keterangan"],
            [
                [i.kode, i.nama, i.satuan, f"{LABEL_CONTOH} {tahun}"]
                for i in self.s.indikator
                if i.agregasi == Agregasi.KUMULATIF
            ],
        )
        return self._berkas(isi, "csv", "text/csv")

    def _realisasi(self) -> None:
        baris: list[Realisasi] = []
        bukti: list[tuple[int, Ind, tuple[int, str, int], str, Any]] = []
        for nomor_ind, ind in enumerate(self.s.indikator):
            pengisi = self._cari_user(self.s.pengisi, ind)
            validator = self._cari_user(self.s.validator, ind)
            for kunci, nilai, target in self._isian(ind):
                if nilai is None:
                    continue  # not entered yet
                periode = self.periode[kunci]
                angka, teks = self._nilai(ind, nilai)
                status, catatan = self._status(ind, kunci)
                kurang = self.di_bawah_target(ind, nilai, target)
                kendala, tindak = (
                    (ind.kendala, ind.tindak_lanjut) if ind.kendala else KENDALA_BAWAAN
                )
                valid = status == StatusRealisasi.DIVALIDASI
                # Entered three days before the deadline; a TW III value still waiting for
                # validation came in two days late (marked, not locked).
                terlambat = status == StatusRealisasi.DIAJUKAN and kunci == (
                    TAHUN_BERJALAN,
                    "triwulan",
                    3,
                )
                diajukan = _pada(
                    periode.batas_pengisian + dt.timedelta(days=2 if terlambat else -3), 14
                )
                baris.append(
                    Realisasi(
                        indikator=self.ind[ind.kode],
                        periode=periode,
                        nilai=angka,
                        nilai_teks=teks,
                        kendala=kendala if kurang else "",
                        tindak_lanjut=tindak if kurang else "",
                        status=status,
                        catatan_validasi=catatan,
                        versi=2 if status == StatusRealisasi.DIKEMBALIKAN else 1,
                        diisi_oleh=pengisi,
                        diajukan_oleh=pengisi,
                        diajukan_pada=diajukan,
                        terlambat=terlambat,
                        divalidasi_oleh=validator if valid else None,
                        divalidasi_pada=(
                            _pada(periode.batas_pengisian + dt.timedelta(days=5))
                            if valid and periode.batas_pengisian
                            else None
                        ),
                    )
                )
                bukti.append((nomor_ind, ind, kunci, status, validator))
        Realisasi.objects.bulk_create(baris)
        self.jumlah["realisasi"] = len(baris)

        dukung = []
        for r, (nomor_ind, ind, kunci, status, validator) in zip(baris, bukti, strict=True):
            if kunci[1] == "tahun":
                continue
            keputusan = {
                StatusRealisasi.DIVALIDASI: KeputusanBukti.DITERIMA,
                StatusRealisasi.DIKEMBALIKAN: KeputusanBukti.DITOLAK,
            }.get(status, KeputusanBukti.BELUM)
            # Who decided on the evidence, and when: with the value's validation (a return
            # is decided two days after the deadline).
            putusan: dict[str, Any] = {}
            if keputusan != KeputusanBukti.BELUM:
                putusan = {
                    "diputuskan_oleh": validator,
                    "diputuskan_pada": r.divalidasi_pada
                    or _pada(r.periode.batas_pengisian + dt.timedelta(days=2)),
                }
            # Only one item of a returned value is refused; the others are not yet decided.
            keputusan_lain = (
                KeputusanBukti.BELUM if keputusan == KeputusanBukti.DITOLAK else keputusan
            )
            putusan_lain = putusan if keputusan_lain != KeputusanBukti.BELUM else {}
            catatan = (
                "Bukti belum memuat dokumen pendukung yang diminta; lengkapi."
                if keputusan == KeputusanBukti.DITOLAK
                else ""
            )
            periode = r.periode
            dukung.append(
                DataDukung(
                    realisasi=r,
                    berkas=self._bukti_pdf(periode),
                    nama=f"Bukti {ind.kode} {periode.label}.pdf",
                    keterangan=f"{LABEL_CONTOH}: laporan realisasi rencana aksi",
                    keputusan=keputusan,
                    catatan_validator=catatan,
                    diunggah_oleh=r.diisi_oleh,
                    **putusan,
                )
            )
            if ind.agregasi == Agregasi.KUMULATIF:
                dukung.append(
                    DataDukung(
                        realisasi=r,
                        berkas=self._bukti_csv(kunci[0]),
                        nama=f"Rekap {ind.kode} {kunci[0]}.csv",
                        keterangan=f"{LABEL_CONTOH}: rekap data kegiatan",
                        keputusan=keputusan_lain,
                        diunggah_oleh=r.diisi_oleh,
                        **putusan_lain,
                    )
                )
            if nomor_ind % 3 == 0:
                jenis = "tw" if kunci[1] == "triwulan" else "bulan"
                dukung.append(
                    DataDukung(
                        realisasi=r,
                        tautan=(
                            f"{self.s.tautan_bukti}/{self.s.kunci}/{kunci[0]}/"
                            f"{jenis}{kunci[2]}/{ind.kode.lower()}"
                        ),
                        nama=f"Foto dan dokumentasi {ind.kode}",
                        keterangan=f"{LABEL_CONTOH}: tautan ke folder dokumentasi",
                        keputusan=keputusan_lain,
                        diunggah_oleh=r.diisi_oleh,
                        **putusan_lain,
                    )
                )
        DataDukung.objects.bulk_create(dukung)
        self.jumlah["data_dukung"] = len(dukung)
        self._tanggal_isian()

    def _tanggal_isian(self) -> None:
        """Date each entry when it was submitted (a few days before its deadline).

        `diperbarui_pada` and `diunggah_pada` are automatic timestamps, which `bulk_create`
        sets to the moment of the load; a queryset update writes the plausible date instead.
        """
        realisasi = Realisasi.objects.filter(indikator__in=list(self.ind.values()))
        realisasi.update(diperbarui_pada=F("diajukan_pada"))
        DataDukung.objects.filter(realisasi__in=realisasi).update(
            diunggah_pada=Subquery(
                Realisasi.objects.filter(pk=OuterRef("realisasi_id")).values("diajukan_pada")[:1]
            )
        )

    def _realisasi_anggaran(self) -> None:
        """Spending per budget line per past quarter: leaves from the profile, parents summed."""
        baris = []
        pengisi = self.user[self.s.pengisi["*"]]
        for tahun, profil in self.s.profil_serapan.items():
            nilai: dict[tuple[str, int], Decimal] = {}
            daun = [k for k in self.s.pagu if (k, tahun) in self.anggaran]
            for i, kode in enumerate(daun):
                variasi = Decimal(VARIASI_SERAPAN[i % len(VARIASI_SERAPAN)])
                for tw, porsi in enumerate(profil, start=1):
                    nilai[(kode, tw)] = _rupiah(
                        self.anggaran[(kode, tahun)].pagu * Decimal(porsi) * variasi
                    )
            for e in reversed(self.s.elemen):
                if (e.kode, tahun) not in self.anggaran or e.kode in self.s.pagu:
                    continue
                anak = [x.kode for x in self.s.elemen if x.induk == e.kode]
                for tw in range(1, len(profil) + 1):
                    nilai[(e.kode, tw)] = sum(
                        (nilai.get((k, tw), Decimal(0)) for k in anak), Decimal(0)
                    )
            for (kode, tw), v in nilai.items():
                baris.append(
                    RealisasiAnggaran(
                        anggaran=self.anggaran[(kode, tahun)],
                        periode=self.periode[(tahun, "triwulan", tw)],
                        nilai=v,
                        diisi_oleh=pengisi,
                    )
                )
        RealisasiAnggaran.objects.bulk_create(baris)
        self.jumlah["realisasi_anggaran"] = len(baris)
        for periode in {r.periode for r in baris}:
            RealisasiAnggaran.objects.filter(
                periode=periode, pk__in=[r.pk for r in baris if r.periode == periode]
            ).update(diperbarui_pada=_pada(periode.batas_pengisian - dt.timedelta(days=3), 15))

    def _ringkasan(self) -> RingkasanPemda:
        label = dict(KodePeran.choices)
        orang = {o.slug: o for o in self.s.orang}
        agensi = self.node[self.s.agensi]

        def nama(slug: str, peran: tuple[tuple[str, str], ...]) -> str:
            """Full name; for someone working for the agency from another one, where."""
            pegawai = self.orang[slug]
            teks = self._nama_lengkap(orang[slug])
            untuk_agensi = any(self.node[s].jalur.startswith(agensi.jalur) for _k, s in peran)
            if untuk_agensi and not pegawai.unit.jalur.startswith(agensi.jalur):
                pd = pegawai.unit if pegawai.unit.jenis == "pd" else pegawai.unit.induk
                teks += f" (pegawai {pd.nama})"
            return teks

        return RingkasanPemda(
            pemda=self.node["pemda"].nama,
            agensi=self.node[self.s.agensi].nama,
            login=[
                (
                    lg.username,
                    nama(lg.orang, lg.peran),
                    [(k, str(label[k]), self.node[s].nama) for k, s in lg.peran],
                )
                for lg in self.s.login
            ],
            jumlah=dict(self.jumlah),
            instansi=dict(self.node),
            kunci=self.s.kunci,
        )


# --------------------------------------------------------------------------------------------
# The whole demo


@dataclass
class HasilDemo:
    """Summary of a `kinerja demo` run."""

    pemda: list[RingkasanPemda]
    detik: float
    berkas: int
    # False when a superuser `admin` already existed outside the demo (left untouched).
    superuser_contoh: bool = True


def awalan_login(specs: list[DemoPemda]) -> list[str]:
    """Username prefixes that mark demo logins (sumbar., banjar., …)."""
    return [f"{s.kunci}." for s in specs]


@contextmanager
def tanpa_email() -> Iterator[None]:
    """Discard e-mail while the demo world is built (and committed).

    Extensions that act through the services (SOP cycles) raise notifications to the demo
    logins; those addresses are fictitious and the messages would only bury the printed list
    of logins, or reach a real mail server in a configured deployment.
    """
    lama = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    try:
        yield
    finally:
        settings.EMAIL_BACKEND = lama


def muat_demo(specs: list[DemoPemda] | None = None) -> HasilDemo:
    """Load (or refresh) the four seed agencies in one transaction; see the module docs."""
    specs = SEMUA_DEMO if specs is None else specs
    mulai = time.perf_counter()
    with tanpa_email(), transaction.atomic():
        akar = _akar_contoh([s.pemda.nama for s in specs])
        hapus_pemda_contoh(akar)
        skala = pastikan_skala_ordinal()
        hash_sandi = hash_sandi_demo()
        admin = pastikan_pengguna(
            [(NAMA_SUPERUSER, "Administrator sistem")], hash_sandi, superuser=True
        )
        cache: dict[bytes, Berkas] = {}
        hasil = [
            PemuatPemda(s, skala=skala, hash_sandi=hash_sandi, cache_berkas=cache).muat()
            for s in specs
        ]
        hapus_pengguna_usang(
            awalan_login(specs), {u for s in specs for u in (lg.username for lg in s.login)}
        )
        hapus_berkas_yatim()
        demo = HasilDemo(pemda=hasil, detik=0.0, berkas=len(cache), superuser_contoh=bool(admin))
        muat_tambahan_aplikasi(demo)
    demo.detik = time.perf_counter() - mulai
    return demo


def hapus_demo() -> None:
    """Remove the whole demo world: every demo Pemda (the synthetic one too), every demo
    login, and the demo evidence files (after commit). Real data is never touched.

    For test fixtures that load the demo outside a test transaction and must clean up.
    """
    with transaction.atomic():
        hapus_pemda_contoh(
            list(Instansi.objects.filter(induk__isnull=True, kode__startswith=AWALAN_KODE_CONTOH))
        )
        get_user_model().objects.filter(email__endswith="@" + DOMAIN_EMAIL_CONTOH).delete()
        hapus_berkas_yatim()


# Other apps add to the demo world (e.g. SOP cycles of the seed agencies) by providing
# `kinerja.<app>.data_contoh.muat_data_contoh(hasil: HasilDemo)`; it runs inside the same
# transaction, after the four Pemdas are loaded, and must be idempotent in the same way
# (whatever it creates hangs off the demo Pemdas, so the next refresh deletes it first).
MODUL_TAMBAHAN = "data_contoh"
FUNGSI_TAMBAHAN = "muat_data_contoh"


def muat_tambahan_aplikasi(hasil: HasilDemo) -> list[str]:
    """Run every installed app's demo extension; return the modules that ran."""
    dijalankan = []
    for cfg in apps.get_app_configs():
        nama = f"{cfg.name}.{MODUL_TAMBAHAN}"
        try:
            modul = importlib.import_module(nama)
        except ModuleNotFoundError as exc:
            if exc.name != nama:
                raise
            continue
        getattr(modul, FUNGSI_TAMBAHAN)(hasil)
        dijalankan.append(nama)
    return dijalankan
