"""The audit log is visible to administrators and never editable."""

from django.contrib import admin

from kinerja.inti.models import Peristiwa


@admin.register(Peristiwa)
class PeristiwaAdmin(admin.ModelAdmin):
    list_display = ("waktu", "pengguna", "aksi", "objek_tipe", "objek_repr")
    list_filter = ("aksi", "objek_tipe")
    search_fields = ("objek_repr", "alasan", "request_id")
    date_hierarchy = "waktu"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
