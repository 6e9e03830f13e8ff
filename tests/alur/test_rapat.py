"""Meeting steps need their minutes; leadership meetings decide per indicator; step buttons."""

import copy
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.alur import selectors, services
from kinerja.alur.aksi import tautan_aksi
from kinerja.alur.models import KeputusanIndikator, Rapat
from kinerja.organisasi.models import KodePeran
from tests.alur.bantuan import SOP, aktif
from tests.factories import (
    IndikatorFactory,
    PerangkatDaerahFactory,
    PeriodeFactory,
    UserFactory,
    beri_peran,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def siklus_rapat(dunia):
    data = copy.deepcopy(SOP)
    data["kode"] = "uji-rapat"
    data["langkah"][1] = dict(
        data["langkah"][1],
        uraian="Sekretaris rapat dengan Tim SAKIP",
        pelaksana=["sekretaris", "tim_sakip"],
        jenis="rapat",
        aksi_sistem="rapat_pimpinan",
    )
    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dunia["dinas"].induk)
    t = services.template_impor(pengguna=admin, data=data, instansi=dunia["dinas"])
    return services.siklus_buka(
        pengguna=dunia["kepala"],
        template=t,
        instansi=dunia["dinas"],
        periode=dunia["periode"],
        jenis_perintah="Disposisi",
        nomor_perintah="1/2026",
        tanggal_perintah=dt.date(2026, 10, 1),
    )


def catat(dunia, tugas, pengguna=None, **kw):
    isian = dict(
        judul="Rapat arahan",
        waktu=timezone.now(),
        tempat="Aula",
        pimpinan="Sekretaris",
        peserta="Tim SAKIP\nKabid",
        notulen="Disepakati jadwal pengisian.",
    )
    isian.update(kw)
    return services.rapat_catat(pengguna=pengguna or dunia["sekretaris"], tugas=tugas, **isian)


def test_langkah_rapat_tidak_selesai_tanpa_notulen(dunia, siklus_rapat):
    t = aktif(siklus_rapat)
    with pytest.raises(ValidationError, match="notulen"):
        services.tugas_selesaikan(pengguna=dunia["sekretaris"], tugas=t)
    catat(dunia, t)
    services.tugas_selesaikan(pengguna=dunia["sekretaris"], tugas=t)
    assert aktif(siklus_rapat).langkah.no == 3


def test_notulen_kosong_ditolak(dunia, siklus_rapat):
    with pytest.raises(ValidationError, match="wajib"):
        catat(dunia, aktif(siklus_rapat), notulen="  ")
    assert not Rapat.objects.exists()


def test_bukan_pelaksana_tidak_dapat_mencatat_rapat(dunia, siklus_rapat):
    with pytest.raises(PermissionDenied):
        catat(dunia, aktif(siklus_rapat), pengguna=dunia["operator"])


def test_keputusan_per_indikator_hanya_indikator_instansi_sendiri(dunia, siklus_rapat):
    milik = IndikatorFactory(unit_penanggung_jawab=dunia["dinas"])
    luar = IndikatorFactory()
    with pytest.raises(ValidationError, match="bukan milik"):
        catat(dunia, aktif(siklus_rapat), keputusan_indikator=[(luar, "tercapai", "")])
    r = catat(
        dunia,
        aktif(siklus_rapat),
        keputusan_indikator=[(milik, "ditindaklanjuti", "Percepat lelang")],
    )
    k = KeputusanIndikator.objects.get(rapat=r)
    assert k.hasil == "ditindaklanjuti" and k.arahan == "Percepat lelang"


def test_formulir_rapat_di_halaman_siklus(client, dunia, siklus_rapat):
    ind = IndikatorFactory(unit_penanggung_jawab=dunia["dinas"])
    client.force_login(dunia["sekretaris"])
    url = reverse("alur:siklus", args=[siklus_rapat.pk])
    assert "Simpan notulen" in client.get(url).content.decode()
    t = aktif(siklus_rapat)
    client.post(
        reverse("alur:rapat_catat", args=[t.pk]),
        {
            "judul": "Rapat pimpinan",
            "waktu": "2026-10-02T09:00",
            "tempat": "Aula",
            "pimpinan": "Sekretaris",
            "peserta": "Tim SAKIP",
            "notulen": "Indikator dibahas satu per satu.",
            f"hasil_{ind.pk}": "tercapai",
        },
    )
    assert KeputusanIndikator.objects.get().indikator == ind
    html = client.get(url).content.decode()
    assert "Indikator dibahas satu per satu." in html
    assert "Simpan notulen" not in html


def test_tombol_aksi_mengarah_ke_fitur_yang_ada(dunia, siklus_rapat):
    tautan = tautan_aksi("rekap_hasil", siklus_rapat)
    assert [t.url for t in tautan] == [
        reverse("pengukuran:capaian", args=[dunia["dinas"].pk, dunia["periode"].pk])
    ]
    assert tautan_aksi("gandakan", siklus_rapat) == []


def test_langkah_pengisian_dan_validasi_mengarah_ke_halamannya(dunia, siklus_rapat):
    i, p = dunia["dinas"].pk, dunia["periode"].pk
    isian = [t.url for t in tautan_aksi("isi_realisasi", siklus_rapat)]
    assert reverse("pengukuran:isian", args=[i, p]) in isian
    validasi = [t.url for t in tautan_aksi("validasi_realisasi", siklus_rapat)]
    assert f"{reverse('pengukuran:validasi')}?instansi={i}&periode={p}" in validasi


def test_langkah_unggah_esr_perlu_catatan_unggah(dunia):
    data = copy.deepcopy(SOP)
    data["kode"] = "uji-esr"
    data["langkah"][1] = dict(
        data["langkah"][1], pelaksana=["sekretaris"], aksi_sistem="unggah_esr"
    )
    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dunia["dinas"].induk)
    t = services.template_impor(pengguna=admin, data=data, instansi=dunia["dinas"])
    s = services.siklus_buka(
        pengguna=dunia["kepala"],
        template=t,
        instansi=dunia["dinas"],
        periode=dunia["periode"],
        jenis_perintah="Disposisi",
        nomor_perintah="2/2026",
        tanggal_perintah=dt.date(2026, 10, 1),
    )
    tugas = aktif(s)
    with pytest.raises(ValidationError, match="esr.menpan.go.id"):
        services.tugas_selesaikan(pengguna=dunia["sekretaris"], tugas=tugas)
    with pytest.raises(ValidationError, match="wajib"):
        services.esr_catat_unggah(
            pengguna=dunia["sekretaris"], tugas=tugas, tanggal=dt.date(2026, 10, 2), referensi=" "
        )
    with pytest.raises(PermissionDenied):
        services.esr_catat_unggah(
            pengguna=dunia["operator"], tugas=tugas, tanggal=dt.date(2026, 10, 2), referensi="X"
        )
    services.esr_catat_unggah(
        pengguna=dunia["sekretaris"], tugas=tugas, tanggal=dt.date(2026, 10, 2), referensi="ESR-1"
    )
    services.tugas_selesaikan(pengguna=dunia["sekretaris"], tugas=tugas)
    assert aktif(s).langkah.no == 3


def test_langkah_siapkan_format_menawarkan_unduhan_xlsx(dunia, siklus_rapat):
    i, p = dunia["dinas"].pk, dunia["periode"].pk
    urls = [t.url for t in tautan_aksi("siapkan_format", siklus_rapat)]
    assert reverse("pengukuran:format_unduh", args=[i, p]) in urls


def test_siklus_berikutnya_menampilkan_arahan_rapat_pimpinan_sebelumnya(
    client, dunia, siklus_rapat
):
    dikembalikan = IndikatorFactory(unit_penanggung_jawab=dunia["dinas"], nama="Jalan mantap")
    tercapai = IndikatorFactory(unit_penanggung_jawab=dunia["dinas"], nama="Jembatan baik")
    catat(
        dunia,
        aktif(siklus_rapat),
        keputusan_indikator=[
            (dikembalikan, "ditindaklanjuti", "Percepat paket preservasi"),
            (tercapai, "tercapai", ""),
        ],
    )
    assert selectors.arahan_siklus_sebelumnya(siklus_rapat) is None  # its own decisions
    berikut = services.siklus_buka(
        pengguna=dunia["kepala"],
        template=siklus_rapat.template,
        instansi=dunia["dinas"],
        periode=PeriodeFactory(pemda=dunia["dinas"].induk, tahun=2026, nomor=4),
        jenis_perintah="Disposisi",
        nomor_perintah="2/2026",
        tanggal_perintah=dt.date(2027, 1, 5),
    )
    a = selectors.arahan_siklus_sebelumnya(berikut)
    assert a.siklus == siklus_rapat
    assert [k.indikator for k in a.dikembalikan] == [dikembalikan]
    client.force_login(dunia["sekretaris"])
    html = client.get(reverse("alur:siklus", args=[berikut.pk])).content.decode()
    assert "Percepat paket preservasi" in html and "Jembatan baik" in html
    assert "1 indikator dikembalikan dengan arahan" in html
    # Another agency's next cycle does not see them.
    lain = PerangkatDaerahFactory(induk=dunia["dinas"].induk)
    assert not KeputusanIndikator.objects.filter(rapat__tugas__siklus__instansi=lain).exists()
