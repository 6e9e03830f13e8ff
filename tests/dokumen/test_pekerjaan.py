"""A whole Pemda as a background job: progress saved per agency, a ZIP at the end, the page
polling the progress row; only a Pemda-wide document role may start it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kinerja.dokumen import batch
from kinerja.dokumen.models import Dokumen, PekerjaanDokumen, StatusPekerjaan
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import KodePeran
from tests.dokumen.dunia import buat_dunia
from tests.factories import PerangkatDaerahFactory, UserFactory, beri_peran

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(monkeypatch):
    monkeypatch.setattr(batch, "JALANKAN_DI_LATAR", False)
    d = buat_dunia()
    PerangkatDaerahFactory(induk=d["pemda"], nama="Dinas Kedua")
    d["admin"] = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, d["pemda"])
    return d


def test_the_job_builds_every_agency_and_zips(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = batch.pekerjaan_mulai(
            pengguna=w["admin"], jenis="kertas_kerja", pemda=w["pemda"], periode=w["periode"]
        )
    job.refresh_from_db()
    assert job.status == StatusPekerjaan.SELESAI
    assert (job.selesai, job.jumlah, job.persen) == (2, 2, 100)
    with job.berkas.open("rb") as f:
        assert len(zipfile.ZipFile(io.BytesIO(f.read())).namelist()) == 2
    assert Dokumen.objects.filter(jenis="kertas_kerja").count() == 2


def test_an_agency_head_cannot_start_a_pemda_job(w):
    with pytest.raises(batch.PermissionDenied):
        batch.pekerjaan_mulai(
            pengguna=w["kepala"], jenis="kertas_kerja", pemda=w["pemda"], periode=w["periode"]
        )
    assert not PekerjaanDokumen.objects.exists()


def test_page_starts_the_job_and_shows_progress_and_the_zip(
    client, w, django_capture_on_commit_callbacks
):
    client.force_login(w["admin"])
    url = reverse("dokumen:pemda", args=[w["pemda"].pk, w["periode"].pk])
    assert client.get(reverse("dokumen:beranda")).content.decode().count(url) == 1
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"jenis": "kertas_kerja", "format": ""})
    assert r.status_code == 302
    job = PekerjaanDokumen.objects.get()
    html = client.get(url).content.decode()
    assert reverse("dokumen:pekerjaan_unduh", args=[job.pk]) in html and "2/2" in html
    r = client.get(reverse("dokumen:pekerjaan_unduh", args=[job.pk]))
    assert r.status_code == 200
    client.force_login(w["luar"])
    assert client.get(reverse("dokumen:pekerjaan_unduh", args=[job.pk])).status_code == 404
    assert client.get(reverse("dokumen:pekerjaan", args=[job.pk])).status_code == 404


def test_a_running_job_row_polls_itself(client, w):
    job = PekerjaanDokumen.objects.create(
        jenis="kertas_kerja",
        format="xlsx",
        pemda=w["pemda"],
        periode=w["periode"],
        jumlah=4,
        selesai=1,
        status=StatusPekerjaan.BERJALAN,
    )
    client.force_login(w["admin"])
    html = client.get(reverse("dokumen:pekerjaan", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in html and "width: 25%" in html


def _job(w, **kw):
    return PekerjaanDokumen.objects.create(
        jenis="kertas_kerja", format="xlsx", pemda=w["pemda"], periode=w["periode"], jumlah=2, **kw
    )


def test_a_job_without_heartbeat_is_stalled_and_can_be_run_again(
    client, w, django_capture_on_commit_callbacks
):
    lama = timezone.now() - dt.timedelta(minutes=11)
    job = _job(w, status=StatusPekerjaan.BERJALAN, selesai=1, diperbarui_pada=lama)
    assert job.terhenti and job.dapat_diulang
    client.force_login(w["admin"])
    html = client.get(reverse("dokumen:pekerjaan", args=[job.pk])).content.decode()
    assert "Terhenti" in html and "every 2s" not in html and "Jalankan ulang" in html
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("dokumen:pekerjaan_ulangi", args=[job.pk]))
    assert r.status_code == 302
    job.refresh_from_db()
    assert job.status == StatusPekerjaan.SELESAI and (job.selesai, job.jumlah) == (2, 2)
    assert Peristiwa.objects.filter(aksi="dokumen.batch_ulangi").count() == 1


def test_a_live_job_cannot_be_run_again_and_others_cannot_rerun(client, w):
    job = _job(w, status=StatusPekerjaan.BERJALAN, diperbarui_pada=timezone.now())
    assert not job.terhenti
    with pytest.raises(ValidationError):
        batch.pekerjaan_ulangi(pengguna=w["admin"], pekerjaan=job)
    gagal = _job(w, status=StatusPekerjaan.GAGAL, pesan="x")
    with pytest.raises(PermissionDenied):
        batch.pekerjaan_ulangi(pengguna=w["kepala"], pekerjaan=gagal)
    client.force_login(w["luar"])
    assert client.post(reverse("dokumen:pekerjaan_ulangi", args=[gagal.pk])).status_code == 404
    gagal.refresh_from_db()
    assert gagal.status == StatusPekerjaan.GAGAL


def test_only_one_claimant_runs_a_job(w):
    job = _job(w, status=StatusPekerjaan.BERJALAN, diperbarui_pada=timezone.now())
    batch.pekerjaan_jalankan(job.pk)  # already claimed by someone else: does nothing
    job.refresh_from_db()
    assert job.status == StatusPekerjaan.BERJALAN and job.selesai == 0


def test_the_worker_command_requeues_stalled_jobs_and_runs_the_queue(
    w, settings, django_capture_on_commit_callbacks
):
    settings.KINERJA_PEKERJA_TERPISAH = True
    lama = timezone.now() - dt.timedelta(minutes=30)
    macet = _job(w, status=StatusPekerjaan.BERJALAN, selesai=1, diperbarui_pada=lama)
    with django_capture_on_commit_callbacks(execute=True):
        baru = batch.pekerjaan_mulai(
            pengguna=w["admin"], jenis="kertas_kerja", pemda=w["pemda"], periode=w["periode"]
        )
    baru.refresh_from_db()
    assert baru.status == StatusPekerjaan.MENUNGGU  # left for the worker
    keluar = io.StringIO()
    call_command("dokumen", "pekerja", "--sekali", stdout=keluar)
    for j in (macet, baru):
        j.refresh_from_db()
        assert j.status == StatusPekerjaan.SELESAI and j.selesai == 2
    assert keluar.getvalue().count("selesai dalam") == 2
