"""Forms of the recommendation pages: assign a follow-up, change its state, edit a rule."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.analisis.models import StatusTindakLanjut, Tingkat
from kinerja.inti.forms import GayaBootstrap


class TindakLanjutForm(GayaBootstrap, forms.Form):
    """Owner, due date and instructions of a follow-up (new or changed)."""

    pemilik = forms.ModelChoiceField(
        label=_("Penanggung jawab"), queryset=None, empty_label=_("— pilih —")
    )
    tenggat = forms.DateField(label=_("Tenggat"), widget=forms.DateInput(attrs={"type": "date"}))
    instruksi = forms.CharField(
        label=_("Instruksi"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, pengguna_qs, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["pemilik"].queryset = pengguna_qs
        self.fields["pemilik"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.username})" if u.get_full_name() else u.username
        )


class StatusForm(GayaBootstrap, forms.Form):
    """Move a follow-up to another state, with a note."""

    status = forms.ChoiceField(label=_("Status baru"), choices=StatusTindakLanjut.choices)
    catatan = forms.CharField(
        label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    versi = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, pilihan, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        label = dict(StatusTindakLanjut.choices)
        self.fields["status"].choices = [(s, label[s]) for s in pilihan]


class AturanForm(GayaBootstrap, forms.Form):
    """A rule's state, threshold, urgency and text."""

    aturan = forms.IntegerField(widget=forms.HiddenInput)
    versi = forms.IntegerField(widget=forms.HiddenInput)
    aktif = forms.BooleanField(label=_("Aktif"), required=False)
    ambang = forms.CharField(label=_("Ambang"), required=False, max_length=30)
    tingkat = forms.ChoiceField(label=_("Tingkat"), choices=Tingkat.choices)
    templat = forms.CharField(
        label=_("Templat teks"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1000
    )
