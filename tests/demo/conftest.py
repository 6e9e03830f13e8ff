"""Every demo test starts from a database without demo data.

Other test modules may load the demo outside their transactions (a module fixture); that data
would otherwise leak into these tests' counts.
"""

from __future__ import annotations

import pytest

from kinerja.demo.pemuat import hapus_demo


@pytest.fixture(autouse=True)
def _tanpa_data_contoh(db):
    hapus_demo()
