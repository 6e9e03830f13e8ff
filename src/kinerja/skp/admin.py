"""Admin screens for employee performance (read mostly: writes belong to the services)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.skp import models as m


class IndikatorInline(admin.TabularInline):
    model = m.IndikatorSKP
    extra = 0


class RHKInline(admin.StackedInline):
    model = m.RencanaHasilKerja
    extra = 0
    fields = ("jenis", "uraian", "rhk_atasan", "item_pk", "urutan")
    raw_id_fields = ("rhk_atasan", "item_pk")


class PenilaianInline(admin.TabularInline):
    model = m.PenilaianSKP
    extra = 0
    fields = ("periode", "rating_hasil_kerja", "rating_perilaku", "predikat", "final")
    readonly_fields = fields
    can_delete = False


@admin.register(m.SKP)
class SKPAdmin(SimpleHistoryAdmin):
    list_display = ("pegawai", "tahun", "mulai", "selesai", "unit", "penilai", "status")
    list_filter = ("tahun", "status", "jenis_asn")
    search_fields = ("pegawai__nama", "pegawai__nip", "unit__nama")
    raw_id_fields = ("pegawai", "unit", "jabatan", "jabatan_penilai", "penilai")
    inlines = [RHKInline, PenilaianInline]


@admin.register(m.RencanaHasilKerja)
class RHKAdmin(SimpleHistoryAdmin):
    list_display = ("uraian", "skp", "jenis", "rhk_atasan", "item_pk")
    search_fields = ("uraian", "skp__pegawai__nama")
    raw_id_fields = ("skp", "rhk_atasan", "item_pk")
    inlines = [IndikatorInline]


@admin.register(m.RealisasiSKP)
class RealisasiAdmin(SimpleHistoryAdmin):
    list_display = ("indikator", "periode", "nilai", "diisi_oleh", "diisi_pada")
    list_filter = ("periode__tahun",)
    raw_id_fields = ("indikator", "periode")


@admin.register(m.BuktiSKP)
class BuktiAdmin(admin.ModelAdmin):
    list_display = ("nama", "realisasi", "sha256", "tautan", "diunggah_oleh", "diunggah_pada")
    raw_id_fields = ("realisasi",)
    readonly_fields = ("sha256", "ukuran", "jenis_konten")


@admin.register(m.PenilaianSKP)
class PenilaianAdmin(SimpleHistoryAdmin):
    list_display = ("skp", "periode", "rating_hasil_kerja", "rating_perilaku", "predikat", "final")
    list_filter = ("predikat", "final", "sumber_rating_hasil")
    search_fields = ("skp__pegawai__nama",)
    raw_id_fields = ("skp", "periode", "penilai")
