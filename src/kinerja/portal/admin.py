"""Admin screens of the portal: publications are read-only records (written by the services);
public slugs may be corrected by an administrator."""

from django.contrib import admin

from kinerja.portal.models import AlamatPublik, Publikasi


@admin.register(Publikasi)
class PublikasiAdmin(admin.ModelAdmin):
    """Publications and withdrawals, for inspection; publish and withdraw on /publik/kelola/."""

    list_display = [
        "instansi",
        "periode",
        "status",
        "capaian_teks",
        "predikat",
        "diterbitkan_pada",
        "ditarik_pada",
    ]
    list_filter = ["status", "pemda"]
    search_fields = ["instansi__nama", "alasan_tarik", "dokumen__kode_verifikasi"]
    readonly_fields = [f.name for f in Publikasi._meta.fields] + ["lampiran"]
    exclude = ["data"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(AlamatPublik)
class AlamatPublikAdmin(admin.ModelAdmin):
    """The slugs of Pemdas and agencies in public URLs (changing one changes their links)."""

    list_display = ["slug", "instansi", "lingkup"]
    search_fields = ["slug", "instansi__nama"]
    readonly_fields = ["instansi", "lingkup"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
