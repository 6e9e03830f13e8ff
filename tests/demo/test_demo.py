"""`kinerja demo`: the four seed agencies, their people, logins and roles, loaded idempotently."""

from __future__ import annotations

import io
import sys
import types

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.mail import send_mail
from django.core.management import call_command
from django.test import RequestFactory

from kinerja.demo.dunia import KATA_SANDI_DEMO
from kinerja.demo.pemuat import SEMUA_DEMO, hapus_demo
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    JenisInstansi,
    Pegawai,
    PemangkuJabatan,
    Peran,
)
from kinerja.organisasi.nip import urai_nip

pytestmark = pytest.mark.django_db

# Every performer role of each seed SOP, plus the two Pemda-wide roles.
PERAN_SOP = {
    "sumbar": {
        "kepala",
        "sekretaris",
        "bidang",
        "kepala_bidang",
        "tim_sakip",
        "subbag_perencanaan",
    },
    "banjar": {"kepala", "sekretaris", "bidang", "tim_sakip", "staf"},
    "kukar": {"kepala_ukpbj", "tim_pengelola_kelembagaan", "penanggung_jawab_kinerja"},
    "lumajang": {
        "kepala",
        "sekretaris",
        "sekretaris_tim_sakip",
        "tim_sakip",
        "ketua_tim_sakip",
        "kepala_bidang",
        "kepegawaian",
    },
}
PERAN_PEMDA = {"inspektorat", "admin_pemda"}


def pemda(kunci: str) -> Instansi:
    return Instansi.objects.get(induk__isnull=True, kode=f"contoh-{kunci}")


def hitung() -> dict[str, int]:
    """Row counts of the tables the demo fills."""
    return {
        "instansi": Instansi.objects.count(),
        "pegawai": Pegawai.objects.count(),
        "jabatan": Jabatan.objects.count(),
        "pemangku": PemangkuJabatan.objects.count(),
        "peran": Peran.objects.count(),
        "pengguna": get_user_model().objects.count(),
    }


@pytest.fixture
def demo():
    call_command("demo", tanpa_daftar_akun=True)


def test_empat_pemda_dengan_instansi_dari_sop_dan_inspektorat(demo):
    nama = {
        "sumbar": "Dinas Bina Marga, Cipta Karya dan Tata Ruang",
        "banjar": (
            "Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian Penduduk dan Keluarga Berencana"
        ),
        "kukar": "Bagian Pengadaan Barang dan Jasa",
        "lumajang": "Dinas Pekerjaan Umum dan Tata Ruang",
    }
    for kunci, agensi in nama.items():
        akar = pemda(kunci)
        pohon = akar.subtree()
        assert pohon.filter(nama=agensi).exists()
        assert pohon.filter(jenis=JenisInstansi.PERANGKAT_DAERAH, nama__startswith="Inspektorat")
    banjar = pemda("banjar").subtree().get(singkatan="Dispermades PPKB")
    assert banjar.alamat.startswith("Jalan S. Parman No. 7")
    lumajang = pemda("lumajang").subtree().get(singkatan="Dinas PUTR")
    assert lumajang.alamat.startswith("Jalan Jendral Sutoyo No.4")
    assert lumajang.telepon == "(0334)-88144"
    # The UKPBJ is a Bagian of the Setda; the agencies owning packages are PDs of the Pemda.
    ukpbj = pemda("kukar").subtree().get(singkatan="UKPBJ")
    assert ukpbj.induk.nama.startswith("Sekretariat Daerah")
    assert pemda("kukar").anak.filter(nama__startswith="Dinas Pekerjaan Umum").exists()


@pytest.mark.parametrize("kunci", sorted(PERAN_SOP))
def test_setiap_peran_sop_punya_login_dengan_peran_dalam_pemdanya(demo, kunci):
    akar = pemda(kunci)
    peran = Peran.objects.filter(instansi__jalur__startswith=akar.jalur)
    assert set(peran.values_list("kode", flat=True)) == PERAN_SOP[kunci] | PERAN_PEMDA
    for p in peran.select_related("pengguna__pegawai"):
        assert p.pengguna.username.startswith(f"{kunci}.")
        assert p.pengguna.pegawai.unit.jalur.startswith(akar.jalur)
    # Inspektorat and Admin Pemda cover the whole Pemda.
    for kode in PERAN_PEMDA:
        assert peran.get(kode=kode).instansi == akar


def test_penanggung_jawab_kinerja_ukpbj_ada_yang_duduk_di_opd_lain(demo):
    ukpbj = pemda("kukar").subtree().get(singkatan="UKPBJ")
    pj = Peran.objects.filter(kode="penanggung_jawab_kinerja", instansi=ukpbj)
    di_luar = [p for p in pj if not p.pengguna.pegawai.unit.jalur.startswith(ukpbj.jalur)]
    assert len(di_luar) >= 1


def test_nip_sah_unik_dan_pangkat_terisi(demo):
    pegawai = list(Pegawai.objects.all())
    assert len(pegawai) >= 40
    for p in pegawai:
        info = urai_nip(p.nip)
        assert info.tmt.year - info.tanggal_lahir.year >= 18
        assert p.golongan
        if p.jenis_asn == "pns":
            assert p.pangkat
    assert len({p.nip for p in pegawai}) == len(pegawai)


def test_jabatan_berjenjang_dan_ada_plt(demo):
    kabid = Jabatan.objects.get(
        nama="Kepala Bidang Tata Ruang", instansi__jalur__startswith=pemda("sumbar").jalur
    )
    assert kabid.atasan.nama == "Kepala Dinas"
    assert kabid.atasan.atasan is None
    plt = PemangkuJabatan.objects.get(jabatan=kabid, status="plt")
    assert plt.pegawai.jabatan.filter(status="definitif").exists()
    assert PemangkuJabatan.objects.filter(jabatan=kabid, selesai__isnull=False).exists()
    sekda = Jabatan.objects.get(nama="Sekretaris Daerah")
    assert Jabatan.objects.get(nama="Kepala Bagian Pengadaan Barang dan Jasa").atasan == sekda


def test_login_demo_dengan_kata_sandi_yang_dicetak(demo, client):
    keluaran = io.StringIO()
    call_command("demo", stdout=keluaran)
    teks = keluaran.getvalue()
    assert KATA_SANDI_DEMO in teks
    for s in SEMUA_DEMO:
        for lg in s.login:
            assert lg.username in teks
    request = RequestFactory().post("/masuk/")
    assert authenticate(request, username="sumbar.kepala", password=KATA_SANDI_DEMO)
    assert client.login(request=request, username="lumajang.kabid.sda", password=KATA_SANDI_DEMO)
    assert not client.login(request=request, username="banjar.timsakip", password="salah-sandi")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(KATA_SANDI_DEMO)


def test_dijalankan_dua_kali_hasilnya_sama(demo):
    sebelum = hitung()
    user_ids = set(get_user_model().objects.values_list("pk", flat=True))
    call_command("demo", tanpa_daftar_akun=True)
    assert hitung() == sebelum
    # Logins are kept (a browser session survives a refresh).
    assert set(get_user_model().objects.values_list("pk", flat=True)) == user_ids


def test_pemda_nyata_bernama_sama_tidak_ditimpa():
    Instansi.objects.create(nama="Pemerintah Kabupaten Lumajang", jenis=JenisInstansi.PEMDA)
    with pytest.raises(Exception, match="bukan data contoh"):
        call_command("demo", tanpa_daftar_akun=True)
    assert Instansi.objects.count() == 1


def test_aplikasi_lain_menambah_data_contoh_dalam_transaksi_yang_sama(monkeypatch):
    dipanggil = []
    modul = types.ModuleType("kinerja.inti.data_contoh")
    modul.muat_data_contoh = dipanggil.append
    monkeypatch.setitem(sys.modules, "kinerja.inti.data_contoh", modul)
    call_command("demo", tanpa_daftar_akun=True)
    (hasil,) = dipanggil
    assert [r.kunci for r in hasil.pemda] == ["sumbar", "banjar", "kukar", "lumajang"]
    assert hasil.pemda[0].instansi["binamarga"].nama == "Bidang Bina Marga"

    # A failing extension rolls the whole refresh back: the previous demo stays as it was.
    sebelum = hitung()
    id_pemda = pemda("sumbar").pk

    def gagal(hasil):
        raise RuntimeError("gagal")

    modul.muat_data_contoh = gagal
    with pytest.raises(RuntimeError):
        call_command("demo", tanpa_daftar_akun=True)
    assert hitung() == sebelum and pemda("sumbar").pk == id_pemda


def test_akun_yang_bukan_akun_contoh_tidak_diubah(django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "it@pemda.go.id", "sandi-asli-123")
    keluaran = io.StringIO()
    call_command("demo", stdout=keluaran)
    admin.refresh_from_db()
    assert admin.check_password("sandi-asli-123") and admin.email == "it@pemda.go.id"
    assert "kata sandinya tidak diubah" in keluaran.getvalue()

    # A real user whose name merely looks like a demo login survives a refresh…
    django_user_model.objects.create_user("lumajang.kabid.bm2", email="x@pemda.go.id")
    call_command("demo", tanpa_daftar_akun=True)
    assert django_user_model.objects.filter(username="lumajang.kabid.bm2").exists()
    # …and a real user holding a demo login's name stops the run instead of being taken over.
    django_user_model.objects.filter(username="sumbar.kepala").update(email="kepala@pemda.go.id")
    with pytest.raises(Exception, match="bukan akun contoh"):
        call_command("demo", tanpa_daftar_akun=True)


def test_hapus_demo_menghapus_semua_data_contoh_saja(django_user_model):
    nyata = Instansi.objects.create(nama="Pemerintah Kota Nyata", jenis=JenisInstansi.PEMDA)
    orang = django_user_model.objects.create_user("sumbar.lama", email="lama@pemda.go.id")
    call_command("demo", tanpa_daftar_akun=True)
    hapus_demo()
    assert list(Instansi.objects.all()) == [nyata]
    assert list(django_user_model.objects.all()) == [orang]
    assert not Pegawai.objects.exists() and not Peran.objects.exists()


def test_memuat_demo_tidak_mengirim_email(monkeypatch, mailoutbox):
    modul = types.ModuleType("kinerja.inti.data_contoh")

    def kirim(hasil):
        send_mail("Giliran Anda", "Langkah 2", None, ["sumbar.kepala@contoh.kinerja.example"])

    modul.muat_data_contoh = kirim
    monkeypatch.setitem(sys.modules, "kinerja.inti.data_contoh", modul)
    call_command("demo", tanpa_daftar_akun=True)
    assert mailoutbox == []
    send_mail("Sesudah demo", "y", None, ["b@pemda.go.id"])
    assert len(mailoutbox) == 1


def test_login_contoh_yang_tidak_ada_lagi_di_data_dihapus_saat_disegarkan(demo, django_user_model):
    django_user_model.objects.create_user(
        "sumbar.bidang.lama", email="sumbar.bidang.lama@contoh.kinerja.example"
    )
    call_command("demo", tanpa_daftar_akun=True)
    assert not django_user_model.objects.filter(username="sumbar.bidang.lama").exists()
    assert django_user_model.objects.filter(username="sumbar.bidang.binamarga").exists()


def test_verbosity_0_tidak_mencetak_apa_pun():
    keluaran = io.StringIO()
    call_command("demo", verbosity=0, stdout=keluaran)
    assert keluaran.getvalue() == ""
    assert pemda("lumajang").subtree().count() > 10
