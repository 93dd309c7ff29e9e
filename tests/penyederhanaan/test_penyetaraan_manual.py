"""Issue #12 item 7: penyetaraan entered by hand for any official of any version, with the
checks of the generated entries, the same state machine, and withdrawal before approval."""

from datetime import date

import pytest
from django.urls import reverse

from ramping import aturan
from ramping.audit.models import JejakAudit
from ramping.errors import KonflikPerubahan, TidakBerhak, TidakDitemukan
from ramping.penyederhanaan.models import Penyetaraan
from ramping.penyederhanaan.services import (
    penyetaraan_buat,
    penyetaraan_lanjut,
    penyetaraan_tarik,
    terapkan_rekomendasi,
)
from ramping.penyederhanaan.services.penyetaraan import PenyetaraanTidakSah, TahapTidakSah


def _buat(dunia, skema, i=3, akses=None, **lain):
    return penyetaraan_buat(
        akses=akses or dunia.analis,
        struktur=dunia.struktur,
        pegawai=skema.pegawai[i],
        nama_jf=lain.pop("nama_jf", "Analis Kebijakan"),
        **lain,
    )


def test_tambah_manual_mengikuti_tahap_yang_sama(dunia, skema):
    p = _buat(dunia, skema)  # Kepala Bidang Satu: administrator, III.b
    assert (p.nama_jabatan_lama, p.unit_lama, p.eselon_lama, p.kelas_lama) == (
        "Kepala Bidang Satu",
        "Bidang Satu",
        "III.b",
        11,
    )
    assert (p.jenjang, p.status, p.jabatan_lama, p.jabatan_baru) == (
        "ahli_madya",  # R17-01: administrator → Ahli Madya
        "teridentifikasi",
        skema.kepala_bidang,
        None,
    )
    katalog = aturan.cari_jf("Analis Kebijakan", "ahli_madya")  # as generated entries
    assert p.kelas_baru == (katalog.kelas_jabatan if katalog else None)
    assert JejakAudit.objects.filter(aksi="penyetaraan_buat", objek_id=p.pk).exists()
    p = penyetaraan_lanjut(akses=dunia.analis, penyetaraan=p, versi=p.versi, tanggal=date.today())
    assert p.status == "dipetakan"
    # The analyst may choose another jenjang, as penyetaraan_ubah allows.
    q = _buat(dunia, skema, i=0, jenjang="ahli_pertama", kelas_baru=8)
    assert (q.jenjang, q.kelas_baru, q.eselon_lama) == ("ahli_pertama", 8, "IV.a")


def test_dua_kali_untuk_pejabat_yang_sama_ditolak(dunia, skema):
    _buat(dunia, skema)
    with pytest.raises(PenyetaraanTidakSah, match="sudah ada di register") as e:
        _buat(dunia, skema, nama_jf="Perencana")
    assert e.value.field == "pegawai"
    assert Penyetaraan.objects.filter(struktur=dunia.struktur).count() == 1


def test_pejabat_dari_penghapusan_unit_tidak_dicatat_lagi(dunia, skema):
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    with pytest.raises(PenyetaraanTidakSah, match="sudah ada"):
        penyetaraan_buat(
            akses=dunia.analis, struktur=baru, pegawai=skema.pegawai[0], nama_jf="Perencana"
        )


def test_di_luar_lingkup_dan_tanpa_jabatan_ditolak(dunia, skema):
    with pytest.raises(PenyetaraanTidakSah, match="bukan jabatan administrasi"):
        _buat(dunia, skema, i=1)  # an ordinary pelaksana stays pelaksana
    with pytest.raises(PenyetaraanTidakSah, match="JF tujuan wajib"):
        _buat(dunia, skema, nama_jf=" ")


def test_tarik_dengan_kunci_dan_hanya_sebelum_disetujui(dunia, skema):
    p = _buat(dunia, skema)
    with pytest.raises(KonflikPerubahan):
        penyetaraan_tarik(akses=dunia.analis, penyetaraan=p, versi=p.versi - 1)
    penyetaraan_tarik(akses=dunia.analis, penyetaraan=p, versi=p.versi)
    assert not Penyetaraan.objects.filter(pk=p.pk).exists()
    jejak = JejakAudit.objects.get(aksi="penyetaraan_tarik", objek_id=p.pk)
    assert jejak.perubahan["nama_jabatan_lama"] == "Kepala Bidang Satu"
    p = _buat(dunia, skema)  # after withdrawal the official may be entered again
    for _ in range(3):
        p = penyetaraan_lanjut(
            akses=dunia.analis, penyetaraan=p, versi=p.versi, tanggal=date.today()
        )
    assert p.status == "disetujui"
    with pytest.raises(TahapTidakSah):
        penyetaraan_tarik(akses=dunia.analis, penyetaraan=p, versi=p.versi)


def test_hanya_analis(dunia, skema):
    with pytest.raises(TidakBerhak):
        _buat(dunia, skema, akses=dunia.operator_a)
    with pytest.raises(TidakDitemukan):
        _buat(dunia, skema, akses=dunia.orang_luar)
    p = _buat(dunia, skema)
    with pytest.raises(TidakBerhak):
        penyetaraan_tarik(akses=dunia.operator_a, penyetaraan=p, versi=p.versi)
    with pytest.raises(TidakDitemukan):
        penyetaraan_tarik(akses=dunia.orang_luar, penyetaraan=p, versi=p.versi)
    assert Penyetaraan.objects.filter(pk=p.pk).exists()


def _url(dunia, nama, *args):
    return reverse(f"penyederhanaan:{nama}", args=[dunia.instansi.kode, *args])


def test_web_cari_tambah_duplikat_dan_tarik(client, dunia, skema):
    client.force_login(dunia.analis.pengguna)
    url = _url(dunia, "penyetaraan_buat") + f"?versi={dunia.struktur.pk}"
    assert "Tambah penyetaraan" in client.get(_url(dunia, "register")).content.decode()
    halaman = client.get(url + "&cari=198204").content.decode()  # NIP prefix
    assert "Pegawai 3" in halaman and "Pegawai 0" not in halaman
    halaman = client.get(url + "&cari=pegawai 0").content.decode()  # name
    assert "Pegawai 0" in halaman and "Pegawai 3" not in halaman
    data = {"pegawai": skema.pegawai[3].pk, "nama_jf": "Analis Kebijakan", "jenjang": ""}
    r = client.post(url, data)
    p = Penyetaraan.objects.get(struktur=dunia.struktur, pegawai=skema.pegawai[3])
    assert r.status_code == 302 and r["Location"] == _url(dunia, "penyetaraan", p.pk)
    r = client.post(url, data)
    assert r.status_code == 200
    assert "Pegawai 3 sudah ada di register penyetaraan versi ini." in r.content.decode()
    # A person placed in no position of the version is not a choice.
    r = client.post(url, {**data, "pegawai": 999999})
    assert "tidak menduduki jabatan pada versi ini" in r.content.decode()
    detail = _url(dunia, "penyetaraan", p.pk)
    assert "Tarik penyetaraan" in client.get(detail).content.decode()
    r = client.post(detail, {"aksi": "tarik", "versi": p.versi})
    assert r.status_code == 302
    assert not Penyetaraan.objects.filter(pk=p.pk).exists()


def test_web_operator_403_orang_luar_404(client, dunia, skema):
    for persona, kode in (("operator_a", 403), ("orang_luar", 404)):
        client.force_login(getattr(dunia, persona).pengguna)
        url = _url(dunia, "penyetaraan_buat")
        assert client.get(url + "?cari=Pegawai").status_code == kode
        r = client.post(url, {"pegawai": skema.pegawai[3].pk, "nama_jf": "Analis Kebijakan"})
        assert r.status_code == kode
    assert not Penyetaraan.objects.filter(struktur=dunia.struktur).exists()


def test_jf_salah_ketik_ditanya_bukan_diganti(dunia, skema):
    with pytest.raises(PenyetaraanTidakSah, match="Maksud Anda “Perencana”") as e:
        _buat(dunia, skema, nama_jf="Perencana Ahli Madya")  # jenjang typed into the name
    assert e.value.field == "nama_jf"
    with pytest.raises(PenyetaraanTidakSah, match="Analis Sumber Daya Manusia Aparatur"):
        _buat(dunia, skema, nama_jf="Analis SDM Aparatur")
    assert not Penyetaraan.objects.filter(struktur=dunia.struktur).exists()


def test_kelas_baru_mengikuti_kelas_instansi(dunia, skema):
    from ramping.jabatan.services.kelas_instansi import kelas_instansi_simpan

    kelas_instansi_simpan(
        akses=dunia.analis,
        jenis="fungsional",
        nama="Perencana",
        jenjang="ahli_madya",
        kelas=13,
        dasar_hukum="Keputusan Wali Kota Uji 800/1/2025",
    )
    p = _buat(dunia, skema, nama_jf="Perencana")  # administrator → Ahli Madya
    assert (p.jenjang, p.kelas_baru) == ("ahli_madya", 13)  # catalogue says 12


def test_web_dua_isian_salah_dijawab_sekaligus(client, dunia, skema):
    """Issue #17 item 4: no official and no JF in one round, nothing saved."""
    from html import unescape

    client.force_login(dunia.analis.pengguna)
    url = _url(dunia, "penyetaraan_buat") + f"?versi={dunia.struktur.pk}"
    r = client.post(url, {"pegawai": "", "nama_jf": "", "jenjang": ""})
    html = unescape(r.content.decode())
    assert "Pilih pegawai." in html and "JF tujuan wajib diisi." in html
    assert 'class="pesan success"' not in html
    assert not Penyetaraan.objects.filter(struktur=dunia.struktur).exists()
