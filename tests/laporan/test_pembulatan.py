"""One rounding rule: for any task set, the stored K before rounding, the value the position
page shows and the value in the ABK XLSX are the same digits (and so are beban and EJ)."""

import re
from decimal import Decimal

from django.core.cache import caches
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ramping import aturan
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.abk import abk_hitung_ulang_jabatan
from ramping.laporan.exporters import RekapAbk
from ramping.laporan.format import angka
from tests.laporan.bantu import baris_xlsx

# Minutes make the sums non-terminating (7 min = 0.11666… h), which is where two rounding
# modes would disagree; two-decimal inputs are what Tugas.baru accepts.
TUGAS = st.lists(
    st.tuples(
        st.decimals(min_value=0, max_value=5000, places=2),
        st.decimals(min_value=Decimal("0.01"), max_value=300, places=2),
        st.sampled_from(["jam", "menit"]),
    ),
    min_size=1,
    max_size=6,
)


def _sel(html: str, atribut: str) -> str:
    return re.search(rf'{atribut}">([^<]*)<', html)[1]


def _tampil_xlsx(nilai, tempat: int) -> str:
    # What Excel prints for a number cell with format #,##0.00…: the value to `tempat` places.
    return angka(Decimal(repr(nilai)), tempat)


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(tugas=TUGAS)
def test_tersimpan_sama_dengan_tampil_dan_ekspor(client, dunia, kecil, tugas):
    jabatan = kecil.kepala_a  # B = 1, so EJ is defined too
    client.force_login(dunia.analis.pengguna)
    # Each example writes with the bare ORM (no audit, so no change counter) and is rolled
    # back, so the page's fragments of the previous example (ramping.web.potongan) would be
    # served again under the same counter: no request of a running server can read such
    # uncommitted rows, so this is the test's own shortcut, undone here.
    caches["potongan"].clear()
    with transaction.atomic():
        Tugas.objects.filter(jabatan=jabatan).delete()
        Tugas.objects.bulk_create(
            Tugas(instansi=dunia.instansi, jabatan=jabatan, urutan=i, uraian="Tugas",
                  hasil_kerja="Hasil", satuan_hasil="dokumen", volume=v, waktu=w, satuan_waktu=s)
            for i, (v, w, s) in enumerate(tugas, 1)
        )  # fmt: skip
        abk_hitung_ulang_jabatan(jabatan=jabatan)
        tersimpan = Jabatan.objects.get(pk=jabatan.pk)
        masukan = [aturan.Tugas.baru(v, w, s) for v, w, s in tugas]
        harapan = aturan.bulatkan_kebutuhan_desimal(aturan.kebutuhan_pegawai(masukan))
        assert tersimpan.kebutuhan_desimal == harapan
        assert tersimpan.beban_kerja_jam == aturan.bulatkan_beban(aturan.beban_kerja_jam(masukan))

        url = reverse("web:jabatan", args=[dunia.instansi.kode, jabatan.pk]) + "?tab=tugas"
        html = client.get(url).content.decode()
        isi = RekapAbk(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a).ekspor(
            "xlsx"
        )
        _, _, baris = baris_xlsx(isi)
        sel = next([c.value for c in b] for b in baris if b[2].value == "Kepala Dinas A")

        k = angka(tersimpan.kebutuhan_desimal, aturan.DESIMAL_KEBUTUHAN)
        assert _sel(html, 'data-kaki="k-desimal') == k
        assert _tampil_xlsx(sel[5], aturan.DESIMAL_KEBUTUHAN) == k
        beban = angka(tersimpan.beban_kerja_jam, aturan.DESIMAL_BEBAN)
        assert _sel(html, 'data-kaki="beban') == beban
        assert _tampil_xlsx(sel[4], aturan.DESIMAL_BEBAN) == beban
        ej, _pj = aturan.efektivitas_jabatan(tersimpan.beban_kerja_jam, 1)
        assert _sel(html, 'data-ringkasan="ej') == angka(ej, 2)
        assert _tampil_xlsx(sel[9], 2) == angka(ej, 2)
        transaction.set_rollback(True)


def test_keterangan_pj_rekap_abk_dari_pengaturan(dunia, kecil):
    isi = RekapAbk(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a).ekspor("xlsx")
    ws, _, _ = baris_xlsx(isi)
    teks = " ".join(str(c.value) for r in ws.iter_rows(max_row=8) for c in r if c.value)
    assert f"PJ: {aturan.keterangan_pita_pj()}." in teks
