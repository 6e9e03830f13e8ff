"""URL map of the analisis app (mounted at /analisis/ in kinerja/urls.py).

Dashboards and recommendations keep their own pattern lists so they can grow independently.
"""

from kinerja.analisis import urls_dasbor, urls_rekomendasi

app_name = "analisis"

urlpatterns = [*urls_dasbor.urlpatterns, *urls_rekomendasi.urlpatterns]
