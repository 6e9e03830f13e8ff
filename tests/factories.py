"""factory_boy factories for the domain model, shared by all test modules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from kinerja.organisasi.models import Instansi, Jabatan, JenisInstansi, Pegawai, Peran
from kinerja.pengukuran.models import Periode, Realisasi
from kinerja.perencanaan.models import (
    Elemen,
    Indikator,
    KerangkaKinerja,
    LevelKerangka,
    TargetTahunan,
)


class PemdaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi

    jenis = JenisInstansi.PEMDA
    nama = factory.Sequence(lambda n: f"Pemerintah Kabupaten Contoh {n}")


class PerangkatDaerahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi

    induk = factory.SubFactory(PemdaFactory)
    jenis = JenisInstansi.PERANGKAT_DAERAH
    nama = factory.Sequence(lambda n: f"Dinas Contoh {n}")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi

    induk = factory.SubFactory(PerangkatDaerahFactory)
    jenis = JenisInstansi.UNIT
    nama = factory.Sequence(lambda n: f"Bidang Contoh {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    password = factory.django.Password("rahasia-panjang-123")


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    nip = factory.Sequence(lambda n: f"19800101200501{1 + n % 2}{n % 1000:03d}")
    nama = factory.Sequence(lambda n: f"Pegawai {n}")
    unit = factory.SubFactory(UnitFactory)


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan

    instansi = factory.SubFactory(UnitFactory)
    nama = factory.Sequence(lambda n: f"Kepala Bidang {n}")


def beri_peran(user, kode, instansi):
    """Give `user` the role `kode` over `instansi`'s subtree."""
    Peran.objects.create(pengguna=user, kode=kode, instansi=instansi)
    if hasattr(user, "_kinerja_peran"):
        del user._kinerja_peran
    return user


class KerangkaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KerangkaKinerja

    instansi = factory.SubFactory(PerangkatDaerahFactory)
    nama = "Renstra"
    tahun_mulai = 2025
    tahun_selesai = 2029


class LevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevelKerangka

    kerangka = factory.SubFactory(KerangkaFactory)
    urutan = 2
    kode = "sasaran"
    nama = "Sasaran"


class ElemenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Elemen

    level = factory.SubFactory(LevelFactory)
    kerangka = factory.SelfAttribute("level.kerangka")
    nama = factory.Sequence(lambda n: f"Sasaran {n}")


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indikator

    elemen = factory.SubFactory(ElemenFactory)
    nama = factory.Sequence(lambda n: f"Indikator {n}")
    satuan = "%"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetTahunan

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2026
    nilai = Decimal("100")
    berlaku_mulai = dt.date(2026, 1, 1)


class PeriodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Periode

    pemda = factory.SubFactory(PemdaFactory)
    tahun = 2026
    jenis_periode = "triwulan"
    nomor = 1


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    periode = factory.SubFactory(PeriodeFactory)
    nilai = Decimal("50")
