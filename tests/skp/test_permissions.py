"""Privacy from both sides: who sees an SKP (the employee, their superiors up the Jabatan
tree, the Kepala and the personnel section) and who does not (colleagues, other units' heads,
the Inspektorat, the Tim SAKIP, outsiders) — per object and in the list queries."""

from __future__ import annotations

import pytest

from kinerja.skp import selectors


@pytest.fixture
def semua(dunia, cascade):
    from kinerja.skp import services

    staf_b = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    return {"kepala": cascade[0], "kabid_a": cascade[1], "staf_a": cascade[2], "staf_b": staf_b}


BOLEH = {
    # user → SKP they may see
    "kepala": {"kepala", "kabid_a", "staf_a", "staf_b"},
    "kabid_a": {"kabid_a", "staf_a"},
    "kabid_b": {"staf_b"},
    "staf_a": {"staf_a"},
    "pppk_a": set(),
    "staf_b": {"staf_b"},
    "kepegawaian": {"kepala", "kabid_a", "staf_a", "staf_b"},
    "inspektorat": set(),
    "tim_sakip": set(),
    "orang_luar": set(),
}


@pytest.mark.parametrize("siapa", sorted(BOLEH))
def test_who_sees_which_skp(dunia, semua, siapa):
    user = getattr(dunia, siapa)
    for nama, skp in semua.items():
        assert user.has_perm("skp.lihat", skp) is (nama in BOLEH[siapa]), (siapa, nama)
        # The same answer for the rows under the SKP.
        rhk = skp.rhk.first()
        if rhk is not None:
            assert user.has_perm("skp.lihat", rhk) is (nama in BOLEH[siapa])


@pytest.mark.parametrize("siapa", sorted(BOLEH))
def test_the_list_query_agrees_with_the_rule(dunia, semua, siapa):
    user = getattr(dunia, siapa)
    terlihat = set(selectors.skp_terlihat(user).values_list("pk", flat=True))
    assert terlihat == {semua[n].pk for n in BOLEH[siapa]}


def test_only_the_employee_enters_and_only_the_penilai_assesses(dunia, semua):
    staf = semua["staf_a"]
    assert dunia.staf_a.has_perm("skp.isi", staf)
    for u in (dunia.kabid_a, dunia.kepala, dunia.kepegawaian, dunia.inspektorat):
        assert not u.has_perm("skp.isi", staf)
    assert dunia.kabid_a.has_perm("skp.nilai", staf)
    for u in (dunia.staf_a, dunia.kepala, dunia.kabid_b, dunia.kepegawaian, dunia.orang_luar):
        assert not u.has_perm("skp.nilai", staf)


def test_team_lists_direct_and_indirect_subordinates(dunia, semua):
    tim_kepala = {s.pegawai_id for s in selectors.skp_tim(dunia.kepala, 2026)}
    assert tim_kepala == {
        dunia.kabid_a.pegawai.pk,
        dunia.staf_a.pegawai.pk,
        dunia.staf_b.pegawai.pk,
    }
    assert {s.pegawai_id for s in selectors.skp_tim(dunia.kabid_a, 2026)} == {
        dunia.staf_a.pegawai.pk
    }
    assert selectors.skp_tim(dunia.staf_a, 2026) == []
    assert selectors.skp_tim(dunia.orang_luar, 2026) == []


def test_a_former_superior_sees_only_the_time_they_held_the_position(dunia, semua):
    import datetime as dt

    from kinerja.organisasi.models import PemangkuJabatan

    # The Kepala (here without the Kepala role) left the position before 2026: no longer sees
    # the 2026 SKP of staff two levels down; the staff's recorded penilai still does.
    dunia.kepala.peran.all().delete()
    PemangkuJabatan.objects.filter(pegawai=dunia.kepala.pegawai).update(
        selesai=dt.date(2025, 12, 31)
    )
    user = type(dunia.kepala).objects.get(pk=dunia.kepala.pk)
    assert not user.has_perm("skp.lihat", semua["staf_a"])
    assert dunia.kabid_a.has_perm("skp.lihat", semua["staf_a"])


def test_recap_is_for_the_kepala_kepegawaian_and_the_units_head(dunia, semua):
    assert dunia.kepala.has_perm("skp.rekap", dunia.pd)
    assert dunia.kepegawaian.has_perm("skp.rekap", dunia.bidang_a)
    assert dunia.kabid_a.has_perm("skp.rekap", dunia.bidang_a)
    assert not dunia.kabid_a.has_perm("skp.rekap", dunia.bidang_b)
    for u in (dunia.staf_a, dunia.inspektorat, dunia.tim_sakip, dunia.orang_luar):
        assert not u.has_perm("skp.rekap", dunia.pd)
