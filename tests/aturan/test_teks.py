"""Text that can be stored can be exported: control characters and their Excel escapes."""

import pytest

from ramping.aturan import TeksTidakDapatDicetak, periksa_teks


@pytest.mark.parametrize(
    "teks",
    ["Menyusun laporan", "baris 1\nbaris 2\r\n\tkolom", "_x0041_ bukan kontrol", "Rp 1.250,5 ±é"],
)
def test_teks_biasa_diterima(teks):
    assert periksa_teks(teks) == teks


@pytest.mark.parametrize(
    ("teks", "titik"),
    [
        ("a\x00b", "U+0000"),
        ("\x0b", "U+000B"),
        ("\x1f", "U+001F"),
        ("\x7f", "U+007F"),
        ("\x92", "U+0092"),
        ("\ud800", "U+D800"),
        ("\uffff", "U+FFFF"),
    ],
)
def test_karakter_kontrol_ditolak(teks, titik):
    with pytest.raises(TeksTidakDapatDicetak) as galat:
        periksa_teks(teks)
    assert galat.value.pesan == (
        f"Teks mengandung karakter kontrol ({titik}) yang tidak dapat dicetak; hapus karakter itu."
    )


@pytest.mark.parametrize(("teks", "titik"), [("a_x0000_b", "U+0000"), ("_x001B_", "U+001B")])
def test_escape_excel_ditolak(teks, titik):
    with pytest.raises(TeksTidakDapatDicetak) as galat:
        periksa_teks(teks)
    assert titik in galat.value.pesan and "_x" in galat.value.pesan
