"""The annual evaluation (`selectors_tahunan`, `services_tahunan`, `permissions_tahunan`): the
suggestion from the year's final periodic evaluations weighted by days, who decides it (from
both sides: the penilai, a Plt./Plh., kepegawaian for the Kepala; not the employee, not another
unit's head), a mid-year move, the unit-head rule, stale edits, the final lock, the audit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import PemangkuJabatan
from kinerja.pengukuran.models import Periode
from kinerja.skp import selectors_tahunan, services, services_tahunan
from kinerja.skp.matriks import Rating
from kinerja.skp.models import PenilaianTahunan, StatusSKP, SumberRating
from tests.skp.conftest import skp_siap


def nilai_final(penilai, skp, tw, hasil, perilaku, *, final=True):
    """A periodic evaluation of `skp` for quarter `tw`."""
    return services.penilaian_simpan(
        pengguna=penilai,
        skp=skp,
        periode=tw,
        rating_hasil_kerja=hasil,
        rating_perilaku=perilaku,
        final=final,
    )


def simpan(pengguna, pegawai, **kw):
    """Save the 2026 annual evaluation of `pegawai` as `pengguna`."""
    data = {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai", **kw}
    return services_tahunan.penilaian_tahunan_simpan(
        pengguna=pengguna, pegawai=pegawai, tahun=2026, **data
    )


@pytest.fixture
def staf_dinilai(dunia, cascade):
    """Staff member of Bidang A with TW III 2026 final: hasil di atas, perilaku sesuai."""
    staf = cascade[2]
    nilai_final(dunia.kabid_a, staf, dunia.tw[3], "di_atas", "sesuai")
    return staf


def pindah_ke_bidang_b(dunia, cascade, item_kepala):
    """Staf A moves to Bidang B on 1 July 2026; the new SKP is planned and set by Kabid B."""
    staf = cascade[2]
    kabid_b = skp_siap(dunia.kabid_b, dunia.kepala, item_pk=item_kepala)
    baru = services.skp_pindah_unit(
        pengguna=dunia.kepegawaian,
        skp=staf,
        tanggal=dt.date(2026, 7, 1),
        unit_baru=dunia.bidang_b,
        versi=staf.versi,
    )
    rhk = services.rhk_simpan(
        pengguna=dunia.staf_a, skp=baru, uraian="Laporan bidang B", rhk_atasan=kabid_b.rhk.get()
    )
    services.indikator_simpan(
        pengguna=dunia.staf_a,
        rhk=rhk,
        aspek="kuantitas",
        nama="Jumlah laporan",
        target="2",
        satuan="laporan",
    )
    services.skp_ubah_status(pengguna=dunia.staf_a, skp=baru, tujuan=StatusSKP.DIAJUKAN)
    baru = services.skp_ubah_status(pengguna=dunia.kabid_b, skp=baru, tujuan=StatusSKP.DITETAPKAN)
    staf.refresh_from_db()
    return staf, baru


# -- the suggestion ---------------------------------------------------------------------------


def test_the_suggestion_follows_the_last_final_periodic_evaluation(dunia, cascade):
    staf = cascade[2]
    nilai_final(dunia.kabid_a, staf, dunia.tw[1], "di_bawah", "di_bawah")
    nilai_final(dunia.kabid_a, staf, dunia.tw[2], "di_atas", "sesuai")
    # TW III is only a draft: it is not the basis.
    nilai_final(dunia.kabid_a, staf, dunia.tw[3], "sesuai", "di_bawah", final=False)
    u = selectors_tahunan.usulan_tahunan(dunia.staf_a.pegawai, 2026)
    (b,) = u.bagian
    assert b.dasar.periode == dunia.tw[2] and b.hari == 365 and len(b.penilaian) == 3
    assert (u.rating_hasil, u.rating_perilaku) == (Rating.DI_ATAS, Rating.SESUAI)
    assert u.predikat.value == "baik" and u.skor_hasil == 3 and not u.kepala_unit


def test_among_periods_ending_the_same_day_the_year_is_the_basis(dunia, cascade):
    staf = cascade[2]
    tahun = Periode.objects.create(pemda=dunia.pemda, tahun=2026, jenis_periode="tahun", nomor=1)
    nilai_final(dunia.kabid_a, staf, dunia.tw[4], "di_bawah", "sesuai")
    nilai_final(dunia.kabid_a, staf, tahun, "sesuai", "di_atas")
    u = selectors_tahunan.usulan_tahunan(dunia.staf_a.pegawai, 2026)
    assert u.bagian[0].dasar.periode == tahun
    assert (u.rating_hasil, u.rating_perilaku) == (Rating.SESUAI, Rating.DI_ATAS)


def test_no_skp_gives_an_empty_suggestion(dunia):
    u = selectors_tahunan.usulan_tahunan(dunia.staf_b.pegawai, 2026)
    assert u.bagian == [] and u.skp_terakhir is None and u.predikat is None
    assert not u.ada_dasar


# -- deciding it, from both sides -------------------------------------------------------------


def test_the_penilai_decides_and_the_decision_is_audited_with_its_basis(dunia, staf_dinilai):
    p = simpan(
        dunia.kabid_a,
        dunia.staf_a.pegawai,
        rating_hasil_kerja="di_atas",
        rating_perilaku="di_atas",
        catatan="  Konsisten sepanjang tahun.  ",
    )
    assert p.skp == staf_dinilai and p.tahun == 2026
    assert p.predikat == "sangat_baik" and p.catatan == "Konsisten sepanjang tahun."
    assert p.penilai == dunia.kabid_a.pegawai and p.dinilai_oleh == dunia.kabid_a
    assert p.sumber_rating_hasil == SumberRating.PENILAI and p.capaian_unit is None
    assert not p.final and p.versi == 1
    row = Peristiwa.objects.get(aksi="skp.nilai_tahunan", objek_id=str(p.pk))
    assert row.sesudah["predikat"] == "sangat_baik"
    assert row.sesudah["dasar"]["bagian"][0]["periode"] == dunia.tw[3].pk
    assert row.sesudah["dasar"]["rating_hasil_gabungan"] == "di_atas"


@pytest.mark.parametrize(
    "siapa", ["staf_a", "kabid_b", "kepala", "kepegawaian", "inspektorat", "tim_sakip"]
)
def test_only_the_penilai_of_the_last_skp_decides(dunia, staf_dinilai, siapa):
    # The employee themself, another unit's head, the penilai's own superior, the personnel
    # section (not the Kepala's SKP), the Inspektorat and the Tim SAKIP are refused.
    with pytest.raises(PermissionDenied):
        simpan(getattr(dunia, siapa), dunia.staf_a.pegawai)
    assert not PenilaianTahunan.objects.exists()
    assert not getattr(dunia, siapa).has_perm("skp.nilai_tahunan", staf_dinilai)
    assert dunia.kabid_a.has_perm("skp.nilai_tahunan", staf_dinilai)


def test_an_acting_holder_of_the_penilais_position_decides(dunia, staf_dinilai):
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kabid_a,
        pegawai=dunia.kabid_b.pegawai,
        status="plt",
        mulai=dt.date.today() - dt.timedelta(days=1),
    )
    p = simpan(dunia.kabid_b, dunia.staf_a.pegawai)
    assert p.penilai == dunia.kabid_b.pegawai and p.status_penilai == "plt"
    # A Plh. whose term is over no longer may.
    PemangkuJabatan.objects.filter(pegawai=dunia.kabid_b.pegawai, status="plt").update(
        selesai=dt.date.today() - dt.timedelta(days=1)
    )
    with pytest.raises(PermissionDenied):
        simpan(dunia.kabid_b, dunia.staf_a.pegawai, versi=p.versi)


def test_the_kepalas_annual_evaluation_is_recorded_by_the_personnel_section(dunia, cascade):
    kepala = cascade[0]
    nilai_final(dunia.kepegawaian, kepala, dunia.tw[2], "sesuai", "di_atas")
    with pytest.raises(PermissionDenied):
        simpan(dunia.kepala, dunia.kepala.pegawai)
    p = simpan(dunia.kepegawaian, dunia.kepala.pegawai, rating_perilaku="di_atas")
    assert p.penilai is None and p.dinilai_oleh == dunia.kepegawaian
    assert p.skp == kepala and p.predikat == "baik"


def test_without_a_final_periodic_evaluation_it_is_refused(dunia, cascade):
    staf = cascade[2]
    nilai_final(dunia.kabid_a, staf, dunia.tw[3], "sesuai", "sesuai", final=False)
    with pytest.raises(ValidationError) as e:
        simpan(dunia.kabid_a, dunia.staf_a.pegawai)
    assert e.value.messages == [services_tahunan.PESAN_TANPA_EVALUASI_FINAL.format(tahun=2026)]
    assert not PenilaianTahunan.objects.exists()


def test_the_last_skp_must_be_set_and_exist(dunia):
    services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    with pytest.raises(ValidationError) as e:
        simpan(dunia.kabid_b, dunia.staf_b.pegawai)
    assert e.value.messages == [services_tahunan.PESAN_BELUM_DITETAPKAN_TAHUNAN.format(tahun=2026)]
    with pytest.raises(ValidationError) as e:
        services_tahunan.penilaian_tahunan_simpan(
            pengguna=dunia.kabid_b,
            pegawai=dunia.staf_b.pegawai,
            tahun=2025,
            rating_hasil_kerja="sesuai",
            rating_perilaku="sesuai",
        )
    assert e.value.messages == [services_tahunan.PESAN_TANPA_SKP.format(tahun=2025)]


def test_ratings_must_be_ratings(dunia, staf_dinilai):
    with pytest.raises(ValidationError) as e:
        simpan(dunia.kabid_a, dunia.staf_a.pegawai, rating_perilaku="istimewa")
    assert e.value.messages == [services_tahunan.PESAN_RATING_TAHUNAN]
    with pytest.raises(ValidationError):
        simpan(dunia.kabid_a, dunia.staf_a.pegawai, rating_hasil_kerja=None)


def test_a_draft_changes_with_its_version_and_a_stale_edit_is_refused(dunia, staf_dinilai):
    p = simpan(dunia.kabid_a, dunia.staf_a.pegawai)
    p2 = simpan(dunia.kabid_a, dunia.staf_a.pegawai, rating_perilaku="di_atas", versi=p.versi)
    assert p2.pk == p.pk and p2.versi == 2 and p2.predikat == "baik"
    assert Peristiwa.objects.filter(aksi="skp.nilai_tahunan_ubah", objek_id=str(p.pk)).exists()
    with pytest.raises(EditanKedaluwarsa):
        simpan(dunia.kabid_a, dunia.staf_a.pegawai, rating_perilaku="di_bawah", versi=p.versi)
    p2.refresh_from_db()
    assert p2.rating_perilaku == "di_atas"


def test_a_final_annual_evaluation_is_locked(dunia, staf_dinilai):
    p = simpan(dunia.kabid_a, dunia.staf_a.pegawai, final=True)
    assert p.final
    with pytest.raises(ValidationError) as e:
        simpan(dunia.kabid_a, dunia.staf_a.pegawai, rating_hasil_kerja="di_bawah", versi=p.versi)
    assert e.value.messages == [services_tahunan.PESAN_TAHUNAN_FINAL.format(tahun=2026)]
    p.refresh_from_db()
    assert p.rating_hasil_kerja == "sesuai"


# -- a mid-year move --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pertama", "kedua", "gabungan", "predikat", "skor"),
    [
        # (2 × 181 + 3 × 184) / 365 ≈ 2.504 → di atas: the longer second half tips it.
        ("sesuai", "di_atas", "di_atas", "sangat_baik", "2.50"),
        # (3 × 181 + 2 × 184) / 365 ≈ 2.496 → sesuai (printed 2,49: cut, not rounded).
        ("di_atas", "sesuai", "sesuai", "baik", "2.49"),
    ],
)
def test_a_mid_year_move_combines_both_skp_weighted_by_days(
    dunia, cascade, item_kepala, pertama, kedua, gabungan, predikat, skor
):
    lama, baru = pindah_ke_bidang_b(dunia, cascade, item_kepala)
    nilai_final(dunia.kabid_a, lama, dunia.tw[2], pertama, pertama)
    nilai_final(dunia.kabid_b, baru, dunia.tw[4], kedua, kedua)
    u = selectors_tahunan.usulan_tahunan(dunia.staf_a.pegawai, 2026)
    assert [(b.skp, b.hari) for b in u.bagian] == [(lama, 181), (baru, 184)]
    assert u.rating_hasil == gabungan and u.rating_perilaku == gabungan
    assert u.skp_terakhir == baru and u.predikat == predikat
    assert u.skor_hasil_cetak == Decimal(skor) and u.skor_perilaku_cetak == Decimal(skor)
    # The new unit's penilai decides; the old one may not (nor see it).
    with pytest.raises(PermissionDenied):
        simpan(dunia.kabid_a, dunia.staf_a.pegawai)
    assert not dunia.kabid_a.has_perm("skp.lihat_tahunan", baru)
    p = simpan(
        dunia.kabid_b,
        dunia.staf_a.pegawai,
        rating_hasil_kerja=u.rating_hasil,
        rating_perilaku=u.rating_perilaku,
    )
    assert p.skp == baru and p.predikat == predikat and p.penilai == dunia.kabid_b.pegawai
    assert dunia.staf_a.has_perm("skp.lihat_tahunan", p)
    assert dunia.kabid_b.has_perm("skp.lihat_tahunan", p)


def test_after_a_move_one_final_half_is_enough_and_the_other_carries_no_weight(
    dunia, cascade, item_kepala
):
    lama, baru = pindah_ke_bidang_b(dunia, cascade, item_kepala)
    nilai_final(dunia.kabid_a, lama, dunia.tw[1], "di_bawah", "sesuai")
    u = selectors_tahunan.usulan_tahunan(dunia.staf_a.pegawai, 2026)
    assert u.bagian[1].dasar is None and u.hari_dinilai == 181
    assert (u.rating_hasil, u.rating_perilaku) == (Rating.DI_BAWAH, Rating.SESUAI)
    p = simpan(dunia.kabid_b, dunia.staf_a.pegawai, rating_hasil_kerja="di_bawah")
    assert p.predikat == "butuh_perbaikan"


# -- the unit-head rule -----------------------------------------------------------------------


def test_a_unit_heads_hasil_kerja_follows_the_units_annual_capaian(dunia, cascade):
    kabid = cascade[1]
    tahun = Periode.objects.create(pemda=dunia.pemda, tahun=2026, jenis_periode="tahun", nomor=1)
    with mock.patch("kinerja.skp.selectors.capaian_unit", return_value=Decimal("95")):
        nilai_final(dunia.kepala, kabid, dunia.tw[3], "di_bawah", "di_atas")
    with mock.patch("kinerja.skp.selectors.capaian_unit", return_value=Decimal("104.5")) as m:
        u = selectors_tahunan.usulan_tahunan(dunia.kabid_a.pegawai, 2026)
        p = simpan(
            dunia.kepala,
            dunia.kabid_a.pegawai,
            rating_hasil_kerja="di_bawah",  # ignored: the unit's annual capaian decides
            rating_perilaku="di_atas",
        )
    m.assert_called_with(dunia.bidang_a, tahun)
    assert u.kepala_unit and u.rating_hasil_gabungan == Rating.SESUAI
    assert u.rating_pimpinan == Rating.DI_ATAS and u.rating_hasil == Rating.DI_ATAS
    assert p.rating_hasil_kerja == "di_atas" and p.predikat == "sangat_baik"
    assert p.sumber_rating_hasil == SumberRating.CAPAIAN_UNIT
    assert p.capaian_unit == Decimal("104.5")


def test_a_unit_head_without_annual_capaian_is_rated_by_the_penilai(dunia, cascade):
    kabid = cascade[1]
    # No "Tahun" period: the annual capaian cannot be computed.
    nilai_final(dunia.kepala, kabid, dunia.tw[3], "sesuai", "sesuai")
    u = selectors_tahunan.usulan_tahunan(dunia.kabid_a.pegawai, 2026)
    assert u.kepala_unit and u.rating_pimpinan is None and u.capaian_unit is None
    p = simpan(dunia.kepala, dunia.kabid_a.pegawai, rating_hasil_kerja="di_bawah")
    assert p.rating_hasil_kerja == "di_bawah" and p.sumber_rating_hasil == SumberRating.PENILAI
    assert p.capaian_unit is None


# -- reading it -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("siapa", "boleh"),
    [
        ("staf_a", True),
        ("kabid_a", True),
        ("kepala", True),
        ("kepegawaian", True),
        ("kabid_b", False),
        ("staf_b", False),
        ("inspektorat", False),
        ("tim_sakip", False),
        ("orang_luar", False),
    ],
)
def test_reading_the_annual_evaluation_follows_its_skp(dunia, staf_dinilai, siapa, boleh):
    p = simpan(dunia.kabid_a, dunia.staf_a.pegawai)
    user = getattr(dunia, siapa)
    assert user.has_perm("skp.lihat_tahunan", p) is boleh
    assert user.has_perm("skp.lihat_tahunan", p) is user.has_perm("skp.lihat", p.skp)
