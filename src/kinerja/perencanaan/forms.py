"""Forms of the planning pages. They only read and type the input; every rule lives in
`services` and `validasi`, whose refusals the views put back on the fields."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.inti.angka import AngkaTidakSah, baca_angka
from kinerja.inti.forms import GayaBootstrap
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.pengukuran.services import baca_rupiah
from kinerja.perencanaan.models import (
    Elemen,
    Indikator,
    JenisKerangka,
    KerangkaKinerja,
    LevelKerangka,
    SkalaOrdinal,
)
from kinerja.perencanaan.services import METODE_PENGADAAN


class AngkaField(forms.CharField):
    """A number typed the Indonesian way ("1.234,5"), read exactly into a Decimal."""

    def __init__(self, *args: Any, boleh_negatif: bool = True, **kwargs: Any) -> None:
        self.boleh_negatif = boleh_negatif
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        teks = super().to_python(value)
        try:
            return baca_angka(teks, wajib=self.required, boleh_negatif=self.boleh_negatif)
        except AngkaTidakSah as exc:
            raise ValidationError(str(exc), code="angka") from exc

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            from kinerja.perencanaan.services import teks_angka

            return teks_angka(value)
        return value


class RupiahField(forms.CharField):
    """Rupiah as typed ("1.250.000" or "1250000,50"), at most two decimals."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        teks = super().to_python(value)
        if not teks:
            if self.required:
                raise ValidationError(_("Nilai wajib diisi."), code="required")
            return None
        return baca_rupiah(teks)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            from kinerja.inti.angka import format_angka

            return format_angka(value, 0 if value == value.to_integral_value() else 2)
        return value


class KerangkaForm(GayaBootstrap, forms.Form):
    """A framework: its name, shape and plan period."""

    nama = forms.CharField(label=_("Nama"), max_length=200)
    jenis = forms.ChoiceField(label=_("Bentuk kerangka"), choices=JenisKerangka.choices)
    tahun_mulai = forms.IntegerField(label=_("Tahun mulai"), min_value=2000, max_value=2100)
    tahun_selesai = forms.IntegerField(label=_("Tahun akhir"), min_value=2000, max_value=2100)
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ElemenForm(GayaBootstrap, forms.Form):
    """An element of the tree; package fields show on the UKPBJ's package level."""

    level = forms.ModelChoiceField(label=_("Level"), queryset=LevelKerangka.objects.none())
    induk = forms.ModelChoiceField(label=_("Induk"), queryset=Elemen.objects.none(), required=False)
    kode = forms.CharField(
        label=_("Kode"),
        max_length=60,
        help_text=_("Kode Kepmendagri (mis. 1.03.10.2.01) atau kode singkat (T1, S1.2, PKT-01)."),
    )
    nama = forms.CharField(label=_("Uraian"), max_length=500, widget=forms.Textarea({"rows": 2}))
    unit = forms.ModelChoiceField(
        label=_("Unit pelaksana"), queryset=Instansi.objects.none(), required=False
    )
    urutan = forms.IntegerField(label=_("Urutan"), min_value=0, required=False)
    kode_rup = forms.CharField(label=_("Kode RUP (SIRUP)"), max_length=40, required=False)
    metode_pengadaan = forms.ChoiceField(
        label=_("Metode pengadaan"),
        choices=[("", "—")] + [(m, m) for m in METODE_PENGADAAN],
        required=False,
    )
    instansi_pemilik = forms.ModelChoiceField(
        label=_("OPD pemilik paket"), queryset=Instansi.objects.none(), required=False
    )
    pagu = RupiahField(label=_("Pagu paket (Rp)"), required=False)
    tahun_anggaran = forms.IntegerField(
        label=_("Tahun anggaran paket"), min_value=2000, max_value=2100, required=False
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, kerangka: KerangkaKinerja, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = kerangka.level.all()
        self.fields["induk"].queryset = Elemen.objects.filter(kerangka=kerangka).select_related(
            "level"
        )
        self.fields["induk"].label_from_instance = lambda e: f"{e.level.nama} {e.kode} {e.nama}"[
            :120
        ]
        self.fields["unit"].queryset = kerangka.instansi.subtree()
        pemda = kerangka.instansi.id_leluhur[0]
        self.fields["instansi_pemilik"].queryset = Instansi.objects.filter(
            jalur__startswith=f"/{pemda}/", jenis=JenisInstansi.PERANGKAT_DAERAH
        )
        if kerangka.jenis != JenisKerangka.UKPBJ:
            for k in ("kode_rup", "metode_pengadaan", "instansi_pemilik", "pagu", "tahun_anggaran"):
                del self.fields[k]


class IndikatorForm(GayaBootstrap, forms.ModelForm):
    """The manual IKU of an indicator, every attribute of DESIGN.md."""

    baseline = AngkaField(label=_("Baseline"))
    target_akhir_renstra = AngkaField(label=_("Target akhir Renstra"))
    standar_nasional = AngkaField(label=_("Standar nasional/provinsi"))
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "jenis",
            "sifat",
            "definisi_operasional",
            "alasan_pemilihan",
            "formula",
            "satuan",
            "polaritas",
            "jenis_nilai",
            "skala",
            "agregasi",
            "metode_negatif",
            "boleh_negatif",
            "frekuensi",
            "sumber_data",
            "unit_penanggung_jawab",
            "baseline",
            "baseline_teks",
            "tahun_baseline",
            "target_akhir_renstra",
            "standar_nasional",
            "urutan",
        ]
        widgets = {
            "nama": forms.Textarea({"rows": 2}),
            "definisi_operasional": forms.Textarea({"rows": 3}),
            "alasan_pemilihan": forms.Textarea({"rows": 2}),
            "formula": forms.Textarea({"rows": 2}),
        }

    def __init__(self, *args: Any, kerangka: KerangkaKinerja, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pemda = kerangka.instansi.id_leluhur[0]
        self.fields["unit_penanggung_jawab"].queryset = Instansi.objects.filter(
            jalur__startswith=f"/{pemda}/"
        )
        self.fields["skala"].queryset = SkalaOrdinal.objects.all()
        self.fields["kode"].required = True
        self.fields["tahun_baseline"].widget.attrs["min"] = 2000
        # The model validates on the services' terms; the form only reads the input.
        for nama in ("urutan",):
            self.fields[nama].required = False

    def _post_clean(self) -> None:
        # Field values only; the model rules are the services' (no full_clean here).
        pass


class TargetForm(GayaBootstrap, forms.Form):
    """One annual target as typed; a change also needs when it applies and why."""

    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    nilai = forms.CharField(label=_("Target"), required=False, max_length=60)
    nilai_min = forms.CharField(label=_("Batas bawah"), required=False, max_length=40)
    nilai_max = forms.CharField(label=_("Batas atas"), required=False, max_length=40)
    berlaku_mulai = forms.DateField(
        label=_("Berlaku mulai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )
    alasan = forms.CharField(
        label=_("Alasan perubahan"), required=False, widget=forms.Textarea({"rows": 2})
    )
    versi_terakhir = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PKBaruForm(GayaBootstrap, forms.Form):
    """A new PK: whose, which year, signed when, and the pihak kedua outside Kinerja."""

    jabatan = forms.ModelChoiceField(label=_("Jabatan pihak pertama"), queryset=None)
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    tanggal = forms.DateField(
        label=_("Tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    jabatan_pihak_kedua_teks = forms.CharField(
        label=_("Jabatan pihak kedua (bila tidak ada atasan di Kinerja)"),
        max_length=200,
        required=False,
        help_text=_("mis. Bupati Lumajang"),
    )

    def __init__(self, *args: Any, jabatan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = jabatan


class PKKepalaForm(GayaBootstrap, forms.Form):
    """The date of a draft PK (parties follow the holders on that date)."""

    tanggal = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    jabatan_pihak_kedua_teks = forms.CharField(
        label=_("Jabatan pihak kedua (teks)"), max_length=200, required=False
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ItemForm(GayaBootstrap, forms.Form):
    """A PK item: its target as typed and the superior's item it supports."""

    target = forms.CharField(label=_("Target"), max_length=60, required=False)
    item_induk = forms.TypedChoiceField(
        label=_("Mendukung item PK atasan"), required=False, coerce=int, empty_value=None
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, pilihan_induk: list[tuple[Any, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item_induk"].choices = [("", "—")] + pilihan_induk


class AnggaranPKForm(GayaBootstrap, forms.Form):
    """A program budget line of the PK."""

    elemen = forms.ModelChoiceField(label=_("Program / kegiatan"), queryset=None)
    pagu = RupiahField(label=_("Anggaran (Rp)"), required=False)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=255, required=False)

    def __init__(self, *args: Any, elemen: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["elemen"].queryset = elemen
        self.fields["elemen"].label_from_instance = lambda e: f"{e.level.nama} {e.kode} {e.nama}"


class AlasanForm(GayaBootstrap, forms.Form):
    """A reason (returning a PK, a new PK version)."""

    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea({"rows": 2}))
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AnggaranForm(GayaBootstrap, forms.Form):
    """A budget line (DPA) with its quarterly withdrawal plan."""

    pagu = RupiahField(label=_("Pagu (Rp)"))
    sumber = forms.CharField(label=_("Sumber dokumen"), max_length=60, initial="DPA")
    keterangan = forms.CharField(label=_("Keterangan"), max_length=255, required=False)
    tw1 = RupiahField(label=_("TW I"), required=False)
    tw2 = RupiahField(label=_("TW II"), required=False)
    tw3 = RupiahField(label=_("TW III"), required=False)
    tw4 = RupiahField(label=_("TW IV"), required=False)
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TautanForm(GayaBootstrap, forms.Form):
    """A crosscutting link to an element of another agency."""

    ke = forms.ModelChoiceField(label=_("Mendukung elemen instansi lain"), queryset=None)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=255, required=False)

    def __init__(self, *args: Any, pilihan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ke"].queryset = pilihan
        self.fields["ke"].label_from_instance = lambda e: (
            f"{e.kerangka.instansi.singkatan or e.kerangka.instansi.nama} · "
            f"{e.level.nama} {e.kode} {e.nama}"[:160]
        )


class SalinTahunForm(GayaBootstrap, forms.Form):
    """Copy a year's plan into the next."""

    dari_tahun = forms.IntegerField(label=_("Dari tahun"), min_value=2000, max_value=2100)
    ke_tahun = forms.IntegerField(label=_("Ke tahun"), min_value=2000, max_value=2100)


class ImporForm(GayaBootstrap, forms.Form):
    """An XLSX file to preview."""

    berkas = forms.FileField(
        label=_("Berkas Excel (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
