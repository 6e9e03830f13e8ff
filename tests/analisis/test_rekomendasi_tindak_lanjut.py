# ruff: noqa: F811 — the `dunia` fixture is imported from test_rekomendasi
"""Follow-up of a recommendation: assigned to an owner with a due date, moved open → in
progress → done / closed with notes, audited, notified, overdue marked; who may do what, on
both sides; and the pages (lists, "my follow-ups", rules) with bounded query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.analisis import tindak_lanjut as tl_svc
from kinerja.analisis.aturan import aturan_berlaku
from kinerja.analisis.models import Rekomendasi, TindakLanjut
from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import KodePeran
from tests.analisis.test_rekomendasi import HARI_INI, buat, dunia  # noqa: F401
from tests.factories import PerangkatDaerahFactory, UserFactory, beri_peran
from tests.pengukuran.conftest import dunia_isian  # noqa: F401

TENGGAT = dt.date(2026, 8, 15)


@pytest.fixture
def rek(dunia):  # noqa: F811
    buat(dunia)
    return Rekomendasi.objects.get(jenis="jauh_di_atas_target")


@pytest.fixture
def orang_lain(dunia):  # noqa: F811
    """The Tim SAKIP of another agency of the same Pemda."""
    lain = PerangkatDaerahFactory(induk=dunia["pemda"])
    return beri_peran(UserFactory(username="tim_lain"), KodePeran.TIM_SAKIP, lain)


def tugaskan(d, rek, pemilik="operator_a", oleh="tim_sakip", **kw):
    return tl_svc.tindak_lanjut_tugaskan(
        pengguna=d[oleh],
        rekomendasi=rek,
        pemilik=d[pemilik],
        tenggat=kw.pop("tenggat", TENGGAT),
        instruksi=kw.pop("instruksi", "Periksa data dukung realisasi TW II dan laporkan."),
        hari_ini=HARI_INI,
    )


def test_penugasan_tercatat_dan_pemilik_diberi_tahu(dunia, rek, django_capture_on_commit_callbacks):
    d = dunia
    with django_capture_on_commit_callbacks(execute=True):
        tl = tugaskan(d, rek)
    assert tl.status == "terbuka" and tl.pemilik == d["operator_a"]
    assert tl.dilihat_pemilik_pada is None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["a@contoh.example"]
    assert "Periksa data dukung" in mail.outbox[0].body
    p = Peristiwa.objects.get(aksi="tindak_lanjut.tugaskan", objek_id=str(tl.pk))
    assert p.pengguna == d["tim_sakip"] and p.sesudah["tenggat"] == "2026-08-15"
    with pytest.raises(ValidationError, match="sudah memiliki tindak lanjut"):
        tugaskan(d, rek)


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"tenggat": dt.date(2026, 7, 1)}, tl_svc.PESAN_TENGGAT_LALU),
        ({"tenggat": None}, tl_svc.PESAN_TENGGAT_WAJIB),
        ({"instruksi": "  "}, tl_svc.PESAN_INSTRUKSI_WAJIB),
        ({"instruksi": "x" * 5001}, "paling banyak"),
    ],
)
def test_penugasan_ditolak_dengan_pesan_jelas(dunia, rek, ubah, pesan):
    with pytest.raises(ValidationError) as e:
        tugaskan(dunia, rek, **ubah)
    assert pesan[:25] in " ".join(e.value.messages)
    assert not TindakLanjut.objects.exists()


def test_pemilik_harus_berperan_di_instansi(dunia, rek, orang_lain):
    d = dunia
    d["orang_lain"] = orang_lain
    with pytest.raises(ValidationError, match="tidak memegang peran"):
        tugaskan(d, rek, pemilik="orang_lain")


def test_yang_boleh_menugaskan(dunia, rek, orang_lain):
    d = dunia
    d["orang_lain"] = orang_lain
    for u in ("operator_a", "kabid_a", "inspektorat", "orang_lain"):
        with pytest.raises(PermissionDenied):
            tugaskan(d, rek, oleh=u)
    assert tugaskan(d, rek, oleh="sekretaris").ditugaskan_oleh == d["sekretaris"]


def test_alur_status_oleh_pemilik(dunia, rek, django_capture_on_commit_callbacks):
    d = dunia
    tl = tugaskan(d, rek)
    assert tl_svc.status_berikut(tl, d["operator_a"]) == ["dikerjakan", "selesai"]
    tl = tl_svc.tindak_lanjut_ubah_status(
        pengguna=d["operator_a"], tindak_lanjut=tl, status="dikerjakan", versi=tl.versi
    )
    with pytest.raises(ValidationError, match="Catatan wajib"):
        tl_svc.tindak_lanjut_ubah_status(
            pengguna=d["operator_a"], tindak_lanjut=tl, status="selesai", versi=tl.versi
        )
    with pytest.raises(PermissionDenied, match="Hanya Kepala"):
        tl_svc.tindak_lanjut_ubah_status(
            pengguna=d["operator_a"],
            tindak_lanjut=tl,
            status="ditutup",
            catatan="x",
            versi=tl.versi,
        )
    with django_capture_on_commit_callbacks(execute=True):
        tl = tl_svc.tindak_lanjut_ubah_status(
            pengguna=d["operator_a"],
            tindak_lanjut=tl,
            status="selesai",
            catatan="Data diperiksa: realisasi benar, target akan ditinjau pada perubahan.",
            versi=tl.versi,
        )
    assert tl.status == "selesai" and tl.selesai_pada and tl.versi == 3
    aksi = list(
        Peristiwa.objects.filter(objek_tipe="analisis.tindaklanjut", objek_id=str(tl.pk))
        .order_by("id")
        .values_list("aksi", flat=True)
    )
    assert aksi == ["tindak_lanjut.tugaskan", "tindak_lanjut.status", "tindak_lanjut.status"]
    assert [p.sesudah["status"] for p in tl_svc.riwayat_tindak_lanjut(tl)] == [
        "terbuka",
        "dikerjakan",
        "selesai",
    ]
    with pytest.raises(ValidationError, match="tidak dapat diubah menjadi"):
        tl_svc.tindak_lanjut_ubah_status(
            pengguna=d["operator_a"],
            tindak_lanjut=tl,
            status="terbuka",
            catatan="x",
            versi=tl.versi,
        )
    # Only a manager reopens, with a reason.
    tl = tl_svc.tindak_lanjut_ubah_status(
        pengguna=d["tim_sakip"],
        tindak_lanjut=tl,
        status="dikerjakan",
        catatan="Belum tuntas",
        versi=tl.versi,
    )
    assert tl.status == "dikerjakan" and tl.selesai_pada is None


def test_orang_lain_tidak_dapat_memperbarui(dunia, rek, orang_lain):
    d = dunia
    tl = tugaskan(d, rek)
    for u in (d["operator_b"], d["inspektorat"], orang_lain):
        with pytest.raises(PermissionDenied):
            tl_svc.tindak_lanjut_ubah_status(
                pengguna=u, tindak_lanjut=tl, status="dikerjakan", versi=tl.versi
            )
    tl.refresh_from_db()
    assert tl.status == "terbuka" and tl.versi == 1


def test_editan_basi_ditolak(dunia, rek):
    d = dunia
    tl = tugaskan(d, rek)
    tl_svc.tindak_lanjut_ubah_status(
        pengguna=d["operator_a"], tindak_lanjut=tl, status="dikerjakan", versi=1
    )
    with pytest.raises(EditanKedaluwarsa):
        tl_svc.tindak_lanjut_ubah_status(
            pengguna=d["tim_sakip"], tindak_lanjut=tl, status="ditutup", catatan="x", versi=1
        )
    with pytest.raises(EditanKedaluwarsa):
        tl_svc.tindak_lanjut_ubah(
            pengguna=d["tim_sakip"],
            tindak_lanjut=tl,
            pemilik=d["operator_a"],
            tenggat=TENGGAT,
            instruksi="baru",
            versi=1,
            hari_ini=HARI_INI,
        )


def test_ganti_pemilik_memberi_tahu_pemilik_baru(dunia, rek, django_capture_on_commit_callbacks):
    d = dunia
    tl = tugaskan(d, rek)
    with django_capture_on_commit_callbacks(execute=True):
        tl = tl_svc.tindak_lanjut_ubah(
            pengguna=d["tim_sakip"],
            tindak_lanjut=tl,
            pemilik=d["operator_b"],
            tenggat=TENGGAT,
            instruksi=tl.instruksi,
            versi=tl.versi,
            hari_ini=HARI_INI,
        )
    assert tl.pemilik == d["operator_b"] and tl.versi == 2
    assert [m.to for m in mail.outbox] == [["b@contoh.example"]]
    assert Peristiwa.objects.filter(aksi="tindak_lanjut.ubah", objek_id=str(tl.pk)).count() == 1


def test_lewat_tenggat_ditandai_dan_disaring(dunia, rek):
    d = dunia
    tl = tugaskan(d, rek)
    assert not tl.terlambat_pada(TENGGAT)
    assert tl.terlambat_pada(TENGGAT + dt.timedelta(days=1))
    lewat = TENGGAT + dt.timedelta(days=1)
    assert list(tl_svc.tindak_lanjut_daftar(d["tim_sakip"], terlambat=True, hari_ini=lewat)) == [tl]
    assert not tl_svc.tindak_lanjut_daftar(
        d["tim_sakip"], terlambat=True, hari_ini=TENGGAT
    ).exists()


def test_daftar_tindak_lanjut_tersaring_dan_tertutup_bagi_instansi_lain(dunia, rek, orang_lain):
    d = dunia
    tl = tugaskan(d, rek)
    assert list(tl_svc.tindak_lanjut_daftar(d["tim_sakip"], status="terbuka")) == [tl]
    assert not tl_svc.tindak_lanjut_daftar(d["tim_sakip"], status="selesai").exists()
    assert list(tl_svc.tindak_lanjut_daftar(d["inspektorat"], pemilik_id=d["operator_a"].pk)) == [
        tl
    ]
    assert list(tl_svc.tindak_lanjut_daftar(d["operator_a"])) == [tl]  # the owner
    assert not tl_svc.tindak_lanjut_daftar(orang_lain).exists()
    assert not tl_svc.tindak_lanjut_daftar(d["operator_b"]).exists()
    assert list(tl_svc.tindak_lanjut_saya(d["operator_a"])) == [tl]


# --- pages ----------------------------------------------------------------------------------


def url_daftar(d):
    dasar = reverse("analisis:rekomendasi")
    return f"{dasar}?instansi={d['dinas'].pk}&periode={d['periode'].pk}&status="


def test_halaman_daftar_dan_tombol_buat(client, dunia, time_machine):
    d = dunia
    time_machine.move_to(dt.datetime(2026, 7, 20, 9, 0))
    client.force_login(d["tim_sakip"])
    r = client.get(url_daftar(d))
    assert r.status_code == 200 and b"tombol-buat" in r.content
    r = client.post(
        reverse("analisis:rekomendasi_buat"),
        {"instansi": d["dinas"].pk, "periode": d["periode"].pk},
        follow=True,
    )
    assert "3 aktif (3 baru" in r.content.decode()
    assert r.content.count(b'<tr id="rek-') == 3


def test_halaman_untuk_pembaca_dan_orang_luar(client, dunia, rek, orang_lain):
    d = dunia
    client.force_login(d["inspektorat"])
    r = client.get(url_daftar(d))
    assert r.status_code == 200 and r.content.count(b'<tr id="rek-') == 3
    assert b"tombol-buat" not in r.content
    assert b"form-tugaskan" not in client.get(rek.get_absolute_url()).content
    client.force_login(orang_lain)
    assert client.get(rek.get_absolute_url()).status_code == 404
    assert client.get(url_daftar(d)).status_code == 404
    r = client.post(
        reverse("analisis:rekomendasi_buat"),
        {"instansi": d["dinas"].pk, "periode": d["periode"].pk},
    )
    assert r.status_code == 404
    assert client.get(reverse("analisis:tindak_lanjut")).content.count(b'<tr id="tl-') == 0


def test_tugaskan_lewat_halaman_dan_pemilik_memperbarui(client, dunia, rek, time_machine):
    d = dunia
    time_machine.move_to(dt.datetime(2026, 7, 20, 9, 0))
    client.force_login(d["tim_sakip"])
    url = reverse("analisis:tindak_lanjut_tugaskan", args=[rek.pk])
    r = client.post(url, {"pemilik": d["operator_a"].pk, "tenggat": "2026-07-01", "instruksi": "x"})
    assert r.status_code == 400 and tl_svc.PESAN_TENGGAT_LALU in r.content.decode()
    r = client.post(
        url, {"pemilik": d["operator_a"].pk, "tenggat": "2026-08-15", "instruksi": "Periksa."}
    )
    assert r.status_code == 302
    tl = TindakLanjut.objects.get()
    # The owner (a Bidang operator who cannot see the Dinas list) sees the item and updates it.
    client.force_login(d["operator_a"])
    r = client.get(reverse("analisis:tindak_lanjut_saya"))
    assert b"Baru</span>" in r.content
    assert b"Baru</span>" not in client.get(reverse("analisis:tindak_lanjut_saya")).content
    r = client.get(rek.get_absolute_url())
    assert (
        r.status_code == 200 and b"form-status" in r.content and b"form-tugaskan" not in r.content
    )
    url_status = reverse("analisis:tindak_lanjut_status", args=[tl.pk])
    r = client.post(url_status, {"status": "selesai", "catatan": "", "versi": tl.versi})
    assert r.status_code == 400 and "Catatan wajib" in r.content.decode()
    r = client.post(url_status, {"status": "selesai", "catatan": "Sudah dicek.", "versi": tl.versi})
    assert r.status_code == 302
    tl.refresh_from_db()
    assert tl.status == "selesai"
    # Another operator of the Pemda cannot see it.
    client.force_login(d["operator_b"])
    assert client.get(rek.get_absolute_url()).status_code == 404
    assert (
        client.post(
            url_status, {"status": "dikerjakan", "catatan": "x", "versi": tl.versi}
        ).status_code
        == 404
    )


def test_halaman_aturan_simpan_dan_tolak(client, dunia):
    d = dunia
    client.force_login(d["tim_sakip"])
    url = f"{reverse('analisis:aturan_rekomendasi')}?instansi={d['dinas'].pk}"
    r = client.get(url)
    assert r.status_code == 200 and b"aturan-jauh_di_atas_target" in r.content
    a = aturan_berlaku(d["dinas"])["jauh_di_atas_target"]
    simpan = reverse("analisis:aturan_rekomendasi_simpan", args=["jauh_di_atas_target"])
    data = {
        "instansi": d["dinas"].pk,
        "jauh_di_atas_target-aturan": a.pk,
        "jauh_di_atas_target-versi": a.versi,
        "jauh_di_atas_target-aktif": "on",
        "jauh_di_atas_target-ambang": "abc",
        "jauh_di_atas_target-tingkat": "tinggi",
        "jauh_di_atas_target-templat": a.templat,
    }
    r = client.post(simpan, data)
    assert r.status_code == 400 and "angka" in r.content.decode().lower()
    r = client.post(simpan, {**data, "jauh_di_atas_target-ambang": "175,5"})
    assert r.status_code == 302
    assert aturan_berlaku(d["dinas"])["jauh_di_atas_target"].ambang == 175.5
    client.force_login(d["operator_a"])
    assert client.post(simpan, {**data, "jauh_di_atas_target-ambang": "120"}).status_code == 404


@pytest.mark.parametrize("n", [3, 40])
def test_halaman_daftar_kueri_terbatas(client, dunia, n, django_assert_max_num_queries):
    from tests.analisis.test_rekomendasi import _dunia_berukuran

    d = dunia
    _dunia_berukuran(d, n)
    buat(d)
    for r in Rekomendasi.objects.all()[:3]:
        tugaskan(d, r)
    client.force_login(d["tim_sakip"])
    with django_assert_max_num_queries(20):
        r = client.get(url_daftar(d))
    assert r.content.count(b'<tr id="rek-') == Rekomendasi.objects.count()
    with django_assert_max_num_queries(15):
        client.get(reverse("analisis:tindak_lanjut"))


def test_admin_pemda_membuat_untuk_semua_perangkat_daerah(client, dunia, time_machine):
    d = dunia
    time_machine.move_to(dt.datetime(2026, 7, 20, 9, 0))
    admin = beri_peran(UserFactory(username="admin_pemda"), KodePeran.ADMIN_PEMDA, d["pemda"])
    client.force_login(admin)
    r = client.get(url_daftar(d))
    assert b"tombol-buat-pemda" in r.content
    data = {"instansi": d["dinas"].pk, "periode": d["periode"].pk, "semua": "1"}
    r = client.post(reverse("analisis:rekomendasi_buat"), data, follow=True)
    assert "untuk 1 instansi: 3 aktif" in r.content.decode()
    # The Tim SAKIP of the Dinas manages its agency, not the whole Pemda.
    client.force_login(d["tim_sakip"])
    assert b"tombol-buat-pemda" not in client.get(url_daftar(d)).content
    assert client.post(reverse("analisis:rekomendasi_buat"), data).status_code == 404


def test_layar_admin(client, dunia, rek):
    tugaskan(dunia, rek)
    client.force_login(UserFactory(username="akar", is_superuser=True, is_staff=True))
    for nama in ("aturanrekomendasi", "rekomendasi", "tindaklanjut"):
        assert client.get(reverse(f"admin:analisis_{nama}_changelist")).status_code == 200
    assert (
        client.get(reverse("admin:analisis_rekomendasi_change", args=[rek.pk])).status_code == 200
    )
