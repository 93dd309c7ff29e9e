"""SSO end to end in Chromium: ramping's login page, the local OpenID Connect provider's form
(oidc-provider-mock, `sso` fixture), back to ramping with the role from the groups claim."""

import re

import pytest

from ramping.akun.models import Pengguna
from tests.browser.conftest import masuk

pytestmark = pytest.mark.browser


def test_masuk_dengan_sso_sampai_dasbor_instansi_dengan_peran_dari_grup(
    page, live_server, kota, sso
):
    sso.pengguna(
        "sub-rina",
        preferred_username="rina",
        given_name="Rina",
        family_name="Wulandari",
        email="rina@kota-peramban.go.id",
        nip="199203152019032007",
        groups=[f"ramping:{kota.kode}:operator:DINKES"],
    )
    page.goto(f"{live_server.url}/masuk/")
    page.get_by_role("link", name="Masuk dengan SSO").click()

    # The provider's own login page: authorize as this subject.
    page.wait_for_url(f"{sso.url}/oauth2/authorize*")
    page.fill("input[name=sub]", "sub-rina")
    page.get_by_role("button", name="Authorize").click()

    page.wait_for_url(re.compile(rf"{re.escape(live_server.url)}/i/{kota.kode}/"))
    page.locator(".menu-turun summary").click()
    assert page.locator(".pengguna-nama").inner_text() == "Rina Wulandari"
    assert page.locator(".menu-turun li.keterangan").inner_text() == "Operator OPD · DINKES"
    assert Pengguna.objects.get(username="rina").oidc_sub == "sub-rina"


def test_sso_tanpa_peran_kembali_ke_halaman_masuk_dengan_pesan(page, live_server, kota, sso):
    sso.pengguna("sub-tamu", groups=["ramping:instansi-lain:analis"])
    page.goto(f"{live_server.url}/masuk/")
    page.get_by_role("link", name="Masuk dengan SSO").click()
    page.fill("input[name=sub]", "sub-tamu")
    page.get_by_role("button", name="Authorize").click()

    page.wait_for_url(f"{live_server.url}/masuk/")
    assert page.get_by_text(
        "Akun SSO Anda belum memiliki peran di ramping; hubungi admin instansi."
    ).is_visible()
    # The local login on the same page still works.
    masuk(page, live_server, "analis")
    assert f"/i/{kota.kode}/" in page.url
