"""Kinerja: Pengukuran Kinerja SAKIP untuk instansi pemerintah Indonesia."""

__version__ = "0.1.0"
