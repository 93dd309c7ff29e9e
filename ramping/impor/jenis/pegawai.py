"""Import of pegawai from an HR export: identity, grade, education and, optionally, the
position they hold in the version in force (creating or moving their placement)."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from ramping.akun.akses import pastikan_analis
from ramping.impor import nilai as n
from ramping.impor.berkas import Kolom, Lembar, normal
from ramping.impor.dasar import GalatBaris, Pengimpor, Pratinjau, jabatan_per_unit
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.pegawai.nip import NipTidakValid, urai_nip
from ramping.pegawai.services import pegawai_tulis_massal

FIELD_DATA = (
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_kelamin",
    "tanggal_lahir",
    "status_asn",
    "tmt_pengangkatan",
    "golongan",
    "pendidikan",
    "jurusan",
)
KELAMIN = {
    "L": "L",
    "Laki-laki": "L",
    "Pria": "L",
    "1": "L",
    "P": "P",
    "Perempuan": "P",
    "Wanita": "P",
    "2": "P",
}
STATUS = {"PNS": "PNS", "CPNS": "PNS", "PPPK": "PPPK", "P3K": "PPPK"}


@dataclass
class RencanaPegawai:
    baru: list[Pegawai] = field(default_factory=list)
    ubah: list[tuple[Pegawai, dict]] = field(default_factory=list)
    # (NIP, position) for new placements; the person's current active placement is ended.
    tempatkan: list[tuple[str, Jabatan]] = field(default_factory=list)


class ImporPegawai(Pengimpor):
    jenis = "pegawai"
    judul = gettext_lazy("Pegawai")
    KOLOM = (
        Kolom("nip", "NIP", ("NIP Baru", "NIP 18 digit", "No Induk Pegawai"), wajib=True),
        Kolom(
            "nama", "Nama", ("Nama Pegawai", "Nama Lengkap", "Nama ASN"), wajib=True, panjang=200
        ),
        Kolom("gelar_depan", "Gelar Depan", ("Gelar Dpn",), panjang=40),
        Kolom("gelar_belakang", "Gelar Belakang", ("Gelar Blk",), panjang=60),
        Kolom("jenis_kelamin", "Jenis Kelamin", ("JK", "L/P", "Kelamin")),
        Kolom("tanggal_lahir", "Tanggal Lahir", ("Tgl Lahir", "Tgl. Lahir"), wajib=True),
        Kolom("status_asn", "Status ASN", ("Status", "Status Pegawai", "Jenis Pegawai")),
        Kolom("tmt_pengangkatan", "TMT CPNS/PPPK", ("TMT CPNS", "TMT PPPK", "TMT Pengangkatan")),
        Kolom(
            "golongan",
            "Golongan",
            ("Gol", "Gol/Ruang", "Gol. Ruang", "Pangkat/Gol", "Pangkat Golongan"),
            wajib=True,
        ),
        Kolom(
            "pendidikan",
            "Pendidikan",
            ("Pendidikan Terakhir", "Tingkat Pendidikan", "Pend"),
            wajib=True,
        ),
        Kolom("jurusan", "Jurusan", ("Program Studi", "Prodi"), panjang=150),
        Kolom("jabatan", "Jabatan", ("Nama Jabatan",)),
        Kolom("unit", "Unit Kerja", ("Unit", "Unor", "Sub Unit Kerja", "Unit Organisasi")),
    )

    def __init__(self, *, akses, struktur: Struktur):
        super().__init__(akses=akses)
        pastikan_analis(akses)
        akses.pastikan_instansi(struktur)
        self.struktur = struktur

    def periksa(self, lembar: Lembar) -> Pratinjau:
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        rencana = pr.rencana = RencanaPegawai()
        ada = {p.nip: p for p in Pegawai.objects.filter(instansi_id=self.akses.instansi_id)}
        aktif = dict(
            Penempatan.objects.aktif()
            .filter(struktur=self.struktur)
            .values_list("pegawai__nip", "jabatan_id")
        )
        jabatan = jabatan_per_unit(self.struktur) if "jabatan" in lembar.kolom else {}
        unit_dikenal = {u for u, _j in jabatan}
        dilihat: dict[str, int] = {}
        for nomor, cells in lembar.baris:
            galat: list[GalatBaris] = []

            def ambil(nama, f, _c=cells, _n=nomor, _g=galat):
                return self.ambil(lembar, _c, nama, f, _g, _n)

            def salah(kolom, pesan, _n=nomor, _g=galat):
                _g.append(GalatBaris(lembar.nama, _n, kolom, pesan))

            nip = n.teks(lembar.sel(cells, "nip")).replace(" ", "")
            if nip in dilihat:
                salah("NIP", f"NIP sama dengan baris {dilihat[nip]}.")
                pr.galat += galat
                continue
            dilihat[nip] = nomor
            status = ambil("status_asn", _status)
            data = {
                "nama": ambil("nama", lambda v: n.teks(v) or _wajib()),
                "gelar_depan": n.teks(lembar.sel(cells, "gelar_depan")),
                "gelar_belakang": n.teks(lembar.sel(cells, "gelar_belakang")),
                "tanggal_lahir": ambil("tanggal_lahir", n.tanggal),
                "status_asn": status,
                "golongan": ambil("golongan", lambda v, _s=status: n.golongan(v, _s or "PNS")),
                "pendidikan": ambil("pendidikan", n.pendidikan),
                "jurusan": n.teks(lembar.sel(cells, "jurusan")),
            }
            try:
                isi = urai_nip(nip, status_asn=status or "PNS")
            except NipTidakValid as exc:
                salah("NIP", exc.pesan)
                isi = None
            # Gender and TMT may be left out: the NIP encodes them.
            if n.teks(lembar.sel(cells, "jenis_kelamin")):
                data["jenis_kelamin"] = ambil("jenis_kelamin", _kelamin)
            else:
                data["jenis_kelamin"] = isi.jenis_kelamin if isi else None
            tmt = n.teks(lembar.sel(cells, "tmt_pengangkatan"))
            data["tmt_pengangkatan"] = (
                ambil("tmt_pengangkatan", n.tanggal) if tmt else _tmt_dari_nip(isi)
            )
            target = None
            nama_jabatan = n.teks(lembar.sel(cells, "jabatan"))
            if nama_jabatan:
                nama_unit = normal(lembar.sel(cells, "unit"))
                teks_unit = n.teks(lembar.sel(cells, "unit"))
                if nama_unit not in unit_dikenal:
                    salah("Unit Kerja", f"unit '{teks_unit}' tidak ada di {self.struktur.nama}")
                elif (kunci := (nama_unit, normal(nama_jabatan))) not in jabatan:
                    salah("Jabatan", f"jabatan '{nama_jabatan}' tidak ada di unit {teks_unit}")
                elif jabatan[kunci] is None:
                    salah("Jabatan", f"'{nama_jabatan}' ganda di unit itu; tulis kode unit")
                else:
                    target = jabatan[kunci]
            if not galat:
                galat += self._validasi_model(lembar.nama, nomor, nip, data)
            if galat:
                pr.galat += galat
                continue
            self._rencanakan(pr, rencana, ada.get(nip), nip, data, target, aktif.get(nip))
        return pr

    def _validasi_model(self, lembar: str, nomor: int, nip: str, data: dict) -> list[GalatBaris]:
        """The model's own checks (NIP agrees with birth date, gender, TMT; grade fits status)."""
        try:
            Pegawai(instansi_id=self.akses.instansi_id, nip=nip, **data).full_clean(
                validate_unique=False, validate_constraints=False
            )
        except ValidationError as exc:
            judul = {k.nama: k.judul for k in self.KOLOM}
            pesan = exc.message_dict.items()
            return [GalatBaris(lembar, nomor, judul.get(f, f), m) for f, ms in pesan for m in ms]
        return []

    def _rencanakan(self, pr, rencana, lama, nip, data, target, jabatan_aktif) -> None:
        berubah = False
        if lama is None:
            rencana.baru.append(Pegawai(instansi_id=self.akses.instansi_id, nip=nip, **data))
            pr.dibuat.append(f"Pegawai {data['nama']} ({nip})")
            berubah = True
        elif beda := {f: data[f] for f in FIELD_DATA if getattr(lama, f) != data[f]}:
            rencana.ubah.append((lama, beda))
            pr.diubah.append(f"Pegawai {data['nama']} ({nip}): {', '.join(beda)}")
            berubah = True
        if target is not None and target.pk != jabatan_aktif:
            rencana.tempatkan.append((nip, target))
            pr.diubah.append(f"{data['nama']} menjadi {target.nama} ({target.unit.nama})")
            berubah = True
        if not berubah:
            pr.tetap += 1

    def terapkan(self, pratinjau: Pratinjau) -> None:
        r: RencanaPegawai = pratinjau.rencana
        pegawai_tulis_massal(
            akses=self.akses,
            struktur=self.struktur,
            baru=r.baru,
            ubah=r.ubah,
            tempatkan=r.tempatkan,
            ringkasan=[*pratinjau.dibuat, *pratinjau.diubah],
        )


def _wajib():
    raise n.NilaiTidakValid("wajib diisi")


def _status(v) -> str:
    return n.pilihan(v, STATUS, "status") if n.teks(v) else "PNS"


def _kelamin(v) -> str:
    return n.pilihan(v, KELAMIN, "jenis kelamin")


def _tmt_dari_nip(isi) -> date | None:
    if isi is None:
        return None
    return date(isi.tmt_tahun, isi.tmt_bulan or 1, 1)
