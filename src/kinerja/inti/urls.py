"""Login, logout, password change and the home page."""

from django.contrib.auth import views as auth_views
from django.urls import path

from kinerja.inti import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="inti/masuk.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        auth_views.PasswordChangeView.as_view(template_name="inti/kata_sandi.html"),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(template_name="inti/kata_sandi_selesai.html"),
        name="password_change_done",
    ),
    path("kesehatan/", views.kesehatan, name="kesehatan"),
]
