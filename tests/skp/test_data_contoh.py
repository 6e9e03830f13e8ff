"""The Lumajang demo: every PNS and PPPK of Dinas PUTR has an SKP 2026 cascaded from the
Kepala's PK, Triwulan I–III are evaluated, one employee moved mid-year, and the demo logins see
exactly what the privacy rule allows. Loading twice gives the same rows."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kinerja.demo.pemuat import hapus_demo
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.skp import selectors
from kinerja.skp.data_contoh import NIP_PINDAH, muat_data_contoh
from kinerja.skp.models import SKP, PenilaianSKP, RencanaHasilKerja, StatusSKP


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Only this app's extension runs: the test checks the SKP demo, not other apps' demos.
    def hanya_skp(hasil):
        muat_data_contoh(hasil)
        return ["kinerja.skp.data_contoh"]

    with (
        django_db_blocker.unblock(),
        mock.patch("kinerja.demo.pemuat.muat_tambahan_aplikasi", hanya_skp),
    ):
        call_command("demo", tanpa_daftar_akun=True, verbosity=0)
    with django_db_blocker.unblock():
        yield
        hapus_demo()


@pytest.fixture
def pd(demo, db):
    return Instansi.objects.get(nama="Dinas Pekerjaan Umum dan Tata Ruang")


def login(nama):
    return get_user_model().objects.get(username=nama)


def test_every_asn_of_the_agency_has_a_set_skp(pd):
    pegawai = Pegawai.objects.filter(
        unit__jalur__startswith=pd.jalur, jenis_asn__in=["pns", "pppk"]
    )
    assert pegawai.count() >= 10
    for p in pegawai:
        skp = SKP.objects.filter(pegawai=p, tahun=2026)
        assert skp.exists(), p
        assert all(s.status == StatusSKP.DITETAPKAN for s in skp)
    assert SKP.objects.filter(unit__jalur__startswith=pd.jalur, jenis_asn="pppk").exists()


def test_every_main_result_cascades_up_to_the_kepalas_pk(pd):
    utama = RencanaHasilKerja.objects.filter(skp__unit__jalur__startswith=pd.jalur, jenis="utama")
    assert utama.count() > 10
    for r in utama.select_related("skp"):
        langkah = 0
        while r.rhk_atasan_id:
            r = r.rhk_atasan
            langkah += 1
            assert langkah < 10
        assert r.item_pk_id is not None
        item = r.item_pk
        while item.item_induk_id:
            item = item.item_induk
        assert item.perjanjian.jabatan.atasan_id is None  # the Kepala's PK


def test_the_past_quarter_is_evaluated_with_the_matrix(pd):
    from kinerja.skp import matriks

    tw3 = PenilaianSKP.objects.filter(
        skp__unit__jalur__startswith=pd.jalur, periode__nomor=3, periode__tahun=2026
    )
    assert (
        tw3.count()
        == Pegawai.objects.filter(
            unit__jalur__startswith=pd.jalur, jenis_asn__in=["pns", "pppk"]
        ).count()
    )
    for p in tw3:
        assert p.final
        assert p.predikat == matriks.predikat_kinerja(p.rating_hasil_kerja, p.rating_perilaku)
    assert tw3.filter(sumber_rating_hasil="capaian_unit").exists()


def test_one_employee_moved_mid_year_and_keeps_both_skp(pd):
    dua = list(SKP.objects.filter(pegawai__nip=NIP_PINDAH, tahun=2026).order_by("mulai"))
    assert len(dua) == 2
    assert dua[0].unit != dua[1].unit and dua[0].penilai != dua[1].penilai
    assert dua[1].unit == Pegawai.objects.get(nip=NIP_PINDAH).unit


def test_demo_logins_see_what_privacy_allows(pd):
    semua = set(SKP.objects.filter(unit__jalur__startswith=pd.jalur).values_list("pk", flat=True))
    assert (
        set(selectors.skp_terlihat(login("lumajang.kepegawaian")).values_list("pk", flat=True))
        == semua
    )
    assert (
        set(selectors.skp_terlihat(login("lumajang.kepala")).values_list("pk", flat=True)) == semua
    )
    assert not selectors.skp_terlihat(login("lumajang.inspektorat")).exists()
    assert not selectors.skp_terlihat(login("lumajang.adminpemda")).exists()
    bm = {s.pegawai.nama for s in selectors.skp_tim(login("lumajang.kabid.bm"), 2026)}
    assert bm == {"Dimas Aditya"}
    assert not selectors.skp_tim(login("lumajang.kabid.sda"), 2026)


def test_distribution_is_checked_for_the_agency(pd):
    from kinerja.pengukuran.models import Periode

    tw3 = Periode.objects.get(pemda=pd.induk, tahun=2026, jenis_periode="triwulan", nomor=3)
    rekap = selectors.rekap_unit(login("lumajang.kepegawaian"), pd, tw3)
    assert rekap.jumlah_dinilai == sum(rekap.jumlah.values()) >= 10
    assert rekap.capaian is not None and rekap.predikat_organisasi is not None


def test_loading_again_gives_the_same_rows(pd):
    sebelum = (SKP.objects.count(), RencanaHasilKerja.objects.count(), PenilaianSKP.objects.count())
    from django.db import transaction

    with transaction.atomic():
        muat_data_contoh(None)
    assert (
        SKP.objects.count(),
        RencanaHasilKerja.objects.count(),
        PenilaianSKP.objects.count(),
    ) == sebelum


def test_every_demo_skp_states_the_seven_berakhlak_expectations(pd):
    from kinerja.skp.models import EkspektasiPerilaku, PenilaianPerilaku

    skp = SKP.objects.filter(unit__jalur__startswith=pd.jalur, tahun=2026)
    assert skp.exists()
    for s in skp:
        assert EkspektasiPerilaku.objects.filter(skp=s).count() == 7
    tw3 = PenilaianSKP.objects.filter(skp__in=skp, periode__nomor=3)
    assert tw3.exists()
    for p in tw3:
        rows = PenilaianPerilaku.objects.filter(penilaian=p)
        assert rows.count() == 3 and {r.rating for r in rows} == {p.rating_perilaku}


def test_the_demo_has_an_objection_waiting_for_the_kepala(pd):
    from kinerja.skp.data_contoh import NIP_KEBERATAN
    from kinerja.skp.models import Keberatan

    k = Keberatan.objects.get(pegawai__nip=NIP_KEBERATAN)
    assert k.status == "diajukan" and k.penilaian.periode.nomor == 3
    assert k.pemutus is not None and k.pemutus.pengguna == login("lumajang.kepala")


def test_the_moved_employee_has_a_draft_annual_evaluation_over_both_skp(pd):
    from kinerja.skp.models import PenilaianTahunan

    pt = PenilaianTahunan.objects.get(pegawai__nip=NIP_PINDAH, tahun=2026)
    assert not pt.final
    assert pt.skp == SKP.objects.filter(pegawai__nip=NIP_PINDAH).order_by("-mulai").first()
    # First half "sesuai", second half "di atas": 181 × 2 + 184 × 3 = 914 / 365 ≥ 2.5 → di atas.
    assert pt.rating_hasil_kerja == "di_atas"


def test_the_kepala_is_notified_of_the_objection_once_after_reloads(pd):
    from kinerja.alur.models import Notifikasi

    muat_data_contoh(None)  # a refresh of the SKP demo alone
    kepala = login("lumajang.kepala")
    assert Notifikasi.objects.filter(pengguna=kepala, jenis="keberatan").count() == 1


def test_earlier_quarters_were_evaluated_after_they_ended(pd):
    tw1 = PenilaianSKP.objects.filter(skp__unit__jalur__startswith=pd.jalur, periode__nomor=1)
    assert tw1.exists()
    assert {p.dinilai_pada.date().isoformat() for p in tw1} == {"2026-04-15"}
