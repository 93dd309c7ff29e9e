"""Analisis beban kerja: kebutuhan pegawai, rounding, EJ/PJ (PermenPAN-RB 1/2020).

Formula (tugas per tugas jabatan; anjab-abk.md §1.3): ``K = Σ volume × waktu ÷ WKE``, unrounded,
WKE = 1 250 hours per year by default (setting ``wke_jam``). The other three approaches of
Kepmenpan 75/2004 (hasil kerja, objek kerja, peralatan kerja) are separate functions. Rounding to
whole persons happens once per position (:func:`bulatkan_kebutuhan`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat
from typing import Final

from .angka import (
    EKSAK,
    HASIL,
    MODE_TAMPIL,
    bulatkan,
    bulatkan_banyak,
    ke_decimal,
    tidak_negatif,
)
from .errors import (
    NilaiHarusPositif,
    NilaiNegatif,
    SatuanWaktuTidakDikenal,
    TipeAngkaTidakDidukung,
    TugasTidakValid,
)
from .pengaturan import Pengaturan, atau_bawaan
from .tampil import angka as tampil

MENIT_PER_JAM: Final = 60
SATUAN_WAKTU: Final = {"jam": 60, "menit": 1}  # minutes per unit

# Decimal places of the stored and printed ABK figures (EJ/EU: setting ``desimal_ej``). Beban
# kerja in hours to the hundredth, as the ABK form prints it; kebutuhan before rounding to four
# places, enough that Σ of a position's tasks and its total agree on the form.
DESIMAL_BEBAN: Final = 2
DESIMAL_KEBUTUHAN: Final = 4

# A task as entered (PermenPAN-RB 1/2020, formulir ABK): jumlah hasil ≥ 0 (a task may produce
# nothing this year) and waktu penyelesaian > 0 (a norm of zero time is not a norm). The decimals
# and the maxima are the size of the stored value, so a task this rule accepts can be saved and
# a task it refuses is refused the same way by the form, the API and the import. Time keeps four
# places so a norm is stored as written (issue #11: 0,33 for 20 minutes changed K); a time that
# is finer still is written in minutes, where 20 minutes is exact.
DESIMAL_MASUKAN: Final = 2  # jumlah hasil
DESIMAL_WAKTU: Final = 4
VOLUME_MAKS: Final = Decimal("9999999999.99")
WAKTU_MAKS: Final = Decimal("99999999.9999")
KATA_DESIMAL: Final = {2: "dua", 4: "empat"}
LABEL_MASUKAN: Final = {"volume": "Jumlah hasil", "waktu": "Waktu penyelesaian"}


def _periksa_masukan(
    field: str, nilai: object, *, boleh_nol: bool, maks: Decimal, desimal: int = DESIMAL_MASUKAN
) -> Decimal:
    label = LABEL_MASUKAN[field]
    if isinstance(nilai, bool) or not isinstance(nilai, Decimal | int | str):
        raise TugasTidakValid(field, label, nilai, "harus angka")
    try:
        angka = ke_decimal(nilai, label)
    except TipeAngkaTidakDidukung:
        raise TugasTidakValid(field, label, nilai, "harus angka") from None
    if not angka.is_finite():
        raise TugasTidakValid(field, label, nilai, "harus angka")
    if angka < 0:
        raise TugasTidakValid(field, label, angka, "tidak boleh negatif")
    if angka == 0 and not boleh_nol:
        raise TugasTidakValid(field, label, angka, "harus lebih dari nol")
    if angka > maks:
        raise TugasTidakValid(field, label, angka, f"paling besar {tampil(maks, ringkas=True)}")
    if bulatkan(angka, desimal) != angka:
        alasan = f"paling banyak {KATA_DESIMAL[desimal]} angka desimal"
        if field == "waktu":
            alasan += "; waktu yang lebih halus ditulis dalam menit"
        raise TugasTidakValid(field, label, angka, alasan)
    return angka


_SYARAT_MASUKAN: Final = {
    "volume": {"boleh_nol": True, "maks": VOLUME_MAKS},
    "waktu": {"boleh_nol": False, "maks": WAKTU_MAKS, "desimal": DESIMAL_WAKTU},
}


def galat_tugas(**masukan: object) -> dict[str, str]:
    """Every broken rule of a task's inputs at once ({field: message}), each input checked on
    its own by the same rule as :meth:`Tugas.baru` (PermenPAN-RB 1/2020, formulir ABK), so a
    form says the wrong volume and the wrong time in one round. Inputs given as None (not
    readable, already reported by the form) are skipped."""
    galat = {}
    for field, nilai in masukan.items():
        if nilai is None:
            continue
        try:
            _periksa_masukan(field, nilai, **_SYARAT_MASUKAN[field])
        except TugasTidakValid as exc:
            galat[field] = exc.pesan
    return galat


@dataclass(frozen=True, slots=True)
class Tugas:
    """One task of a position: yearly volume (jumlah hasil) and time per unit of output."""

    volume: Decimal
    waktu: Decimal
    satuan: str = "jam"
    uraian: str = ""

    def __post_init__(self) -> None:
        if self.satuan not in SATUAN_WAKTU:
            raise SatuanWaktuTidakDikenal(self.satuan)
        for nama in ("volume", "waktu"):
            nilai = getattr(self, nama)
            # object.__setattr__: frozen dataclass; normalise int/str input to Decimal once.
            object.__setattr__(self, nama, tidak_negatif(nilai, nama))

    @classmethod
    def baru(
        cls,
        volume: Decimal | int | str,
        waktu: Decimal | int | str,
        satuan: str = "jam",
        uraian: str = "",
    ) -> Tugas:
        """A task as a user enters it, checked against the one rule of a valid task.

        The constructor accepts every stored row (an old task with waktu 0 counts as 0 hours,
        so a recomputation never fails on legacy data); new input goes through here, and
        :class:`~ramping.aturan.errors.TugasTidakValid` names the field that breaks the rule.
        """
        return cls(
            volume=_periksa_masukan("volume", volume, **_SYARAT_MASUKAN["volume"]),
            waktu=_periksa_masukan("waktu", waktu, **_SYARAT_MASUKAN["waktu"]),
            satuan=satuan,
            uraian=uraian,
        )

    @property
    def beban_menit(self) -> Decimal:
        """Workload of the task in minutes per year (exact)."""
        return EKSAK.multiply(EKSAK.multiply(self.volume, self.waktu), SATUAN_WAKTU[self.satuan])

    @property
    def beban_jam(self) -> Decimal:
        """Workload of the task in hours per year (exact for hour tasks, rounded for minutes)."""
        if self.satuan == "jam":
            return EKSAK.multiply(self.volume, self.waktu)
        return menit_ke_jam(EKSAK.multiply(self.volume, self.waktu))


def jam_ke_menit(jam: Decimal | int) -> Decimal:
    """Hours → minutes (exact)."""
    return EKSAK.multiply(ke_decimal(jam, "jam"), MENIT_PER_JAM)


def menit_ke_jam(menit: Decimal | int) -> Decimal:
    """Minutes → hours (rounded to 28 significant digits when not finite, e.g. 7 min)."""
    return HASIL.divide(ke_decimal(menit, "menit"), MENIT_PER_JAM)


def _wke(wke_jam: Decimal | int | None, pengaturan: Pengaturan | None) -> Decimal:
    wke = atau_bawaan(pengaturan).wke_jam if wke_jam is None else ke_decimal(wke_jam, "wke_jam")
    if wke <= 0:
        raise NilaiHarusPositif("Waktu kerja efektif", wke)
    return wke


def bulatkan_beban(jam: Decimal | int) -> Decimal:
    """Beban kerja (hours/year) as stored and printed: :data:`DESIMAL_BEBAN` places."""
    return bulatkan(jam, DESIMAL_BEBAN)


def bulatkan_kebutuhan_desimal(kebutuhan: Decimal | int) -> Decimal:
    """Kebutuhan before rounding to persons, as stored and printed: 4 places."""
    return bulatkan(kebutuhan, DESIMAL_KEBUTUHAN)


def beban_kerja_jam(tugas: Iterable[Tugas]) -> Decimal:
    """Σ volume × waktu of the tasks, in hours (the "JUMLAH" row of the form)."""
    semua = list(tugas)
    jam, menit = _jumlah(semua)
    return beban_dari_jumlah(jam, menit, ada_menit=any(t.satuan != "jam" for t in semua))


def _jumlah(tugas: Iterable[Tugas]) -> tuple[Decimal, Decimal]:
    """Exact Σ volume × waktu of the hour tasks and of the minute tasks, separately."""
    total = (Decimal(0), Decimal(0))
    for t in tugas:
        total = jumlah_tambah(total, t)
    return total


def jumlah_tambah(total: tuple[Decimal, Decimal], t: Tugas) -> tuple[Decimal, Decimal]:
    """A position's exact (hours, minutes) totals with one more task: the sum of
    :func:`kebutuhan_pegawai` taken one task at a time, for a reader that meets a position's
    tasks spread over a streamed file (issue #15 item 6). Exact, so the order does not matter."""
    produk = EKSAK.multiply(t.volume, t.waktu)
    if t.satuan == "jam":
        return EKSAK.add(total[0], produk), total[1]
    return total[0], EKSAK.add(total[1], produk)


def kebutuhan_dari_total(
    total: tuple[Decimal, Decimal], *, pengaturan: Pengaturan | None = None
) -> Decimal:
    """:func:`kebutuhan_pegawai` from totals summed by :func:`jumlah_tambah`: the same rule
    (PermenPAN-RB 1/2020, Σ volume × waktu ÷ WKE), the same WKE check."""
    return kebutuhan_dari_jumlah(*total, _wke(None, pengaturan))


def beban_dari_jumlah(jam: Decimal, menit: Decimal, *, ada_menit: bool) -> Decimal:
    """Beban kerja in hours from a position's exact totals (Σ v × w of its hour tasks and of
    its minute tasks), as :func:`beban_kerja_jam` computes it from the tasks.

    The one place of the rule, shared by the per-position form and the set-based recompute
    (which sums in the database): hours only → the exact sum; any minute task → the sum in
    minutes, converted once.
    """
    if not ada_menit:
        return jam
    return menit_ke_jam(EKSAK.add(EKSAK.multiply(jam, MENIT_PER_JAM), menit))


def kebutuhan_dari_jumlah(jam: Decimal, menit: Decimal, wke: Decimal) -> Decimal:
    """Unrounded Σ volume × waktu ÷ WKE from a position's exact totals (see
    :func:`kebutuhan_pegawai`); ``wke`` already checked (> 0)."""
    if menit:
        semua_menit = EKSAK.add(EKSAK.multiply(jam, MENIT_PER_JAM), menit)
        return HASIL.divide(semua_menit, EKSAK.multiply(wke, MENIT_PER_JAM))
    return HASIL.divide(jam, wke)


def hasil_abk_jam_banyak(
    jam: Sequence[Decimal], *, pengaturan: Pengaturan | None = None
) -> tuple[list[Decimal], list[Decimal], list[int]]:
    """Stored ABK figures of many positions whose tasks are all in hours, from each one's exact
    Σ volume × waktu: (beban kerja, kebutuhan before rounding, K) lists.

    The same rules as one position at a time — beban = the sum (:func:`beban_dari_jumlah`),
    kebutuhan = sum ÷ WKE (:func:`kebutuhan_dari_jumlah`), rounded by :func:`bulatkan_beban`,
    :func:`bulatkan_kebutuhan_desimal` and :func:`bulatkan_kebutuhan` — as C loops over the
    column (the set-based recompute of a whole version).
    """
    p = atau_bawaan(pengaturan)
    wke = _wke(None, p)
    if jam and min(jam) < 0:
        raise NilaiNegatif("Beban kerja", min(jam))
    kebutuhan = list(map(HASIL.divide, jam, repeat(wke)))
    k = list(map(int, bulatkan_banyak(kebutuhan, 0, p.mode_pembulatan)))
    if p.minimal_satu and 0 in k:
        # At least one person when there is any work (bulatkan_kebutuhan, minimal_satu).
        k = [1 if x == 0 and y > 0 else x for x, y in zip(k, kebutuhan, strict=True)]
    return (
        bulatkan_banyak(jam, DESIMAL_BEBAN),
        bulatkan_banyak(kebutuhan, DESIMAL_KEBUTUHAN),
        k,
    )


def wke_berlaku(pengaturan: Pengaturan | None = None) -> Decimal:
    """The checked WKE of the settings (hours per year, > 0)."""
    return _wke(None, pengaturan)


def waktu_melebihi_wke(tugas: Tugas, *, pengaturan: Pengaturan | None = None) -> bool:
    """One unit of output takes longer than a person's effective working year (WKE,
    PermenPAN-RB 1/2020): possible, but almost always hours typed where minutes were meant, so
    the page warns and asks for the unit to be checked (the penataan check ABK-03 is the same
    rule over a whole OPD, as one query)."""
    menit_wke = EKSAK.multiply(wke_berlaku(pengaturan), MENIT_PER_JAM)
    return EKSAK.multiply(tugas.waktu, SATUAN_WAKTU[tugas.satuan]) > menit_wke


def kebutuhan_pegawai(
    tugas: Iterable[Tugas],
    *,
    wke_jam: Decimal | int | None = None,
    pengaturan: Pengaturan | None = None,
) -> Decimal:
    """Kebutuhan pegawai of one position, unrounded: Σ volume × waktu ÷ WKE.

    Tasks may mix hours and minutes; the sum is taken in minutes then, so no task is rounded.
    ``wke_jam`` defaults to the setting (1 250 h, PermenPAN-RB 1/2020; Peraturan BKN 9/2022
    Lampiran V).
    """
    wke = _wke(wke_jam, pengaturan)
    return kebutuhan_dari_jumlah(*_jumlah(tugas), wke)


def kebutuhan_hasil_kerja(volume_hasil: Decimal | int, standar_kemampuan: Decimal | int) -> Decimal:
    """Pendekatan hasil kerja: target output ÷ average output one person delivers (same period)."""
    return _bagi_standar(volume_hasil, standar_kemampuan, "Volume hasil kerja")


def kebutuhan_objek_kerja(jumlah_objek: Decimal | int, standar_kemampuan: Decimal | int) -> Decimal:
    """Pendekatan objek kerja: objects served ÷ objects one person can serve (same period)."""
    return _bagi_standar(jumlah_objek, standar_kemampuan, "Jumlah objek kerja")


def _bagi_standar(jumlah: Decimal | int, standar: Decimal | int, nama: str) -> Decimal:
    pembilang = tidak_negatif(jumlah, nama)
    penyebut = ke_decimal(standar, "Standar kemampuan rata-rata")
    if penyebut <= 0:
        raise NilaiHarusPositif("Standar kemampuan rata-rata", standar)
    return HASIL.divide(pembilang, penyebut)


def kebutuhan_peralatan_kerja(
    jumlah_alat: Decimal | int, rasio_per_alat: Decimal | int, jumlah_shift: int = 1
) -> Decimal:
    """Pendekatan peralatan kerja: units operated × staff per unit (RPK) × shifts (jaga)."""
    if jumlah_shift < 1:
        raise NilaiHarusPositif("Jumlah shift", jumlah_shift)
    alat = tidak_negatif(jumlah_alat, "Jumlah peralatan")
    rasio = tidak_negatif(rasio_per_alat, "Rasio pegawai per peralatan")
    return EKSAK.multiply(EKSAK.multiply(alat, rasio), jumlah_shift)


def bulatkan_kebutuhan(
    x: Decimal | int,
    mode: str | None = None,
    *,
    pengaturan: Pengaturan | None = None,
) -> int:
    """Whole persons from a position's unrounded total, applied once (never per task).

    ``mode`` is ``half_up`` (default setting; at least 1 when x > 0 if ``minimal_satu``) or
    ``ceil``. No official rounding rule was found ([L], anjab-abk.md §1.5).
    """
    p = atau_bawaan(pengaturan)
    nilai = tidak_negatif(x, "Kebutuhan pegawai")
    mode = p.mode_pembulatan if mode is None else mode
    hasil = int(bulatkan(nilai, 0, mode))
    if hasil == 0 and nilai > 0 and p.minimal_satu:
        return 1
    return hasil


def efektivitas_jabatan(
    beban_jam: Decimal | int,
    bezetting: int,
    *,
    wke_jam: Decimal | int | None = None,
    pengaturan: Pengaturan | None = None,
) -> tuple[Decimal, str]:
    """EJ = beban ÷ (bezetting × WKE), rounded to 2 decimals, and its PJ grade A–E.

    Permendagri 12/2008 line ([M]); bands and decimals are settings. For a unit pass the unit's
    total workload and staff to get EU/PU (:func:`efektivitas_unit`).
    """
    p = atau_bawaan(pengaturan)
    beban = tidak_negatif(beban_jam, "Beban kerja")
    if bezetting <= 0:
        raise NilaiHarusPositif("Jumlah pegawai yang ada (bezetting)", bezetting)
    wke = _wke(wke_jam, p)
    ej = bulatkan(HASIL.divide(beban, EKSAK.multiply(wke, bezetting)), p.desimal_ej, MODE_TAMPIL)
    return ej, nilai_pj(ej, pengaturan=p)


def efektivitas_unit(
    beban_jam_unit: Decimal | int,
    bezetting_unit: int,
    *,
    wke_jam: Decimal | int | None = None,
    pengaturan: Pengaturan | None = None,
) -> tuple[Decimal, str]:
    """EU and PU of an organisation unit: same formula over the unit's totals."""
    return efektivitas_jabatan(
        beban_jam_unit, bezetting_unit, wke_jam=wke_jam, pengaturan=pengaturan
    )


def nilai_pj(ej: Decimal, *, pengaturan: Pengaturan | None = None) -> str:
    """PJ/PU grade of an (already rounded) EJ/EU value."""
    pita = atau_bawaan(pengaturan).pita_ej
    if ej < 0:
        raise NilaiNegatif("EJ", ej)
    for band in pita:
        if ej > band.batas or (band.inklusif and ej == band.batas):
            return band.kode
    return pita[-1].kode


def label_pj(kode: str, *, pengaturan: Pengaturan | None = None) -> str:
    """Label of a PJ grade, e.g. ``"E"`` → ``"Kurang"``."""
    return next(b.label for b in atau_bawaan(pengaturan).pita_ej if b.kode == kode)


def _angka_id(nilai: Decimal) -> str:
    # 0.90 → "0,90": the Indonesian decimal comma of the printed forms.
    return tampil(nilai)


def keterangan_pita_pj(*, pengaturan: Pengaturan | None = None) -> str:
    """The PJ bands in words, from the settings, e.g. "A > 1,00; B 0,90–1,00; …; E < 0,50".

    Printed under the ABK recap so the legend always matches the bands that graded the rows.
    Each band runs from its own bound up to the next higher band's bound (which that band
    either includes or leaves to the band above).
    """
    p = atau_bawaan(pengaturan)
    pita = p.pita_ej
    langkah = Decimal(1).scaleb(-p.desimal_ej)
    bagian = []
    for i, band in enumerate(pita):
        batas = bulatkan(band.batas, p.desimal_ej)
        if i == 0:
            bagian.append(f"{band.kode} {'≥' if band.inklusif else '>'} {_angka_id(batas)}")
            continue
        atas = pita[i - 1]
        # The top of this band: the bound above if that band is "above" (exclusive), else
        # one step below it.
        puncak = atas.batas if not atas.inklusif else atas.batas - langkah
        puncak = bulatkan(puncak, p.desimal_ej)
        if i == len(pita) - 1 and batas == 0 and band.inklusif:
            # The last band with bound 0 takes everything below the band above.
            bawah = "<" if atas.inklusif else "≤"
            bagian.append(f"{band.kode} {bawah} {_angka_id(bulatkan(atas.batas, p.desimal_ej))}")
            continue
        awal = batas if band.inklusif else batas + langkah
        bagian.append(f"{band.kode} {_angka_id(awal)}–{_angka_id(puncak)}")
    return "; ".join(bagian)
