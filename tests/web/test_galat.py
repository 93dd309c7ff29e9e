"""`ramping.web.galat.layanan`: where each service error lands on a web page."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from ramping.errors import KonflikPerubahan, RampingError, TidakBerhak, TidakDitemukan
from ramping.web.galat import jalankan, layanan


class Form(forms.Form):
    nama = forms.CharField(required=False)
    ke = forms.CharField(required=False)


def _form() -> Form:
    form = Form({"nama": "x", "ke": "y"})
    assert form.is_valid()
    return form


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _pesan(request) -> list[str]:
    return [m.message for m in get_messages(request)]


def test_berhasil_tidak_menyentuh_apa_pun():
    form = _form()
    with layanan(form=form) as hasil:
        pass
    assert hasil.berhasil and not hasil.gagal and not form.errors


def test_galat_ber_field_di_samping_fieldnya_yang_lain_di_atas_form():
    form = _form()
    with layanan(form=form) as hasil:
        raise RampingError("Nama sudah dipakai.", field="nama")
    assert hasil.gagal and hasil.field == "nama" and hasil.pesan == ""
    assert form.errors == {"nama": ["Nama sudah dipakai."]}
    form = _form()
    with layanan(form=form) as hasil:
        raise RampingError("Versi ini tidak dapat diubah.", field="struktur")
    assert form.non_field_errors() == ["Versi ini tidak dapat diubah."]
    assert hasil.pesan == "Versi ini tidak dapat diubah."


def test_peta_dan_medan_bawaan():
    form = _form()
    with layanan(form=form, peta={"pegawai": "nama"}):
        raise RampingError("Pegawai lain instansi.", field="pegawai")
    assert form.errors == {"nama": ["Pegawai lain instansi."]}
    form = _form()
    with layanan(form=form, medan="ke"):
        raise RampingError("Hanya penempatan aktif.")
    assert form.errors == {"ke": ["Hanya penempatan aktif."]}


def test_tanpa_form_pesan_flash_dan_tanpa_keduanya_hanya_dicatat():
    request = _request()
    with layanan(request) as hasil:
        raise KonflikPerubahan()
    assert hasil.konflik
    assert _pesan(request) == [KonflikPerubahan.pesan]
    with layanan() as hasil:
        raise RampingError("Aturan dilanggar.", field="uraian")
    assert (hasil.field, hasil.pesan) == ("uraian", "Aturan dilanggar.")


def test_umum_none_menyimpan_pesan_umum_tanpa_form_non_field():
    form = _form()
    with layanan(form=form, umum=None) as hasil:
        raise KonflikPerubahan()
    assert hasil.pesan == KonflikPerubahan.pesan and not form.errors


@pytest.mark.parametrize("galat", [TidakBerhak, TidakDitemukan])
def test_akses_diteruskan_ke_halaman_instansi(galat):
    with pytest.raises(galat), layanan(form=_form()):
        raise galat()


def test_lolos_kosong_menangkap_akses_juga():
    request = _request()
    with layanan(request, lolos=()) as hasil:
        raise TidakBerhak()
    assert hasil.gagal and _pesan(request) == [TidakBerhak.pesan]


def test_validation_error_model():
    form = _form()
    with layanan(form=form):
        raise ValidationError({"nama": ["Terlalu panjang."], "lain": ["Tidak sah."]})
    assert form.errors == {"nama": ["Terlalu panjang."], "__all__": ["Tidak sah."]}
    request = _request()
    with layanan(request):
        raise ValidationError({"a": ["Satu."], "b": ["Dua."]})
    assert _pesan(request) == ["Satu.; Dua."]


def test_galat_lain_tidak_ditelan():
    with pytest.raises(ZeroDivisionError), layanan(form=_form()):
        1 / 0  # noqa: B018


def test_juga_menangkap_galat_berkas():
    class Ditolak(ValueError):
        pesan = "Berkas bukan XLSX."

    form = _form()
    with layanan(form=form, medan="ke", juga=(Ditolak,)) as hasil:
        raise Ditolak()
    assert hasil.gagal and form.errors == {"ke": ["Berkas bukan XLSX."]}


def test_jalankan_mengembalikan_hasil_atau_none():
    form = _form()
    assert jalankan(form, lambda **kw: kw["n"] + 1, n=1) == 2

    def gagal():
        raise RampingError("Tidak boleh.", field="nama")

    assert jalankan(form, gagal) is None
    assert form.errors == {"nama": ["Tidak boleh."]}
