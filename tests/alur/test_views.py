"""The cycle pages, clicked through by the right and the wrong people."""

import pytest
from django.urls import reverse

from kinerja.alur.models import Siklus, StatusTugas, Tugas
from tests.alur.bantuan import aktif, buka

pytestmark = pytest.mark.django_db


def masuk(client, user):
    client.force_login(user)
    return client


def test_kepala_membuka_siklus_lewat_formulir(client, dunia):
    c = masuk(client, dunia["kepala"])
    resp = c.get(reverse("alur:siklus_baru"))
    assert resp.status_code == 200
    resp = c.post(
        reverse("alur:siklus_baru"),
        {
            "template": dunia["template"].pk,
            "instansi": dunia["dinas"].pk,
            "periode": dunia["periode"].pk,
            "jenis_perintah": "Disposisi",
            "nomor_perintah": "005/77/2026",
            "tanggal_perintah": "2026-10-01",
        },
    )
    s = Siklus.objects.get()
    assert resp.status_code == 302 and resp.url == reverse("alur:siklus", args=[s.pk])
    halaman = c.get(resp.url).content.decode()
    assert "005/77/2026" in halaman and "Bidang mengisi format" in halaman


def test_operator_tidak_dapat_membuka_siklus(client, dunia):
    c = masuk(client, dunia["operator"])
    resp = c.post(
        reverse("alur:siklus_baru"),
        {
            "template": dunia["template"].pk,
            "instansi": dunia["dinas"].pk,
            "periode": dunia["periode"].pk,
            "jenis_perintah": "Disposisi",
            "nomor_perintah": "1",
            "tanggal_perintah": "2026-10-01",
        },
    )
    assert resp.status_code == 200
    assert not Siklus.objects.exists()


def test_kotak_masuk_hanya_berisi_langkah_peran_saya(client, dunia):
    buka(dunia)
    isi_operator = masuk(client, dunia["operator"]).get(reverse("alur:kotak_masuk")).content
    assert "Bidang mengisi format" in isi_operator.decode()
    isi_tim = masuk(client, dunia["tim"]).get(reverse("alur:kotak_masuk")).content
    assert "Bidang mengisi format" not in isi_tim.decode()


def test_menyelesaikan_dan_memutuskan_lewat_halaman(client, dunia):
    s = buka(dunia)
    t = aktif(s)
    c = masuk(client, dunia["operator"])
    c.post(reverse("alur:tugas_selesai", args=[t.pk]), {"catatan": "sudah", "versi": t.versi})
    t3 = aktif(s)
    masuk(client, dunia["tim"]).post(
        reverse("alur:tugas_selesai", args=[t3.pk]), {"versi": t3.versi}
    )
    t4 = aktif(s)
    c = masuk(client, dunia["kepala"])
    halaman = c.get(reverse("alur:siklus", args=[s.pk])).content.decode()
    assert "Simpan keputusan" in halaman
    c.post(
        reverse("alur:tugas_putuskan", args=[t4.pk]),
        {
            "hasil": "kembalikan",
            "alasan": "data dukung kurang",
            "kembali_ke_no": 2,
            "versi": t4.versi,
        },
    )
    assert aktif(s).langkah.no == 2 and aktif(s).putaran == 2
    assert Tugas.objects.get(pk=t4.pk).status == StatusTugas.DIKEMBALIKAN


def test_orang_luar_tidak_melihat_siklus(client, dunia):
    s = buka(dunia)
    assert masuk(client, dunia["luar"]).get(reverse("alur:siklus", args=[s.pk])).status_code == 404


def test_yang_bukan_pelaksana_tidak_dapat_menyelesaikan_lewat_post(client, dunia):
    s = buka(dunia)
    t = aktif(s)
    masuk(client, dunia["tim"]).post(reverse("alur:tugas_selesai", args=[t.pk]), {"versi": t.versi})
    assert Tugas.objects.get(pk=t.pk).status == StatusTugas.AKTIF


def test_templat_ekspor_impor_salin_ubah(client, dunia):
    from kinerja.alur.models import TemplateSOP
    from kinerja.organisasi.models import KodePeran
    from tests.factories import UserFactory, beri_peran

    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dunia["dinas"].induk)
    c = masuk(client, admin)
    t = dunia["template"]
    assert c.get(reverse("alur:template_daftar")).status_code == 200
    assert (
        "Tim SAKIP menyusun laporan"
        in c.get(reverse("alur:template", args=[t.pk])).content.decode()
    )
    yaml_teks = c.get(reverse("alur:template_ekspor", args=[t.pk, "yaml"])).content
    assert b"kode: uji-sop" in yaml_teks
    assert c.get(reverse("alur:template_ekspor", args=[t.pk, "json"])).json()["kode"] == "uji-sop"
    # copy, then edit: remove step 3 and save as a new version
    resp = c.post(
        reverse("alur:template_salin", args=[t.pk]),
        {"kode": "uji-salinan", "instansi": dunia["dinas"].pk},
    )
    salinan = TemplateSOP.objects.get(kode="uji-salinan")
    assert resp.url == reverse("alur:template_ubah", args=[salinan.pk])
    form = c.get(resp.url).context["formset"]
    data = {
        "nama": "Pengukuran Kinerja (revisi)",
        "nomor": "2/SOP/2026",
        "pelaksana": "\n".join(
            [
                "kepala | Kepala Dinas",
                "sekretaris | Sekretaris",
                "bidang | Bidang",
                "tim_sakip | Tim SAKIP",
            ]
        ),
        "langkah-TOTAL_FORMS": str(len(form.forms)),
        "langkah-INITIAL_FORMS": str(len(form.initial_forms)),
        "langkah-MIN_NUM_FORMS": "0",
        "langkah-MAX_NUM_FORMS": "1000",
    }
    for i, f in enumerate(form.forms):
        for name in f.fields:
            nilai = f.initial.get(name, "")
            data[f"langkah-{i}-{name}"] = "" if nilai is None else nilai
        if f.initial.get("no") == 3:
            data[f"langkah-{i}-DELETE"] = "on"
    resp = c.post(reverse("alur:template_ubah", args=[salinan.pk]), data)
    baru = TemplateSOP.objects.get(kode="uji-salinan", aktif=True)
    assert baru.versi == 2, resp.content.decode()[:2000]
    assert baru.nama == "Pengukuran Kinerja (revisi)"
    assert list(baru.langkah.values_list("no", flat=True)) == [1, 2, 4, 5]


def test_impor_berkas_rusak_ditolak_dengan_pesan(client, dunia):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kinerja.organisasi.models import KodePeran
    from tests.factories import UserFactory, beri_peran

    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dunia["dinas"].induk)
    c = masuk(client, admin)
    resp = c.post(
        reverse("alur:template_impor"),
        {
            "berkas": SimpleUploadedFile("x.yaml", b"kode: [tidak tertutup"),
            "instansi": dunia["dinas"].pk,
        },
    )
    assert "bukan YAML/JSON yang sah" in resp.content.decode()
