"""Admin screens for the organisation master tables."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, PemangkuJabatan, Peran


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ("nama", "jenis", "singkatan", "induk", "kode")
    list_filter = ("jenis",)
    search_fields = ("nama", "singkatan", "kode")
    autocomplete_fields = ("induk",)
    readonly_fields = ("jalur",)


class PemangkuInline(admin.TabularInline):
    model = PemangkuJabatan
    extra = 0
    autocomplete_fields = ("pegawai",)


@admin.register(Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "instansi", "atasan", "eselon")
    search_fields = ("nama", "instansi__nama")
    autocomplete_fields = ("instansi", "atasan")
    inlines = [PemangkuInline]


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = ("nama_lengkap", "nip", "jenis_asn", "pangkat", "golongan", "unit", "aktif")
    list_filter = ("jenis_asn", "aktif")
    search_fields = ("nama", "nip")
    autocomplete_fields = ("unit", "pengguna")


@admin.register(PemangkuJabatan)
class PemangkuJabatanAdmin(SimpleHistoryAdmin):
    list_display = ("jabatan", "pegawai", "status", "mulai", "selesai", "nomor_sk")
    list_filter = ("status",)
    search_fields = ("jabatan__nama", "pegawai__nama")
    autocomplete_fields = ("jabatan", "pegawai")


@admin.register(Peran)
class PeranAdmin(SimpleHistoryAdmin):
    list_display = ("pengguna", "kode", "instansi", "mulai", "selesai")
    list_filter = ("kode",)
    search_fields = ("pengguna__username", "instansi__nama")
    autocomplete_fields = ("pengguna", "instansi")
