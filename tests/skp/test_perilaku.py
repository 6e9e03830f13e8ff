"""Perilaku kerja per BerAKHLAK value: the penilai's expectations on the SKP and the per-value
ratings and feedback of a periodic evaluation — who may write them, validation, audit, stale
edits, and the pages that show them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.inti.models import Peristiwa
from kinerja.skp import services
from kinerja.skp.berakhlak import PANDUAN_PERILAKU, NilaiBerAKHLAK
from kinerja.skp.models import EkspektasiPerilaku, PenilaianPerilaku, PenilaianSKP


def _masuk(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_seven_values_with_three_guide_behaviours_each():
    assert [n.value for n in NilaiBerAKHLAK] == [
        "pelayanan",
        "akuntabel",
        "kompeten",
        "harmonis",
        "loyal",
        "adaptif",
        "kolaboratif",
    ]
    assert all(len(PANDUAN_PERILAKU[n]) == 3 for n in NilaiBerAKHLAK)


def test_the_penilai_states_expectations_and_changes_are_audited(dunia, cascade):
    staf = cascade[2]
    baris = services.ekspektasi_perilaku_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        isian={"pelayanan": "Menjawab aduan dalam 2 hari kerja", "loyal": ""},
    )
    assert [b.nilai for b in baris] == ["pelayanan"]  # an empty value makes no row
    e = EkspektasiPerilaku.objects.get(skp=staf, nilai="pelayanan")
    assert Peristiwa.objects.filter(aksi="skp.ekspektasi", objek_id=str(e.pk)).exists()
    services.ekspektasi_perilaku_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        isian={"pelayanan": "Menjawab aduan dalam 1 hari kerja"},
        versi={"pelayanan": 1},
    )
    e.refresh_from_db()
    assert e.ekspektasi == "Menjawab aduan dalam 1 hari kerja" and e.versi == 2
    assert Peristiwa.objects.filter(aksi="skp.ekspektasi_ubah", objek_id=str(e.pk)).exists()


def test_a_stale_expectation_edit_is_refused_and_nothing_changes(dunia, cascade):
    staf = cascade[2]
    services.ekspektasi_perilaku_simpan(
        pengguna=dunia.kabid_a, skp=staf, isian={"pelayanan": "A", "kompeten": "B"}
    )
    services.ekspektasi_perilaku_simpan(
        pengguna=dunia.kabid_a, skp=staf, isian={"pelayanan": "A2"}, versi={"pelayanan": 1}
    )
    with pytest.raises(ValidationError) as e:
        services.ekspektasi_perilaku_simpan(
            pengguna=dunia.kabid_a,
            skp=staf,
            isian={"kompeten": "B2", "pelayanan": "A3"},
            versi={"kompeten": 1, "pelayanan": 1},
        )
    assert "baru saja diubah" in e.value.messages[0]
    teks = dict(EkspektasiPerilaku.objects.filter(skp=staf).values_list("nilai", "ekspektasi"))
    assert teks == {"pelayanan": "A2", "kompeten": "B"}


@pytest.mark.parametrize("siapa", ["staf_a", "kabid_b", "kepegawaian", "inspektorat", "orang_luar"])
def test_only_the_penilai_states_expectations(dunia, cascade, siapa):
    staf = cascade[2]
    with pytest.raises(PermissionDenied):
        services.ekspektasi_perilaku_simpan(
            pengguna=getattr(dunia, siapa), skp=staf, isian={"pelayanan": "X"}
        )
    assert not EkspektasiPerilaku.objects.exists()


def test_an_unknown_value_or_too_long_text_is_refused(dunia, cascade):
    staf = cascade[2]
    with pytest.raises(ValidationError):
        services.ekspektasi_perilaku_simpan(pengguna=dunia.kabid_a, skp=staf, isian={"jujur": "X"})
    with pytest.raises(ValidationError):
        services.ekspektasi_perilaku_simpan(
            pengguna=dunia.kabid_a, skp=staf, isian={"pelayanan": "x" * 2001}
        )
    assert not EkspektasiPerilaku.objects.exists()


def test_the_evaluation_keeps_per_value_ratings_and_feedback(dunia, cascade):
    staf = cascade[2]
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="sesuai",
        rating_perilaku="di_atas",
        perilaku={
            "pelayanan": ("di_atas", "Cepat menanggapi aduan"),
            "kolaboratif": ("", "Aktif di tim lintas bidang"),
            "loyal": ("", ""),
        },
    )
    rows = {r.nilai: (r.rating, r.umpan_balik) for r in p.perilaku.all()}
    assert rows == {
        "pelayanan": ("di_atas", "Cepat menanggapi aduan"),
        "kolaboratif": ("", "Aktif di tim lintas bidang"),
    }
    # The one rating of perilaku kerja stays the penilai's: per-value ratings do not override it.
    assert p.rating_perilaku == "di_atas" and p.predikat == "baik"
    audit = Peristiwa.objects.get(aksi="skp.nilai", objek_id=str(p.pk))
    assert audit.sesudah["perilaku"]["pelayanan"] == ["di_atas", "Cepat menanggapi aduan"]
    # Clearing a value removes its row; a value not sent keeps its row.
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        versi=p.versi,
        perilaku={"kolaboratif": ("", "")},
    )
    assert set(p.perilaku.values_list("nilai", flat=True)) == {"pelayanan"}


def test_a_bad_per_value_rating_writes_nothing(dunia, cascade):
    staf = cascade[2]
    with pytest.raises(ValidationError):
        services.penilaian_simpan(
            pengguna=dunia.kabid_a,
            skp=staf,
            periode=dunia.tw[1],
            rating_hasil_kerja="sesuai",
            rating_perilaku="sesuai",
            perilaku={"pelayanan": ("luar_biasa", "")},
        )
    assert not PenilaianSKP.objects.exists() and not PenilaianPerilaku.objects.exists()


def test_the_detail_page_lets_only_the_penilai_edit_expectations(dunia, cascade):
    staf = cascade[2]
    services.ekspektasi_perilaku_simpan(
        pengguna=dunia.kabid_a, skp=staf, isian={"adaptif": "Mencoba aplikasi baru"}
    )
    url = reverse("skp:detail", args=[staf.pk])
    html = _masuk(dunia.kabid_a).get(url).content.decode()
    assert 'name="ekspektasi_adaptif"' in html and "Mencoba aplikasi baru" in html
    html = _masuk(dunia.staf_a).get(url).content.decode()
    assert 'name="ekspektasi_adaptif"' not in html and "Mencoba aplikasi baru" in html
    assert "Berorientasi Pelayanan" in html and "Bertindak proaktif" in html


def test_posting_expectations_through_the_page(dunia, cascade):
    staf = cascade[2]
    url = reverse("skp:ekspektasi", args=[staf.pk])
    r = _masuk(dunia.kabid_a).post(url, {"ekspektasi_harmonis": "Menengahi konflik tim"})
    assert r.status_code == 302
    assert EkspektasiPerilaku.objects.get(skp=staf, nilai="harmonis").ekspektasi == (
        "Menengahi konflik tim"
    )
    r = _masuk(dunia.staf_a).post(url, {"ekspektasi_harmonis": "Saya sendiri"}, follow=True)
    assert "Hanya pejabat penilai" in r.content.decode()
    assert EkspektasiPerilaku.objects.get(skp=staf, nilai="harmonis").ekspektasi == (
        "Menengahi konflik tim"
    )
    assert _masuk(dunia.orang_luar).post(url, {"ekspektasi_harmonis": "x"}).status_code == 404


def test_the_evaluation_form_saves_per_value_input(dunia, cascade):
    staf = cascade[2]
    url = reverse("skp:nilai", args=[staf.pk, dunia.tw[2].pk])
    c = _masuk(dunia.kabid_a)
    html = c.get(url).content.decode()
    assert html.count('name="rating_') == 1 + 1 + 7  # hasil, perilaku, seven values
    r = c.post(
        url,
        {
            "rating_hasil_kerja": "sesuai",
            "rating_perilaku": "sesuai",
            "rating_akuntabel": "di_bawah",
            "umpan_balik_akuntabel": "Laporan sering terlambat",
        },
    )
    assert r.status_code == 302
    p = PenilaianSKP.objects.get(skp=staf, periode=dunia.tw[2])
    assert p.perilaku.get().umpan_balik == "Laporan sering terlambat"
    html = c.get(url).content.decode()
    assert "Laporan sering terlambat" in html
