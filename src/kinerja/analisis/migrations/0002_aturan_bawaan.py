"""Load the built-in recommendation rules (the defaults every Pemda starts with)."""

from django.db import migrations


def muat(apps, schema_editor):
    from kinerja.analisis.aturan import ATURAN_BAWAAN

    Aturan = apps.get_model("analisis", "AturanRekomendasi")
    for a in ATURAN_BAWAAN:
        nilai = {k: str(v) if k in ("jenis", "tingkat") else v for k, v in a.items()}
        Aturan.objects.get_or_create(instansi=None, jenis=nilai.pop("jenis"), defaults=nilai)


class Migration(migrations.Migration):
    dependencies = [("analisis", "0001_initial")]

    operations = [migrations.RunPython(muat, migrations.RunPython.noop)]
