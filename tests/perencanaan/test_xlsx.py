"""XLSX round trips of plans and PKs: export, preview with row-level verdicts, one-transaction
import, re-import changes nothing, and deliberately broken files write nothing."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.inti.models import Peristiwa
from kinerja.perencanaan import services, xlsx
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    ItemPK,
    RencanaAksi,
    TargetTahunan,
)

pytestmark = pytest.mark.django_db


def ubah(data: bytes, lembar: str, perubahan: dict[str, object]) -> bytes:
    """The workbook with cells changed, e.g. {"D5": 120}."""
    wb = load_workbook(io.BytesIO(data))
    for sel, nilai in perubahan.items():
        wb[lembar][sel] = nilai
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def tambah_baris(data: bytes, lembar: str, baris: list[list[object]]) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    for b in baris:
        wb[lembar].append(b)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def jumlah_data():
    return (
        Elemen.objects.count(),
        Indikator.objects.count(),
        TargetTahunan.objects.count(),
        Anggaran.objects.count(),
        Peristiwa.objects.count(),
    )


def kode_baris(hasil, lembar, nomor):
    return next(b for b in hasil.baris if b.lembar == lembar and b.nomor == nomor)


@pytest.fixture
def rencana(dunia):
    services.anggaran_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.program,
        tahun=2026,
        pagu=Decimal("1250000"),
        penarikan=[Decimal("250000"), Decimal("500000"), Decimal("250000"), Decimal("250000")],
    )
    services.target_simpan(
        pengguna=dunia.perencana,
        indikator=dunia.ind_sasaran,
        tahun=2026,
        nilai=services.NilaiTarget(Decimal("82.5")),
        berlaku_mulai=dt.date(2026, 7, 1),
        alasan="Refocusing",
    )
    return xlsx.unduh_rencana(dunia.kerangka)


def test_ekspor_lalu_impor_berkas_yang_sama_tidak_mengubah_apa_pun(dunia, rencana):
    h = xlsx.baca_rencana(rencana, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    assert h.galat_berkas == []
    assert h.ringkasan() == {"baru": 0, "berubah": 0, "sama": 9, "kosong": 0, "galat": 0}
    assert h.muatan() == []


def test_impor_ke_kerangka_kosong_membangun_rencana_lalu_impor_ulang_tidak_mengubah(dunia, rencana):
    baru = services.kerangka_buat(
        pengguna=dunia.perencana,
        instansi=dunia.dinas,
        nama="Renstra dari Excel",
        jenis="standar",
        tahun_mulai=2025,
        tahun_selesai=2029,
    )
    h = xlsx.baca_rencana(rencana, kerangka=baru, pengguna=dunia.perencana)
    assert h.ringkasan()["baru"] == 9 and not h.ada_galat
    assert xlsx.terapkan_rencana(h.muatan(), kerangka=baru, pengguna=dunia.perencana) == 9
    program = Elemen.objects.get(kerangka=baru, kode="1.03.10")
    assert program.induk.kode == "S1" and program.unit == dunia.bidang
    ind = Indikator.objects.get(elemen__kerangka=baru, kode="IKU-1")
    assert ind.definisi_operasional == "Definisi" and ind.jenis_nilai == "persen"
    assert ind.target.get(tahun=2026).nilai == Decimal("82.5")
    a = Anggaran.objects.get(elemen=program, tahun=2026)
    assert a.pagu == Decimal("1250000")
    assert [p.nilai for p in a.penarikan.order_by("triwulan")] == [
        Decimal(250000),
        Decimal(500000),
        Decimal(250000),
        Decimal(250000),
    ]
    sebelum = jumlah_data()
    lagi = xlsx.baca_rencana(rencana, kerangka=baru, pengguna=dunia.perencana)
    assert lagi.ringkasan()["sama"] == 9 and lagi.muatan() == []
    assert jumlah_data() == sebelum


def test_perubahan_target_lewat_excel_membuat_versi_perubahan(dunia, rencana):
    # Target sheet: header on row 3; IKU-1 2026 is the first data row (row 4).
    wb = load_workbook(io.BytesIO(rencana))
    ws = wb[xlsx.LEMBAR_TARGET]
    assert (ws["A4"].value, ws["C4"].value, ws["G4"].value) == ("IKU-1", 2026, 2)
    tanpa_alasan = ubah(rencana, xlsx.LEMBAR_TARGET, {"D4": "85", "I4": None})
    h = xlsx.baca_rencana(tanpa_alasan, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    assert kode_baris(h, xlsx.LEMBAR_TARGET, 4).pesan == services.PESAN_ALASAN_PERUBAHAN
    berkas = ubah(
        rencana, xlsx.LEMBAR_TARGET, {"D4": "85", "H4": "01-10-2026", "I4": "Hasil reviu"}
    )
    h = xlsx.baca_rencana(berkas, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    b = kode_baris(h, xlsx.LEMBAR_TARGET, 4)
    assert (b.status, b.sebelum, b.sesudah) == ("berubah", "82,5", "85")
    xlsx.terapkan_rencana(h.muatan(), kerangka=dunia.kerangka, pengguna=dunia.perencana)
    t = dunia.ind_sasaran.target.get(tahun=2026, nomor_versi=3)
    assert (t.jenis, t.nilai, t.berlaku_mulai, t.alasan) == (
        "perubahan",
        Decimal(85),
        dt.date(2026, 10, 1),
        "Hasil reviu",
    )


def test_berkas_rusak_ditolak_per_baris_dan_tidak_ada_yang_ditulis(dunia, rencana):
    rusak = tambah_baris(
        rencana,
        xlsx.LEMBAR_ELEMEN,
        [
            ["program", "1.03.11", "S9", "Program tanpa induk"],
            ["eselon", "X1", "", "Level tak dikenal"],
            ["kegiatan", "1.03.10.2.01", "1.03.10", "Kode ganda"],
        ],
    )
    rusak = tambah_baris(
        rusak,
        xlsx.LEMBAR_INDIKATOR,
        [
            ["IK-X", "Z9", "Indikator elemen tak dikenal", "%"],
            [
                "IK-Y",
                "S1",
                "Indikator ordinal tanpa skala",
                "opini",
                "",
                "",
                "",
                "",
                "",
                "",
                "ordinal",
            ],
        ],
    )
    rusak = tambah_baris(
        rusak,
        xlsx.LEMBAR_TARGET,
        [
            ["IKU-1", "", 2027, 120],
            ["IKP-1", "", 2027, "sembilan"],
            ["IKP-1", "", 2031, 80],
            ["IK-404", "", 2027, 80],
        ],
    )
    rusak = tambah_baris(rusak, xlsx.LEMBAR_ANGGARAN, [["S1", "", 2026, 1000]])
    sebelum = jumlah_data()
    h = xlsx.baca_rencana(rusak, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    galat = {(b.lembar, b.kode): b.pesan for b in h.baris if b.status == "galat"}
    assert "tidak ditemukan" in galat[(xlsx.LEMBAR_ELEMEN, "1.03.11")]
    assert "tidak ada pada kerangka" in galat[(xlsx.LEMBAR_ELEMEN, "X1")]
    assert "lebih dari sekali" in galat[(xlsx.LEMBAR_ELEMEN, "1.03.10.2.01")]
    assert "Z9" in galat[(xlsx.LEMBAR_INDIKATOR, "IK-X")]
    assert "skala" in galat[(xlsx.LEMBAR_INDIKATOR, "IK-Y")].lower()
    assert "melebihi 100" in galat[(xlsx.LEMBAR_TARGET, "IKU-1 2027")]
    assert "bukan angka" in galat[(xlsx.LEMBAR_TARGET, "IKP-1")]
    assert "di luar periode" in galat[(xlsx.LEMBAR_TARGET, "IKP-1 2031")]
    assert "tidak ditemukan" in galat[(xlsx.LEMBAR_TARGET, "IK-404")]
    assert "tidak memiliki anggaran" in galat[(xlsx.LEMBAR_ANGGARAN, "S1")]
    assert h.ada_galat and h.muatan() == []
    assert jumlah_data() == sebelum


@pytest.mark.parametrize(
    "isi,pesan",
    [
        (b"ini bukan berkas excel", xlsx.PESAN_BUKAN_XLSX),
        ("pk", "format perjanjian-kinerja"),
        ("tanpa_kolom", "Kolom wajib tidak ditemukan di lembar Indikator: Satuan"),
    ],
)
def test_berkas_yang_tidak_dapat_dibaca_ditolak_utuh(dunia, rencana, pk_kepala, isi, pesan):
    if isi == "pk":
        isi = xlsx.unduh_pk(pk_kepala)
    elif isi == "tanpa_kolom":
        isi = ubah(rencana, xlsx.LEMBAR_INDIKATOR, {"D3": None})
    h = xlsx.baca_rencana(isi, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    assert h.galat_berkas and pesan in h.galat_berkas[0]
    assert h.muatan() == []


def test_perencana_instansi_lain_tidak_dapat_mengimpor(dunia, rencana):
    berkas = ubah(rencana, xlsx.LEMBAR_ELEMEN, {"D4": "Tujuan diubah"})
    h = xlsx.baca_rencana(berkas, kerangka=dunia.kerangka, pengguna=dunia.perencana_b)
    assert kode_baris(h, xlsx.LEMBAR_ELEMEN, 4).pesan == xlsx.PESAN_TIDAK_BERHAK
    assert h.muatan() == []


def test_kegagalan_saat_menerapkan_membatalkan_semuanya(dunia, rencana):
    berkas = ubah(rencana, xlsx.LEMBAR_ELEMEN, {"D4": "Tujuan diubah"})
    berkas = ubah(berkas, xlsx.LEMBAR_TARGET, {"D5": "90", "H5": "01-07-2026", "I5": "x"})
    h = xlsx.baca_rencana(berkas, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    muatan = h.muatan()
    assert len(muatan) == 2
    # Someone else changes the target between preview and confirmation.
    services.target_simpan(
        pengguna=dunia.perencana2,
        indikator=dunia.ind_program,
        tahun=2026,
        nilai=services.NilaiTarget(Decimal(70)),
        berlaku_mulai=dt.date(2026, 8, 1),
        alasan="lain",
    )
    with pytest.raises(xlsx.ImporGagal) as e:
        xlsx.terapkan_rencana(muatan, kerangka=dunia.kerangka, pengguna=dunia.perencana)
    assert "Target baris 5" in e.value.messages[0]
    dunia.tujuan.refresh_from_db()
    assert dunia.tujuan.nama == "Tujuan"


def test_pk_impor_item_cascade_rencana_aksi_dan_anggaran(dunia, pk_kepala):
    pk = services.pk_buat(
        pengguna=dunia.perencana, jabatan=dunia.jab_kabid, tahun=2026, tanggal=dt.date(2026, 1, 5)
    )
    kosong = xlsx.unduh_pk(pk)
    berkas = tambah_baris(kosong, xlsx.LEMBAR_ITEM, [["IKP-1", "", "", "80", "IKU-1"]])
    berkas = tambah_baris(
        berkas,
        xlsx.LEMBAR_RA,
        [
            ["IKP-1", "", "triwulan", "TW I", "20", "Survei"],
            ["IKP-1", "", "triwulan", 2, "40", "Lelang"],
            ["IKP-1", "", "triwulan", 3, "60", "Pelaksanaan"],
            ["IKP-1", "", "triwulan", 4, "80", "Serah terima"],
        ],
    )
    berkas = tambah_baris(berkas, xlsx.LEMBAR_ANGGARAN_PK, [["1.03.10", "", "1.250.000", "APBD"]])
    h = xlsx.baca_pk(berkas, pk=pk, pengguna=dunia.perencana)
    assert h.ringkasan() == {"baru": 6, "berubah": 0, "sama": 0, "kosong": 0, "galat": 0}
    xlsx.terapkan_pk(h.muatan(), pk=pk, pengguna=dunia.perencana)
    item = ItemPK.objects.get(perjanjian=pk)
    assert item.target == Decimal(80) and item.item_induk == pk_kepala.item.get()
    assert list(
        RencanaAksi.objects.filter(item_pk=item).values_list("nomor", "target", "rencana_aksi")
    ) == [
        (1, Decimal(20), "Survei"),
        (2, Decimal(40), "Lelang"),
        (3, Decimal(60), "Pelaksanaan"),
        (4, Decimal(80), "Serah terima"),
    ]
    assert pk.anggaran.get().pagu == Decimal(1250000)
    ulang = xlsx.baca_pk(xlsx.unduh_pk(pk), pk=pk, pengguna=dunia.perencana)
    assert ulang.ringkasan()["sama"] == 6 and ulang.muatan() == []
    assert xlsx.baca_pk(berkas, pk=pk, pengguna=dunia.perencana).muatan() == []


def test_pk_bertanda_tangan_hanya_rencana_aksinya_yang_dapat_diimpor(dunia, pk_kepala):
    pk = services.pk_ajukan(pengguna=dunia.perencana, pk=pk_kepala).objek
    pk = services.pk_tandatangani(pengguna=dunia.perencana2, pk=pk)
    data = xlsx.unduh_pk(pk)
    # Item row 4: IKU-1 target; RA rows 4–7: the four (empty) quarters of IKU-1.
    berkas = ubah(data, xlsx.LEMBAR_ITEM, {"D4": "90"})
    h = xlsx.baca_pk(berkas, pk=pk, pengguna=dunia.perencana)
    assert "ditandatangani" in kode_baris(h, xlsx.LEMBAR_ITEM, 4).pesan
    berkas = ubah(data, xlsx.LEMBAR_RA, {"E7": "80", "F7": "Laporan akhir"})
    h = xlsx.baca_pk(berkas, pk=pk, pengguna=dunia.perencana)
    assert h.ringkasan()["baru"] == 1 and not h.ada_galat
    xlsx.terapkan_pk(h.muatan(), pk=pk, pengguna=dunia.perencana)
    assert RencanaAksi.objects.get(item_pk__perjanjian=pk, nomor=4).target == Decimal(80)


def test_halaman_impor_pratinjau_lalu_konfirmasi(client, dunia, rencana):
    client.force_login(dunia.perencana)
    url = reverse("perencanaan:impor", args=[dunia.kerangka.pk])
    berkas = ubah(rencana, xlsx.LEMBAR_ELEMEN, {"D4": "Tujuan dari Excel"})
    r = client.post(url, {"berkas": io.BytesIO(berkas)}, format="multipart")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tujuan dari Excel" in html and 'name="token"' in html
    dunia.tujuan.refresh_from_db()
    assert dunia.tujuan.nama == "Tujuan"  # nothing written by the preview
    token = r.context["token"]
    r = client.post(
        reverse("perencanaan:impor_konfirmasi", args=[dunia.kerangka.pk]), {"token": token}
    )
    assert r.status_code == 302
    dunia.tujuan.refresh_from_db()
    assert dunia.tujuan.nama == "Tujuan dari Excel"
    # A token for this framework is useless to another user.
    client.force_login(dunia.perencana2)
    r = client.post(
        reverse("perencanaan:impor_konfirmasi", args=[dunia.kerangka.pk]),
        {"token": token},
        follow=True,
    )
    assert "kedaluwarsa" in r.content.decode()


def test_halaman_impor_berkas_rusak_422(client, dunia):
    client.force_login(dunia.perencana)
    r = client.post(
        reverse("perencanaan:impor", args=[dunia.kerangka.pk]),
        {"berkas": io.BytesIO(b"bukan excel")},
    )
    assert r.status_code == 422
    assert xlsx.PESAN_BUKAN_XLSX in r.content.decode()


def test_inspektorat_tidak_dapat_membuka_impor(client, dunia):
    client.force_login(dunia.inspektorat)
    assert client.get(reverse("perencanaan:impor", args=[dunia.kerangka.pk])).status_code == 404
    assert client.get(reverse("perencanaan:unduh", args=[dunia.kerangka.pk])).status_code == 200
