"""Indonesian number input and output."""

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.inti.angka import AngkaTidakSah, baca_angka, format_angka, format_rupiah


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("1.234,5", "1234.5"),
        ("1234.5", "1234.5"),
        ("1234,5", "1234.5"),
        ("0,75", "0.75"),
        ("0.125", "0.125"),
        ("-2,5", "-2.5"),
        ("85%", "85"),
        (" 12 ", "12"),
        ("1.234.567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("1,234.5", "1234.5"),
        (",5", "0.5"),
    ],
)
def test_angka_yang_jelas_dibaca(teks, hasil):
    assert baca_angka(teks) == Decimal(hasil)


@pytest.mark.parametrize(
    ("teks", "potongan_pesan"),
    [
        ("12,3,4", "bukan angka"),
        ("abc", "bukan angka"),
        ("1e999", "bukan angka"),
        ("", "wajib diisi"),
        ("   ", "wajib diisi"),
        ("1.234", "bisa berarti ribuan atau desimal"),
        ("1.23.4", "bukan angka"),
        ("12345678901234567", "terlalu panjang"),
        ("1,23456", "terlalu panjang"),
        ("-", "bukan angka"),
        ("NaN", "bukan angka"),
        ("Infinity", "bukan angka"),
        ("1,234.5.6", "bukan angka"),
    ],
)
def test_angka_tidak_sah_ditolak_dengan_pesan(teks, potongan_pesan):
    with pytest.raises(AngkaTidakSah, match=potongan_pesan):
        baca_angka(teks)


def test_negatif_ditolak_bila_satuan_melarang():
    with pytest.raises(AngkaTidakSah, match="tidak boleh negatif"):
        baca_angka("-1", boleh_negatif=False)


def test_kosong_boleh_bila_tidak_wajib():
    assert baca_angka("", wajib=False) is None


def test_pesan_ambigu_menawarkan_dua_tulisan():
    with pytest.raises(AngkaTidakSah) as e:
        baca_angka("1.234")
    assert "1234" in str(e.value) and "1,234" in str(e.value)


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (Decimal("1234.565"), "1.234,57"),
        (Decimal("184.75"), "184,75"),
        (Decimal("-0.005"), "-0,01"),
        (Decimal("1000000"), "1.000.000,00"),
        (None, "–"),
    ],
)
def test_format_angka_indonesia_bulat_setengah_ke_atas(nilai, teks):
    assert format_angka(nilai) == teks


def test_format_rupiah():
    assert format_rupiah(Decimal("1250000.4")) == "Rp 1.250.000"


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_format_lalu_baca_kembali_sama(d):
    assert baca_angka(format_angka(d)) == d


@given(st.text(max_size=30))
def test_masukan_apa_pun_tidak_pernah_error_lain(teks):
    with contextlib.suppress(AngkaTidakSah):
        baca_angka(teks)


@pytest.mark.parametrize(
    ("detik", "teks"),
    [(30, "< 1 menit"), (360, "6 menit"), (6480, "1 jam 48 menit"), (183600, "2 hari 3 jam")],
)
def test_durasi_berbahasa_indonesia(detik, teks):
    import datetime as dt

    from kinerja.inti.templatetags.format_id import durasi

    assert durasi(dt.timedelta(seconds=detik)) == teks
