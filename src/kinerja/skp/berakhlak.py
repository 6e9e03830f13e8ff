"""The core values of ASN, BerAKHLAK, and their guide behaviours (panduan perilaku).

PermenPAN-RB 6/2022 assesses *perilaku kerja* against these seven values: the pejabat penilai
states a specific expectation per value when the SKP is set (ekspektasi khusus pimpinan) and
gives feedback per value at each evaluation; the rating of perilaku kerja is one rating for the
whole. The guide behaviours are those of SE MenPAN-RB 20/2021, three per value, printed on the
SKP and shown beside the evaluation form.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NilaiBerAKHLAK(models.TextChoices):
    """One of the seven core values, in the regulation's order."""

    BERORIENTASI_PELAYANAN = "pelayanan", _("Berorientasi Pelayanan")
    AKUNTABEL = "akuntabel", _("Akuntabel")
    KOMPETEN = "kompeten", _("Kompeten")
    HARMONIS = "harmonis", _("Harmonis")
    LOYAL = "loyal", _("Loyal")
    ADAPTIF = "adaptif", _("Adaptif")
    KOLABORATIF = "kolaboratif", _("Kolaboratif")


PANDUAN_PERILAKU = {
    NilaiBerAKHLAK.BERORIENTASI_PELAYANAN: (
        _("Memahami dan memenuhi kebutuhan masyarakat"),
        _("Ramah, cekatan, solutif, dan dapat diandalkan"),
        _("Melakukan perbaikan tiada henti"),
    ),
    NilaiBerAKHLAK.AKUNTABEL: (
        _(
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan "
            "berintegritas tinggi"
        ),
        _(
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
            "dan efisien"
        ),
        _("Tidak menyalahgunakan kewenangan jabatan"),
    ),
    NilaiBerAKHLAK.KOMPETEN: (
        _("Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah"),
        _("Membantu orang lain belajar"),
        _("Melaksanakan tugas dengan kualitas terbaik"),
    ),
    NilaiBerAKHLAK.HARMONIS: (
        _("Menghargai setiap orang apa pun latar belakangnya"),
        _("Suka menolong orang lain"),
        _("Membangun lingkungan kerja yang kondusif"),
    ),
    NilaiBerAKHLAK.LOYAL: (
        _(
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
            "Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan "
            "yang sah"
        ),
        _("Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara"),
        _("Menjaga rahasia jabatan dan negara"),
    ),
    NilaiBerAKHLAK.ADAPTIF: (
        _("Cepat menyesuaikan diri menghadapi perubahan"),
        _("Terus berinovasi dan mengembangkan kreativitas"),
        _("Bertindak proaktif"),
    ),
    NilaiBerAKHLAK.KOLABORATIF: (
        _("Memberi kesempatan kepada berbagai pihak untuk berkontribusi"),
        _("Terbuka dalam bekerja sama untuk menghasilkan nilai tambah"),
        _("Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"),
    ),
}
