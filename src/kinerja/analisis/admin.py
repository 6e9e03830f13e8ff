"""Admin screens for recommendation rules, recommendations and follow-ups (read mostly: the
pages and services are where they are changed, with permission checks and audit)."""

from __future__ import annotations

from django.contrib import admin

from kinerja.analisis.models import AturanRekomendasi, Rekomendasi, TindakLanjut


@admin.register(AturanRekomendasi)
class AturanRekomendasiAdmin(admin.ModelAdmin):
    """Rules with their scope, threshold and state."""

    list_display = ("jenis", "instansi", "aktif", "ambang", "tingkat", "versi", "diubah_pada")
    list_filter = ("jenis", "aktif", "tingkat")
    search_fields = ("instansi__nama", "templat")
    raw_id_fields = ("instansi",)
    readonly_fields = ("versi", "diubah_oleh", "diubah_pada")


class TindakLanjutInline(admin.StackedInline):
    """The follow-up shown under its recommendation (read only here)."""

    model = TindakLanjut
    extra = 0
    can_delete = False
    fields = ("pemilik", "tenggat", "status", "instruksi", "catatan", "ditugaskan_oleh")
    readonly_fields = fields


@admin.register(Rekomendasi)
class RekomendasiAdmin(admin.ModelAdmin):
    """Recommendations by agency, period, kind and state; generated, so read only."""

    list_display = ("teks_pendek", "instansi", "periode", "jenis", "tingkat", "status")
    list_filter = ("jenis", "status", "tingkat", "periode__tahun")
    search_fields = ("teks", "instansi__nama", "indikator__nama")
    list_select_related = ("instansi", "periode")
    inlines = [TindakLanjutInline]
    readonly_fields = [f.name for f in Rekomendasi._meta.concrete_fields]

    @admin.display(description="rekomendasi")
    def teks_pendek(self, obj: Rekomendasi) -> str:
        """The first words of the text."""
        return obj.teks[:90]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(TindakLanjut)
class TindakLanjutAdmin(admin.ModelAdmin):
    """Follow-ups by state, owner and due date (changed through the pages, which audit)."""

    list_display = ("rekomendasi", "pemilik", "tenggat", "status", "diperbarui_pada")
    list_filter = ("status",)
    search_fields = ("rekomendasi__teks", "pemilik__username", "instruksi")
    list_select_related = ("rekomendasi", "pemilik")
    readonly_fields = [f.name for f in TindakLanjut._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
