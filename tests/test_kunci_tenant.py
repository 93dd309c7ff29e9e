"""Every tenant-owned table carries instansi_id (the future Citus distribution key) through
the `MilikInstansi` base, whose manager refuses to query outside an agency scope."""

import pytest
from django.apps import apps

from ramping.inti.lingkup import (
    ScopeError,
    lingkup_aktif,
    lingkup_instansi,
    semua_instansi,
)
from ramping.inti.models import Berversi, MilikInstansi
from ramping.organisasi.models import Instansi, UnitKerja

# Tables that are not owned by one agency, and why.
BUKAN_MILIK_INSTANSI = {
    "organisasi.Instansi": "the tenant itself",
    "akun.Pengguna": "a login may belong to several agencies through Keanggotaan",
    # Keyed by instansi_id (its primary key) without a foreign key, so the per-agency
    # export/import, which follows foreign keys, leaves this bookkeeping row out.
    "audit.NomorPerubahan": "the agency's change counter for the page fragment cache",
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


def _model_ramping():
    return [m for m in apps.get_models() if m.__module__.startswith("ramping.")]


def test_setiap_model_milik_instansi_mewarisi_basisnya():
    """The `instansi` column and the fail-closed manager come from one base, never by hand."""
    bukan = [
        m._meta.label
        for m in _model_ramping()
        if m._meta.label not in BUKAN_MILIK_INSTANSI and not issubclass(m, MilikInstansi)
    ]
    assert bukan == []


def test_setiap_model_dengan_kolom_versi_mewarisi_berversi():
    bukan = [
        m._meta.label
        for m in _model_ramping()
        if any(f.name == "versi" for f in m._meta.concrete_fields) and not issubclass(m, Berversi)
    ]
    assert bukan == []


@pytest.mark.lingkup_ketat
@pytest.mark.parametrize(
    "label",
    sorted(m._meta.label for m in apps.get_models() if issubclass(m, MilikInstansi)),
)
def test_kueri_tanpa_lingkup_instansi_ditolak(label):
    model = apps.get_model(label)
    assert lingkup_aktif() is None
    with pytest.raises(ScopeError):
        list(model.objects.all())
    with pytest.raises(ScopeError):
        model.objects.filter(pk=1).exists()
    with pytest.raises(ScopeError):
        model.objects.count()


def test_lingkup_instansi_menyaring_ke_instansinya(dunia):
    with lingkup_instansi(dunia.instansi.pk):
        kode = set(UnitKerja.objects.values_list("kode", flat=True))
        assert kode == {"DINAS-A", "DINAS-A.B1", "DINAS-B"}
    with lingkup_instansi(dunia.instansi_lain.pk):
        assert not UnitKerja.objects.exists()
        # A related manager is scoped too: another agency's tree is not reachable through it.
        assert not dunia.struktur.unit_set.exists()
    with semua_instansi():
        assert UnitKerja.objects.filter(struktur=dunia.struktur).count() == 3


def test_lingkup_tanpa_id_instansi_ditolak():
    with pytest.raises(TypeError), lingkup_instansi(None):
        pass
