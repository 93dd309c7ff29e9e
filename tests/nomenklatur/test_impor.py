"""The lampiran XLSX, edited offline by an OPD, imported back with preview/apply rules."""

import io

import pytest
from openpyxl import load_workbook

from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.jabatan.models import Jabatan
from ramping.nomenklatur.ekspor import lampiran_berkas
from ramping.nomenklatur.impor import ImporNomenklatur
from ramping.penyederhanaan.models import LangkahSkenario


def _lampiran(dunia, ubah: dict[int, str], lama: dict[int, str] | None = None) -> bytes:
    """The workbench's XLSX with new names typed in for some positions (by id)."""
    b = lampiran_berkas(akses=dunia.analis, struktur=dunia.struktur, format="xlsx")
    wb = load_workbook(io.BytesIO(b.isi))
    ws = wb.worksheets[0]
    kepala = next(r for r in ws.iter_rows() if any(c.value == "ID Jabatan" for c in r))
    kol = {c.value: c.column for c in kepala}
    for row in ws.iter_rows(min_row=kepala[0].row + 1):
        sel_id = row[kol["ID Jabatan"] - 1].value
        if sel_id and int(sel_id) in ubah:
            row[kol["Nama Jabatan Baru"] - 1].value = ubah[int(sel_id)]
        if sel_id and lama and int(sel_id) in lama:
            row[kol["Nama Jabatan Lama"] - 1].value = lama[int(sel_id)]
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def test_impor_kembali_pratinjau_lalu_terapkan_sekali(dunia, meja):
    data = _lampiran(
        dunia,
        {
            meja.pengemudi.pk: "operator layanan operasional",
            meja.umum.pk: "Pengadministrasi Perkantoran",
        },
    )
    pr = impor_pratinjau(ImporNomenklatur(akses=dunia.operator_a, struktur=dunia.struktur), data)
    assert pr.galat == []
    assert sorted(pr.diubah) == [
        "Pengadministrasi Umum → Pengadministrasi Perkantoran (Bidang Satu)",
        "Pengemudi → Operator Layanan Operasional (Dinas A)",
    ]
    assert Jabatan.objects.get(pk=meja.pengemudi.pk).nama == "Pengemudi"  # preview writes nothing
    impor_terapkan(ImporNomenklatur(akses=dunia.operator_a, struktur=dunia.struktur), data)
    assert Jabatan.objects.get(pk=meja.pengemudi.pk).nama == "Operator Layanan Operasional"
    assert LangkahSkenario.objects.filter(aksi="nomenklatur_putuskan").count() == 1
    again = impor_pratinjau(ImporNomenklatur(akses=dunia.operator_a, struktur=dunia.struktur), data)
    assert again.diubah == [] and not again.bisa_diterapkan


@pytest.mark.parametrize(
    ("ubah", "lama", "kolom", "potongan"),
    [
        ({"umum": "Juru Tulis Umum"}, None, "Nama Jabatan Baru", "tidak ada dalam daftar"),
        ({"umum": "Pengadministrasi Perkantoran"}, {"umum": "Pengemudi"}, "Nama Jabatan Lama",
         "bukan nama jabatan ini"),
        ({"analis": "Penelaah Teknis Kebijakan"}, None, "ID Jabatan", "Dinas B"),
    ],
)  # fmt: skip
def test_impor_menolak_baris_dengan_nama_kolom(dunia, meja, ubah, lama, kolom, potongan):
    pk = lambda k: getattr(meja, k).pk  # noqa: E731
    data = _lampiran(
        dunia, {pk(k): v for k, v in ubah.items()}, {pk(k): v for k, v in (lama or {}).items()}
    )
    imp = ImporNomenklatur(akses=dunia.operator_a, struktur=dunia.struktur)
    pr = impor_pratinjau(imp, data)
    assert [g.kolom for g in pr.galat] == [kolom]
    assert potongan in pr.galat[0].pesan and pr.galat[0].baris > 5
    with pytest.raises(ImporGagal):
        impor_terapkan(imp, data)
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"
