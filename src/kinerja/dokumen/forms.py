"""Forms of the document pages: what to build (format and the type's options), the analysis
fields of a report, signing and archiving."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.dokumen.jenis import Pembuat
from kinerja.inti.forms import GayaBootstrap
from kinerja.organisasi.models import Instansi, Jabatan

# The options each type's form offers (see the builders' docstrings for their meaning).
OPSI_JENIS: dict[str, tuple[str, ...]] = {
    "pk": ("jabatan", "kertas", "nama_pihak_kedua"),
    "rencana_aksi": ("jabatan", "kertas"),
    "realisasi_ra": ("jabatan", "kertas"),
    "kertas_kerja": ("kertas",),
    "laporan_pengukuran": ("kertas",),
    "evaluasi_renja": ("kertas",),
    "lkjip_bab3": ("kertas",),
    "laporan_ukpbj": ("susunan", "kertas"),
    "nota_dinas": (
        "jenis_naskah",
        "kepada",
        "hal",
        "isi",
        "sifat",
        "lampiran",
        "tembusan",
        "kertas",
    ),
    "undangan": (
        "kepada",
        "hal",
        "isi",
        "tanggal_acara",
        "waktu",
        "tempat",
        "acara",
        "sifat",
        "lampiran",
        "kertas",
    ),
    "notulen": ("judul", "waktu_rapat", "tempat", "pimpinan", "peserta", "notulen", "notulis"),
    "surat_pengantar": ("kepada", "hal", "naskah", "kertas"),
    "bundel_esr": (),
}


class FormBuat(GayaBootstrap, forms.Form):
    """Build a document: its format and the options of its type (user text stays text)."""

    format = forms.ChoiceField(label=_("Format"))
    kertas = forms.ChoiceField(
        label=_("Kertas"), choices=[("a4", "A4"), ("f4", "F4 (folio)")], required=False
    )
    jabatan = forms.ModelChoiceField(
        label=_("Perjanjian Kinerja jabatan"),
        queryset=Jabatan.objects.none(),
        required=False,
        empty_label=_("Kepala (bawaan)"),
    )
    nama_pihak_kedua = forms.CharField(
        label=_("Nama pihak kedua (bila di luar instansi)"), max_length=150, required=False
    )
    susunan = forms.ChoiceField(
        label=_("Susunan laporan"),
        choices=[
            ("kompilasi", _("Kompilasi (per indikator dan per paket)")),
            ("indikator", _("Per indikator")),
            ("paket", _("Per paket pengadaan")),
        ],
        required=False,
    )
    jenis_naskah = forms.ChoiceField(
        label=_("Jenis naskah"),
        choices=[
            ("Nota Dinas", _("Nota Dinas")),
            ("Disposisi", _("Disposisi")),
            ("Surat Perintah", _("Surat Perintah")),
        ],
        required=False,
    )
    kepada = forms.CharField(
        label=_("Kepada (satu per baris)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    hal = forms.CharField(label=_("Hal"), max_length=200, required=False)
    isi = forms.CharField(
        label=_("Isi (paragraf dipisah baris kosong)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    sifat = forms.CharField(label=_("Sifat"), max_length=40, required=False, initial="Biasa")
    lampiran = forms.CharField(label=_("Lampiran"), max_length=80, required=False, initial="-")
    tembusan = forms.CharField(
        label=_("Tembusan (satu per baris)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    tanggal_acara = forms.DateField(
        label=_("Tanggal acara"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    waktu = forms.CharField(label=_("Waktu"), max_length=60, required=False, initial="09.00 WIB")
    tempat = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    acara = forms.CharField(label=_("Acara"), max_length=200, required=False)
    judul = forms.CharField(label=_("Judul rapat"), max_length=200, required=False)
    waktu_rapat = forms.DateTimeField(
        label=_("Waktu rapat"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    pimpinan = forms.CharField(label=_("Pimpinan rapat"), max_length=200, required=False)
    peserta = forms.CharField(
        label=_("Peserta (satu per baris)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    notulen = forms.CharField(
        label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    notulis = forms.CharField(label=_("Notulis"), max_length=150, required=False)
    naskah = forms.CharField(
        label=_(
            "Naskah yang dikirim (satu per baris; kosong = dokumen bertanda tangan periode ini)"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, pembuat: Pembuat, instansi: Instansi, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(f, f.upper()) for f in pembuat.format]
        self.fields["jabatan"].queryset = Jabatan.objects.filter(
            instansi__jalur__startswith=instansi.jalur, perjanjian__isnull=False
        ).distinct()
        dipakai = {"format", *OPSI_JENIS.get(pembuat.jenis.value, ())}
        for nama in list(self.fields):
            if nama not in dipakai:
                del self.fields[nama]

    def opsi(self) -> dict[str, Any]:
        """The builder options from the cleaned data (empty values left out)."""
        hasil: dict[str, Any] = {}
        for nama, nilai in self.cleaned_data.items():
            if nama == "format" or nilai in (None, ""):
                continue
            if nama == "jabatan":
                hasil[nama] = nilai.pk
            elif hasattr(nilai, "isoformat"):
                hasil[nama] = nilai.isoformat()
            else:
                hasil[nama] = nilai
        return hasil


class FormIsian(GayaBootstrap, forms.Form):
    """The editable text fields of a document (analysis, problems, recommendations, closing)."""

    def __init__(self, *args: Any, pembuat: Pembuat, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for nama, label in pembuat.isian.items():
            self.fields[nama] = forms.CharField(
                label=label, widget=forms.Textarea(attrs={"rows": 5}), required=False
            )


class FormVersi(forms.Form):
    """Carries the row version a page was rendered with (stale actions are refused)."""

    versi_baris = forms.IntegerField(widget=forms.HiddenInput, required=False)
    keterangan = forms.CharField(max_length=255, required=False)


class FormPekerjaan(GayaBootstrap, forms.Form):
    """Start a batch: which type for every agency of the Pemda, in which format."""

    jenis = forms.ChoiceField(label=_("Jenis dokumen"))
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("bawaan jenis")), ("pdf", "PDF"), ("docx", "DOCX"), ("xlsx", "XLSX")],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from kinerja.dokumen.jenis import muat_semua

        self.fields["jenis"].choices = [
            (k, p.label)
            for k, p in muat_semua().items()
            if k
            in (
                "realisasi_ra",
                "kertas_kerja",
                "laporan_pengukuran",
                "evaluasi_renja",
                "lkjip_bab3",
                "pk",
                "rencana_aksi",
            )
        ]
