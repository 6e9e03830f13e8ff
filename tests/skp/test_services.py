"""SKP services: the cascade, the plan's life, realisation with evidence, the evaluation with
the unit-head rule, Plt./Plh. assessors, the mid-year move, audit and stale edits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import PemangkuJabatan
from kinerja.skp import matriks, services
from kinerja.skp.models import SKP, StatusSKP, SumberRating
from tests.factories import PegawaiFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_skp_takes_position_and_direct_superior_at_the_time(dunia):
    skp = services.skp_buat(pengguna=dunia.kabid_a, pegawai=dunia.kabid_a.pegawai, tahun=2026)
    assert skp.jabatan == dunia.jab_kabid_a
    assert skp.jabatan_penilai == dunia.jab_kepala
    assert skp.penilai == dunia.kepala.pegawai
    assert (skp.mulai, skp.selesai) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert Peristiwa.objects.filter(aksi="skp.buat", objek_id=str(skp.pk)).exists()


def test_staff_without_a_position_report_to_the_head_of_their_unit(dunia):
    skp = services.skp_buat(pengguna=dunia.pppk_a, pegawai=dunia.pppk_a.pegawai, tahun=2026)
    assert skp.jenis_asn == "pppk"
    assert skp.jabatan is None and skp.nama_jabatan == "Pelaksana"
    assert skp.penilai == dunia.kabid_a.pegawai


def test_an_acting_superior_becomes_the_penilai(dunia):
    # Kepala Bidang B has no holder in 2026: a Plt. is appointed.
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kabid_b).update(selesai=dt.date(2025, 12, 31))
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kabid_b,
        pegawai=dunia.kabid_a.pegawai,
        status="plt",
        mulai=dt.date(2026, 1, 1),
    )
    skp = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    assert skp.penilai == dunia.kabid_a.pegawai and skp.status_penilai == "plt"


def test_a_vacant_superior_passes_to_the_next_one_up(dunia):
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kabid_b).delete()
    skp = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    assert skp.jabatan_penilai == dunia.jab_kepala and skp.penilai == dunia.kepala.pegawai


def test_only_the_employee_or_the_personnel_section_open_an_skp(dunia):
    with pytest.raises(PermissionDenied):
        services.skp_buat(pengguna=dunia.kabid_b, pegawai=dunia.staf_a.pegawai, tahun=2026)
    skp = services.skp_buat(pengguna=dunia.kepegawaian, pegawai=dunia.staf_a.pegawai, tahun=2026)
    assert skp.pegawai == dunia.staf_a.pegawai


def test_overlapping_periods_are_refused(dunia):
    services.skp_buat(pengguna=dunia.staf_a, pegawai=dunia.staf_a.pegawai, tahun=2026)
    with pytest.raises(ValidationError) as e:
        services.skp_buat(
            pengguna=dunia.staf_a,
            pegawai=dunia.staf_a.pegawai,
            tahun=2026,
            mulai=dt.date(2026, 6, 1),
        )
    assert "bertumpang tindih" in e.value.messages[0]


def test_the_cascade_runs_from_the_kepalas_pk_down(dunia, cascade, item_kepala):
    kepala, kabid, staf = cascade
    r_kepala, r_kabid, r_staf = kepala.rhk.get(), kabid.rhk.get(), staf.rhk.get()
    assert r_kepala.item_pk == item_kepala
    assert r_kabid.rhk_atasan == r_kepala
    assert r_staf.rhk_atasan == r_kabid


def test_a_result_may_only_support_the_penilais_result(dunia, cascade):
    kepala, kabid, staf = cascade
    skp_b = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    with pytest.raises(ValidationError) as e:
        # Kepala Bidang A is not the penilai of a Bidang B staff member.
        services.rhk_simpan(
            pengguna=dunia.staf_b, skp=skp_b, uraian="x", rhk_atasan=kabid.rhk.get()
        )
    assert e.value.messages == [services.PESAN_RHK_ATASAN]


def test_a_main_result_needs_a_link_and_only_one(dunia, cascade, item_kepala):
    skp = services.skp_buat(pengguna=dunia.kabid_b, pegawai=dunia.kabid_b.pegawai, tahun=2026)
    with pytest.raises(ValidationError) as e:
        services.rhk_simpan(pengguna=dunia.kabid_b, skp=skp, uraian="Hasil")
    assert e.value.messages == [services.PESAN_TAUTAN_WAJIB]
    with pytest.raises(ValidationError):
        services.rhk_simpan(
            pengguna=dunia.kabid_b,
            skp=skp,
            uraian="Hasil",
            item_pk=item_kepala,
            rhk_atasan=cascade[0].rhk.get(),
        )
    # The superior's PK item is allowed; an additional result needs no link.
    services.rhk_simpan(pengguna=dunia.kabid_b, skp=skp, uraian="Hasil", item_pk=item_kepala)
    services.rhk_simpan(pengguna=dunia.kabid_b, skp=skp, uraian="Tugas tambahan", jenis="tambahan")


def test_a_plan_cannot_be_submitted_empty_or_changed_once_set(dunia, cascade):
    skp = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    with pytest.raises(ValidationError) as e:
        services.skp_ubah_status(pengguna=dunia.staf_b, skp=skp, tujuan=StatusSKP.DIAJUKAN)
    assert e.value.messages == [services.PESAN_BELUM_LENGKAP]
    staf = cascade[2]
    with pytest.raises(ValidationError):
        services.rhk_simpan(pengguna=dunia.staf_a, skp=staf, uraian="lagi", jenis="tambahan")


@pytest.mark.parametrize("dari", StatusSKP.values)
@pytest.mark.parametrize("ke", StatusSKP.values)
def test_plan_transitions_in_both_directions(dunia, cascade, dari, ke):
    """Every (from, to) pair: allowed exactly when listed in TRANSISI_SKP, by its actor."""
    kabid = cascade[1]
    skp = services.skp_buat(pengguna=dunia.pppk_a, pegawai=dunia.pppk_a.pegawai, tahun=2026)
    rhk = services.rhk_simpan(
        pengguna=dunia.pppk_a, skp=skp, uraian="Laporan", rhk_atasan=kabid.rhk.get()
    )
    services.indikator_simpan(
        pengguna=dunia.pppk_a, rhk=rhk, aspek="waktu", nama="Tepat", target="12", satuan="bulan"
    )
    SKP.objects.filter(pk=skp.pk).update(status=dari)
    skp.refresh_from_db()
    pelaku = services.TRANSISI_SKP.get((dari, ke))
    user = dunia.kabid_a if pelaku == "penilai" else dunia.pppk_a
    if pelaku is None:
        with pytest.raises(ValidationError):
            services.skp_ubah_status(pengguna=user, skp=skp, tujuan=ke, alasan="alasan")
        return
    lain = dunia.pppk_a if pelaku == "penilai" else dunia.kabid_a
    with pytest.raises(PermissionDenied):
        services.skp_ubah_status(pengguna=lain, skp=skp, tujuan=ke, alasan="alasan")
    assert services.skp_ubah_status(pengguna=user, skp=skp, tujuan=ke, alasan="a").status == ke


def test_returning_needs_a_reason_and_reopens_the_plan(dunia, cascade):
    kabid = cascade[1]
    skp = services.skp_buat(pengguna=dunia.pppk_a, pegawai=dunia.pppk_a.pegawai, tahun=2026)
    rhk = services.rhk_simpan(
        pengguna=dunia.pppk_a, skp=skp, uraian="Laporan", rhk_atasan=kabid.rhk.get()
    )
    services.indikator_simpan(
        pengguna=dunia.pppk_a,
        rhk=rhk,
        aspek="kualitas",
        nama="Tanpa revisi",
        target="100",
        satuan="%",
    )
    skp = services.skp_ubah_status(pengguna=dunia.pppk_a, skp=skp, tujuan=StatusSKP.DIAJUKAN)
    with pytest.raises(PermissionDenied):
        services.skp_ubah_status(pengguna=dunia.pppk_a, skp=skp, tujuan=StatusSKP.DITETAPKAN)
    with pytest.raises(ValidationError) as e:
        services.skp_ubah_status(pengguna=dunia.kabid_a, skp=skp, tujuan=StatusSKP.DIKEMBALIKAN)
    assert e.value.messages == [services.PESAN_ALASAN]
    skp = services.skp_ubah_status(
        pengguna=dunia.kabid_a, skp=skp, tujuan=StatusSKP.DIKEMBALIKAN, alasan="Target naikkan"
    )
    assert skp.status == StatusSKP.DIKEMBALIKAN and skp.catatan_pengembalian == "Target naikkan"
    services.indikator_simpan(
        pengguna=dunia.pppk_a,
        rhk=rhk,
        aspek="waktu",
        nama="Tepat waktu",
        target="12",
        satuan="bulan",
    )


def test_stale_edits_are_refused(dunia, cascade):
    skp = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    rhk = services.rhk_simpan(pengguna=dunia.staf_b, skp=skp, uraian="x", jenis="tambahan")
    services.rhk_simpan(
        pengguna=dunia.staf_b, skp=skp, uraian="x2", jenis="tambahan", rhk=rhk, versi=1
    )
    with pytest.raises(EditanKedaluwarsa):
        services.rhk_simpan(
            pengguna=dunia.staf_b, skp=skp, uraian="x3", jenis="tambahan", rhk=rhk, versi=1
        )


def test_realisation_needs_a_set_plan_and_takes_indonesian_numbers(dunia, cascade):
    staf = cascade[2]
    ind = staf.rhk.get().indikator.get()
    r = services.realisasi_simpan(
        pengguna=dunia.staf_a, indikator=ind, periode=dunia.tw[1], nilai="1,5"
    )
    assert r.nilai == Decimal("1.5")
    with pytest.raises(PermissionDenied):
        services.realisasi_simpan(
            pengguna=dunia.kabid_a, indikator=ind, periode=dunia.tw[1], nilai="2"
        )
    with pytest.raises(ValidationError):
        services.realisasi_simpan(
            pengguna=dunia.staf_a, indikator=ind, periode=dunia.tw[1], nilai="dua"
        )


def test_evidence_is_checked_like_measurement_evidence(dunia, cascade):
    staf = cascade[2]
    ind = staf.rhk.get().indikator.get()
    r = services.realisasi_simpan(
        pengguna=dunia.staf_a, indikator=ind, periode=dunia.tw[1], nilai="1"
    )
    b = services.bukti_unggah(
        pengguna=dunia.staf_a, realisasi=r, berkas=SimpleUploadedFile("laporan.pdf", PDF)
    )
    assert len(b.sha256) == 64 and b.nama == "laporan.pdf"
    with pytest.raises(ValidationError):
        services.bukti_unggah(
            pengguna=dunia.staf_a, realisasi=r, berkas=SimpleUploadedFile("laporan.pdf", PDF)
        )
    with pytest.raises(ValidationError):
        services.bukti_unggah(
            pengguna=dunia.staf_a, realisasi=r, berkas=SimpleUploadedFile("x.pdf", b"MZ\x00\x01")
        )
    t = services.bukti_tautan(pengguna=dunia.staf_a, realisasi=r, tautan="https://contoh.id/x")
    with pytest.raises(ValidationError):
        services.bukti_tautan(pengguna=dunia.staf_a, realisasi=r, tautan="javascript:alert(1)")
    services.bukti_hapus(pengguna=dunia.staf_a, bukti=t)


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat"),
    [
        ("di_atas", "di_atas", "sangat_baik"),
        ("sesuai", "di_bawah", "kurang"),
        ("di_bawah", "sesuai", "butuh_perbaikan"),
    ],
)
def test_evaluation_gives_the_matrix_predikat(dunia, cascade, hasil, perilaku, predikat):
    staf = cascade[2]
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[3],
        rating_hasil_kerja=hasil,
        rating_perilaku=perilaku,
        umpan_balik_hasil="Baik sekali",
    )
    assert p.predikat == predikat and p.sumber_rating_hasil == SumberRating.PENILAI
    assert Peristiwa.objects.filter(aksi="skp.nilai", objek_id=str(p.pk)).exists()


def test_only_the_penilai_evaluates(dunia, cascade):
    staf = cascade[2]
    for u in (dunia.staf_a, dunia.kabid_b, dunia.kepegawaian, dunia.inspektorat, dunia.orang_luar):
        with pytest.raises(PermissionDenied):
            services.penilaian_simpan(
                pengguna=u,
                skp=staf,
                periode=dunia.tw[3],
                rating_hasil_kerja="sesuai",
                rating_perilaku="sesuai",
            )


def test_a_plh_holding_the_penilais_position_today_evaluates(dunia, cascade):
    staf = cascade[2]
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kabid_a,
        pegawai=dunia.kabid_b.pegawai,
        status="plh",
        mulai=dt.date.today() - dt.timedelta(days=1),
        selesai=dt.date.today() + dt.timedelta(days=3),
    )
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_b,
        skp=staf,
        periode=dunia.tw[3],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
    )
    assert p.status_penilai == "plh" and p.penilai == dunia.kabid_b.pegawai


def test_the_kepalas_skp_is_recorded_by_the_personnel_section(dunia, cascade):
    kepala = cascade[0]
    assert kepala.penilai is None and kepala.status == StatusSKP.DITETAPKAN
    p = services.penilaian_simpan(
        pengguna=dunia.kepegawaian,
        skp=kepala,
        periode=dunia.tw[1],
        rating_hasil_kerja="sesuai",
        rating_perilaku="di_atas",
    )
    assert p.penilai is None and p.dinilai_oleh == dunia.kepegawaian
    with pytest.raises(PermissionDenied):
        services.penilaian_simpan(
            pengguna=dunia.kepala,
            skp=kepala,
            periode=dunia.tw[3],
            rating_hasil_kerja="sesuai",
            rating_perilaku="sesuai",
        )


@pytest.mark.parametrize(
    ("capaian", "rating", "predikat"),
    [
        (Decimal("104.5"), "di_atas", "sangat_baik"),
        (Decimal("95"), "sesuai", "baik"),
        (Decimal("60"), "di_bawah", "butuh_perbaikan"),
    ],
)
def test_a_unit_heads_hasil_kerja_follows_the_units_capaian(
    dunia, cascade, capaian, rating, predikat
):
    kabid = cascade[1]
    with mock.patch("kinerja.skp.selectors.capaian_unit", return_value=capaian) as m:
        p = services.penilaian_simpan(
            pengguna=dunia.kepala,
            skp=kabid,
            periode=dunia.tw[3],
            rating_hasil_kerja="di_bawah",  # ignored: the unit's capaian decides
            rating_perilaku="di_atas",
        )
    m.assert_called_once_with(dunia.bidang_a, dunia.tw[3])
    assert p.rating_hasil_kerja == rating and p.predikat == predikat
    assert p.sumber_rating_hasil == SumberRating.CAPAIAN_UNIT and p.capaian_unit == capaian
    assert matriks.rating_hasil_kerja_pimpinan(capaian).value == rating


def test_a_unit_head_without_computable_capaian_is_rated_by_the_penilai(dunia, cascade):
    kabid = cascade[1]
    p = services.penilaian_simpan(
        pengguna=dunia.kepala,
        skp=kabid,
        periode=dunia.tw[3],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
    )
    assert p.sumber_rating_hasil == SumberRating.PENILAI and p.capaian_unit is None


def test_a_final_evaluation_locks_the_period(dunia, cascade):
    staf = cascade[2]
    ind = staf.rhk.get().indikator.get()
    services.realisasi_simpan(pengguna=dunia.staf_a, indikator=ind, periode=dunia.tw[3], nilai="3")
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[3],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
    )
    with pytest.raises(ValidationError):
        services.realisasi_simpan(
            pengguna=dunia.staf_a, indikator=ind, periode=dunia.tw[3], nilai="4"
        )
    with pytest.raises(ValidationError):
        services.penilaian_simpan(
            pengguna=dunia.kabid_a,
            skp=staf,
            periode=dunia.tw[3],
            rating_hasil_kerja="di_atas",
            rating_perilaku="sesuai",
        )


def test_a_mid_year_move_keeps_two_periods(dunia, cascade):
    staf = cascade[2]
    baru = services.skp_pindah_unit(
        pengguna=dunia.kepegawaian,
        skp=staf,
        tanggal=dt.date(2026, 7, 1),
        unit_baru=dunia.bidang_b,
        versi=staf.versi,
    )
    staf.refresh_from_db()
    assert staf.selesai == dt.date(2026, 6, 30) and staf.unit == dunia.bidang_a
    assert (baru.mulai, baru.selesai, baru.unit) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 12, 31),
        dunia.bidang_b,
    )
    assert baru.penilai == dunia.kabid_b.pegawai
    assert SKP.objects.filter(pegawai=dunia.staf_a.pegawai, tahun=2026).count() == 2
    dunia.staf_a.pegawai.refresh_from_db()
    assert dunia.staf_a.pegawai.unit == dunia.bidang_b
    # The first half is still evaluated by its own penilai, for the periods it covers.
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[2],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
    )
    with pytest.raises(ValidationError):
        services.penilaian_simpan(
            pengguna=dunia.kabid_a,
            skp=staf,
            periode=dunia.tw[3],
            rating_hasil_kerja="sesuai",
            rating_perilaku="sesuai",
        )
    # Both are visible to the employee; each to its own superior.
    assert dunia.staf_a.has_perm("skp.lihat", staf) and dunia.staf_a.has_perm("skp.lihat", baru)
    assert dunia.kabid_a.has_perm("skp.lihat", staf)
    assert dunia.kabid_b.has_perm("skp.lihat", baru)


def test_moves_are_for_the_personnel_section_only(dunia, cascade):
    staf = cascade[2]
    with pytest.raises(PermissionDenied):
        services.skp_pindah_unit(
            pengguna=dunia.kabid_a, skp=staf, tanggal=dt.date(2026, 7, 1), unit_baru=dunia.bidang_b
        )
    with pytest.raises(ValidationError):
        services.skp_pindah_unit(
            pengguna=dunia.kepegawaian,
            skp=staf,
            tanggal=dt.date(2026, 1, 1),
            unit_baru=dunia.bidang_b,
        )


def test_non_asn_get_no_skp(dunia):
    u = UserFactory(username="honorer")
    PegawaiFactory(unit=dunia.bidang_a, pengguna=u, jenis_asn="non_asn", nip=None)
    with pytest.raises(ValidationError):
        services.skp_buat(pengguna=u, pegawai=u.pegawai, tahun=2026)
