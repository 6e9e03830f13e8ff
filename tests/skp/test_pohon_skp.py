"""The SKP layer of the planning pohon kinerja (issue 9: the cascade is shown on the pohon):
offered only to those who may see SKP of the agency, showing only the SKP each may see, in the
list and in the ECharts data, with a number of queries that does not grow with the tree."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisasi.models import KodePeran
from kinerja.perencanaan.models import ItemPK
from kinerja.skp import services
from kinerja.skp.models import IndikatorSKP, RencanaHasilKerja
from kinerja.skp.selectors_pohon import rhk_per_indikator, skp_di_pohon_boleh
from tests.factories import IndikatorFactory, UserFactory, beri_peran
from tests.skp.conftest import skp_siap

SAKLAR = "Tampilkan cascade SKP"


def alamat(item, **param):
    """The pohon of the framework `item`'s indicator belongs to, with query parameters."""
    k = item.indikator.elemen.kerangka
    kueri = "&".join(f"{a}={b}" for a, b in {"periode": 0, **param}.items())
    return reverse("perencanaan:pohon", args=[k.pk]) + "?" + kueri


def data_echarts(html):
    """The ECharts tree data of the page (the json_script)."""
    m = re.search(r'<script id="data-pohon" type="application/json">(.*?)</script>', html, re.S)
    assert m is not None
    return json.loads(m.group(1))


def simpul_skp(node):
    """Every SKP node of the ECharts data, depth first."""
    hasil = [node] if node.get("jenis") == "skp" else []
    for a in node.get("children", []):
        hasil += simpul_skp(a)
    return hasil


@pytest.fixture
def cascade_dua_bidang(dunia, cascade):
    """The cascade fixture plus Bidang B: its Kepala Bidang and a staff member, on the Kepala's
    result, so every viewer has someone they may not see."""
    kepala, kabid_a, staf_a = cascade
    kabid_b = skp_siap(dunia.kabid_b, dunia.kepala, rhk_atasan=kepala.rhk.get())
    staf_b = skp_siap(dunia.staf_b, dunia.kabid_b, rhk_atasan=kabid_b.rhk.get())
    return kepala, kabid_a, staf_a, kabid_b, staf_b


@pytest.fixture
def admin_pemda(dunia):
    user = UserFactory(username="admin_pemda")
    return beri_peran(user, KodePeran.ADMIN_PEMDA, dunia.pemda)


@pytest.mark.parametrize("siapa", ["kepala", "kepegawaian", "kabid_a"])
def test_the_switch_is_offered_to_those_who_may_see_skp(client, dunia, item_kepala, cascade, siapa):
    client.force_login(getattr(dunia, siapa))
    r = client.get(alamat(item_kepala))
    assert r.status_code == 200
    html = r.content.decode()
    assert SAKLAR in html
    # Off by default: the planners' tree carries no employee.
    assert "Hasil kerja" not in html and not simpul_skp(data_echarts(html))


@pytest.mark.parametrize("siapa", ["tim_sakip", "inspektorat", "admin_pemda"])
def test_readers_of_the_pohon_get_neither_switch_nor_skp(
    client, dunia, item_kepala, cascade_dua_bidang, admin_pemda, siapa
):
    user = admin_pemda if siapa == "admin_pemda" else getattr(dunia, siapa)
    client.force_login(user)
    r = client.get(alamat(item_kepala, skp=1, tahun=2026))
    assert r.status_code == 200
    html = r.content.decode()
    assert SAKLAR not in html
    assert "Hasil kerja" not in html and "lencana-skp" not in html and "simpul-skp" not in html
    for nama in ("Kabid_A", "Kabid_B", "Staf_A", "Staf_B"):
        assert nama not in html
    assert not simpul_skp(data_echarts(html))
    assert not skp_di_pohon_boleh(user, dunia.pd)


def test_an_outsider_does_not_reach_the_pohon(client, dunia, item_kepala, cascade):
    client.force_login(dunia.orang_luar)
    r = client.get(alamat(item_kepala, skp=1))
    assert r.status_code == 404
    assert SAKLAR not in r.content.decode()
    assert not skp_di_pohon_boleh(dunia.orang_luar, dunia.pd)


def test_the_kepala_sees_the_whole_cascade_under_the_indicator(
    client, dunia, item_kepala, cascade_dua_bidang
):
    client.force_login(dunia.kepala)
    html = client.get(alamat(item_kepala, skp=1, tahun=2026)).content.decode()
    for u in ("kepala", "kabid_a", "staf_a", "kabid_b", "staf_b"):
        assert f"Hasil kerja {u}" in html
    # The list: Kepala → Kepala Bidang → staff, nested, each linking to its SKP.
    staf_a = cascade_dua_bidang[2]
    assert reverse("skp:detail", args=[staf_a.pk]) in html
    assert html.index("Hasil kerja kepala") < html.index("Hasil kerja kabid_a")
    per = rhk_per_indikator(dunia.kepala, dunia.pd, 2026)
    assert list(per) == [item_kepala.indikator_id]
    (akar,) = per[item_kepala.indikator_id]
    assert akar.judul == "Hasil kerja kepala"
    assert sorted(a.judul for a in akar.anak) == ["Hasil kerja kabid_a", "Hasil kerja kabid_b"]
    kabid_a = next(a for a in akar.anak if a.judul == "Hasil kerja kabid_a")
    assert [a.judul for a in kabid_a.anak] == ["Hasil kerja staf_a"]
    assert kabid_a.pemilik == "Kabid_A"


def test_the_echarts_data_marks_skp_nodes_and_links_them(
    client, dunia, item_kepala, cascade_dua_bidang
):
    client.force_login(dunia.kepegawaian)
    html = client.get(alamat(item_kepala, skp=1, tahun=2026)).content.decode()
    node = simpul_skp(data_echarts(html))
    assert {n["name"] for n in node} == {
        f"Hasil kerja {u}" for u in ("kepala", "kabid_a", "staf_a", "kabid_b", "staf_b")
    }
    kepala = next(n for n in node if n["name"] == "Hasil kerja kepala")
    assert kepala["mendukung"] == "Indeks kepuasan layanan"
    assert kepala["url"] == reverse("skp:detail", args=[cascade_dua_bidang[0].pk])
    assert {a["name"] for a in kepala["children"]} == {"Hasil kerja kabid_a", "Hasil kerja kabid_b"}
    assert 'class="badge lencana-skp"' in html


def test_a_superior_sees_own_and_supervised_results_only(
    client, dunia, item_kepala, cascade_dua_bidang
):
    client.force_login(dunia.kabid_a)
    html = client.get(alamat(item_kepala, skp=1, tahun=2026)).content.decode()
    assert "Hasil kerja kabid_a" in html and "Hasil kerja staf_a" in html and "Staf_A" in html
    for tersembunyi in ("Hasil kerja kepala", "Hasil kerja kabid_b", "Hasil kerja staf_b"):
        assert tersembunyi not in html
    assert "Kabid_B" not in html and "Staf_B" not in html
    # The hidden Kepala's result is skipped: Kabid A's result hangs from the indicator itself.
    per = rhk_per_indikator(dunia.kabid_a, dunia.pd, 2026)
    (akar,) = per[item_kepala.indikator_id]
    assert akar.judul == "Hasil kerja kabid_a"
    assert [a.judul for a in akar.anak] == ["Hasil kerja staf_a"]
    node = simpul_skp(data_echarts(html))
    assert {n["name"] for n in node} == {"Hasil kerja kabid_a", "Hasil kerja staf_a"}


def test_an_employee_sees_only_their_own_result(client, dunia, item_kepala, cascade_dua_bidang):
    beri_peran(dunia.staf_a, KodePeran.STAF, dunia.bidang_a)
    client.force_login(dunia.staf_a)
    r = client.get(alamat(item_kepala, skp=1, tahun=2026))
    html = r.content.decode()
    assert r.status_code == 200 and SAKLAR in html
    assert "Hasil kerja staf_a" in html
    for u in ("kepala", "kabid_a", "kabid_b", "staf_b"):
        assert f"Hasil kerja {u}" not in html
    assert "Kabid_A" not in html and "Kabid_B" not in html and "Staf_B" not in html


def test_a_tim_sakip_member_who_is_an_employee_sees_only_their_own_result(
    client, dunia, item_kepala, cascade_dua_bidang
):
    kepala = cascade_dua_bidang[0]
    skp_siap(dunia.tim_sakip, dunia.kepala, rhk_atasan=kepala.rhk.get())
    client.force_login(dunia.tim_sakip)
    html = client.get(alamat(item_kepala, skp=1, tahun=2026)).content.decode()
    assert SAKLAR in html and "Hasil kerja tim" in html
    for u in ("kepala", "kabid_a", "staf_a", "kabid_b", "staf_b"):
        assert f"Hasil kerja {u}" not in html
    assert {n["name"] for n in simpul_skp(data_echarts(html))} == {"Hasil kerja tim"}


def test_the_year_follows_the_parameter(client, dunia, item_kepala, cascade):
    client.force_login(dunia.kepala)
    assert (
        "Hasil kerja staf_a" in client.get(alamat(item_kepala, skp=1, tahun=2026)).content.decode()
    )
    html = client.get(alamat(item_kepala, skp=1, tahun=2027)).content.decode()
    assert SAKLAR in html and "Hasil kerja" not in html
    assert rhk_per_indikator(dunia.kepala, dunia.pd, 2027) == {}
    # Without `tahun`, the year of the chosen period; the period choices keep the layer on.
    k = item_kepala.indikator.elemen.kerangka
    url = reverse("perencanaan:pohon", args=[k.pk]) + f"?periode={dunia.tw[3].pk}&skp=1"
    html = client.get(url).content.decode()
    assert "Hasil kerja staf_a" in html
    assert f"?periode={dunia.tw[2].pk}&amp;skp=1" in html


def _tambah(item_kepala, skp, n, awalan):
    """`n` more indicators of the framework, each a Kepala's PK item with a result of the
    Kepala's SKP on it and a result of each other SKP (two indicators each) on that one."""
    kepala, *bawahan = skp
    for i in range(n):
        ind = IndikatorFactory(elemen=item_kepala.indikator.elemen)
        item = ItemPK.objects.create(
            perjanjian=item_kepala.perjanjian, indikator=ind, target=10, urutan=i + 1
        )
        atas = RencanaHasilKerja.objects.create(
            skp=kepala, uraian=f"{awalan} kepala {i}", item_pk=item
        )
        for s in bawahan:
            r = RencanaHasilKerja.objects.create(
                skp=s, uraian=f"{awalan} {s.pegawai.nama} {i}", rhk_atasan=atas
            )
            for aspek in ("kuantitas", "waktu"):
                IndikatorSKP.objects.create(rhk=r, aspek=aspek, nama=f"Ukuran {aspek}", target=1)


def _hitung(client, dunia, item_kepala):
    """The number of queries of the pohon with the SKP layer, as the Kepala, and its HTML."""
    client.force_login(dunia.kepala)
    with CaptureQueriesContext(connection) as q:
        r = client.get(alamat(item_kepala, skp=1, tahun=2026))
    assert r.status_code == 200
    return len(q), r.content.decode()


def test_queries_do_not_grow_with_indicators_and_results(
    client, dunia, item_kepala, django_assert_max_num_queries
):
    skp = [
        services.skp_buat(pengguna=u, pegawai=u.pegawai, tahun=2026)
        for u in (dunia.kepala, dunia.kabid_a, dunia.kabid_b)
    ]
    _tambah(item_kepala, skp, 2, "Awal")
    sedikit, html = _hitung(client, dunia, item_kepala)
    assert "Awal Kabid_B 1" in html
    _tambah(item_kepala, skp, 12, "Tambahan")
    banyak, html = _hitung(client, dunia, item_kepala)
    assert "Tambahan Kabid_A 11" in html
    assert banyak == sedikit
    with django_assert_max_num_queries(sedikit):
        client.get(alamat(item_kepala, skp=1, tahun=2026))
