"""Completion overview: counts per unit in a bounded number of queries, reminders by e-mail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.inti.models import Peristiwa
from kinerja.pengukuran import services
from kinerja.pengukuran.models import DataDukung, Realisasi
from kinerja.pengukuran.selectors import rekap_pengisian

pytestmark = pytest.mark.django_db


def isi(d, ind, pengguna="operator_a", nilai="10"):
    return services.realisasi_simpan(
        pengguna=d[pengguna], indikator=ind, periode=d["periode"], nilai=nilai
    )


def url_rekap(d, unit="dinas"):
    return reverse("pengukuran:rekap") + f"?instansi={d[unit].pk}&periode={d['periode'].pk}"


def test_hitungan_per_unit(dunia_isian, time_machine):
    d = dunia_isian
    a = d.tambah_indikator(d["bidang_a"], 6)
    b = d.tambah_indikator(d["bidang_b"], 2)
    d.tambah_indikator(d["bidang_a"], frekuensi="tahunan")  # not due in a quarter
    time_machine.move_to("2026-07-05 09:00 +0700")
    for ind in a[:5]:
        isi(d, ind)
    DataDukung.objects.create(
        realisasi=Realisasi.objects.get(indikator=a[0]), tautan="https://x.example/a", nama="a"
    )
    services.realisasi_ajukan_banyak(
        pengguna=d["operator_a"],
        instansi=d["bidang_a"],
        periode=d["periode"],
        indikator_ids=[a[0].pk, a[1].pk, a[2].pk],
    )
    r = Realisasi.objects.get(indikator=a[1])
    services.realisasi_ubah_status(pengguna=d["tim_sakip"], realisasi=r, aksi="validasi")
    r = Realisasi.objects.get(indikator=a[2])
    services.realisasi_ubah_status(
        pengguna=d["tim_sakip"], realisasi=r, aksi="kembalikan", catatan="x"
    )
    time_machine.move_to("2026-07-12 09:00 +0700")
    services.realisasi_ajukan_banyak(
        pengguna=d["operator_a"],
        instansi=d["bidang_a"],
        periode=d["periode"],
        indikator_ids=[a[3].pk],
    )
    isi(d, b[0], "operator_b")
    hasil = rekap_pengisian([d["dinas"], d["bidang_a"], d["bidang_b"]], d["periode"])
    ra, rb, rd = hasil[d["bidang_a"].pk], hasil[d["bidang_b"].pk], hasil[d["dinas"].pk]
    assert (ra.wajib, ra.terisi, ra.belum) == (6, 5, 1)
    assert (ra.draf, ra.diajukan, ra.divalidasi, ra.dikembalikan) == (1, 2, 1, 1)
    assert ra.tanpa_bukti == 4 and ra.terlambat == 1
    assert (rb.wajib, rb.terisi, rb.draf) == (2, 1, 1)
    assert rd.wajib == 0


def test_halaman_rekap_dan_jumlah_kueri_terbatas(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["tim_sakip"])
    for ind in d.tambah_indikator(d["bidang_a"], 3):
        isi(d, ind)
    with CaptureQueriesContext(connection) as sedikit:
        html = client.get(url_rekap(d)).content.decode()
    assert f'id="rekap-{d["bidang_a"].pk}"' in html and "Kirim pengingat" in html
    for ind in d.tambah_indikator(d["bidang_a"], 20) + d.tambah_indikator(d["bidang_b"], 20):
        isi(
            d,
            ind,
            "operator_a" if ind.unit_penanggung_jawab_id == d["bidang_a"].pk else "operator_b",
        )
    with CaptureQueriesContext(connection) as banyak:
        assert client.get(url_rekap(d)).status_code == 200
    assert len(banyak.captured_queries) == len(sedikit.captured_queries)
    assert len(banyak.captured_queries) <= 15


def test_rekap_tertutup_bagi_operator_bidang(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_b"])
    assert client.get(url_rekap(d)).status_code == 404
    assert client.get(url_rekap(d, "bidang_a")).status_code == 404


def test_inspektorat_membaca_tanpa_tombol_pengingat(client, dunia_isian):
    d = dunia_isian
    d.tambah_indikator(d["bidang_a"])
    client.force_login(d["inspektorat"])
    html = client.get(url_rekap(d)).content.decode()
    assert "Bidang A" in html and "Kirim pengingat" not in html


def test_pengingat_dikirim_ke_operator_dan_dicatat(
    client, dunia_isian, django_capture_on_commit_callbacks
):
    d = dunia_isian
    d.tambah_indikator(d["bidang_a"], 2)
    client.force_login(d["sekretaris"])
    url = reverse("pengukuran:pengingat")
    data = {"unit": d["bidang_a"].pk, "periode": d["periode"].pk, "kembali": d["dinas"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(url, data, follow=True)
    assert "Pengingat dikirim ke 1 operator" in resp.content.decode()
    assert len(mail.outbox) == 1
    pesan = mail.outbox[0]
    assert pesan.to == ["a@contoh.example"]
    assert "Triwulan II 2026" in pesan.subject and "belum diisi: 2 dari 2" in pesan.body
    assert f"/pengukuran/isian/{d['bidang_a'].pk}/{d['periode'].pk}/" in pesan.body
    p = Peristiwa.objects.get(aksi="pengisian.pengingat")
    assert p.pengguna == d["sekretaris"] and p.sesudah["penerima"] == ["a@contoh.example"]
    # The overview shows when the unit was last reminded; a second one right away is refused.
    assert "terakhir" in client.get(url_rekap(d)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(url, data, follow=True)
    assert "sudah dikirim pukul" in resp.content.decode()
    assert len(mail.outbox) == 1


def test_pengingat_hanya_oleh_validator_atau_admin(client, dunia_isian):
    d = dunia_isian
    client.force_login(d["operator_a"])
    data = {"unit": d["bidang_a"].pk, "periode": d["periode"].pk}
    resp = client.post(reverse("pengukuran:pengingat"), data, follow=True)
    assert "tidak berhak mengirim pengingat" in resp.content.decode()
    assert not mail.outbox and not Peristiwa.objects.filter(aksi="pengisian.pengingat").exists()


def test_pengingat_tanpa_penerima(client, dunia_isian):
    d = dunia_isian
    d["operator_b"].email = ""
    d["operator_b"].save()
    client.force_login(d["tim_sakip"])
    data = {"unit": d["bidang_b"].pk, "periode": d["periode"].pk}
    resp = client.post(reverse("pengukuran:pengingat"), data, follow=True)
    assert "tidak memiliki operator dengan alamat e-mail" in resp.content.decode()
