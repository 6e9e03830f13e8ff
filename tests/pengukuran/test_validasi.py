"""Submission and validation: the queue, accept and return with a reason, four eyes, locking,
unlocking with a reason, bulk accept, stale decisions, and who may do what."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.inti.models import Peristiwa
from kinerja.pengukuran import services
from kinerja.pengukuran.models import Realisasi, StatusRealisasi

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def diajukan(dunia_isian):
    """Two values of Bidang A entered and submitted by operator A, one of Bidang B."""
    d = dunia_isian
    d["ind_a"] = d.tambah_indikator(d["bidang_a"], 2)
    (d["ind_b"],) = d.tambah_indikator(d["bidang_b"])
    for ind in d["ind_a"]:
        services.realisasi_simpan(
            pengguna=d["operator_a"], indikator=ind, periode=d["periode"], nilai="40"
        )
    services.realisasi_simpan(
        pengguna=d["operator_b"], indikator=d["ind_b"], periode=d["periode"], nilai="30"
    )
    services.realisasi_ajukan_banyak(
        pengguna=d["operator_a"], instansi=d["bidang_a"], periode=d["periode"]
    )
    services.realisasi_ajukan_banyak(
        pengguna=d["operator_b"], instansi=d["bidang_b"], periode=d["periode"]
    )
    return d


def url_antrean(d, unit="dinas", status="diajukan"):
    return (
        reverse("pengukuran:validasi")
        + f"?instansi={d[unit].pk}&periode={d['periode'].pk}&status={status}"
    )


def url_putuskan(d, ind, unit="bidang_a"):
    return reverse("pengukuran:validasi_putuskan", args=[d[unit].pk, d["periode"].pk, ind.pk])


def putuskan(client, d, ind, aksi, catatan="", versi=None, unit="bidang_a"):
    r = Realisasi.objects.get(indikator=ind, periode=d["periode"])
    data = {"aksi": aksi, "catatan": catatan, "versi": r.versi if versi is None else versi}
    return client.post(url_putuskan(d, ind, unit), data, **HX)


def test_antrean_tim_sakip_memuat_semua_bidang_kabid_hanya_bidangnya(client, diajukan):
    d = diajukan
    client.force_login(d["tim_sakip"])
    html = client.get(url_antrean(d)).content.decode()
    for ind in [*d["ind_a"], d["ind_b"]]:
        assert f'id="validasi-{ind.pk}"' in html
    assert "Terima" in html and "Kembalikan" in html
    client.force_login(d["kabid_a"])
    html = client.get(reverse("pengukuran:validasi")).content.decode()
    assert f'id="validasi-{d["ind_a"][0].pk}"' in html
    assert f'id="validasi-{d["ind_b"].pk}"' not in html
    assert client.get(url_antrean(d, "bidang_b")).status_code == 404


def test_operator_bidang_lain_tidak_melihat_antrean(client, diajukan):
    d = diajukan
    client.force_login(d["operator_b"])
    assert client.get(url_antrean(d, "bidang_a")).status_code == 404
    assert client.get(url_antrean(d, "dinas")).status_code == 404


def test_menerima_mengunci_nilai_bagi_unit(client, diajukan):
    d = diajukan
    ind = d["ind_a"][0]
    client.force_login(d["tim_sakip"])
    resp = putuskan(client, d, ind, "validasi")
    assert resp.status_code == 200 and "Diterima dan dikunci" in resp.content.decode()
    r = Realisasi.objects.get(indikator=ind)
    assert r.status == StatusRealisasi.DIVALIDASI and r.divalidasi_oleh == d["tim_sakip"]
    assert Peristiwa.objects.filter(aksi="realisasi.validasi", pengguna=d["tim_sakip"]).exists()
    client.force_login(d["operator_a"])
    url = reverse("pengukuran:isian_simpan", args=[d["bidang_a"].pk, d["periode"].pk, ind.pk])
    resp = client.post(url, {"nilai": "99", "versi": r.versi}, **HX)
    assert resp.status_code == 422
    assert Realisasi.objects.get(indikator=ind).nilai == Decimal(40)


def test_mengembalikan_perlu_alasan_yang_terlihat_oleh_unit(client, diajukan):
    d = diajukan
    ind = d["ind_a"][0]
    client.force_login(d["tim_sakip"])
    resp = putuskan(client, d, ind, "kembalikan", "")
    assert resp.status_code == 422 and "Alasan wajib" in resp.content.decode()
    assert Realisasi.objects.get(indikator=ind).status == StatusRealisasi.DIAJUKAN
    resp = putuskan(client, d, ind, "kembalikan", "Lampirkan berita acara serah terima.")
    assert resp.status_code == 200
    r = Realisasi.objects.get(indikator=ind)
    assert r.status == StatusRealisasi.DIKEMBALIKAN
    p = Peristiwa.objects.get(aksi="realisasi.kembalikan")
    assert p.alasan == "Lampirkan berita acara serah terima."
    assert p.sebelum == {"status": "diajukan"} and p.sesudah == {"status": "dikembalikan"}
    # The unit sees the reason on its grid, corrects and submits again.
    client.force_login(d["operator_a"])
    html = client.get(
        reverse("pengukuran:isian", args=[d["bidang_a"].pk, d["periode"].pk])
    ).content.decode()
    assert "Lampirkan berita acara serah terima." in html
    url = reverse("pengukuran:isian_simpan", args=[d["bidang_a"].pk, d["periode"].pk, ind.pk])
    assert client.post(url, {"nilai": "45", "versi": r.versi}, **HX).status_code == 200
    hasil = services.realisasi_ajukan_banyak(
        pengguna=d["operator_a"], instansi=d["bidang_a"], periode=d["periode"]
    )
    assert [x.indikator_id for x in hasil.diajukan] == [ind.pk]


def test_tidak_memvalidasi_nilai_sendiri(client, dunia_isian):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    # The Kepala Bidang may both enter and validate, but never their own value.
    services.realisasi_simpan(pengguna=d["kabid_a"], indikator=ind, periode=d["periode"], nilai="7")
    services.realisasi_ajukan_banyak(
        pengguna=d["kabid_a"], instansi=d["bidang_a"], periode=d["periode"]
    )
    client.force_login(d["kabid_a"])
    html = client.get(url_antrean(d, "bidang_a")).content.decode()
    assert "validator lain yang memutuskan" in html
    for aksi, catatan in (("validasi", ""), ("kembalikan", "cek")):
        resp = putuskan(client, d, ind, aksi, catatan)
        assert resp.status_code == 403
        assert "isi atau ajukan sendiri" in resp.content.decode()
    assert Realisasi.objects.get().status == StatusRealisasi.DIAJUKAN
    client.force_login(d["tim_sakip"])
    assert putuskan(client, d, ind, "validasi").status_code == 200


@pytest.mark.parametrize("siapa", ["operator_a", "operator_a2", "inspektorat"])
def test_yang_bukan_validator_tidak_dapat_memutuskan(client, diajukan, siapa):
    d = diajukan
    client.force_login(d[siapa])
    resp = putuskan(client, d, d["ind_a"][0], "validasi")
    assert resp.status_code == 403
    assert Realisasi.objects.get(indikator=d["ind_a"][0]).status == StatusRealisasi.DIAJUKAN


def test_keputusan_basi_ditolak(client, diajukan):
    d = diajukan
    ind = d["ind_a"][0]
    r = Realisasi.objects.get(indikator=ind)
    client.force_login(d["sekretaris"])
    putuskan(client, d, ind, "kembalikan", "ulang")
    client.force_login(d["tim_sakip"])
    resp = putuskan(client, d, ind, "validasi", versi=r.versi)
    assert resp.status_code == 409
    assert Realisasi.objects.get(indikator=ind).status == StatusRealisasi.DIKEMBALIKAN


def test_terima_banyak_yang_dicentang(client, diajukan):
    d = diajukan
    a1, a2 = d["ind_a"]
    r1 = Realisasi.objects.get(indikator=a1)
    client.force_login(d["tim_sakip"])
    url = reverse("pengukuran:validasi_terima", args=[d["dinas"].pk, d["periode"].pk])
    resp = client.post(url, {"pilih": [f"{a1.pk}:{r1.versi}", f"{a2.pk}:1"]}, follow=True)
    html = resp.content.decode()
    assert "1 realisasi diterima" in html and "sudah diubah oleh pengguna lain" in html
    assert Realisasi.objects.get(indikator=a1).status == StatusRealisasi.DIVALIDASI
    assert Realisasi.objects.get(indikator=a2).status == StatusRealisasi.DIAJUKAN


def test_buka_kunci_dengan_alasan(client, diajukan):
    d = diajukan
    ind = d["ind_a"][0]
    client.force_login(d["tim_sakip"])
    putuskan(client, d, ind, "validasi")
    html = client.get(url_antrean(d, status="divalidasi")).content.decode()
    assert "Buka kunci" in html
    assert putuskan(client, d, ind, "buka_kunci", "").status_code == 422
    resp = putuskan(client, d, ind, "buka_kunci", "Salah ketik satuan")
    assert resp.status_code == 200
    assert Realisasi.objects.get(indikator=ind).status == StatusRealisasi.DRAF
    assert Peristiwa.objects.get(aksi="realisasi.buka_kunci").alasan == "Salah ketik satuan"


def test_aksi_tak_dikenal_ditolak(client, diajukan):
    d = diajukan
    client.force_login(d["tim_sakip"])
    assert putuskan(client, d, d["ind_a"][0], "hapus").status_code == 422


def test_nilai_kosong_tidak_dapat_diajukan(dunia_isian):
    d = dunia_isian
    from kinerja.pengukuran.models import Realisasi as R

    (ind,) = d.tambah_indikator(d["bidang_a"])
    r = R.objects.create(indikator=ind, periode=d["periode"], nilai=None)
    with pytest.raises(services.ValidationError, match="belum diisi"):
        services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=r, aksi="ajukan")


def test_pengajuan_ulang_tidak_mengubah_tanda_terlambat(dunia_isian, time_machine):
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    time_machine.move_to("2026-07-09 10:00 +0700")
    r = services.realisasi_simpan(
        pengguna=d["operator_a"], indikator=ind, periode=d["periode"], nilai="7"
    )
    r = services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=r, aksi="ajukan")
    pertama = r.diajukan_pada
    r = services.realisasi_ubah_status(
        pengguna=d["tim_sakip"], realisasi=r, aksi="kembalikan", catatan="x"
    )
    time_machine.move_to("2026-07-20 10:00 +0700")
    r = services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=r, aksi="ajukan")
    assert r.terlambat is False and r.diajukan_pada == pertama


def test_antrean_jumlah_kueri_terbatas(client, dunia_isian):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    d = dunia_isian

    def ajukan(n):
        for ind in d.tambah_indikator(d["bidang_a"], n):
            services.realisasi_simpan(
                pengguna=d["operator_a"], indikator=ind, periode=d["periode"], nilai="9"
            )
        services.realisasi_ajukan_banyak(
            pengguna=d["operator_a"], instansi=d["bidang_a"], periode=d["periode"]
        )

    client.force_login(d["tim_sakip"])
    ajukan(3)
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(url_antrean(d)).status_code == 200
    ajukan(30)
    with CaptureQueriesContext(connection) as banyak:
        html = client.get(url_antrean(d)).content.decode()
    assert html.count('id="validasi-') == 33
    assert len(banyak.captured_queries) == len(sedikit.captured_queries)
