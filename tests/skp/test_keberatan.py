"""Objections (keberatan) to an evaluation, from both sides of every rule: who files (the
employee only, a final evaluation, within 14 days, one open at a time), who decides (the atasan
pejabat penilai, Plt. included; the personnel section when the atasan is outside the agency;
never the contested penilai), what a change does (ratings, predikat, versi, audit), the
unit-head rule, stale edits, withdrawal, and the reads behind the pages."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import PemangkuJabatan
from kinerja.skp import selectors, selectors_keberatan, services
from kinerja.skp import services_keberatan as sk
from kinerja.skp.models import (
    Keberatan,
    PenilaianSKP,
    PenilaianTahunan,
    StatusKeberatan,
    SumberRating,
)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
FINAL_PADA = dt.datetime(2026, 10, 5, 9, 0, tzinfo=WIB)
ALASAN = "Realisasi TW III sudah 100% dan bukti lengkap, tetapi rating di bawah ekspektasi."


def pada(time_machine, tahun, bulan, hari, jam=9):
    """Travel to a local (WIB) time."""
    time_machine.move_to(dt.datetime(tahun, bulan, hari, jam, 0, tzinfo=WIB), tick=False)


def nilai_final(penilai, skp, periode, hasil="sesuai", perilaku="sesuai", final=True):
    return services.penilaian_simpan(
        pengguna=penilai,
        skp=skp,
        periode=periode,
        rating_hasil_kerja=hasil,
        rating_perilaku=perilaku,
        final=final,
    )


@pytest.fixture
def dinilai(dunia, cascade, time_machine):
    """Staf A's TW III evaluation, made final by Kepala Bidang A on 5 October 2026 (WIB):
    Baik (sesuai/sesuai). Its atasan pejabat penilai is the Kepala."""
    time_machine.move_to(FINAL_PADA, tick=False)
    staf = cascade[2]
    return nilai_final(dunia.kabid_a, staf, dunia.tw[3])


@pytest.fixture
def keberatan(dunia, dinilai, time_machine):
    """Staf A objects two days later."""
    pada(time_machine, 2026, 10, 7)
    return sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)


@pytest.fixture
def keberatan_kabid(dunia, cascade, time_machine):
    """Kepala Bidang A objects to the TW III evaluation the Kepala made: the atasan of the
    Kepala is outside the agency."""
    time_machine.move_to(FINAL_PADA, tick=False)
    p = nilai_final(dunia.kepala, cascade[1], dunia.tw[3], hasil="sesuai", perilaku="di_bawah")
    pada(time_machine, 2026, 10, 6)
    return sk.keberatan_ajukan(pengguna=dunia.kabid_a, penilaian=p, alasan=ALASAN)


# -- who is the atasan pejabat penilai ------------------------------------------------------


def test_the_atasan_of_a_staff_member_assessed_by_a_kabid_is_the_kepala(dunia, cascade):
    kepala, kabid, staf = cascade
    assert sk.atasan_penilai(staf) == (dunia.jab_kepala, dunia.kepala.pegawai)


def test_there_is_no_atasan_inside_the_agency_when_the_penilai_is_the_kepala(dunia, cascade):
    kepala, kabid, staf = cascade
    assert sk.atasan_penilai(kabid) == (None, None)
    assert sk.atasan_penilai(kepala) == (None, None)


def test_an_acting_atasan_counts_and_a_vacant_one_passes_upward(dunia, cascade):
    staf = cascade[2]
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kepala).update(selesai=dt.date(2026, 9, 30))
    # Vacant (and nothing above it): no atasan inside the agency.
    assert sk.atasan_penilai(staf, dt.date(2026, 10, 2)) == (None, None)
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kepala,
        pegawai=dunia.kabid_b.pegawai,
        status="plt",
        mulai=dt.date(2026, 10, 1),
    )
    assert sk.atasan_penilai(staf, dt.date(2026, 10, 2)) == (
        dunia.jab_kepala,
        dunia.kabid_b.pegawai,
    )


# -- filing ---------------------------------------------------------------------------------


def test_the_employee_files_an_objection_to_a_final_evaluation(dunia, keberatan, dinilai):
    k = keberatan
    assert k.status == StatusKeberatan.DIAJUKAN
    assert k.pegawai == dunia.staf_a.pegawai and k.diajukan_oleh == dunia.staf_a
    assert k.batas_putusan == dt.date(2026, 10, 21)  # 7 October + 14 days
    assert (k.jabatan_pemutus, k.pemutus) == (dunia.jab_kepala, dunia.kepala.pegawai)
    assert (k.rating_hasil_semula, k.rating_perilaku_semula, k.predikat_semula) == (
        "sesuai",
        "sesuai",
        "baik",
    )
    assert Peristiwa.objects.filter(aksi="skp.keberatan_ajukan", objek_id=str(k.pk)).exists()


@pytest.mark.parametrize(
    "siapa", ["kabid_a", "kepala", "kepegawaian", "staf_b", "kabid_b", "tim_sakip", "orang_luar"]
)
def test_only_the_evaluated_employee_may_file(dunia, dinilai, siapa):
    with pytest.raises(PermissionDenied):
        sk.keberatan_ajukan(pengguna=getattr(dunia, siapa), penilaian=dinilai, alasan=ALASAN)
    assert not Keberatan.objects.exists()


def test_a_draft_evaluation_takes_no_objection(dunia, cascade, time_machine):
    time_machine.move_to(FINAL_PADA, tick=False)
    p = nilai_final(dunia.kabid_a, cascade[2], dunia.tw[3], final=False)
    with pytest.raises(ValidationError) as e:
        sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=p, alasan=ALASAN)
    assert e.value.messages == [str(sk.PESAN_BELUM_FINAL)]


def test_the_fourteenth_day_is_the_last_day_to_file(dunia, dinilai, time_machine):
    pada(time_machine, 2026, 10, 19, jam=23)  # 5 October + 14 days, late evening WIB
    assert sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)


def test_after_fourteen_days_the_objection_is_refused(dunia, dinilai, time_machine):
    pada(time_machine, 2026, 10, 20, jam=8)
    with pytest.raises(ValidationError) as e:
        sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)
    assert e.value.code == "lewat_batas" and "19 Oktober 2026" in e.value.messages[0]
    assert not selectors_keberatan.boleh_ajukan(dunia.staf_a, dinilai)


def test_a_reason_is_required(dunia, dinilai):
    with pytest.raises(ValidationError) as e:
        sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan="  tidak setuju  ")
    assert e.value.code == "alasan"


def test_exactly_one_evaluation_is_objected_to(dunia, dinilai):
    with pytest.raises(ValidationError):
        sk.keberatan_ajukan(pengguna=dunia.staf_a, alasan=ALASAN)


def test_a_second_open_objection_is_refused_with_a_message(dunia, keberatan, dinilai):
    with pytest.raises(ValidationError) as e:
        sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)
    assert e.value.messages == [str(sk.PESAN_MASIH_TERBUKA)]
    assert Keberatan.objects.count() == 1


def test_a_decided_objection_is_final(dunia, keberatan, dinilai):
    sk.keberatan_putus(
        pengguna=dunia.kepala, keberatan=keberatan, dikuatkan=True, pertimbangan="Sudah sesuai."
    )
    with pytest.raises(ValidationError) as e:
        sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)
    assert e.value.messages == [str(sk.PESAN_SUDAH_DIPUTUS)]


def test_an_annual_evaluation_takes_an_objection_too(dunia, cascade, time_machine):
    time_machine.move_to(FINAL_PADA, tick=False)
    staf = cascade[2]
    t = PenilaianTahunan.objects.create(
        pegawai=staf.pegawai,
        tahun=2026,
        skp=staf,
        rating_hasil_kerja="di_bawah",
        rating_perilaku="sesuai",
        predikat="butuh_perbaikan",
        final=True,
        penilai=dunia.kabid_a.pegawai,
    )
    k = sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian_tahunan=t, alasan=ALASAN)
    assert k.penilaian_tahunan == t and k.pemutus == dunia.kepala.pegawai
    k = sk.keberatan_putus(
        pengguna=dunia.kepala,
        keberatan=k,
        dikuatkan=False,
        pertimbangan="Capaian tahunan memenuhi target.",
        rating_hasil_kerja="sesuai",
    )
    t.refresh_from_db()
    assert (t.rating_hasil_kerja, t.predikat, t.versi) == ("sesuai", "baik", 2)


# -- deciding -------------------------------------------------------------------------------


def test_the_atasan_upholds_the_evaluation(dunia, keberatan, dinilai):
    k = sk.keberatan_putus(
        pengguna=dunia.kepala,
        keberatan=keberatan,
        dikuatkan=True,
        pertimbangan="Bukti kualitas belum memadai.",
        versi=keberatan.versi,
    )
    assert k.status == StatusKeberatan.DIKUATKAN and k.diputus_oleh == dunia.kepala
    assert k.predikat_baru == "" and k.versi == 2
    dinilai.refresh_from_db()
    assert (dinilai.predikat, dinilai.versi) == ("baik", 1)
    assert Peristiwa.objects.filter(aksi="skp.keberatan_dikuatkan", objek_id=str(k.pk)).exists()


@pytest.mark.parametrize(
    "siapa",
    [
        "kabid_a",
        "staf_a",
        "kepegawaian",
        "kabid_b",
        "staf_b",
        "tim_sakip",
        "inspektorat",
        "orang_luar",
    ],
)
def test_only_the_atasan_decides(dunia, keberatan, siapa):
    # The penilai himself, the employee, the personnel section (the atasan is inside the
    # agency and in office) and everyone else are refused.
    with pytest.raises(PermissionDenied):
        sk.keberatan_putus(
            pengguna=getattr(dunia, siapa),
            keberatan=keberatan,
            dikuatkan=True,
            pertimbangan="Dikuatkan.",
        )
    keberatan.refresh_from_db()
    assert keberatan.status == StatusKeberatan.DIAJUKAN


def test_a_plt_atasan_decides(dunia, keberatan, time_machine):
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kepala).update(selesai=dt.date(2026, 10, 9))
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kepala,
        pegawai=dunia.kabid_b.pegawai,
        status="plt",
        mulai=dt.date(2026, 10, 10),
    )
    pada(time_machine, 2026, 10, 12)
    with pytest.raises(PermissionDenied):  # no longer in office
        sk.keberatan_putus(
            pengguna=dunia.kepala, keberatan=keberatan, dikuatkan=True, pertimbangan="Dikuatkan."
        )
    k = sk.keberatan_putus(
        pengguna=dunia.kabid_b, keberatan=keberatan, dikuatkan=True, pertimbangan="Dikuatkan."
    )
    assert k.status == StatusKeberatan.DIKUATKAN


def test_a_vacant_atasan_position_is_recorded_by_the_personnel_section(
    dunia, keberatan, time_machine
):
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kepala).update(selesai=dt.date(2026, 10, 9))
    pada(time_machine, 2026, 10, 12)
    k = sk.keberatan_putus(
        pengguna=dunia.kepegawaian, keberatan=keberatan, dikuatkan=True, pertimbangan="Dikuatkan."
    )
    assert k.status == StatusKeberatan.DIKUATKAN


def test_when_the_penilai_is_the_kepala_the_personnel_section_records_the_decision(
    dunia, keberatan_kabid
):
    k = keberatan_kabid
    assert (k.jabatan_pemutus, k.pemutus) == (None, None)
    for siapa in ("kepala", "kabid_b", "kabid_a", "tim_sakip"):
        with pytest.raises(PermissionDenied):
            sk.keberatan_putus(
                pengguna=getattr(dunia, siapa), keberatan=k, dikuatkan=True, pertimbangan="X."
            )
    k = sk.keberatan_putus(
        pengguna=dunia.kepegawaian,
        keberatan=k,
        dikuatkan=False,
        pertimbangan="Putusan Sekretaris Daerah nomor 800/123/2026.",
        rating_perilaku="sesuai",
    )
    assert (k.status, k.predikat_baru, k.diputus_oleh) == ("diubah", "baik", dunia.kepegawaian)


def test_a_change_updates_the_evaluation_and_is_audited(dunia, keberatan, dinilai):
    dinilai_pada = dinilai.dinilai_pada
    k = sk.keberatan_putus(
        pengguna=dunia.kepala,
        keberatan=keberatan,
        dikuatkan=False,
        pertimbangan="Realisasi dan bukti menunjukkan hasil di atas ekspektasi.",
        rating_hasil_kerja="di_atas",
        rating_perilaku="di_atas",
    )
    assert k.status == StatusKeberatan.DIUBAH
    assert (k.rating_hasil_baru, k.rating_perilaku_baru, k.predikat_baru) == (
        "di_atas",
        "di_atas",
        "sangat_baik",
    )
    assert k.predikat_semula == "baik"
    p = PenilaianSKP.objects.get(pk=dinilai.pk)
    assert (p.rating_hasil_kerja, p.rating_perilaku, p.predikat, p.versi) == (
        "di_atas",
        "di_atas",
        "sangat_baik",
        2,
    )
    # The date it became final stays: a change by objection does not reopen the 14 days.
    assert p.dinilai_pada == dinilai_pada and p.final
    audit = Peristiwa.objects.get(aksi="skp.nilai_ubah_keberatan", objek_id=str(p.pk))
    assert audit.sebelum["predikat"] == "baik" and audit.sesudah["predikat"] == "sangat_baik"
    assert audit.sesudah["keberatan"] == k.pk and audit.pengguna == dunia.kepala
    assert Peristiwa.objects.filter(aksi="skp.keberatan_diubah", objek_id=str(k.pk)).exists()


def test_a_missing_rating_keeps_its_value(dunia, keberatan, dinilai):
    k = sk.keberatan_putus(
        pengguna=dunia.kepala,
        keberatan=keberatan,
        dikuatkan=False,
        pertimbangan="Perilaku kerja di atas ekspektasi.",
        rating_perilaku="di_atas",
    )
    assert (k.rating_hasil_baru, k.rating_perilaku_baru, k.predikat_baru) == (
        "sesuai",
        "di_atas",
        "baik",
    )


def test_a_change_must_change_something_and_be_a_rating(dunia, keberatan):
    with pytest.raises(ValidationError) as e:
        sk.keberatan_putus(
            pengguna=dunia.kepala,
            keberatan=keberatan,
            dikuatkan=False,
            pertimbangan="Diubah.",
            rating_hasil_kerja="sesuai",
        )
    assert e.value.code == "tidak_berubah"
    with pytest.raises(ValidationError) as e:
        sk.keberatan_putus(
            pengguna=dunia.kepala,
            keberatan=keberatan,
            dikuatkan=False,
            pertimbangan="Diubah.",
            rating_hasil_kerja="luar_biasa",
        )
    assert e.value.code == "rating"


def test_reasons_for_the_decision_are_required(dunia, keberatan):
    with pytest.raises(ValidationError) as e:
        sk.keberatan_putus(
            pengguna=dunia.kepala, keberatan=keberatan, dikuatkan=True, pertimbangan=" "
        )
    assert e.value.messages == [str(sk.PESAN_PERTIMBANGAN)]


def test_a_unit_heads_hasil_kerja_from_the_unit_capaian_cannot_change(dunia, keberatan_kabid):
    k = keberatan_kabid
    PenilaianSKP.objects.filter(pk=k.penilaian_id).update(
        sumber_rating_hasil=SumberRating.CAPAIAN_UNIT, capaian_unit=Decimal("95")
    )
    with pytest.raises(ValidationError) as e:
        sk.keberatan_putus(
            pengguna=dunia.kepegawaian,
            keberatan=k,
            dikuatkan=False,
            pertimbangan="Diubah.",
            rating_hasil_kerja="di_atas",
        )
    assert e.value.messages == [str(sk.PESAN_HASIL_CAPAIAN_UNIT)]
    # Perilaku may change; hasil kerja stays what the capaian set.
    k = sk.keberatan_putus(
        pengguna=dunia.kepegawaian,
        keberatan=k,
        dikuatkan=False,
        pertimbangan="Perilaku kerja sesuai ekspektasi.",
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
    )
    p = PenilaianSKP.objects.get(pk=k.penilaian_id)
    assert (p.rating_hasil_kerja, p.rating_perilaku, p.sumber_rating_hasil) == (
        "sesuai",
        "sesuai",
        "capaian_unit",
    )


def test_a_stale_decision_is_refused(dunia, keberatan):
    with pytest.raises(EditanKedaluwarsa):
        sk.keberatan_putus(
            pengguna=dunia.kepala,
            keberatan=keberatan,
            dikuatkan=True,
            pertimbangan="Dikuatkan.",
            versi=keberatan.versi - 1,
        )


def test_a_decided_objection_cannot_be_decided_again_or_withdrawn(dunia, keberatan):
    sk.keberatan_putus(
        pengguna=dunia.kepala, keberatan=keberatan, dikuatkan=True, pertimbangan="Dikuatkan."
    )
    with pytest.raises(ValidationError) as e:
        sk.keberatan_putus(
            pengguna=dunia.kepala, keberatan=keberatan, dikuatkan=True, pertimbangan="Lagi."
        )
    assert e.value.code == "tidak_terbuka"
    with pytest.raises(ValidationError):
        sk.keberatan_tarik(pengguna=dunia.staf_a, keberatan=keberatan)


# -- withdrawing ----------------------------------------------------------------------------


def test_the_employee_withdraws_and_may_file_again_within_the_days(dunia, keberatan, dinilai):
    for siapa in ("kepala", "kabid_a", "kepegawaian"):
        with pytest.raises(PermissionDenied):
            sk.keberatan_tarik(pengguna=getattr(dunia, siapa), keberatan=keberatan)
    with pytest.raises(EditanKedaluwarsa):
        sk.keberatan_tarik(pengguna=dunia.staf_a, keberatan=keberatan, versi=99)
    k = sk.keberatan_tarik(pengguna=dunia.staf_a, keberatan=keberatan, versi=keberatan.versi)
    assert k.status == StatusKeberatan.DITARIK and k.versi == 2
    assert Peristiwa.objects.filter(aksi="skp.keberatan_tarik", objek_id=str(k.pk)).exists()
    dinilai.refresh_from_db()
    assert dinilai.predikat == "baik"
    assert selectors_keberatan.boleh_ajukan(dunia.staf_a, dinilai)
    assert sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)


# -- reads ----------------------------------------------------------------------------------


def test_waiting_list_shows_what_i_may_decide_and_flags_overdue(
    dunia, keberatan, keberatan_kabid, time_machine
):
    menunggu = selectors_keberatan.keberatan_menunggu(dunia.kepala)
    assert [b.keberatan for b in menunggu] == [keberatan]
    assert not menunggu[0].terlambat
    kepeg = selectors_keberatan.keberatan_menunggu(dunia.kepegawaian)
    assert [b.keberatan for b in kepeg] == [keberatan_kabid]
    for siapa in ("kabid_a", "staf_a", "kabid_b", "tim_sakip", "orang_luar"):
        assert selectors_keberatan.keberatan_menunggu(getattr(dunia, siapa)) == []
    pada(time_machine, 2026, 10, 22)  # the day after the 21 October due date
    b = selectors_keberatan.keberatan_menunggu(dunia.kepala)[0]
    assert b.terlambat and b.sisa_hari == -1
    # The list and the rule agree.
    assert dunia.kepala.has_perm("skp.keberatan_putus", keberatan)
    assert not dunia.kepala.has_perm("skp.keberatan_putus", keberatan_kabid)


def test_my_objections_and_the_detail_page_context(dunia, dinilai, time_machine):
    staf = selectors.skp_lengkap(dinilai.skp_id)
    pada(time_machine, 2026, 10, 7)
    ktx = selectors_keberatan.konteks_detail(dunia.staf_a, staf)
    assert [e.penilaian for e in ktx["keberatan_terbuka"]] == [dinilai]
    assert ktx["keberatan_terbuka"][0].batas == dt.date(2026, 10, 19)
    assert selectors_keberatan.konteks_detail(dunia.kabid_a, staf)["keberatan_terbuka"] == []
    k = sk.keberatan_ajukan(pengguna=dunia.staf_a, penilaian=dinilai, alasan=ALASAN)
    ktx = selectors_keberatan.konteks_detail(dunia.staf_a, selectors.skp_lengkap(staf.pk))
    assert ktx["keberatan_terbuka"] == [] and ktx["keberatan_daftar"] == [k]
    assert selectors_keberatan.keberatan_saya(dunia.staf_a) == [k]
    assert selectors_keberatan.keberatan_saya(dunia.kabid_a) == []


@pytest.mark.parametrize(
    ("siapa", "boleh"),
    [
        ("staf_a", True),
        ("kabid_a", True),
        ("kepala", True),
        ("kepegawaian", True),
        ("kabid_b", False),
        ("staf_b", False),
        ("tim_sakip", False),
        ("inspektorat", False),
        ("orang_luar", False),
    ],
)
def test_who_sees_an_objection(dunia, keberatan, siapa, boleh):
    assert getattr(dunia, siapa).has_perm("skp.keberatan_lihat", keberatan) is boleh


def test_the_atasan_deciding_sees_the_objection_even_from_outside_the_tree(
    dunia, keberatan, time_machine
):
    # Kepala Bidang B is appointed Plt. Kepala: the atasan deciding today sees it.
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kepala).update(selesai=dt.date(2026, 10, 9))
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kepala,
        pegawai=dunia.kabid_b.pegawai,
        status="plt",
        mulai=dt.date(2026, 10, 10),
    )
    pada(time_machine, 2026, 10, 12)
    assert dunia.kabid_b.has_perm("skp.keberatan_lihat", keberatan)
