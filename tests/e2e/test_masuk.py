"""A user logs in through a real browser."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_masuk_lewat_peramban(live_server, page, tmp_path):
    get_user_model().objects.create_user("sekretaris", password="rahasia-panjang-123")
    page.goto(live_server.url + "/")
    assert "/masuk/" in page.url
    page.fill("#id_username", "sekretaris")
    page.fill("#id_password", "rahasia-panjang-123")
    page.click("button[type=submit]")
    page.wait_for_selector("h1")
    assert "Selamat datang" in page.inner_text("h1")
