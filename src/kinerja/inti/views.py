"""Views of the shell: home page and health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def beranda(request: HttpRequest) -> HttpResponse:
    """The home page after login."""
    return render(request, "inti/beranda.html", {})


@login_not_required
def kesehatan(request: HttpRequest) -> JsonResponse:
    """Liveness check for the load balancer: answers 200 when the database answers."""
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
