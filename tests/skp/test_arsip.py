"""Frozen SKP documents (kinerja.skp.arsip): a set SKP and a final evaluation are frozen on
first download, served unchanged afterwards, frozen again only when their content changed, and
checkable on the public verification page; drafts are never frozen."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from kinerja.skp import services
from kinerja.skp.models import ArsipSKP


def _masuk(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_a_set_skp_is_frozen_once_and_served_unchanged(dunia, cascade):
    staf = cascade[2]
    c = _masuk(dunia.staf_a)
    url = reverse("skp:pdf_skp", args=[staf.pk])
    pertama = c.get(url)
    assert pertama.status_code == 200 and pertama.content.startswith(b"%PDF")
    a = ArsipSKP.objects.get(skp=staf, jenis="skp")
    assert a.versi == 1 and a.sha256 == hashlib.sha256(pertama.content).hexdigest()
    assert a.snapshot["rhk"][0]["uraian"] == "Hasil kerja staf_a"
    # Another reader, another day: the same bytes, no new version.
    kedua = _masuk(dunia.kabid_a).get(url)
    assert kedua.content == pertama.content
    assert ArsipSKP.objects.filter(skp=staf).count() == 1
    assert "-v1.pdf" in kedua["Content-Disposition"]


def test_a_draft_skp_is_rendered_each_time_and_never_frozen(dunia):
    skp = services.skp_buat(pengguna=dunia.staf_a, pegawai=dunia.staf_a.pegawai, tahun=2026)
    r = _masuk(dunia.staf_a).get(reverse("skp:pdf_skp", args=[skp.pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert not ArsipSKP.objects.exists()


def test_a_change_after_setting_freezes_a_new_version_and_the_old_one_is_marked(dunia, cascade):
    cache.clear()
    staf = cascade[2]
    c = _masuk(dunia.staf_a)
    url = reverse("skp:pdf_skp", args=[staf.pk])
    v1_isi = c.get(url).content
    v1 = ArsipSKP.objects.get(skp=staf)
    services.ekspektasi_perilaku_simpan(
        pengguna=dunia.kabid_a, skp=staf, isian={"kompeten": "Mengikuti pelatihan SIPD"}
    )
    v2_isi = c.get(url).content
    v2 = ArsipSKP.objects.get(skp=staf, versi=2)
    assert v2_isi != v1_isi and v2.kode_verifikasi != v1.kode_verifikasi
    assert v2.snapshot["perilaku"][2]["ekspektasi"] == "Mengikuti pelatihan SIPD"
    publik = Client()
    lama = publik.get(reverse("verifikasi:halaman", args=[v1.kode_verifikasi]))
    assert lama.status_code == 200
    html = lama.content.decode()
    assert "Staf_A" in html and "Telah diganti" in html
    baru = publik.get(reverse("verifikasi:halaman", args=[v2.kode_verifikasi])).content.decode()
    assert "Berlaku" in baru and "Kabid_A" in baru
    # The printed file matches its own code, not the other version's.
    r = publik.post(
        reverse("verifikasi:halaman", args=[v2.kode_verifikasi]),
        {"sha256": hashlib.sha256(v2_isi).hexdigest()},
    )
    assert "Cocok" in r.content.decode()
    r = publik.post(
        reverse("verifikasi:halaman", args=[v2.kode_verifikasi]),
        {"sha256": hashlib.sha256(v1_isi).hexdigest()},
    )
    assert "Tidak cocok" in r.content.decode()


def test_the_verification_page_shows_no_ratings_of_an_evaluation(dunia, cascade):
    cache.clear()
    staf = cascade[2]
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="di_bawah",
        rating_perilaku="sesuai",
        umpan_balik_hasil="Catatan pribadi untuk pegawai",
        final=True,
    )
    r = _masuk(dunia.staf_a).get(reverse("skp:pdf_evaluasi", args=[staf.pk, dunia.tw[1].pk]))
    assert r.content.startswith(b"%PDF")
    a = ArsipSKP.objects.get(jenis="evaluasi")
    html = Client().get(reverse("verifikasi:halaman", args=[a.kode_verifikasi])).content.decode()
    assert "Evaluasi Kinerja Pegawai periodik" in html
    assert "Butuh Perbaikan" not in html and "Catatan pribadi" not in html


def test_a_draft_evaluation_is_not_frozen(dunia, cascade):
    staf = cascade[2]
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[1],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
    )
    r = _masuk(dunia.kabid_a).get(reverse("skp:pdf_evaluasi", args=[staf.pk, dunia.tw[1].pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert not ArsipSKP.objects.filter(jenis="evaluasi").exists()


def test_an_outsider_gets_no_frozen_document(dunia, cascade):
    staf = cascade[2]
    _masuk(dunia.staf_a).get(reverse("skp:pdf_skp", args=[staf.pk]))
    for u in (dunia.inspektorat, dunia.tim_sakip, dunia.staf_b):
        assert _masuk(u).get(reverse("skp:pdf_skp", args=[staf.pk])).status_code == 404
