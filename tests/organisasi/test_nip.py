"""NIP validation decodes birth date, TMT, sex and sequence."""

import datetime as dt

import pytest

from kinerja.organisasi import nip as m


def test_nip_resmi_diurai():
    info = m.urai_nip("19720925 199803 1 003")
    assert info.nip == "197209251998031003"
    assert info.tanggal_lahir == dt.date(1972, 9, 25)
    assert info.tmt == dt.date(1998, 3, 1)
    assert info.jenis_kelamin == "L"
    assert info.nomor_urut == 3


def test_format_nip_memberi_spasi_resmi():
    assert m.format_nip("197209251998031003") == "19720925 199803 1 003"


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("1972092519980310", m.PESAN_NIP_PANJANG),
        ("19720925199803100A", m.PESAN_NIP_PANJANG),
        ("197213251998031003", m.PESAN_NIP_LAHIR),
        ("197209251998131003", m.PESAN_NIP_TMT),
        ("197209251980031003", m.PESAN_NIP_TMT_SEBELUM_LAHIR),
        ("197209251998033003", m.PESAN_NIP_JENIS_KELAMIN),
    ],
)
def test_nip_salah_ditolak_dengan_pesan(nip, pesan):
    with pytest.raises(ValueError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        m.urai_nip(nip)
