"""The world of the alur tests: an agency, its SOP template and one person per role."""

import pytest

from kinerja.alur import services
from kinerja.organisasi.models import KodePeran
from tests.alur.bantuan import SOP
from tests.factories import PeriodeFactory, UnitFactory, UserFactory, beri_peran


@pytest.fixture
def dunia():
    bidang = UnitFactory()
    dinas = bidang.induk
    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dinas.induk)
    t = services.template_impor(pengguna=admin, data=SOP, instansi=dinas)
    return {
        "dinas": dinas,
        "template": t,
        "periode": PeriodeFactory(pemda=dinas.induk),
        "kepala": beri_peran(UserFactory(), KodePeran.KEPALA, dinas),
        "sekretaris": beri_peran(UserFactory(), KodePeran.SEKRETARIS, dinas),
        "operator": beri_peran(UserFactory(), KodePeran.BIDANG, bidang),
        "kabid": beri_peran(UserFactory(), KodePeran.KEPALA_BIDANG, bidang),
        "tim": beri_peran(UserFactory(), KodePeran.KETUA_TIM_SAKIP, dinas),
        "luar": beri_peran(UserFactory(), KodePeran.KEPALA, UnitFactory().induk),
    }
