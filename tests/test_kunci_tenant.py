"""Every tenant-owned table carries instansi_id, the future Citus distribution key."""

from django.apps import apps

from ramping.organisasi.models import Instansi

# Tables that are not owned by one agency, and why.
BUKAN_MILIK_INSTANSI = {
    "organisasi.Instansi": "the tenant itself",
    "akun.Pengguna": "a login may belong to several agencies through Keanggotaan",
}


def test_setiap_model_ramping_membawa_instansi_id():
    tanpa_kunci = []
    for model in apps.get_models():
        if not model.__module__.startswith("ramping."):
            continue
        label = model._meta.label
        if label in BUKAN_MILIK_INSTANSI:
            continue
        field = next((f for f in model._meta.concrete_fields if f.name == "instansi"), None)
        if field is None or field.related_model is not Instansi or field.null:
            tanpa_kunci.append(label)
    assert tanpa_kunci == []


def test_daftar_pengecualian_hanya_berisi_model_yang_ada():
    labels = {m._meta.label for m in apps.get_models()}
    assert set(BUKAN_MILIK_INSTANSI) <= labels
