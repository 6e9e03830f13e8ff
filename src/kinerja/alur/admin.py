"""Admin screens for SOP templates, cycles and holidays."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.alur import models as m


class LangkahInline(admin.StackedInline):
    model = m.LangkahSOP
    extra = 0


@admin.register(m.TemplateSOP)
class TemplateSOPAdmin(admin.ModelAdmin):
    list_display = ("nama", "instansi_teks", "nomor", "kode", "versi", "aktif", "bawaan")
    list_filter = ("bawaan", "aktif")
    search_fields = ("nama", "kode", "nomor", "instansi_teks")
    inlines = [LangkahInline]


class TugasInline(admin.TabularInline):
    model = m.Tugas
    extra = 0
    fields = ("langkah", "putaran", "status", "mulai", "tenggat", "selesai", "diselesaikan_oleh")
    readonly_fields = fields


@admin.register(m.Siklus)
class SiklusAdmin(SimpleHistoryAdmin):
    list_display = ("template", "instansi", "periode", "status", "dibuka_pada")
    list_filter = ("status",)
    inlines = [TugasInline]


@admin.register(m.HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "nama")
    date_hierarchy = "tanggal"
