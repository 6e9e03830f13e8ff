"""SKP pages from both sides: the employee, the superior, the personnel section and those who
may not look; the documents (PDF, XLSX) and the import with preview."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.organisasi.models import Jabatan, Pegawai, PemangkuJabatan
from kinerja.skp import services
from kinerja.skp.models import PenilaianSKP


@pytest.fixture
def dinilai(dunia, cascade):
    kepala, kabid, staf = cascade
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[3],
        rating_hasil_kerja="di_atas",
        rating_perilaku="sesuai",
        umpan_balik_hasil="Rapi",
        final=True,
    )
    return cascade


def masuk(client, user):
    client.force_login(user)
    return client


def test_my_skp_page_lists_my_periods(client, dunia, dinilai):
    r = masuk(client, dunia.staf_a).get(reverse("skp:beranda") + "?tahun=2026")
    assert r.status_code == 200
    assert "Baik" in r.content.decode() and "Staf_A" in r.content.decode()


def test_team_page_offers_assessment_to_the_penilai(client, dunia, dinilai):
    r = masuk(client, dunia.kabid_a).get(reverse("skp:tim") + "?tahun=2026")
    html = r.content.decode()
    assert r.status_code == 200 and "Staf_A" in html and "Staf_B" not in html


@pytest.mark.parametrize(
    ("siapa", "kode"),
    [
        ("staf_a", 200),
        ("kabid_a", 200),
        ("kepala", 200),
        ("kepegawaian", 200),
        ("kabid_b", 404),
        ("staf_b", 404),
        ("inspektorat", 404),
        ("tim_sakip", 404),
        ("orang_luar", 404),
    ],
)
def test_skp_page_and_documents_follow_privacy(client, dunia, dinilai, siapa, kode):
    staf = dinilai[2]
    c = masuk(client, getattr(dunia, siapa))
    assert c.get(reverse("skp:detail", args=[staf.pk])).status_code == kode
    assert c.get(reverse("skp:pdf_skp", args=[staf.pk])).status_code == kode
    r = c.get(reverse("skp:pdf_evaluasi", args=[staf.pk, dunia.tw[3].pk]))
    assert r.status_code == kode
    if kode == 200:
        assert r.content.startswith(b"%PDF")


def test_assessment_page_only_for_the_penilai(client, dunia, cascade):
    staf = cascade[2]
    url = reverse("skp:nilai", args=[staf.pk, dunia.tw[2].pk])
    assert masuk(client, dunia.kepala).get(url).status_code == 403
    c = masuk(client, dunia.kabid_a)
    assert c.get(url).status_code == 200
    r = c.post(url, {"rating_hasil_kerja": "sesuai", "rating_perilaku": "di_atas"})
    assert r.status_code == 302
    assert PenilaianSKP.objects.get(skp=staf, periode=dunia.tw[2]).predikat == "baik"


def test_employee_enters_realisation_through_the_page(client, dunia, cascade):
    staf = cascade[2]
    ind = staf.rhk.get().indikator.get()
    c = masuk(client, dunia.staf_a)
    url = reverse("skp:realisasi", args=[staf.pk, dunia.tw[1].pk])
    r = c.post(url, {f"nilai-{ind.pk}": "1,5", f"keterangan-{ind.pk}": "ok"})
    assert r.status_code == 302
    assert str(ind.realisasi.get().nilai).startswith("1.5")
    # The superior can read it but not post.
    assert masuk(client, dunia.kabid_a).post(url, {f"nilai-{ind.pk}": "9"}).status_code == 403


def test_cascade_page_shows_the_tree(client, dunia, cascade):
    r = masuk(client, dunia.kepala).get(reverse("skp:cascade") + "?tahun=2026")
    html = r.content.decode()
    assert r.status_code == 200 and "Indeks kepuasan layanan" in html
    assert "Hasil kerja staf_a" in html and 'id="data-pohon-skp"' in html
    # A staff member sees only their own branch.
    r = masuk(client, dunia.staf_b).get(reverse("skp:cascade") + "?tahun=2026")
    assert "Hasil kerja staf_a" not in r.content.decode()


def test_recap_warns_about_the_distribution(client, dunia, dinilai):
    from unittest import mock

    with mock.patch(
        "kinerja.skp.selectors.capaian_unit", return_value=__import__("decimal").Decimal("95")
    ):
        r = masuk(client, dunia.kepala).get(
            reverse("skp:rekap") + f"?instansi={dunia.pd.pk}&periode={dunia.tw[3].pk}"
        )
    html = r.content.decode()
    assert r.status_code == 200
    # Organisation "Baik" with only one Baik employee: 100 % Baik and nobody below.
    assert 'id="peringatan-distribusi"' in html and "paling banyak 70%" in html
    assert (
        masuk(client, dunia.staf_a)
        .get(reverse("skp:rekap") + f"?instansi={dunia.pd.pk}")
        .status_code
        == 403
    )


def test_recap_xlsx_has_numbers_and_a_frozen_header(client, dunia, dinilai):
    r = masuk(client, dunia.kepegawaian).get(
        reverse("skp:rekap_xlsx") + f"?instansi={dunia.pd.pk}&periode={dunia.tw[3].pk}"
    )
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["Rekap SKP"]
    assert ws.freeze_panes is not None
    nomor = [c.value for c in ws["A"] if isinstance(c.value, int)]
    assert nomor and all(isinstance(n, int) for n in nomor)
    assert isinstance(wb["Distribusi"]["B5"].value, int)


def _berkas_impor(baris):
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "NIP",
            "Nama",
            "Jenis ASN",
            "Unit Kerja",
            "Jabatan",
            "Jabatan Atasan",
            "Status Jabatan",
            "TMT Jabatan",
        ]
    )
    for b in baris:
        ws.append(b)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("pegawai.xlsx", out.getvalue())


def test_import_previews_with_row_errors_then_applies_once(client, dunia):
    c = masuk(client, dunia.kepegawaian)
    url = reverse("skp:impor")
    baris = [
        [
            "199001012015031001",
            "Rina Lestari",
            "PNS",
            "Bidang A",
            "Kepala Seksi A1",
            "Kepala Bidang A",
            "Definitif",
            "02/01/2026",
        ],
        ["123", "Salah NIP", "PNS", "Bidang Z", "", "", "", ""],
    ]
    r = c.post(url, {"berkas": _berkas_impor(baris), "instansi": dunia.pd.pk})
    html = r.content.decode()
    assert (
        r.status_code == 200
        and "NIP" in html
        and "Bidang Z" in html
        and "Terapkan impor" not in html
    )
    assert not Pegawai.objects.filter(nama="Rina Lestari").exists()
    r = c.post(url, {"berkas": _berkas_impor(baris[:1]), "instansi": dunia.pd.pk})
    assert "Terapkan impor" in r.content.decode()
    r = c.post(url, {"langkah": "terapkan", "instansi": dunia.pd.pk})
    assert r.status_code == 302
    p = Pegawai.objects.get(nama="Rina Lestari")
    j = Jabatan.objects.get(nama="Kepala Seksi A1")
    assert (
        j.atasan == dunia.jab_kabid_a
        and PemangkuJabatan.objects.filter(pegawai=p, jabatan=j).exists()
    )
    # The same file again changes nothing.
    jumlah = (Pegawai.objects.count(), Jabatan.objects.count(), PemangkuJabatan.objects.count())
    c.post(url, {"berkas": _berkas_impor(baris[:1]), "instansi": dunia.pd.pk})
    r = c.post(url, {"langkah": "terapkan", "instansi": dunia.pd.pk})
    assert (
        Pegawai.objects.count(),
        Jabatan.objects.count(),
        PemangkuJabatan.objects.count(),
    ) == jumlah


def test_import_is_for_the_personnel_section(client, dunia):
    assert masuk(client, dunia.kabid_a).get(reverse("skp:impor")).status_code == 403


def test_team_page_query_count_is_bounded(client, dunia, cascade, django_assert_max_num_queries):
    c = masuk(client, dunia.kepala)
    with django_assert_max_num_queries(25):
        assert c.get(reverse("skp:tim") + "?tahun=2026").status_code == 200


def test_recap_page_query_count_is_bounded(client, dunia, dinilai, django_assert_max_num_queries):
    from decimal import Decimal
    from unittest import mock

    c = masuk(client, dunia.kepegawaian)
    url = reverse("skp:rekap") + f"?instansi={dunia.pd.pk}&periode={dunia.tw[3].pk}"
    with (
        mock.patch("kinerja.skp.selectors.capaian_unit", return_value=Decimal("95")),
        django_assert_max_num_queries(25),
    ):
        assert c.get(url).status_code == 200


def test_personnel_section_opens_an_skp_for_an_employee_without_one(client, dunia, cascade):
    from kinerja.skp.models import SKP

    c = masuk(client, dunia.kepegawaian)
    r = c.get(reverse("skp:rekap") + f"?instansi={dunia.pd.pk}&periode={dunia.tw[3].pk}")
    assert "Staf_B" in r.content.decode()  # listed without an SKP
    r = c.post(reverse("skp:buat_untuk"), {"pegawai": dunia.staf_b.pegawai.pk, "tahun": 2026})
    assert r.status_code == 302 and SKP.objects.filter(pegawai=dunia.staf_b.pegawai).exists()
    # Nobody else may.
    r = masuk(client, dunia.kabid_b).post(
        reverse("skp:buat_untuk"), {"pegawai": dunia.pppk_a.pegawai.pk, "tahun": 2026}
    )
    assert not SKP.objects.filter(pegawai=dunia.pppk_a.pegawai).exists()


def test_skp_page_query_count_is_bounded(client, dunia, dinilai, django_assert_max_num_queries):
    staf = dinilai[2]
    c = masuk(client, dunia.kabid_a)
    with django_assert_max_num_queries(30):
        assert c.get(reverse("skp:detail", args=[staf.pk])).status_code == 200


def test_an_employee_without_a_sakip_role_finds_their_skp_from_home(dunia):
    from django.test import Client

    c = Client()
    c.force_login(dunia.staf_a)  # a plain employee: no role at all
    html = c.get("/").content.decode()
    assert 'id="kartu-skp"' in html and reverse("skp:beranda") in html
    assert "belum diberi peran" not in html
    c.force_login(dunia.orang_luar)  # a login with no employee record
    html = c.get("/").content.decode()
    assert 'id="kartu-skp"' not in html and "belum diberi peran" in html
