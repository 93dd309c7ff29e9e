"""Golongan (pay grades) of ASN; plain Python so importers and the demo can use it."""

# PNS: golongan/ruang I/a … IV/e (PP 15/2019 on PNS salaries, Lampiran).
GOLONGAN_PNS = [
    f"{ruang}/{huruf}"
    for ruang, hurufs in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde"))
    for huruf in hurufs
]
# PPPK: golongan I–XVII (Perpres 98/2020).
GOLONGAN_PPPK = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip
