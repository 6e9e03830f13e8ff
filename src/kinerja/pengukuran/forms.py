"""Forms of the entry, evidence, validation and import pages.

The realisation value itself is not a form field with its own parsing: the text goes as typed
to `services.realisasi_simpan`, which reads it the Indonesian way for the indicator's type.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.inti.forms import GayaBootstrap
from kinerja.pengukuran.models import KeputusanBukti
from kinerja.pengukuran.services_bukti import TERIMA_INPUT


class BerkasGandaInput(forms.ClearableFileInput):
    """A file input that accepts several files at once (drag-and-drop or picker)."""

    allow_multiple_selected = True


class BerkasGandaField(forms.FileField):
    """A file field returning the list of uploaded files."""

    widget = BerkasGandaInput

    def clean(self, data, initial=None):  # type: ignore[no-untyped-def]
        tunggal = super().clean
        if isinstance(data, list | tuple):
            return [tunggal(d, initial) for d in data]
        return [tunggal(data, initial)] if data else []


class UnggahBuktiForm(GayaBootstrap, forms.Form):
    """Upload one or more evidence files for a realisation."""

    berkas = BerkasGandaField(
        label=_("Berkas"),
        widget=BerkasGandaInput(attrs={"accept": TERIMA_INPUT, "multiple": True}),
        error_messages={"required": _("Pilih atau seret berkas ke kotak unggah.")},
    )
    keterangan = forms.CharField(label=_("Keterangan"), max_length=255, required=False)


class TautanBuktiForm(GayaBootstrap, forms.Form):
    """Attach a link to an online source as evidence."""

    tautan = forms.CharField(
        label=_("Tautan"),
        max_length=500,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        error_messages={"required": _("Tuliskan alamat tautannya.")},
    )
    nama = forms.CharField(label=_("Nama"), max_length=200, required=False)


class KeputusanRealisasiForm(GayaBootstrap, forms.Form):
    """The validator's decision on one value: accept, or return with a reason."""

    aksi = forms.ChoiceField(
        choices=[("validasi", _("Terima")), ("kembalikan", _("Kembalikan"))],
        widget=forms.HiddenInput,
    )
    catatan = forms.CharField(
        label=_("Alasan / catatan"), required=False, max_length=5000, widget=forms.Textarea
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class KeputusanBuktiForm(GayaBootstrap, forms.Form):
    """The validator's decision on one evidence item."""

    keputusan = forms.ChoiceField(
        choices=[(KeputusanBukti.DITERIMA, _("Terima")), (KeputusanBukti.DITOLAK, _("Tolak"))],
        widget=forms.HiddenInput,
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=255)


class ImporForm(GayaBootstrap, forms.Form):
    """Upload a filled *Format Realisasi Rencana Aksi* workbook."""

    berkas = forms.FileField(
        label=_("Berkas Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        error_messages={"required": _("Pilih berkas Excel yang sudah diisi.")},
    )
