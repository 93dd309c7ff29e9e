"""Spellings agencies really write, mapped to the codes the system stores.

Matched without case, spaces or punctuation (`nilai.pilihan`), so "ESELON IV / Pengawas",
"Eselon IV-Pengawas" and "eselon iv pengawas" are one entry. The template's Petunjuk sheet
lists these tables, so a user can see what is understood before uploading.
"""

# Jenis jabatan (UU 20/2023 Pasal 13; PP 11/2017 as amended by PP 17/2020): structural
# positions are often written by their old eselon, sometimes with the new name after a slash.
_ESELON_JENIS = {
    "I": "jpt_madya",
    "II": "jpt_pratama",
    "III": "administrator",
    "IV": "pengawas",
}
_NAMA_JENIS = {
    "jpt_madya": "JPT Madya",
    "jpt_pratama": "JPT Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
}

JENIS_JABATAN_ALIAS: dict[str, str] = {
    "JF": "fungsional",
    "JFT": "fungsional",
    "Jabatan Fungsional": "fungsional",
    "Jabatan Fungsional Tertentu": "fungsional",
    "Fungsional Tertentu": "fungsional",
    "JPT": "jpt_pratama",
    "Jabatan Pelaksana": "pelaksana",
    "JFU": "pelaksana",
    "Jabatan Fungsional Umum": "pelaksana",
    "Fungsional Umum": "pelaksana",
    "Pelaksana/JFU": "pelaksana",
    "Staf": "pelaksana",
    "Jabatan Administrator": "administrator",
    "Jabatan Pengawas": "pengawas",
    "Jabatan Pimpinan Tinggi Pratama": "jpt_pratama",
    "Jabatan Pimpinan Tinggi Madya": "jpt_madya",
    "Jabatan Pimpinan Tinggi Utama": "jpt_utama",
}
for _es, _jenis in _ESELON_JENIS.items():
    _nama = _NAMA_JENIS[_jenis]
    JENIS_JABATAN_ALIAS |= {
        f"Eselon {_es}": _jenis,
        f"Eselon {_es} / {_nama}": _jenis,
        f"{_nama} / Eselon {_es}": _jenis,
        f"{_nama} (Eselon {_es})": _jenis,
        f"Jabatan {_nama} / Eselon {_es}": _jenis,
    }
    for _sub in ("a", "b"):
        JENIS_JABATAN_ALIAS[f"Eselon {_es}.{_sub}"] = _jenis
        JENIS_JABATAN_ALIAS[f"Eselon {_es}.{_sub} / {_nama}"] = _jenis

# Eselon of a unit's head: "IV.a", "IV/a", "IV-a", "Eselon IV.a", "4a".
_ARAB = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def eselon_alias(kode: list[str]) -> dict[str, str]:
    """Aliases of the eselon codes ("III.b" → "Eselon III.b", "III/b", "3b", …)."""
    hasil: dict[str, str] = {}
    for k in kode:
        romawi, _, sub = k.partition(".")
        for bentuk in (k, f"{romawi}/{sub}", f"{_ARAB[romawi]}{sub}", f"{_ARAB[romawi]}.{sub}"):
            hasil[bentuk] = k
            hasil[f"Eselon {bentuk}"] = k
    return hasil
