"""Keberatan pages from both sides: the employee files and withdraws, the atasan decides, the
list shows what waits (overdue highlighted), and whoever may not see gets 404."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse

from kinerja.skp import services
from kinerja.skp import services_keberatan as sk
from kinerja.skp.models import Keberatan, PenilaianSKP, PenilaianTahunan, StatusKeberatan

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
ALASAN = "Realisasi TW III sudah 100% dan bukti lengkap, tetapi rating di bawah ekspektasi."


def pada(time_machine, tahun, bulan, hari, jam=9):
    """Travel to a local (WIB) time."""
    time_machine.move_to(dt.datetime(tahun, bulan, hari, jam, 0, tzinfo=WIB), tick=False)


def masuk(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def dinilai(dunia, cascade, time_machine):
    """Staf A's TW III evaluation, final on 5 October 2026; today is 7 October."""
    pada(time_machine, 2026, 10, 5)
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=cascade[2],
        periode=dunia.tw[3],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
    )
    pada(time_machine, 2026, 10, 7)
    return p


@pytest.fixture
def keberatan(dunia, dinilai):
    return sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)


def test_the_skp_page_offers_the_employee_an_objection(client, dunia, dinilai):
    url = reverse("skp:detail", args=[dinilai.skp_id])
    html = masuk(client, dunia.staf_a).get(url).content.decode()
    ajukan = reverse("skp:keberatan_ajukan", args=[dinilai.pk])
    assert ajukan in html and "Ajukan keberatan" in html and "19 Oktober 2026" in html
    html = masuk(client, dunia.kabid_a).get(url).content.decode()
    assert ajukan not in html


def test_the_employee_files_through_the_page(client, dunia, dinilai):
    c = masuk(client, dunia.staf_a)
    url = reverse("skp:keberatan_ajukan", args=[dinilai.pk])
    r = c.get(url)
    assert r.status_code == 200 and "Kepala" in r.content.decode()
    r = c.post(url, {"alasan": "terlalu pendek"})
    assert r.status_code == 422 and not Keberatan.objects.exists()
    r = c.post(url, {"alasan": ALASAN})
    k = Keberatan.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("skp:keberatan_detail", args=[k.pk])
    html = c.get(reverse("skp:detail", args=[dinilai.skp_id])).content.decode()
    assert reverse("skp:keberatan_detail", args=[k.pk]) in html and url not in html
    # A second filing is sent back to the SKP page with the reason.
    r = c.get(url, follow=True)
    assert str(sk.PESAN_MASIH_TERBUKA) in r.content.decode()


@pytest.mark.parametrize(
    ("siapa", "kode"),
    [("kabid_a", 403), ("kepala", 403), ("staf_b", 404), ("kabid_b", 404), ("orang_luar", 404)],
)
def test_only_the_employee_may_open_the_filing_page(client, dunia, dinilai, siapa, kode):
    c = masuk(client, getattr(dunia, siapa))
    url = reverse("skp:keberatan_ajukan", args=[dinilai.pk])
    assert c.get(url).status_code == kode
    assert c.post(url, {"alasan": ALASAN}).status_code == kode
    assert not Keberatan.objects.exists()


def test_filing_after_fourteen_days_is_refused_on_the_page(client, dunia, dinilai, time_machine):
    pada(time_machine, 2026, 10, 20)
    r = masuk(client, dunia.staf_a).post(
        reverse("skp:keberatan_ajukan", args=[dinilai.pk]), {"alasan": ALASAN}, follow=True
    )
    assert "Batas pengajuan keberatan sudah lewat" in r.content.decode()
    assert not Keberatan.objects.exists()


def test_annual_filing_page(client, dunia, cascade, time_machine):
    pada(time_machine, 2026, 12, 28)
    staf = cascade[2]
    t = PenilaianTahunan.objects.create(
        pegawai=staf.pegawai,
        tahun=2026,
        skp=staf,
        rating_hasil_kerja="sesuai",
        rating_perilaku="di_bawah",
        predikat="butuh_perbaikan",
        final=True,
    )
    url = reverse("skp:keberatan_ajukan_tahunan", args=[t.pk])
    assert masuk(client, dunia.staf_b).get(url).status_code == 404
    c = masuk(client, dunia.staf_a)
    assert "Evaluasi tahunan" in c.get(url).content.decode()
    assert c.post(url, {"alasan": ALASAN}).status_code == 302
    assert Keberatan.objects.get().penilaian_tahunan == t


@pytest.mark.parametrize(
    ("siapa", "kode"),
    [
        ("staf_a", 200),
        ("kabid_a", 200),
        ("kepala", 200),
        ("kepegawaian", 200),
        ("kabid_b", 404),
        ("staf_b", 404),
        ("inspektorat", 404),
        ("tim_sakip", 404),
        ("orang_luar", 404),
    ],
)
def test_objection_page_follows_privacy(client, dunia, keberatan, siapa, kode):
    r = masuk(client, getattr(dunia, siapa)).get(
        reverse("skp:keberatan_detail", args=[keberatan.pk])
    )
    assert r.status_code == kode
    if kode == 200:
        html = r.content.decode()
        assert "Realisasi TW III sudah 100%" in html
        # The decision form is for the atasan only.
        assert ('id="form-putus"' in html) is (siapa == "kepala")


def test_the_atasan_changes_the_evaluation_through_the_page(client, dunia, keberatan, dinilai):
    c = masuk(client, dunia.kepala)
    url = reverse("skp:keberatan_detail", args=[keberatan.pk])
    data = {
        "keputusan": "diubah",
        "rating_hasil_kerja": "di_atas",
        "rating_perilaku": "di_atas",
        "pertimbangan": "Bukti menunjukkan hasil di atas ekspektasi.",
        "versi": keberatan.versi,
    }
    assert c.post(url, {**data, "pertimbangan": ""}).status_code == 422
    r = c.post(url, data)
    assert r.status_code == 302
    p = PenilaianSKP.objects.get(pk=dinilai.pk)
    assert (p.predikat, p.versi) == ("sangat_baik", 2)
    html = c.get(url).content.decode()
    assert "Sangat Baik" in html and 'id="putusan"' in html and 'id="form-putus"' not in html
    # The employee sees the decision; a second submission of the old form is stale.
    assert "Bukti menunjukkan" in masuk(client, dunia.staf_a).get(url).content.decode()
    assert masuk(client, dunia.kepala).post(url, data).status_code == 409


def test_a_stale_decision_form_gets_409(client, dunia, keberatan):
    r = masuk(client, dunia.kepala).post(
        reverse("skp:keberatan_detail", args=[keberatan.pk]),
        {"keputusan": "dikuatkan", "pertimbangan": "Dikuatkan.", "versi": keberatan.versi + 1},
    )
    assert r.status_code == 409
    keberatan.refresh_from_db()
    assert keberatan.status == StatusKeberatan.DIAJUKAN


@pytest.mark.parametrize(("siapa", "kode"), [("kabid_a", 403), ("staf_a", 403), ("staf_b", 404)])
def test_others_cannot_decide_through_the_page(client, dunia, keberatan, siapa, kode):
    r = masuk(client, getattr(dunia, siapa)).post(
        reverse("skp:keberatan_detail", args=[keberatan.pk]),
        {"keputusan": "dikuatkan", "pertimbangan": "Dikuatkan."},
    )
    assert r.status_code == kode
    keberatan.refresh_from_db()
    assert keberatan.status == StatusKeberatan.DIAJUKAN


def test_the_employee_withdraws_through_the_page(client, dunia, keberatan):
    url = reverse("skp:keberatan_tarik", args=[keberatan.pk])
    assert masuk(client, dunia.staf_b).post(url).status_code == 404
    masuk(client, dunia.kepala).post(url, {"versi": keberatan.versi})
    keberatan.refresh_from_db()
    assert keberatan.status == StatusKeberatan.DIAJUKAN
    c = masuk(client, dunia.staf_a)
    detail = c.get(reverse("skp:keberatan_detail", args=[keberatan.pk])).content.decode()
    assert "Tarik keberatan" in detail
    r = c.post(url, {"versi": keberatan.versi})
    assert r.status_code == 302
    keberatan.refresh_from_db()
    assert keberatan.status == StatusKeberatan.DITARIK


def test_the_list_shows_what_waits_for_me_and_highlights_overdue(
    client, dunia, keberatan, time_machine
):
    url = reverse("skp:keberatan_daftar")
    html = masuk(client, dunia.kepala).get(url).content.decode()
    assert "Staf_A" in html and "21 Oktober 2026" in html and "table-danger" not in html
    pada(time_machine, 2026, 10, 22)
    html = masuk(client, dunia.kepala).get(url).content.decode()
    assert "table-danger" in html and "lewat batas" in html
    html = masuk(client, dunia.staf_a).get(url).content.decode()
    detail = reverse("skp:keberatan_detail", args=[keberatan.pk])
    assert detail in html and "Diajukan" in html
    for siapa in ("kabid_a", "kabid_b", "orang_luar"):
        assert detail not in masuk(client, getattr(dunia, siapa)).get(url).content.decode()


def test_the_list_query_count_is_bounded(
    client, dunia, cascade, time_machine, django_assert_max_num_queries
):
    # Objections to three periods of Staf A and to Kepala Bidang A's evaluation (recorded by
    # the personnel section): the page does not query per row.
    pada(time_machine, 2026, 10, 5)
    for n in (1, 2, 3):
        p = services.penilaian_simpan(
            pengguna=dunia.kabid_a,
            skp=cascade[2],
            periode=dunia.tw[n],
            rating_hasil_kerja="sesuai",
            rating_perilaku="sesuai",
            final=True,
        )
        sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=p, alasan=ALASAN)
    c = masuk(client, dunia.kepala)
    with django_assert_max_num_queries(12):
        r = c.get(reverse("skp:keberatan_daftar"))
    assert r.content.decode().count('href="/skp/keberatan/') >= 3
