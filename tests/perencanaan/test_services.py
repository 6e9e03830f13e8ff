"""Planning services: permissions from both sides, validation, audit, versions and freezes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan import services, validasi
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    ItemPK,
    PerjanjianKinerja,
    RencanaAksi,
    TargetTahunan,
    TautanCrosscutting,
)
from kinerja.perencanaan.selectors import target_berlaku
from kinerja.perencanaan.validasi import NilaiTarget
from tests.factories import PeriodeFactory
from tests.perencanaan.conftest import buat_indikator

pytestmark = pytest.mark.django_db


def data_elemen(d, **kw):
    return {
        "level": d.level["program"],
        "induk": d.sasaran,
        "kode": "1.03.11",
        "nama": "Baru",
        **kw,
    }


def data_indikator(**kw):
    return {
        "kode": "IK-9",
        "nama": "Persentase rumah layak huni",
        "satuan": "%",
        "jenis_nilai": "persen",
        "definisi_operasional": "Rumah layak dibagi semua rumah",
        "formula": "A / B × 100",
        "sumber_data": "Pendataan",
        **kw,
    }


# -- permissions ----------------------------------------------------------------------------


def test_perencana_instansi_a_dapat_menambah_elemen_dan_tercatat_di_audit(dunia):
    h = services.elemen_simpan(
        pengguna=dunia.perencana, kerangka=dunia.kerangka, data=data_elemen(dunia)
    )
    assert h.objek.pk and h.peringatan == []
    p = Peristiwa.objects.get(aksi="elemen.buat")
    assert p.pengguna == dunia.perencana and p.objek_id == str(h.objek.pk)


def test_perencana_instansi_b_tidak_dapat_mengubah_rencana_instansi_a(dunia):
    jumlah = Elemen.objects.count()
    audit = Peristiwa.objects.count()
    with pytest.raises(PermissionDenied):
        services.elemen_simpan(
            pengguna=dunia.perencana_b, kerangka=dunia.kerangka, data=data_elemen(dunia)
        )
    with pytest.raises(PermissionDenied):
        services.indikator_simpan(
            pengguna=dunia.perencana_b,
            elemen=dunia.sasaran,
            data={"nama": "x"},
            indikator=dunia.ind_sasaran,
        )
    with pytest.raises(PermissionDenied):
        services.target_simpan(
            pengguna=dunia.perencana_b,
            indikator=dunia.ind_sasaran,
            tahun=2027,
            nilai=NilaiTarget(nilai=Decimal(85)),
        )
    assert Elemen.objects.count() == jumlah
    assert Peristiwa.objects.count() == audit


def test_perencana_instansi_b_dapat_mengubah_rencananya_sendiri(dunia):
    h = services.elemen_simpan(
        pengguna=dunia.perencana_b,
        kerangka=dunia.kerangka_b,
        data={
            "level": dunia.kerangka_b.level.get(kode="sasaran"),
            "induk": dunia.tujuan_b,
            "kode": "S1",
            "nama": "Sasaran B",
        },
    )
    assert h.objek.kerangka == dunia.kerangka_b


def test_inspektorat_hanya_membaca(dunia):
    assert dunia.inspektorat.has_perm("kinerja.lihat", dunia.kerangka)
    assert not dunia.inspektorat.has_perm("kinerja.rencanakan", dunia.kerangka)
    with pytest.raises(PermissionDenied):
        services.elemen_simpan(
            pengguna=dunia.inspektorat, kerangka=dunia.kerangka, data=data_elemen(dunia)
        )
    with pytest.raises(PermissionDenied):
        services.kerangka_buat(
            pengguna=dunia.inspektorat,
            instansi=dunia.dinas,
            nama="X",
            jenis="standar",
            tahun_mulai=2025,
            tahun_selesai=2029,
        )


def test_operator_bidang_bukan_perencana(dunia):
    with pytest.raises(PermissionDenied):
        services.target_simpan(
            pengguna=dunia.operator,
            indikator=dunia.ind_program,
            tahun=2027,
            nilai=NilaiTarget(nilai=Decimal(85)),
        )


# -- elements -------------------------------------------------------------------------------


def test_elemen_harus_satu_level_di_bawah_induknya(dunia):
    with pytest.raises(ValidationError) as e:
        services.elemen_simpan(
            pengguna=dunia.perencana,
            kerangka=dunia.kerangka,
            data=data_elemen(dunia, level=dunia.level["kegiatan"]),
        )
    assert "level" in e.value.error_dict
    with pytest.raises(ValidationError):
        services.elemen_simpan(
            pengguna=dunia.perencana,
            kerangka=dunia.kerangka,
            data=data_elemen(dunia, induk=None, level=dunia.level["sasaran"]),
        )


def test_kode_elemen_wajib_dan_unik_dalam_kerangka(dunia):
    with pytest.raises(ValidationError) as e:
        services.elemen_simpan(
            pengguna=dunia.perencana, kerangka=dunia.kerangka, data=data_elemen(dunia, kode="")
        )
    assert e.value.error_dict["kode"][0].message == services.PESAN_KODE_WAJIB
    with pytest.raises(ValidationError) as e:
        services.elemen_simpan(
            pengguna=dunia.perencana,
            kerangka=dunia.kerangka,
            data=data_elemen(dunia, kode="1.03.10"),
        )
    assert "sudah dipakai" in e.value.error_dict["kode"][0].message


def test_kode_kepmendagri_yang_janggal_hanya_diperingatkan(dunia):
    h = services.elemen_simpan(
        pengguna=dunia.perencana, kerangka=dunia.kerangka, data=data_elemen(dunia, kode="1.3.11")
    )
    assert [t.kode for t in h.peringatan] == ["kode_kepmendagri"]


def test_ubah_elemen_dengan_versi_lama_ditolak(dunia):
    v = dunia.program.versi
    services.elemen_simpan(
        pengguna=dunia.perencana,
        kerangka=dunia.kerangka,
        elemen=dunia.program,
        data={"nama": "Program Jalan"},
        versi=v,
    )
    with pytest.raises(EditanKedaluwarsa):
        services.elemen_simpan(
            pengguna=dunia.perencana2,
            kerangka=dunia.kerangka,
            elemen=dunia.program,
            data={"nama": "Program Jalan dan Jembatan"},
            versi=v,
        )


def test_simpan_elemen_tanpa_perubahan_tidak_menulis(dunia):
    sebelum = Peristiwa.objects.count()
    h = services.elemen_simpan(
        pengguna=dunia.perencana,
        kerangka=dunia.kerangka,
        elemen=dunia.program,
        data={"nama": dunia.program.nama},
        versi=dunia.program.versi,
    )
    assert not h.berubah and Peristiwa.objects.count() == sebelum


def test_elemen_dengan_rincian_tidak_dapat_dihapus(dunia):
    with pytest.raises(ValidationError):
        services.elemen_hapus(pengguna=dunia.perencana, elemen=dunia.program)
    services.elemen_hapus(pengguna=dunia.perencana, elemen=dunia.kegiatan)
    assert not Elemen.objects.filter(pk=dunia.kegiatan.pk).exists()


def test_paket_ukpbj_dengan_kode_rup_pemilik_dan_pagu(dunia):
    k = services.kerangka_buat(
        pengguna=dunia.perencana,
        instansi=dunia.dinas,
        nama="Kerangka UKPBJ",
        jenis="ukpbj",
        tahun_mulai=2025,
        tahun_selesai=2029,
    )
    lv = {x.kode: x for x in k.level.all()}
    assert list(lv) == ["tujuan_pbj", "area_strategis", "paket"]
    tp = services.elemen_simpan(
        pengguna=dunia.perencana,
        kerangka=k,
        data={"level": lv["tujuan_pbj"], "induk": None, "kode": "TP1", "nama": "PBJ efektif"},
    ).objek
    area = services.elemen_simpan(
        pengguna=dunia.perencana,
        kerangka=k,
        data={"level": lv["area_strategis"], "induk": tp, "kode": "AS1", "nama": "Manajemen"},
    ).objek
    with pytest.raises(ValidationError) as e:
        services.elemen_simpan(
            pengguna=dunia.perencana,
            kerangka=k,
            data={
                "level": lv["paket"],
                "induk": area,
                "kode": "PKT-1",
                "nama": "Jalan",
                "kode_rup": "abc",
            },
        )
    assert set(e.value.error_dict) == {"kode_rup", "metode_pengadaan", "instansi_pemilik"}
    h = services.elemen_simpan(
        pengguna=dunia.perencana,
        kerangka=k,
        data={
            "level": lv["paket"],
            "induk": area,
            "kode": "PKT-1",
            "nama": "Peningkatan Jalan",
            "kode_rup": "52418873",
            "metode_pengadaan": "Tender",
            "instansi_pemilik": dunia.dinas_b,
            "pagu": Decimal("18750000000"),
            "tahun_anggaran": 2026,
        },
    )
    a = Anggaran.objects.get(elemen=h.objek, tahun=2026)
    assert a.pagu == Decimal("18750000000")
    with pytest.raises(ValidationError):
        services.elemen_simpan(
            pengguna=dunia.perencana,
            kerangka=k,
            elemen=h.objek,
            data={"instansi_pemilik": dunia.pemda_lain},
            versi=h.objek.versi,
        )


def test_crosscutting_antar_instansi(dunia):
    t = services.tautan_tambah(pengguna=dunia.perencana, dari=dunia.sasaran, ke=dunia.tujuan_b)
    assert TautanCrosscutting.objects.filter(pk=t.pk).exists()
    with pytest.raises(ValidationError):
        services.tautan_tambah(pengguna=dunia.perencana, dari=dunia.sasaran, ke=dunia.tujuan_b)
    with pytest.raises(ValidationError):
        services.tautan_tambah(pengguna=dunia.perencana, dari=dunia.sasaran, ke=dunia.tujuan)
    with pytest.raises(PermissionDenied):
        services.tautan_hapus(pengguna=dunia.perencana_b, tautan=t)
    services.tautan_hapus(pengguna=dunia.perencana, tautan=t)
    assert not TautanCrosscutting.objects.exists()


# -- indicators -----------------------------------------------------------------------------


def test_indikator_baru_dengan_peringatan_manual_iku(dunia):
    h = services.indikator_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.sasaran,
        data=data_indikator(nama="Persentase jalan rusak", definisi_operasional=""),
    )
    assert {t.kode for t in h.peringatan} == {"definisi_kosong", "polaritas_meragukan"}
    assert Indikator.objects.filter(pk=h.objek.pk).exists()


def test_indikator_ordinal_tanpa_skala_ditolak(dunia):
    with pytest.raises(ValidationError) as e:
        services.indikator_simpan(
            pengguna=dunia.perencana,
            elemen=dunia.sasaran,
            data=data_indikator(jenis_nilai="ordinal", satuan="opini"),
        )
    assert e.value.error_dict["skala"][0].message == validasi.PESAN_ORDINAL_TANPA_SKALA


def test_jenis_nilai_tidak_dapat_diubah_setelah_ada_target(dunia, skala_opini):
    with pytest.raises(ValidationError) as e:
        services.indikator_simpan(
            pengguna=dunia.perencana,
            elemen=dunia.sasaran,
            indikator=dunia.ind_sasaran,
            data={"jenis_nilai": "ordinal", "skala": skala_opini},
        )
    assert e.value.error_dict["jenis_nilai"][0].message == services.PESAN_JENIS_NILAI_TETAP


def test_indikator_dalam_pk_tidak_dapat_dihapus(dunia, pk_kepala):
    with pytest.raises(ValidationError):
        services.indikator_hapus(pengguna=dunia.perencana, indikator=dunia.ind_sasaran)
    ind = buat_indikator(dunia.sasaran, "IKU-X")
    services.indikator_hapus(pengguna=dunia.perencana, indikator=ind)
    assert not Indikator.objects.filter(pk=ind.pk).exists()


# -- targets --------------------------------------------------------------------------------


def test_target_pertama_adalah_murni_dan_perubahan_membuat_versi_baru(dunia):
    ind = dunia.ind_sasaran
    h = services.target_simpan(
        pengguna=dunia.perencana, indikator=ind, tahun=2027, nilai=NilaiTarget(Decimal(82))
    )
    assert (h.objek.jenis, h.objek.nomor_versi, h.objek.berlaku_mulai) == (
        "murni",
        1,
        dt.date(2027, 1, 1),
    )
    with pytest.raises(ValidationError) as e:
        services.target_simpan(
            pengguna=dunia.perencana,
            indikator=ind,
            tahun=2027,
            nilai=NilaiTarget(Decimal(84)),
            berlaku_mulai=dt.date(2027, 7, 1),
        )
    assert e.value.error_dict["alasan"][0].message == services.PESAN_ALASAN_PERUBAHAN
    h2 = services.target_simpan(
        pengguna=dunia.perencana,
        indikator=ind,
        tahun=2027,
        nilai=NilaiTarget(Decimal(84)),
        berlaku_mulai=dt.date(2027, 7, 1),
        alasan="Refocusing anggaran",
        versi_terakhir=1,
    )
    assert (h2.objek.jenis, h2.objek.nomor_versi, h2.objek.alasan) == (
        "perubahan",
        2,
        "Refocusing anggaran",
    )
    assert TargetTahunan.objects.get(pk=h.objek.pk).nilai == Decimal(82)  # never edited
    p = Peristiwa.objects.get(aksi="target.ubah")
    assert p.alasan == "Refocusing anggaran" and Decimal(p.sebelum["nilai"]) == 82


def test_perubahan_tanpa_tanggal_atau_di_luar_tahun_ditolak(dunia):
    ind = dunia.ind_sasaran
    for berlaku, kolom in ((None, "berlaku_mulai"), (dt.date(2027, 1, 1), "berlaku_mulai")):
        with pytest.raises(ValidationError) as e:
            services.target_simpan(
                pengguna=dunia.perencana,
                indikator=ind,
                tahun=2026,
                nilai=NilaiTarget(Decimal(70)),
                berlaku_mulai=berlaku,
                alasan="x",
            )
        assert kolom in e.value.error_dict


def test_target_yang_sama_tidak_membuat_versi(dunia):
    h = services.target_simpan(
        pengguna=dunia.perencana,
        indikator=dunia.ind_sasaran,
        tahun=2026,
        nilai=NilaiTarget(Decimal("80.00")),
    )
    assert not h.berubah
    assert TargetTahunan.objects.filter(indikator=dunia.ind_sasaran).count() == 1


def test_target_versi_usang_ditolak(dunia):
    with pytest.raises(EditanKedaluwarsa):
        services.target_simpan(
            pengguna=dunia.perencana,
            indikator=dunia.ind_sasaran,
            tahun=2026,
            nilai=NilaiTarget(Decimal(70)),
            berlaku_mulai=dt.date(2026, 7, 1),
            alasan="x",
            versi_terakhir=0,
        )


def test_target_persen_di_atas_100_ditolak_oleh_layanan(dunia):
    with pytest.raises(ValidationError) as e:
        services.target_simpan(
            pengguna=dunia.perencana,
            indikator=dunia.ind_sasaran,
            tahun=2027,
            nilai=NilaiTarget(Decimal(101)),
        )
    assert "melebihi 100" in e.value.error_dict["nilai"][0].message


def test_pengukuran_triwulan_lalu_tetap_memakai_target_lama_setelah_perubahan(dunia):
    ind = dunia.ind_sasaran  # murni 2026: 80
    services.target_simpan(
        pengguna=dunia.perencana,
        indikator=ind,
        tahun=2026,
        nilai=NilaiTarget(Decimal(60)),
        berlaku_mulai=dt.date(2026, 7, 1),
        alasan="Refocusing",
    )
    assert target_berlaku([ind.pk], 2026, dt.date(2026, 6, 30))[ind.pk].nilai == Decimal(80)
    assert target_berlaku([ind.pk], 2026, dt.date(2026, 9, 30))[ind.pk].nilai == Decimal(60)
    tw2 = PeriodeFactory(pemda=dunia.pemda, nomor=2)
    tw3 = PeriodeFactory(pemda=dunia.pemda, nomor=3)
    for p in (tw2, tw3):
        Realisasi.objects.create(indikator=ind, periode=p, nilai=Decimal(60))

    def baris(periode):
        t = hasil.tabel_capaian(instansi=dunia.dinas, periode=periode)
        return next(b for k in t.kelompok for b in k.baris if b.indikator.pk == ind.pk)

    assert baris(tw2).capaian_tahun.nilai == Decimal(75)  # 60 / 80
    assert baris(tw3).capaian_tahun.nilai == Decimal(100)  # 60 / 60


def test_baca_target_per_jenis(dunia, skala_opini):
    ind = dunia.ind_sasaran
    assert services.baca_target(ind, "1.234,5").nilai == Decimal("1234.5")
    ind.polaritas = "rentang"
    assert services.baca_target(ind, "2,1–2,3") == NilaiTarget(
        nilai_min=Decimal("2.1"), nilai_max=Decimal("2.3")
    )
    ind.polaritas, ind.jenis_nilai = "positif", "biner"
    assert services.baca_target(ind, "Ya").nilai_teks == "ya"
    ind.jenis_nilai, ind.skala = "ordinal", skala_opini
    assert services.baca_target(ind, "wtp").nilai_teks == "WTP"
    ind.jenis_nilai = "persen"
    with pytest.raises(ValidationError):
        services.baca_target(ind, "sembilan puluh")


# -- Perjanjian Kinerja ---------------------------------------------------------------------


def test_pk_diisi_pemangku_termasuk_plt_dan_atasannya(dunia, pk_kepala):
    assert pk_kepala.pihak_pertama == dunia.kepala_peg
    assert pk_kepala.pihak_kedua is None and pk_kepala.jabatan_pihak_kedua_teks == "Bupati Uji"
    item = pk_kepala.item.get()
    assert item.target == Decimal(80) and item.item_induk is None
    pk = services.pk_buat(
        pengguna=dunia.perencana, jabatan=dunia.jab_kabid, tahun=2026, tanggal=dt.date(2026, 1, 5)
    )
    assert (pk.pihak_pertama, pk.status_pihak_pertama) == (dunia.kabid_peg, "plt")
    assert (pk.jabatan_pihak_kedua, pk.pihak_kedua) == (dunia.jab_kepala, dunia.kepala_peg)


def test_pk_tanpa_atasan_wajib_menyebut_pihak_kedua(dunia):
    with pytest.raises(ValidationError) as e:
        services.pk_buat(pengguna=dunia.perencana, jabatan=dunia.jab_kepala, tahun=2026)
    assert "jabatan_pihak_kedua_teks" in e.value.error_dict


def test_pk_kedua_untuk_jabatan_dan_tahun_yang_sama_ditolak(dunia, pk_kepala):
    with pytest.raises(ValidationError):
        services.pk_buat(
            pengguna=dunia.perencana,
            jabatan=dunia.jab_kepala,
            tahun=2026,
            jabatan_pihak_kedua_teks="Bupati",
        )


def test_cascade_item_bawahan_menunjuk_item_atasan(dunia, pk_kepala):
    pk = services.pk_buat(
        pengguna=dunia.perencana, jabatan=dunia.jab_kabid, tahun=2026, tanggal=dt.date(2026, 1, 5)
    )
    h = services.pk_item_tambah(pengguna=dunia.perencana, pk=pk, indikator=[dunia.ind_program])
    item = h.objek[0]
    # The program sits under the sasaran whose indicator is in the Kepala's PK.
    assert item.item_induk == pk_kepala.item.get()
    # An item of a PK that is not the superior's is refused.
    with pytest.raises(ValidationError) as e:
        services.pk_item_simpan(
            pengguna=dunia.perencana, item=pk_kepala.item.get(), target="80", item_induk=item
        )
    assert "item_induk" in e.value.error_dict


def test_alur_pk_ajukan_kembalikan_tandatangani(dunia, pk_kepala):
    pk = services.pk_ajukan(pengguna=dunia.perencana, pk=pk_kepala, versi=pk_kepala.versi).objek
    assert pk.status == "diajukan" and pk.diajukan_oleh == dunia.perencana
    # Whoever submitted does not review, and nor does the pihak pertama.
    with pytest.raises(PermissionDenied):
        services.pk_kembalikan(pengguna=dunia.perencana, pk=pk, alasan="x")
    with pytest.raises(PermissionDenied):
        services.pk_tandatangani(pengguna=dunia.kepala_user, pk=pk)
    with pytest.raises(PermissionDenied):
        services.pk_tandatangani(pengguna=dunia.inspektorat, pk=pk)
    with pytest.raises(ValidationError):
        services.pk_kembalikan(pengguna=dunia.perencana2, pk=pk, alasan="  ")
    pk = services.pk_kembalikan(pengguna=dunia.perencana2, pk=pk, alasan="Target terlalu rendah")
    assert pk.status == "dikembalikan" and pk.catatan_pengembalian == "Target terlalu rendah"
    item = pk.item.get()
    services.pk_item_simpan(pengguna=dunia.perencana, item=item, target="85", versi=item.versi)
    pk.refresh_from_db()
    pk = services.pk_ajukan(pengguna=dunia.perencana, pk=pk, versi=pk.versi).objek
    pk = services.pk_tandatangani(pengguna=dunia.perencana2, pk=pk, versi=pk.versi)
    assert pk.status == "ditandatangani" and pk.ditandatangani_pada is not None
    assert [
        p.aksi
        for p in Peristiwa.objects.filter(objek_tipe="perencanaan.perjanjiankinerja").order_by("id")
    ] == ["pk.buat", "pk.ajukan", "pk.kembalikan", "pk.ajukan", "pk.tandatangani"]


def test_transisi_pk_dalam_satu_tabel_dua_arah():
    assert services.status_berikut("draf", "ajukan") == "diajukan"
    assert services.status_berikut("dikembalikan", "ajukan") == "diajukan"
    assert services.status_berikut("diajukan", "kembalikan") == "dikembalikan"
    assert services.status_berikut("diajukan", "tandatangani") == "ditandatangani"
    assert services.status_berikut("draf", "tandatangani") is None
    assert services.status_berikut("ditandatangani", "ajukan") is None
    assert services.status_berikut("ditandatangani", "kembalikan") is None
    assert services.status_berikut("dikembalikan", "tandatangani") is None


def test_pk_yang_ditandatangani_beku_dan_perubahan_membuat_versi_baru(dunia, pk_kepala):
    pk = services.pk_ajukan(pengguna=dunia.perencana, pk=pk_kepala).objek
    pk = services.pk_tandatangani(pengguna=dunia.perencana2, pk=pk)
    item = pk.item.get()
    services.ra_simpan(
        pengguna=dunia.perencana,
        item=item,
        jenis_periode="triwulan",
        baris={1: ("20", "a"), 2: ("40", "b"), 3: ("60", "c"), 4: ("80", "d")},
    )
    item.refresh_from_db()
    for fn, kw in (
        (services.pk_item_simpan, {"item": item, "target": "90"}),
        (services.pk_item_hapus, {"item": item}),
        (services.pk_item_tambah, {"pk": pk, "indikator": [dunia.ind_program]}),
        (services.pk_ubah_kepala, {"pk": pk, "tanggal": dt.date(2026, 2, 1)}),
        (services.pk_hapus, {"pk": pk}),
        (services.pk_ajukan, {"pk": pk}),
        (
            services.pk_anggaran_simpan,
            {"pk": pk, "elemen": dunia.program, "pagu": Decimal(1)},
        ),
    ):
        with pytest.raises(ValidationError):
            fn(pengguna=dunia.perencana, **kw)
    assert ItemPK.objects.get(pk=item.pk).target == Decimal(80)
    with pytest.raises(ValidationError):
        services.pk_versi_baru(pengguna=dunia.perencana, pk=pk, alasan="")
    v2 = services.pk_versi_baru(pengguna=dunia.perencana, pk=pk, alasan="Target perubahan")
    assert (v2.nomor_versi, v2.status, v2.alasan_versi) == (2, "draf", "Target perubahan")
    item2 = v2.item.get()
    assert item2.target == Decimal(80)
    assert list(item2.rencana_aksi.values_list("nomor", "target")) == [
        (1, Decimal(20)),
        (2, Decimal(40)),
        (3, Decimal(60)),
        (4, Decimal(80)),
    ]
    services.pk_item_simpan(pengguna=dunia.perencana, item=item2, target="90")
    # The signed version is unchanged, and only the latest version can change.
    assert PerjanjianKinerja.objects.get(pk=pk.pk).item.get().target == Decimal(80)
    with pytest.raises(ValidationError):
        services.pk_versi_baru(pengguna=dunia.perencana, pk=pk, alasan="lagi")


def test_pk_perencana_instansi_lain_ditolak(dunia, pk_kepala):
    with pytest.raises(PermissionDenied):
        services.pk_item_simpan(pengguna=dunia.perencana_b, item=pk_kepala.item.get(), target="1")
    with pytest.raises(PermissionDenied):
        services.pk_buat(pengguna=dunia.perencana_b, jabatan=dunia.jab_kabid, tahun=2026)
    with pytest.raises(PermissionDenied):
        services.pk_kembalikan(pengguna=dunia.perencana_b, pk=pk_kepala, alasan="x")


def test_perubahan_target_mengingatkan_pk_yang_sudah_ditandatangani(dunia, pk_kepala):
    pk = services.pk_ajukan(pengguna=dunia.perencana, pk=pk_kepala).objek
    services.pk_tandatangani(pengguna=dunia.perencana2, pk=pk)
    h = services.target_simpan(
        pengguna=dunia.perencana,
        indikator=dunia.ind_sasaran,
        tahun=2026,
        nilai=NilaiTarget(Decimal(70)),
        berlaku_mulai=dt.date(2026, 7, 1),
        alasan="Refocusing",
    )
    assert [t.kode for t in h.peringatan] == ["pk_target_beda"]


def test_pk_anggaran_program(dunia, pk_kepala):
    services.pk_anggaran_simpan(
        pengguna=dunia.perencana, pk=pk_kepala, elemen=dunia.program, pagu=Decimal(5_000_000)
    )
    assert pk_kepala.anggaran.get().pagu == Decimal(5_000_000)
    with pytest.raises(ValidationError):
        services.pk_anggaran_simpan(
            pengguna=dunia.perencana, pk=pk_kepala, elemen=dunia.sasaran, pagu=Decimal(1)
        )


# -- Rencana Aksi ---------------------------------------------------------------------------


def test_rencana_aksi_kumulatif_yang_tidak_berjumlah_target_diperingatkan(dunia, pk_kepala):
    ind = buat_indikator(
        dunia.sasaran,
        "IKU-KM",
        satuan="km",
        jenis_nilai="angka",
        agregasi="kumulatif",
        target=Decimal("12.5"),
    )
    item = services.pk_item_tambah(pengguna=dunia.perencana, pk=pk_kepala, indikator=[ind]).objek[0]
    h = services.ra_simpan(
        pengguna=dunia.perencana,
        item=item,
        jenis_periode="triwulan",
        baris={1: ("2,5", "Survei"), 2: ("3", "Lelang"), 3: ("3,5", "Bangun"), 4: ("3", "PHO")},
    )
    assert [t.kode for t in h.peringatan] == ["ra_kumulatif"]
    assert RencanaAksi.objects.filter(item_pk=item).count() == 4
    item.refresh_from_db()
    h = services.ra_simpan(
        pengguna=dunia.perencana,
        item=item,
        jenis_periode="triwulan",
        baris={4: ("3,5", "PHO")},
        versi=item.versi,
    )
    assert h.peringatan == []
    # Saving the same again writes nothing.
    item.refresh_from_db()
    h = services.ra_simpan(
        pengguna=dunia.perencana, item=item, jenis_periode="triwulan", baris={4: ("3,5", "PHO")}
    )
    assert not h.berubah


def test_rencana_aksi_nilai_akhir_dan_periode_terkunci(dunia, pk_kepala):
    item = pk_kepala.item.get()
    h = services.ra_simpan(
        pengguna=dunia.perencana,
        item=item,
        jenis_periode="triwulan",
        baris={1: ("20", "a"), 2: ("40", "b"), 3: ("60", "c"), 4: ("75", "d")},
    )
    assert [t.kode for t in h.peringatan] == ["ra_nilai_akhir"]
    PeriodeFactory(pemda=dunia.pemda, nomor=1, status="dikunci")
    with pytest.raises(ValidationError) as e:
        services.ra_simpan(
            pengguna=dunia.perencana, item=item, jenis_periode="triwulan", baris={1: ("25", "a")}
        )
    assert "target_1" in e.value.error_dict
    h = services.ra_simpan(
        pengguna=dunia.perencana, item=item, jenis_periode="triwulan", baris={4: ("80", "d")}
    )
    assert h.peringatan == []


def test_rencana_aksi_nilai_yang_salah_ditolak(dunia, pk_kepala):
    with pytest.raises(ValidationError) as e:
        services.ra_simpan(
            pengguna=dunia.perencana,
            item=pk_kepala.item.get(),
            jenis_periode="triwulan",
            baris={2: ("120", "x")},
        )
    assert "target_2" in e.value.error_dict


# -- budget ---------------------------------------------------------------------------------


def test_anggaran_dan_rencana_penarikan(dunia):
    h = services.anggaran_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.program,
        tahun=2026,
        pagu=Decimal(1_000_000),
        penarikan=[Decimal(250_000), Decimal(250_000), Decimal(250_000), Decimal(200_000)],
    )
    assert [t.kode for t in h.peringatan] == ["penarikan_tidak_sama"]
    a = h.objek
    h = services.anggaran_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.kegiatan,
        tahun=2026,
        pagu=Decimal(900_000),
    )
    h = services.anggaran_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.program,
        tahun=2026,
        pagu=Decimal(1_000_000),
        penarikan=[Decimal(250_000)] * 4,
        versi=a.versi,
    )
    assert [t.kode for t in h.peringatan] == ["pagu_anak"]
    with pytest.raises(EditanKedaluwarsa):
        services.anggaran_simpan(
            pengguna=dunia.perencana,
            elemen=dunia.program,
            tahun=2026,
            pagu=Decimal(1),
            versi=a.versi,
        )
    with pytest.raises(ValidationError):
        services.anggaran_simpan(
            pengguna=dunia.perencana, elemen=dunia.sasaran, tahun=2026, pagu=Decimal(1)
        )
    with pytest.raises(PermissionDenied):
        services.anggaran_simpan(
            pengguna=dunia.perencana_b, elemen=dunia.program, tahun=2026, pagu=Decimal(1)
        )


# -- copying a year -------------------------------------------------------------------------


def test_salin_rencana_ke_tahun_berikutnya(dunia, pk_kepala):
    pk_kabid = services.pk_buat(
        pengguna=dunia.perencana, jabatan=dunia.jab_kabid, tahun=2026, tanggal=dt.date(2026, 1, 5)
    )
    services.pk_item_tambah(pengguna=dunia.perencana, pk=pk_kabid, indikator=[dunia.ind_program])
    services.anggaran_simpan(
        pengguna=dunia.perencana,
        elemen=dunia.program,
        tahun=2026,
        pagu=Decimal(1000),
        penarikan=[Decimal(250)] * 4,
    )
    jumlah = services.rencana_salin_tahun(
        pengguna=dunia.perencana, kerangka=dunia.kerangka, dari_tahun=2026, ke_tahun=2027
    )
    assert jumlah == {"target": 2, "anggaran": 1, "perjanjian": 2}
    baru = PerjanjianKinerja.objects.get(jabatan=dunia.jab_kabid, tahun=2027)
    induk = baru.item.get().item_induk
    assert induk.perjanjian.tahun == 2027 and induk.perjanjian.jabatan == dunia.jab_kepala
    assert Anggaran.objects.get(elemen=dunia.program, tahun=2027).penarikan.count() == 4
    # A second copy finds everything in place and changes nothing.
    assert services.rencana_salin_tahun(
        pengguna=dunia.perencana, kerangka=dunia.kerangka, dari_tahun=2026, ke_tahun=2027
    ) == {"target": 0, "anggaran": 0, "perjanjian": 0}
