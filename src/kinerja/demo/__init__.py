"""The demo world (*data contoh*) of the four seed agencies and the synthetic Pemda.

`kinerja demo` loads it (`management/commands/demo.py`); `pemuat` is the loader, `dunia` the
shape of the data, `data_*` the hand-written data of each agency, `berkas` the small evidence
files and `sintetis` the generator behind `kinerja demo --skala pemda`.
"""
