"""Annual evaluation pages from both sides: the year page (every SKP of the year, the
suggestion, the form for the penilai), the PDF, and the section on the SKP page; 404 for those
who may not see it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.skp import services, services_tahunan
from kinerja.skp.models import PenilaianTahunan
from kinerja.skp.selectors_tahunan import konteks_detail
from tests.skp.test_tahunan import pindah_ke_bidang_b


def masuk(client, user):
    client.force_login(user)
    return client


def url_tahunan(user, tahun=2026):
    return reverse("skp:tahunan", args=[user.pegawai.pk, tahun])


@pytest.fixture
def dinilai(dunia, cascade):
    """Staf A's SKP with TW III final (di atas / sesuai)."""
    staf = cascade[2]
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=staf,
        periode=dunia.tw[3],
        rating_hasil_kerja="di_atas",
        rating_perilaku="sesuai",
        final=True,
    )
    return staf


@pytest.fixture
def tahunan(dunia, dinilai):
    """Staf A's annual evaluation 2026, a draft decided by Kabid A."""
    return services_tahunan.penilaian_tahunan_simpan(
        pengguna=dunia.kabid_a,
        pegawai=dunia.staf_a.pegawai,
        tahun=2026,
        rating_hasil_kerja="di_atas",
        rating_perilaku="sesuai",
        catatan="Tepat waktu",
    )


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
def test_the_year_page_and_its_pdf_follow_privacy(client, dunia, tahunan, siapa, kode):
    c = masuk(client, getattr(dunia, siapa))
    r = c.get(url_tahunan(dunia.staf_a))
    assert r.status_code == kode
    pdf = c.get(reverse("skp:pdf_tahunan", args=[dunia.staf_a.pegawai.pk, 2026]))
    assert pdf.status_code == kode
    if kode == 200:
        assert "Tepat waktu" in r.content.decode()
        assert pdf["Content-Type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")


def test_a_year_without_skp_is_not_found(client, dunia, dinilai):
    c = masuk(client, dunia.staf_a)
    assert c.get(url_tahunan(dunia.staf_a, 2025)).status_code == 404
    assert c.get(reverse("skp:tahunan", args=[999999, 2026])).status_code == 404


def test_the_pdf_waits_for_an_annual_evaluation(client, dunia, dinilai):
    c = masuk(client, dunia.kabid_a)
    r = c.get(reverse("skp:pdf_tahunan", args=[dunia.staf_a.pegawai.pk, 2026]))
    assert r.status_code == 404


def test_the_penilai_sees_the_suggestion_and_the_form(client, dunia, dinilai):
    r = masuk(client, dunia.kabid_a).get(url_tahunan(dunia.staf_a))
    html = r.content.decode()
    assert r.status_code == 200
    assert 'id="usulan-tahunan"' in html and 'id="form-tahunan"' in html
    assert "Triwulan III 2026" in html and "dasar usulan" in html
    # The form starts from the suggestion: hasil di atas, perilaku sesuai.
    form = r.context["form"]
    assert form.initial["rating_hasil_kerja"] == "di_atas"
    assert form.initial["rating_perilaku"] == "sesuai"
    assert r.context["label_usulan"]["predikat"] == "Baik"


def test_the_employee_reads_but_gets_no_form(client, dunia, dinilai):
    r = masuk(client, dunia.staf_a).get(url_tahunan(dunia.staf_a))
    assert r.status_code == 200 and 'id="form-tahunan"' not in r.content.decode()
    r = client.post(url_tahunan(dunia.staf_a), {"rating_perilaku": "di_atas"})
    assert r.status_code == 403
    assert not PenilaianTahunan.objects.exists()


def test_posting_saves_the_annual_evaluation(client, dunia, dinilai):
    c = masuk(client, dunia.kabid_a)
    r = c.post(
        url_tahunan(dunia.staf_a),
        {
            "rating_hasil_kerja": "di_atas",
            "rating_perilaku": "di_atas",
            "catatan": "Luar biasa",
            "final": "on",
        },
    )
    assert r.status_code == 302 and r["Location"] == url_tahunan(dunia.staf_a)
    p = PenilaianTahunan.objects.get(pegawai=dunia.staf_a.pegawai, tahun=2026)
    assert p.predikat == "sangat_baik" and p.final and p.catatan == "Luar biasa"
    # Final: no form any more, and a post is refused.
    r = c.get(url_tahunan(dunia.staf_a))
    assert r.context["form"] is None and "Sangat Baik" in r.content.decode()
    r = c.post(
        url_tahunan(dunia.staf_a), {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"}
    )
    assert r.status_code == 422 and "sudah final" in r.content.decode()


def test_a_stale_post_is_refused(client, dunia, tahunan):
    c = masuk(client, dunia.kabid_a)
    data = {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai", "versi": tahunan.versi}
    assert c.post(url_tahunan(dunia.staf_a), data).status_code == 302
    r = c.post(url_tahunan(dunia.staf_a), data)
    assert r.status_code == 409 and "sudah diubah" in r.content.decode()


def test_without_a_final_periodic_evaluation_the_page_explains_and_refuses(client, dunia, cascade):
    c = masuk(client, dunia.kabid_a)
    r = c.get(url_tahunan(dunia.staf_a))
    assert r.status_code == 200 and 'id="tanpa-dasar"' in r.content.decode()
    r = c.post(
        url_tahunan(dunia.staf_a), {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"}
    )
    assert r.status_code == 422 and "Belum ada evaluasi kinerja periodik yang final" in (
        r.content.decode()
    )


def test_after_a_move_the_page_shows_both_skp(client, dunia, cascade, item_kepala):
    lama, baru = pindah_ke_bidang_b(dunia, cascade, item_kepala)
    services.penilaian_simpan(
        pengguna=dunia.kabid_a,
        skp=lama,
        periode=dunia.tw[2],
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
    )
    r = masuk(client, dunia.kabid_b).get(url_tahunan(dunia.staf_a))
    html = r.content.decode()
    assert r.status_code == 200 and 'id="form-tahunan"' in html
    assert "1 Januari 2026" in html and "30 Juni 2026" in html and "1 Juli 2026" in html
    assert [b["bagian"].skp for b in r.context["bagian"]] == [lama, baru]
    # Kabid B sees the first SKP's periodic evaluation as the basis, but not the SKP itself.
    assert [b["boleh_lihat"] for b in r.context["bagian"]] == [False, True]
    assert reverse("skp:detail", args=[lama.pk]) not in html
    # The old unit's head no longer sees the year.
    assert masuk(client, dunia.kabid_a).get(url_tahunan(dunia.staf_a)).status_code == 404


def test_the_skp_page_shows_the_annual_section(client, dunia, tahunan, dinilai):
    r = masuk(client, dunia.kabid_a).get(reverse("skp:detail", args=[dinilai.pk]))
    html = r.content.decode()
    assert 'id="tahunan"' in html and "Nilai tahunan" in html and "(draf)" in html
    r = masuk(client, dunia.staf_a).get(reverse("skp:detail", args=[dinilai.pk]))
    html = r.content.decode()
    assert 'id="tahunan"' in html and "Nilai tahunan" not in html
    assert url_tahunan(dunia.staf_a) in html


def test_the_section_is_hidden_from_the_old_units_head_after_a_move(
    client, dunia, cascade, item_kepala
):
    lama, baru = pindah_ke_bidang_b(dunia, cascade, item_kepala)
    r = masuk(client, dunia.kabid_a).get(reverse("skp:detail", args=[lama.pk]))
    assert r.status_code == 200 and 'id="tahunan"' not in r.content.decode()
    r = masuk(client, dunia.staf_a).get(reverse("skp:detail", args=[lama.pk]))
    assert 'id="tahunan"' in r.content.decode()


def test_the_section_needs_few_queries(dunia, tahunan, dinilai):
    user = dunia.kabid_a
    konteks_detail(user, dinilai)  # warm the per-user caches the detail page warms too
    with CaptureQueriesContext(connection) as q:
        ctx = konteks_detail(user, dinilai)
    assert ctx["tahunan"] == tahunan and ctx["tahunan_boleh_nilai"]
    assert len(q) <= 3


def test_the_pdf_names_an_acting_assessor(client, dunia, dinilai):
    from kinerja.organisasi.models import PemangkuJabatan
    from kinerja.skp.dokumen_tahunan import muatan_tahunan
    from kinerja.skp.selectors_tahunan import usulan_tahunan

    PemangkuJabatan.objects.create(
        jabatan=dunia.jab_kabid_a,
        pegawai=dunia.kabid_b.pegawai,
        status="plh",
        mulai=dt.date.today(),
    )
    p = services_tahunan.penilaian_tahunan_simpan(
        pengguna=dunia.kabid_b,
        pegawai=dunia.staf_a.pegawai,
        tahun=2026,
        rating_hasil_kerja="sesuai",
        rating_perilaku="sesuai",
        final=True,
    )
    d = muatan_tahunan(p, usulan_tahunan(dunia.staf_a.pegawai, 2026))
    assert d["penilai"]["nama"] == dunia.kabid_b.pegawai.nama_lengkap
    assert d["penilai"]["jabatan"].startswith("Plh. ")
    assert d["ttd"]["penilai"]["status"] == "Plh." and not d["draf"]
    assert d["skp"][0]["dasar"] == "Triwulan III 2026" and d["skp"][0]["hari"] == "365"
    assert d["judul"] == "Dokumen Evaluasi Kinerja Pegawai"


def test_a_frozen_copy_prints_its_verification_code(dunia, tahunan):
    from kinerja.dokumen.render import qr_svg
    from kinerja.skp.dokumen import render_pdf
    from kinerja.skp.dokumen_tahunan import muatan_tahunan
    from kinerja.skp.selectors_tahunan import usulan_tahunan

    d = muatan_tahunan(tahunan, usulan_tahunan(dunia.staf_a.pegawai, 2026))
    d["verifikasi"] = {"kode": "ABCD-1234", "url": "https://contoh/v/ABCD", "qr_svg": qr_svg("x")}
    assert render_pdf("tahunan", d).startswith(b"%PDF")


def test_a_final_annual_evaluation_is_served_frozen_and_takes_an_objection(client, dunia, tahunan):
    from kinerja.skp.models import ArsipSKP

    final = services_tahunan.penilaian_tahunan_simpan(
        pengguna=dunia.kabid_a,
        pegawai=dunia.staf_a.pegawai,
        tahun=2026,
        rating_hasil_kerja="di_atas",
        rating_perilaku="sesuai",
        catatan="Tepat waktu",
        final=True,
        versi=tahunan.versi,
    )
    c = masuk(client, dunia.staf_a)
    url_pdf = reverse("skp:pdf_tahunan", args=[dunia.staf_a.pegawai.pk, 2026])
    pertama = c.get(url_pdf).content
    assert pertama.startswith(b"%PDF") and c.get(url_pdf).content == pertama
    a = ArsipSKP.objects.get(jenis="tahunan", penilaian_tahunan=final)
    assert a.versi == 1
    html = c.get(url_tahunan(dunia.staf_a)).content.decode()
    tombol = reverse("skp:keberatan_ajukan_tahunan", args=[final.pk])
    assert tombol in html
    # The penilai sees the evaluation but gets no objection button.
    html = masuk(client, dunia.kabid_a).get(url_tahunan(dunia.staf_a)).content.decode()
    assert tombol not in html


def test_a_draft_annual_evaluation_takes_no_objection(client, dunia, tahunan):
    html = masuk(client, dunia.staf_a).get(url_tahunan(dunia.staf_a)).content.decode()
    assert "keberatan-tahunan" not in html
    assert reverse("skp:keberatan_ajukan_tahunan", args=[tahunan.pk]) not in html


def test_the_recap_shows_the_annual_predikat_and_counts_it_for_the_year(client, dunia, tahunan):
    import io
    from decimal import Decimal
    from unittest import mock

    from openpyxl import load_workbook

    from kinerja.pengukuran.models import Periode
    from kinerja.skp import selectors

    tahun = Periode.objects.create(pemda=dunia.pemda, tahun=2026, jenis_periode="tahun", nomor=1)
    c = masuk(client, dunia.kepegawaian)
    html = c.get(
        reverse("skp:rekap") + f"?instansi={dunia.pd.pk}&periode={dunia.tw[3].pk}"
    ).content.decode()
    assert url_tahunan(dunia.staf_a) in html  # the annual column links to the year page
    with mock.patch("kinerja.skp.selectors.capaian_unit", return_value=Decimal("95")):
        rekap_tw = selectors.rekap_unit(dunia.kepegawaian, dunia.pd, dunia.tw[3])
        rekap_tahun = selectors.rekap_unit(dunia.kepegawaian, dunia.pd, tahun)
    # The quarter counts the periodic predikat; the year period has no periodic evaluation
    # here, and counts the annual one instead.
    assert dict(rekap_tw.jumlah) == {"baik": 1}
    assert tahunan.predikat == "baik" and dict(rekap_tahun.jumlah) == {"baik": 1}
    r = c.get(reverse("skp:rekap_xlsx") + f"?instansi={dunia.pd.pk}&periode={tahun.pk}")
    ws = load_workbook(io.BytesIO(r.content))["Rekap SKP"]
    nilai = [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value]
    assert "Predikat tahunan" in nilai and "Baik (draf)" in nilai
