"""SKP notifications: the next person to act is told in the bell (and by e-mail after commit),
nobody about their own action, nothing when the change is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.alur.models import Notifikasi
from kinerja.organisasi.models import PemangkuJabatan
from kinerja.skp import services, services_keberatan, services_tahunan
from kinerja.skp.models import StatusSKP


def _pesan(user) -> list[str]:
    return list(
        Notifikasi.objects.filter(pengguna=user).order_by("pk").values_list("pesan", flat=True)
    )


def test_submitting_tells_the_penilai_and_setting_tells_the_employee(dunia, cascade):
    kepala, kabid, staf = cascade
    # Built by the fixture: each plan submitted by its owner, set by the assessor.
    assert any("Staf_A 2026 diajukan" in p for p in _pesan(dunia.kabid_a))
    assert any("ditetapkan" in p for p in _pesan(dunia.staf_a))
    n = Notifikasi.objects.get(pengguna=dunia.kabid_a, pesan__contains="Staf_A")
    assert n.tautan == reverse("skp:detail", args=[staf.pk]) and n.tugas is None
    # Nobody is told about their own action.
    assert not any("diajukan" in p for p in _pesan(dunia.staf_a))
    # Kabid A set Staf A's plan and had his own set by the Kepala: told once, about his own.
    assert sum("ditetapkan" in p for p in _pesan(dunia.kabid_a)) == 1
    # Outsiders hear nothing.
    for u in (dunia.staf_b, dunia.inspektorat, dunia.tim_sakip, dunia.orang_luar):
        assert _pesan(u) == []


def test_the_kepalas_plan_goes_to_the_personnel_section(dunia, cascade):
    assert any("Kepala 2026 diajukan" in p for p in _pesan(dunia.kepegawaian))


def test_a_returned_plan_tells_the_employee_why(dunia):
    skp = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    skp.status = StatusSKP.DIAJUKAN
    skp.save()
    services.skp_ubah_status(
        pengguna=dunia.kabid_b, skp=skp, tujuan=StatusSKP.DIKEMBALIKAN, alasan="Lengkapi target"
    )
    assert _pesan(dunia.staf_b) == ["SKP 2026 Anda dikembalikan: Lengkapi target"]


def test_an_acting_holder_of_the_assessor_position_is_told(dunia):
    PemangkuJabatan.objects.filter(jabatan=dunia.jab_kabid_b).update(selesai=dt.date(2026, 1, 10))
    plh = dunia.kabid_a.pegawai
    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kabid_b, pegawai=plh, mulai=dt.date(2026, 1, 11), status="plh"
    )
    skp = services.skp_buat(pengguna=dunia.staf_b, pegawai=dunia.staf_b.pegawai, tahun=2026)
    skp.refresh_from_db()
    from kinerja.skp import pemberitahuan

    assert pemberitahuan.penilai_hari_ini(skp) == [dunia.kabid_a]


def test_a_final_evaluation_tells_the_employee_a_draft_does_not(dunia, cascade):
    staf = cascade[2]
    sebelum = len(_pesan(dunia.staf_a))
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
    )
    assert len(_pesan(dunia.staf_a)) == sebelum
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
        versi=p.versi,
    )
    baru = _pesan(dunia.staf_a)[sebelum:]
    assert len(baru) == 1 and "Triwulan I 2026" in baru[0] and "predikat Baik" in baru[0]


def test_a_refused_change_notifies_nobody(dunia, cascade):
    staf = cascade[2]
    jumlah = Notifikasi.objects.count()
    with pytest.raises(ValidationError):
        services.skp_ubah_status(pengguna=dunia.staf_a, skp=staf, tujuan=StatusSKP.DIAJUKAN)
    assert Notifikasi.objects.count() == jumlah


def test_an_objection_goes_to_the_atasan_and_its_decision_back(
    dunia, cascade, mailoutbox, django_capture_on_commit_callbacks
):
    staf = cascade[2]
    dunia.kepala.email = "kepala@contoh.go.id"
    dunia.kepala.save()
    p = services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="di_bawah",
        rating_perilaku="sesuai",
        final=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        k = services_keberatan.keberatan_ajukan(
            pengguna=dunia.staf_a,
            penilaian=p,
            alasan="Realisasi sudah sesuai target dan buktinya lengkap.",
        )
    n = Notifikasi.objects.get(pengguna=dunia.kepala, jenis="keberatan")
    assert "Staf_A" in n.pesan and n.tautan == reverse("skp:keberatan_detail", args=[k.pk])
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["kepala@contoh.go.id"]
    assert not Notifikasi.objects.filter(pengguna=dunia.kabid_a, jenis="keberatan").exists()
    services_keberatan.keberatan_putus(
        pengguna=dunia.kepala, keberatan=k, dikuatkan=True, pertimbangan="Bukti belum cukup."
    )
    assert any("Keberatan Anda telah diputus" in x for x in _pesan(dunia.staf_a))


def test_a_final_annual_evaluation_tells_the_employee(dunia, cascade):
    staf = cascade[2]
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[3],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
    )
    services_tahunan.penilaian_tahunan_simpan(
        pengguna=dunia.kabid_a,
        pegawai=dunia.staf_a.pegawai,
        tahun=2026,
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
    )
    n = Notifikasi.objects.filter(pengguna=dunia.staf_a, pesan__contains="tahunan 2026").get()
    assert n.tautan == reverse("skp:tahunan", args=[dunia.staf_a.pegawai.pk, 2026])


def test_the_bell_page_links_to_the_skp(dunia, cascade):
    c = Client()
    c.force_login(dunia.kabid_a)
    html = c.get(reverse("alur:notifikasi")).content.decode()
    assert reverse("skp:detail", args=[cascade[2].pk]) in html
