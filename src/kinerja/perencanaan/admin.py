"""Admin screens for the planning master tables."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.perencanaan import models as m


class LevelInline(admin.TabularInline):
    model = m.LevelKerangka
    extra = 0


@admin.register(m.KerangkaKinerja)
class KerangkaAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "instansi", "jenis", "tahun_mulai", "tahun_selesai")
    list_filter = ("jenis",)
    search_fields = ("nama", "instansi__nama")
    autocomplete_fields = ("instansi",)
    inlines = [LevelInline]


@admin.register(m.Elemen)
class ElemenAdmin(SimpleHistoryAdmin):
    list_display = ("kode", "nama", "level", "kerangka", "unit")
    list_filter = ("level__nama", "kerangka")
    search_fields = ("kode", "nama", "kode_rup")
    autocomplete_fields = ("induk", "unit", "instansi_pemilik")


@admin.register(m.TautanCrosscutting)
class CrosscuttingAdmin(admin.ModelAdmin):
    list_display = ("dari", "ke", "keterangan")
    autocomplete_fields = ("dari", "ke")


class LevelOrdinalInline(admin.TabularInline):
    model = m.LevelOrdinal
    extra = 0


@admin.register(m.SkalaOrdinal)
class SkalaOrdinalAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama")
    search_fields = ("kode", "nama")
    inlines = [LevelOrdinalInline]


class TargetInline(admin.TabularInline):
    model = m.TargetTahunan
    extra = 0
    fields = ("tahun", "nomor_versi", "jenis", "nilai", "nilai_min", "nilai_max", "nilai_teks")
    fields += ("berlaku_mulai", "alasan")


@admin.register(m.Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ("kode", "nama", "satuan", "polaritas", "jenis_nilai", "agregasi", "elemen")
    list_filter = ("polaritas", "jenis_nilai", "agregasi", "jenis", "frekuensi")
    search_fields = ("kode", "nama")
    autocomplete_fields = ("elemen", "unit_penanggung_jawab", "skala")
    inlines = [TargetInline]


@admin.register(m.TargetTahunan)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ("indikator", "tahun", "nomor_versi", "jenis", "nilai", "berlaku_mulai")
    list_filter = ("tahun", "jenis")
    search_fields = ("indikator__nama",)
    autocomplete_fields = ("indikator",)


class ItemPKInline(admin.TabularInline):
    model = m.ItemPK
    extra = 0
    autocomplete_fields = ("indikator", "item_induk")


class AnggaranPKInline(admin.TabularInline):
    model = m.AnggaranPK
    extra = 0
    autocomplete_fields = ("elemen",)


@admin.register(m.PerjanjianKinerja)
class PerjanjianAdmin(SimpleHistoryAdmin):
    list_display = ("jabatan", "tahun", "nomor_versi", "pihak_pertama", "status")
    list_filter = ("tahun", "status")
    search_fields = ("jabatan__nama", "pihak_pertama__nama")
    autocomplete_fields = ("jabatan", "pihak_pertama", "jabatan_pihak_kedua", "pihak_kedua")
    inlines = [ItemPKInline, AnggaranPKInline]


class RencanaAksiInline(admin.TabularInline):
    model = m.RencanaAksi
    extra = 0


@admin.register(m.ItemPK)
class ItemPKAdmin(SimpleHistoryAdmin):
    list_display = ("indikator", "perjanjian", "target", "target_teks")
    search_fields = ("indikator__nama",)
    autocomplete_fields = ("perjanjian", "indikator", "item_induk")
    inlines = [RencanaAksiInline]


class PenarikanInline(admin.TabularInline):
    model = m.RencanaPenarikan
    extra = 0


@admin.register(m.Anggaran)
class AnggaranAdmin(SimpleHistoryAdmin):
    list_display = ("elemen", "tahun", "pagu", "sumber")
    list_filter = ("tahun",)
    search_fields = ("elemen__nama", "elemen__kode")
    autocomplete_fields = ("elemen",)
    inlines = [PenarikanInline]
