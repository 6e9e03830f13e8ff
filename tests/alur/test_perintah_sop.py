"""`kinerja sop` lists, loads, prints and exports the SOP templates; the UI prints them too."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.alur.models import TemplateSOP

pytestmark = pytest.mark.django_db


def jalankan(*args):
    out = io.StringIO()
    call_command("sop", *args, stdout=out)
    return out.getvalue()


def test_daftar_memuat_keempat_seed_dengan_jumlah_langkah():
    teks = jalankan("daftar")
    baris = {b.split()[0]: b.split()[2] for b in teks.splitlines()[1:]}
    assert baris == {
        "banjarnegara-dispermades-2023": "16",
        "kukar-ukpbj-2020": "17",
        "lumajang-putr-2024": "11",
        "sumbar-bmcktr-2024": "9",
    }


def test_muat_ulang_tidak_membuat_versi_baru():
    jalankan("muat")
    jalankan("muat")
    assert TemplateSOP.objects.filter(bawaan=True).count() == 4


def test_cetak_menulis_pdf(tmp_path):
    jalankan("muat")
    tujuan = tmp_path / "sop.pdf"
    jalankan("cetak", "lumajang-putr-2024", "-o", str(tujuan))
    assert tujuan.read_bytes().startswith(b"%PDF")


def test_cetak_kode_tidak_dikenal_memberi_pesan():
    from django.core.management.base import CommandError

    jalankan("muat")
    with pytest.raises(CommandError, match="tidak ada"):
        jalankan("cetak", "tidak-ada")


def test_ekspor_yaml_dapat_dimuat_ulang():
    from kinerja.alur import berkas_sop

    jalankan("muat")
    teks = jalankan("ekspor", "sumbar-bmcktr-2024")
    import yaml

    assert berkas_sop.validasi(yaml.safe_load(teks)) == []


def test_pdf_dari_halaman_templat(client):
    from tests.factories import UserFactory

    jalankan("muat")
    client.force_login(UserFactory())
    t = TemplateSOP.objects.get(kode="sumbar-bmcktr-2024")
    resp = client.get(reverse("alur:template_pdf", args=[t.pk]))
    assert resp.status_code == 200 and resp.content.startswith(b"%PDF")
