"""Forms of the SKP pages; they only shape input, the services validate and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.inti.forms import GayaBootstrap
from kinerja.skp.berakhlak import PANDUAN_PERILAKU, NilaiBerAKHLAK
from kinerja.skp.models import AspekIndikator, JenisRHK, RatingEkspektasi


class RHKForm(GayaBootstrap, forms.Form):
    """A planned result and what it supports (the superior's result or a PK item)."""

    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisRHK.choices)
    uraian = forms.CharField(
        label=_("Rencana hasil kerja"), widget=forms.Textarea(attrs={"rows": 2})
    )
    dukungan = forms.ChoiceField(label=_("Mendukung"), required=False)

    def __init__(self, *args: Any, pilihan: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dukungan"].choices = [
            ("", _("— tidak ada (hasil kerja tambahan) —"))
        ] + pilihan


class IndikatorForm(GayaBootstrap, forms.Form):
    """An indicator of a result: aspect, text, target and unit."""

    aspek = forms.ChoiceField(label=_("Aspek"), choices=AspekIndikator.choices)
    nama = forms.CharField(label=_("Indikator"), max_length=500)
    target = forms.CharField(label=_("Target"), max_length=30)
    satuan = forms.CharField(label=_("Satuan"), max_length=60)


class PenilaianForm(GayaBootstrap, forms.Form):
    """The superior's periodic evaluation."""

    rating_hasil_kerja = forms.ChoiceField(
        label=_("Rating hasil kerja"), choices=RatingEkspektasi.choices, required=False
    )
    rating_perilaku = forms.ChoiceField(
        label=_("Rating perilaku kerja"), choices=RatingEkspektasi.choices
    )
    umpan_balik_hasil = forms.CharField(
        label=_("Umpan balik hasil kerja"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    umpan_balik_perilaku = forms.CharField(
        label=_("Umpan balik perilaku kerja"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    final = forms.BooleanField(label=_("Final (mengunci realisasi periode ini)"), required=False)
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One optional rating and feedback per BerAKHLAK value: the basis of the one rating of
        # perilaku kerja above.
        for nilai in NilaiBerAKHLAK:
            self.fields[f"rating_{nilai.value}"] = forms.ChoiceField(
                label=_("Rating %(nilai)s") % {"nilai": nilai.label},
                choices=[("", _("— belum dinilai —")), *RatingEkspektasi.choices],
                required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            self.fields[f"umpan_balik_{nilai.value}"] = forms.CharField(
                label=_("Umpan balik %(nilai)s") % {"nilai": nilai.label},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )

    def baris_perilaku(self) -> list[dict[str, Any]]:
        """The per-value fields in the regulation's order, with the guide behaviours."""
        return [
            {
                "nilai": nilai,
                "panduan": PANDUAN_PERILAKU[nilai],
                "rating": self[f"rating_{nilai.value}"],
                "umpan_balik": self[f"umpan_balik_{nilai.value}"],
            }
            for nilai in NilaiBerAKHLAK
        ]

    def perilaku(self) -> dict[str, tuple[str, str]]:
        """The cleaned per-value input for `services.penilaian_simpan(perilaku=...)`."""
        d = self.cleaned_data
        return {
            n.value: (d.get(f"rating_{n.value}") or "", d.get(f"umpan_balik_{n.value}") or "")
            for n in NilaiBerAKHLAK
        }


class PindahForm(GayaBootstrap, forms.Form):
    """A mid-year move to another unit."""

    tanggal = forms.DateField(
        label=_("Tanggal mulai di unit baru"), widget=forms.DateInput(attrs={"type": "date"})
    )
    unit_baru = forms.ModelChoiceField(label=_("Unit baru"), queryset=None)  # type: ignore[arg-type]
    nama_jabatan = forms.CharField(
        label=_("Nama jabatan (bila bukan jabatan struktural)"), required=False
    )

    def __init__(self, *args: Any, unit: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit_baru"].queryset = unit


class BuktiForm(GayaBootstrap, forms.Form):
    """Evidence: a file or a link."""

    berkas = forms.FileField(label=_("Berkas"), required=False)
    tautan = forms.URLField(label=_("atau tautan"), required=False, assume_scheme="https")


class ImporForm(GayaBootstrap, forms.Form):
    """The personnel export to import."""

    berkas = forms.FileField(label=_("Berkas XLSX atau CSV dari sistem kepegawaian"))
