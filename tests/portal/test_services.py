"""Publishing and withdrawing: who may, what is refused, what is recorded, which numbers."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.dokumen import services as dokumen_services
from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import KodePeran
from kinerja.pengukuran.hasil import tabel_capaian
from kinerja.portal import services
from kinerja.portal.models import AlamatPublik, Publikasi, StatusPublikasi
from tests.factories import PeriodeFactory, UserFactory, beri_peran
from tests.portal.dunia import buat_dunia, laporan, pemda_lain

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return buat_dunia()


def terbitkan(w, pengguna=None, **kw):
    return services.terbitkan(
        pengguna=pengguna or w["admin"], instansi=w["dinas"], periode=w["periode"], **kw
    )


def test_the_admin_publishes_the_numbers_of_the_signed_report_with_an_audit_row(w):
    dok = laporan(w)
    pub = terbitkan(w)
    assert pub.status == StatusPublikasi.TERBIT and pub.dokumen == dok
    assert pub.slug_periode == "2026-tw3"
    tabel = tabel_capaian(instansi=w["dinas"], periode=w["periode"])
    baris = pub.data["kelompok"][0]["baris"]
    per_kode = {b.indikator.kode: b for g in tabel.kelompok for b in g.baris}
    for b in baris:
        # Exactly the text the signed document printed, which is tabel_capaian's rounded value.
        asli = next(
            x for g in dok.snapshot["kelompok"] for x in g["baris"] if x["kode"] == b["kode"]
        )
        assert b["capaian"]["t"] == asli["capaian"]["t"]
        assert b["capaian_tahun"]["t"] == asli["capaian_tahun"]["t"]
        assert b["capaian_tahun"]["n"] == str(per_kode[b["kode"]].capaian_tahun.bulat())
    assert pub.capaian_teks == dok.snapshot["total"]["rollup"]["t"]
    assert list(pub.lampiran.all()) == [dok]
    p = Peristiwa.objects.get(aksi="publikasi.terbitkan", pengguna=w["admin"])
    assert p.pengguna == w["admin"] and p.objek_id == str(pub.pk)
    assert p.sesudah["kode_laporan"] == dok.kode_verifikasi
    assert AlamatPublik.objects.get(instansi=w["pemda"]).slug == "kabupaten-uji"
    assert AlamatPublik.objects.get(instansi=w["dinas"]).lingkup == w["pemda"]


def test_internal_fields_of_the_snapshot_are_not_copied(w):
    laporan(w)
    pub = terbitkan(w)
    b = pub.data["kelompok"][0]["baris"][0]
    assert set(b) == {
        "kode",
        "indikator",
        "satuan",
        "target_tahun",
        "target_periode",
        "realisasi_sd",
        "capaian",
        "capaian_tahun",
        "predikat",
    }
    assert "kendala" not in str(pub.data) and "rahasia" not in str(pub.data)


def test_publishing_without_a_signed_report_is_refused_in_indonesian(w):
    laporan(w, tandatangani=False)
    with pytest.raises(ValidationError) as e:
        terbitkan(w)
    assert e.value.messages == [
        services.PESAN_BELUM_TTD.format(periode="Triwulan III 2026", instansi=w["dinas"].nama)
    ]
    assert not Publikasi.objects.exists()
    assert not Peristiwa.objects.filter(aksi="publikasi.terbitkan", pengguna=w["admin"]).exists()


@pytest.mark.parametrize("siapa", ["admin", "tim_pemda", "kepala"])
def test_the_pemda_and_the_agency_head_may_publish(w, siapa):
    laporan(w)
    assert terbitkan(w, pengguna=w[siapa]).terbit


@pytest.mark.parametrize("siapa", ["tim", "operator", "inspektorat", "luar"])
def test_the_agency_team_an_auditor_and_outsiders_may_not(w, siapa):
    laporan(w)
    with pytest.raises(PermissionDenied):
        terbitkan(w, pengguna=w[siapa])
    assert not Publikasi.objects.exists()


def test_an_admin_of_another_pemda_may_not_publish_or_use_another_period(w):
    laporan(w)
    lain = pemda_lain()
    with pytest.raises(PermissionDenied):
        terbitkan(w, pengguna=lain["admin"])
    with pytest.raises(ValidationError):
        services.terbitkan(pengguna=w["admin"], instansi=w["dinas"], periode=lain["periode"])


def test_publishing_twice_is_refused(w):
    laporan(w)
    terbitkan(w)
    with pytest.raises(ValidationError) as e:
        terbitkan(w)
    assert e.value.code == "sudah_terbit"
    assert Publikasi.objects.count() == 1


def test_a_stale_page_is_refused_when_the_report_was_signed_again(w):
    lama = laporan(w)
    versi_lama = lama.versi_baris
    with pytest.raises(EditanKedaluwarsa):
        terbitkan(w, dokumen=lama, versi_dokumen=versi_lama - 1)
    baru = laporan(w)  # a new version signed: the old one is replaced
    assert baru.versi == 2
    with pytest.raises(EditanKedaluwarsa):
        terbitkan(w, dokumen=lama, versi_dokumen=versi_lama)
    assert terbitkan(w, dokumen=baru, versi_dokumen=baru.versi_baris).dokumen == baru


def test_withdrawing_keeps_the_row_with_who_when_and_why(w):
    laporan(w)
    pub = terbitkan(w)
    with pytest.raises(ValidationError) as e:
        services.tarik(pengguna=w["admin"], publikasi=pub, alasan="  ")
    assert e.value.messages == [services.PESAN_ALASAN]
    with pytest.raises(EditanKedaluwarsa):
        services.tarik(pengguna=w["admin"], publikasi=pub, alasan="x", versi_baris=99)
    with pytest.raises(PermissionDenied):
        services.tarik(pengguna=w["tim"], publikasi=pub, alasan="salah angka")
    pub = services.tarik(
        pengguna=w["kepala"], publikasi=pub, alasan="Salah angka", versi_baris=pub.versi_baris
    )
    assert pub.status == StatusPublikasi.DITARIK
    assert pub.ditarik_oleh == w["kepala"] and pub.ditarik_pada
    assert pub.alasan_tarik == "Salah angka"
    assert Peristiwa.objects.get(aksi="publikasi.tarik", pengguna=w["kepala"]).alasan == (
        "Salah angka"
    )
    with pytest.raises(ValidationError):
        services.tarik(pengguna=w["admin"], publikasi=pub, alasan="lagi")
    # Publishing again makes a new row; the withdrawn one stays.
    baru = terbitkan(w)
    assert baru.pk != pub.pk and Publikasi.objects.count() == 2


def test_only_signed_public_documents_of_the_period_and_year_are_attached(w):
    dok = laporan(w)
    draf_nota = dokumen_services.dokumen_buat(
        pengguna=w["tim"],
        jenis="nota_dinas",
        instansi=w["dinas"],
        periode=w["periode"],
        kepada="Sekretaris",
        hal="Internal",
    )
    nota = dokumen_services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=draf_nota)
    pub = terbitkan(w)
    assert list(pub.lampiran.all()) == [dok]
    assert nota not in pub.lampiran.all()


def test_slugs_stay_stable_and_never_take_a_reserved_word(w):
    laporan(w)
    pub = terbitkan(w)
    w["dinas"].nama = "Dinas Berganti Nama"
    w["dinas"].save()
    services.tarik(pengguna=w["admin"], publikasi=pub, alasan="ulang")
    terbitkan(w)
    assert AlamatPublik.objects.get(instansi=w["dinas"]).slug == "dinas-pekerjaan-uji"
    from kinerja.organisasi.models import Instansi

    kelola = Instansi.objects.create(nama="Kelola", jenis="pemda")
    assert services.pastikan_alamat(kelola, kelola).slug == "kelola-2"


def test_the_period_slug_names_every_kind_of_period():
    assert services.slug_periode(PeriodeFactory.build(jenis_periode="bulan", nomor=9)) == "2026-b09"
    assert services.slug_periode(PeriodeFactory.build(jenis_periode="semester", nomor=1)) == (
        "2026-s1"
    )
    assert services.slug_periode(PeriodeFactory.build(jenis_periode="tahun", nomor=1)) == "2026"


def test_a_kepala_ukpbj_publishes_for_the_unit_they_head(w):
    kepala_unit = beri_peran(UserFactory(), KodePeran.KEPALA_UKPBJ, w["dinas"])
    laporan(w)
    assert terbitkan(w, pengguna=kepala_unit).terbit
