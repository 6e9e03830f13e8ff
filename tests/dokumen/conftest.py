"""Fixtures of the document tests: the demo world, loaded once per module that asks for it."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kinerja.organisasi.models import Instansi, Peran
from kinerja.pengukuran.models import Periode


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`kinerja demo` once for the module; removed again afterwards."""
    from kinerja.demo.pemuat import hapus_demo

    with django_db_blocker.unblock():
        call_command("demo", tanpa_daftar_akun=True, stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        from kinerja.dokumen.models import Dokumen

        Dokumen.objects.all().delete()
        hapus_demo()


def instansi_demo(nama: str) -> Instansi:
    """The demo agency or unit of that name (inside a demo Pemda)."""
    calon = [i for i in Instansi.objects.filter(nama=nama) if i.pemda().kode.startswith("contoh-")]
    assert len(calon) == 1, f"{nama}: {len(calon)} instansi contoh"
    return calon[0]


def periode_demo(instansi: Instansi, tahun: int, jenis: str, nomor: int) -> Periode:
    return Periode.objects.get(
        pemda=instansi.pemda(), tahun=tahun, jenis_periode=jenis, nomor=nomor
    )


def login_peran(kode: str, instansi: Instansi):
    """A demo login holding role `kode` exactly at `instansi`."""
    p = Peran.objects.filter(kode=kode, instansi=instansi).select_related("pengguna").first()
    assert p is not None, f"demo tanpa login {kode} di {instansi}"
    return p.pengguna


def superuser():
    return get_user_model().objects.filter(is_superuser=True).first()
