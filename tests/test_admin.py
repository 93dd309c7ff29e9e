"""The Django admin shows every model of the demo agency, in Indonesian, read-only."""

import pytest
from django.apps import apps
from django.urls import reverse

from ramping.akun.models import Pengguna

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_demo(client, demo):
    pengguna = Pengguna.objects.create_superuser("admin-uji", password="rahasia-uji-123")
    client.force_login(pengguna)
    return client


def _model_ramping():
    return [m for m in apps.get_models() if m.__module__.startswith("ramping.")]


@pytest.mark.parametrize("model", _model_ramping(), ids=lambda m: m._meta.label)
def test_daftar_setiap_model_terbuka_dengan_label_indonesia(
    admin_client_demo, model, django_assert_max_num_queries
):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    with django_assert_max_num_queries(12):  # constant: list_select_related, no N+1
        response = admin_client_demo.get(url)
    assert response.status_code == 200
    assert str(model._meta.verbose_name_plural).lower() in response.content.decode().lower()


def test_data_domain_tidak_bisa_diubah_lewat_admin(admin_client_demo):
    response = admin_client_demo.get(reverse("admin:jabatan_jabatan_add"))
    assert response.status_code == 403


def test_halaman_admin_berbahasa_indonesia(admin_client_demo):
    response = admin_client_demo.get(reverse("admin:index"))
    assert "Data instansi" in response.content.decode()
    assert "Keluar" in response.content.decode()  # Django's own Indonesian translation
