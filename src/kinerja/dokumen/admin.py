"""Admin screens for documents: read-only records (files are written only by the services)."""

from django.contrib import admin

from kinerja.dokumen.models import Dokumen, NomorUrut


@admin.register(Dokumen)
class DokumenAdmin(admin.ModelAdmin):
    """Generated documents, for inspection; changes go through the document page."""

    list_display = ["judul", "instansi", "tahun", "format", "versi", "status", "nomor"]
    list_filter = ["jenis", "status", "format", "tahun"]
    search_fields = ["judul", "nomor", "kode_verifikasi", "sha256"]
    readonly_fields = [f.name for f in Dokumen._meta.fields]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(NomorUrut)
class NomorUrutAdmin(admin.ModelAdmin):
    """The last letter number per agency and year (editable to continue a paper register)."""

    list_display = ["instansi", "tahun", "terakhir"]
    list_filter = ["tahun"]
