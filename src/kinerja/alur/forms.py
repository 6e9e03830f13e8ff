"""Forms of the cycle pages; they only parse input — the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.alur.models import HasilKeputusan
from kinerja.inti.forms import GayaBootstrap


class SiklusBukaForm(GayaBootstrap, forms.Form):
    """Open a cycle: which SOP, agency and period, and the Kepala's order."""

    template = forms.ModelChoiceField(queryset=None, label=_("SOP"))
    instansi = forms.ModelChoiceField(queryset=None, label=_("Instansi"))
    periode = forms.ModelChoiceField(queryset=None, label=_("Periode"))
    jenis_perintah = forms.ChoiceField(
        label=_("Jenis perintah"),
        choices=[
            ("Disposisi", _("Disposisi")),
            ("Nota Dinas", _("Nota Dinas")),
            ("Surat Perintah", _("Surat Perintah")),
        ],
    )
    nomor_perintah = forms.CharField(label=_("Nomor"), max_length=120)
    tanggal_perintah = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"})
    )
    isi_perintah = forms.CharField(
        label=_("Isi perintah"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, template_qs, instansi_qs, periode_qs, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = template_qs
        self.fields["instansi"].queryset = instansi_qs
        self.fields["periode"].queryset = periode_qs


class TugasSelesaiForm(GayaBootstrap, forms.Form):
    """Mark a step done, with an optional note."""

    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versi = forms.IntegerField(widget=forms.HiddenInput)


class KeputusanForm(GayaBootstrap, forms.Form):
    """Decide at a decision step."""

    hasil = forms.ChoiceField(
        label=_("Keputusan"), choices=HasilKeputusan.choices, widget=forms.RadioSelect
    )
    alasan = forms.CharField(
        label=_("Alasan / arahan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    kembali_ke_no = forms.TypedChoiceField(
        label=_("Kembali ke langkah"), coerce=int, required=False, empty_value=None
    )
    versi = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, pilihan_kembali, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["kembali_ke_no"].choices = [("", "—")] + pilihan_kembali


class TemplateImporForm(GayaBootstrap, forms.Form):
    """Upload an SOP file (YAML or JSON in the documented format)."""

    berkas = forms.FileField(label=_("Berkas SOP (.yaml, .yml atau .json)"))
    instansi = forms.ModelChoiceField(queryset=None, label=_("Instansi pemilik"))

    def __init__(self, *args, instansi_qs, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = instansi_qs


class TemplateSalinForm(GayaBootstrap, forms.Form):
    """Copy a template to an agency under a new code."""

    kode = forms.SlugField(label=_("Kode templat baru"), max_length=80)
    instansi = forms.ModelChoiceField(queryset=None, label=_("Untuk instansi"))

    def __init__(self, *args, instansi_qs, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = instansi_qs


class TemplateKepalaForm(GayaBootstrap, forms.Form):
    """The SOP header fields an administrator edits (lists one item per line)."""

    nama = forms.CharField(label=_("Nama SOP"), max_length=200)
    nomor = forms.CharField(label=_("Nomor SOP"), max_length=120, required=False)
    tanggal_revisi = forms.DateField(
        label=_("Tanggal revisi"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tanggal_efektif = forms.DateField(
        label=_("Tanggal efektif"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    pelaksana = forms.CharField(
        label=_("Kolom pelaksana (satu per baris: kode | label)"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class LangkahForm(GayaBootstrap, forms.Form):
    """One step row in the template editor (lists separated by ';')."""

    no = forms.IntegerField(label=_("No."), min_value=1)
    uraian = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 2}))
    pelaksana = forms.CharField(label=_("Pelaksana (kode, pisahkan dengan ;)"))
    kelengkapan = forms.CharField(label=_("Kelengkapan"), required=False)
    waktu_jumlah = forms.DecimalField(label=_("Waktu"), required=False, min_value=0)
    waktu_satuan = forms.ChoiceField(
        label=_("Satuan"),
        choices=[
            ("menit", _("menit")),
            ("jam", _("jam")),
            ("hari", _("hari kerja")),
            ("teks", _("teks")),
        ],
    )
    waktu_teks = forms.CharField(label=_("Aturan waktu (teks)"), required=False)
    output = forms.CharField(label=_("Output"), required=False)
    jenis = forms.ChoiceField(label=_("Jenis"), choices=[])
    kembali_ke = forms.IntegerField(label=_("Kembali ke"), required=False, min_value=1)
    aksi_sistem = forms.ChoiceField(label=_("Aksi sistem"), required=False, choices=[])

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from kinerja.alur import berkas_sop
        from kinerja.alur.models import JenisLangkah

        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = JenisLangkah.choices
        self.fields["aksi_sistem"].choices = [("", "—")] + [
            (a, a) for a in sorted(berkas_sop.AKSI_SISTEM)
        ]


LangkahFormSet = forms.formset_factory(LangkahForm, extra=1, can_delete=True, can_order=True)


class RapatForm(GayaBootstrap, forms.Form):
    """Record a meeting held at a meeting step."""

    judul = forms.CharField(label=_("Judul rapat"), max_length=200)
    waktu = forms.DateTimeField(
        label=_("Waktu"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    tempat = forms.CharField(label=_("Tempat"), max_length=200)
    pimpinan = forms.CharField(label=_("Pimpinan rapat"), max_length=200)
    peserta = forms.CharField(
        label=_("Peserta (satu per baris)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    notulen = forms.CharField(label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 5}))


class UnggahESRForm(GayaBootstrap, forms.Form):
    """Record the upload to esr.menpan.go.id."""

    tanggal = forms.DateField(
        label=_("Tanggal unggah"), widget=forms.DateInput(attrs={"type": "date"})
    )
    referensi = forms.CharField(label=_("Referensi/bukti unggah"), max_length=200)
    dokumen = forms.ModelChoiceField(queryset=None, label=_("Bundel yang diunggah"), required=False)
    catatan = forms.CharField(label=_("Catatan"), required=False)

    def __init__(self, *args, dokumen_qs, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["dokumen"].queryset = dokumen_qs
