"""The server process is warmed before its first request (ramping.web.pemanasan): every
project template compiles, the views are imported, and the database is not touched."""

from django.template import engines

from ramping.web.pemanasan import panaskan, templat_proyek


def test_semua_templat_proyek_dikompilasi_tanpa_kueri(django_assert_num_queries, db):
    nama = templat_proyek()
    assert "web/base.html" in nama and "web/peta_isi.html" in nama
    assert not [n for n in nama if n.startswith("admin/")]  # Django's own are not ours to warm
    with django_assert_num_queries(0):
        assert panaskan() == len(nama)
    # Each name resolves to the project's own file (none shadowed by another app's).
    for n in nama:
        assert "/ramping/" in engines["django"].get_template(n).origin.name, n
