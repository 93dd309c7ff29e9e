"""Sistem kerja checks (PermenPAN-RB 7/2022): team leaders, teams per person, allocated hours.

7/2022 lets work be done in teams that *may* be led by a Ketua Tim (R7-05). Who may lead (R7-06)
and how many teams one person may join (R7-07) were not found in the verified text, so both are
settings ([C]). Hours allocated to one person must fit in the effective working time (WKE of
PermenPAN-RB 1/2020).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .angka import EKSAK
from .errors import AlokasiMelebihiWKE, AturanError, KetuaTimTidakMemenuhi, MelebihiBatasTim
from .jabatan import URUTAN_JENJANG
from .pengaturan import Pengaturan, atau_bawaan


@dataclass(frozen=True, slots=True)
class AnggotaTim:
    pegawai_id: str
    jenis_jabatan: str
    jenjang: str | None = None
    jam_dialokasikan: Decimal = Decimal(0)  # hours per year given to this team


@dataclass(frozen=True, slots=True)
class Tim:
    id: str
    anggota: tuple[AnggotaTim, ...]
    ketua_id: str | None = None  # None: the team has no Ketua Tim (allowed, R7-05)


def periksa_ketua_tim(
    pegawai_id: str,
    jenis_jabatan: str,
    jenjang: str | None = None,
    *,
    pengaturan: Pengaturan | None = None,
) -> None:
    """Raise when the person may not lead a team under the settings ``ketua_tim_*``."""
    p = atau_bawaan(pengaturan)
    if jenis_jabatan not in p.ketua_tim_jenis:
        boleh = ", ".join(p.ketua_tim_jenis)
        raise KetuaTimTidakMemenuhi(
            pegawai_id, f"jenis jabatan {jenis_jabatan} tidak termasuk {boleh}"
        )
    minimal = p.ketua_tim_jenjang_minimal
    if minimal is not None and URUTAN_JENJANG.get(jenjang or "", 0) < URUTAN_JENJANG[minimal]:
        raise KetuaTimTidakMemenuhi(pegawai_id, f"jenjang {jenjang or '-'} di bawah {minimal}")


def periksa_sistem_kerja(
    tim: Sequence[Tim], *, pengaturan: Pengaturan | None = None
) -> list[AturanError]:
    """All sistem-kerja findings for a set of teams, as exception objects (nothing raised)."""
    p = atau_bawaan(pengaturan)
    temuan: list[AturanError] = []
    for t in tim:
        if t.ketua_id is None:
            continue
        ketua = next((a for a in t.anggota if a.pegawai_id == t.ketua_id), None)
        if ketua is None:
            temuan.append(KetuaTimTidakMemenuhi(t.ketua_id, f"bukan anggota tim {t.id}"))
            continue
        try:
            periksa_ketua_tim(ketua.pegawai_id, ketua.jenis_jabatan, ketua.jenjang, pengaturan=p)
        except KetuaTimTidakMemenuhi as e:
            temuan.append(e)
    temuan.extend(_periksa_jumlah_tim(tim, p))
    temuan.extend(periksa_jam_alokasi((a for t in tim for a in t.anggota), pengaturan=p))
    return temuan


def _periksa_jumlah_tim(tim: Sequence[Tim], p: Pengaturan) -> list[AturanError]:
    batas = p.maks_tim_per_orang
    if batas is None:
        return []
    # A person listed twice in one team counts once for that team.
    jumlah = Counter(pid for t in tim for pid in {a.pegawai_id for a in t.anggota})
    return [MelebihiBatasTim(pid, n, batas) for pid, n in jumlah.items() if n > batas]


def periksa_jam_alokasi(
    anggota: Iterable[AnggotaTim],
    *,
    wke_jam: Decimal | None = None,
    pengaturan: Pengaturan | None = None,
) -> list[AturanError]:
    """Persons whose hours over all their teams exceed the WKE (1 250 h by default)."""
    wke = atau_bawaan(pengaturan).wke_jam if wke_jam is None else wke_jam
    total: defaultdict[str, Decimal] = defaultdict(Decimal)
    for a in anggota:
        total[a.pegawai_id] = EKSAK.add(total[a.pegawai_id], a.jam_dialokasikan)
    return [AlokasiMelebihiWKE(pid, jam, wke) for pid, jam in total.items() if jam > wke]
