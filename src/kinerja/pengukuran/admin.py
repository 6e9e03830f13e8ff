"""Admin screens for the measurement tables."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.pengukuran import models as m


@admin.register(m.Periode)
class PeriodeAdmin(SimpleHistoryAdmin):
    list_display = ("label", "pemda", "status", "batas_pengisian")
    list_filter = ("tahun", "jenis_periode", "status")
    search_fields = ("pemda__nama",)


class DataDukungInline(admin.TabularInline):
    model = m.DataDukung
    extra = 0
    fields = (
        "nama",
        "berkas",
        "tautan",
        "keputusan",
        "catatan_validator",
        "diputuskan_oleh",
        "diputuskan_pada",
    )
    readonly_fields = ("berkas", "diputuskan_oleh", "diputuskan_pada")


@admin.register(m.Realisasi)
class RealisasiAdmin(SimpleHistoryAdmin):
    list_display = ("indikator", "periode", "nilai", "nilai_teks", "status", "terlambat", "versi")
    list_filter = ("status", "terlambat", "periode__tahun")
    readonly_fields = ("diajukan_oleh", "diajukan_pada", "terlambat")
    search_fields = ("indikator__nama",)
    autocomplete_fields = ("indikator", "periode")
    inlines = [DataDukungInline]


@admin.register(m.Berkas)
class BerkasAdmin(admin.ModelAdmin):
    list_display = ("sha256", "jenis_konten", "ukuran", "diunggah_pada")
    search_fields = ("sha256",)
    readonly_fields = ("sha256", "ukuran", "jenis_konten", "berkas")


@admin.register(m.RealisasiAnggaran)
class RealisasiAnggaranAdmin(SimpleHistoryAdmin):
    list_display = ("anggaran", "periode", "nilai", "versi")
    list_filter = ("periode__tahun",)
    autocomplete_fields = ("anggaran", "periode")
