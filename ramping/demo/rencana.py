"""The demo agency as plain data: units, positions and people of the 2021 structure.

Pure Python and deterministic (one seeded Random), so `ramping demo` always builds the same
agency and the scale generator can build hundreds of them without touching the database
until the bulk insert.
"""

import random
from dataclasses import dataclass, field

from ramping.demo import katalog as k

EKSEPSI = ("otoritas_legalisasi", "kewilayahan", "kepala_satker", "upt_pelayanan")


@dataclass
class UnitR:
    kode: str
    induk: str | None
    nama: str
    jenis: str
    eselon: str = ""
    singkatan: str = ""
    tugas: str = ""
    fungsi: str = ""
    otoritas_legalisasi: bool = False
    kewilayahan: bool = False
    kepala_satker: bool = False
    upt_pelayanan: bool = False
    dialihkan: bool = False  # removed by the agency's decision, not by the eselon rule
    opd: str = ""  # kode of the perangkat daerah
    jf_penyetaraan: str = ""  # JF that this unit's head converts into

    @property
    def punya_pengecualian(self) -> bool:
        return any(getattr(self, name) for name in EKSEPSI)


@dataclass
class JabatanR:
    unit: str
    nama: str
    jenis: str
    kelas: int
    pemangku: int = 1  # holders to generate (B)
    pendidikan: tuple[str, ...] = ("S-1",)
    is_kepala: bool = False
    nama_jf: str = ""
    jenjang: str = ""
    eselon: str = ""
    pppk: int = 0  # of `pemangku`, how many are PPPK hired after 2021 (after-version only)
    asal: int | None = None  # index of the 2021 position this one was derived from


@dataclass
class Rencana:
    units: list[UnitR] = field(default_factory=list)
    jabatan: list[JabatanR] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(2021))

    def unit(
        self,
        induk: UnitR | None,
        kode: str,
        nama: str,
        jenis: str,
        eselon: str = "",
        **attrs: object,
    ) -> UnitR:
        unit = UnitR(
            kode=kode,
            induk=induk.kode if induk else None,
            nama=nama,
            jenis=jenis,
            eselon=eselon,
            opd=induk.opd if induk else kode,
            **attrs,
        )
        if not unit.jf_penyetaraan and induk is not None:
            unit.jf_penyetaraan = induk.jf_penyetaraan
        self.units.append(unit)
        return unit

    def kepala(self, unit: UnitR, nama: str, jenis: str, *, kosong: float = 0.0) -> JabatanR:
        pendidikan = {"jpt_pratama": ("S-2", "S-2", "S-1"), "administrator": ("S-2", "S-1")}
        jabatan = JabatanR(
            unit=unit.kode,
            nama=nama,
            jenis=jenis,
            kelas=k.KELAS_STRUKTURAL.get(unit.eselon, 17),  # eselon I: ministry demo
            pemangku=0 if self.rng.random() < kosong else 1,
            pendidikan=pendidikan.get(jenis, ("S-1", "S-1", "S-1", "S-2", "D-III", "D-IV")),
            is_kepala=True,
            eselon=unit.eselon,
        )
        self.jabatan.append(jabatan)
        return jabatan

    def jf(
        self,
        unit: UnitR,
        nama_jf: str,
        jenjang: str,
        pemangku: int,
        *,
        pppk: int = 0,
        pendidikan: tuple[str, ...] | None = None,
    ) -> JabatanR:
        kelas = k.KELAS_JF_KHUSUS.get((nama_jf, jenjang), k.KELAS_JF[jenjang])
        terampil = jenjang in {"terampil", "mahir", "penyelia", "pemula"}
        jabatan = JabatanR(
            unit=unit.kode,
            nama=f"{nama_jf} {label_jenjang(jenjang)}",
            jenis="fungsional",
            kelas=kelas,
            pemangku=pemangku,
            pendidikan=pendidikan
            or (("D-III",) if terampil else ("S-1", "S-1", "S-1", "S-2", "D-IV")),
            nama_jf=nama_jf,
            jenjang=jenjang,
            pppk=pppk,
        )
        self.jabatan.append(jabatan)
        return jabatan

    def pelaksana(self, unit: UnitR, jumlah_nama: int, maks_pemangku: int = 3) -> None:
        for nama, pendidikan, kelas in self.rng.sample(k.PELAKSANA_LAMA[:9], jumlah_nama):
            self.jabatan.append(
                JabatanR(
                    unit=unit.kode,
                    nama=nama,
                    jenis="pelaksana",
                    kelas=kelas,
                    pemangku=self.rng.randint(1, maks_pemangku),
                    pendidikan=(pendidikan,),
                )
            )

    def pelaksana_umum(self, unit: UnitR) -> None:
        """Drivers, guards and office helpers of a perangkat daerah's secretariat."""
        for nama, pendidikan, kelas in k.PELAKSANA_LAMA[9:]:
            self.jabatan.append(
                JabatanR(
                    unit=unit.kode,
                    nama=nama,
                    jenis="pelaksana",
                    kelas=kelas,
                    pemangku=self.rng.randint(1, 3),
                    pendidikan=(pendidikan, "SD" if pendidikan == "SMP" else pendidikan),
                )
            )


def label_jenjang(jenjang: str) -> str:
    return jenjang.replace("_", " ").title()


def _tugas_opd(nama: str, urusan: str) -> tuple[str, str]:
    tugas = (
        f"{nama} mempunyai tugas membantu Wali Kota melaksanakan urusan pemerintahan yang "
        f"menjadi kewenangan Daerah di bidang {urusan} dan tugas pembantuan yang diberikan "
        "kepada Daerah."
    )
    fungsi = "\n".join(
        (
            f"a. perumusan kebijakan di bidang {urusan};",
            f"b. pelaksanaan kebijakan di bidang {urusan};",
            f"c. pelaksanaan evaluasi dan pelaporan di bidang {urusan};",
            "d. pelaksanaan administrasi perangkat daerah; dan",
            "e. pelaksanaan fungsi lain yang diberikan oleh Wali Kota sesuai tugas dan fungsinya.",
        )
    )
    return tugas, fungsi


def _tugas_unit(nama: str) -> str:
    return (
        f"{nama} mempunyai tugas melaksanakan penyiapan perumusan, pelaksanaan, pemantauan, "
        f"evaluasi dan pelaporan kebijakan teknis lingkup {nama.split(' ', 1)[-1].lower()}."
    )


def _sekretariat(r: Rencana, opd: UnitR, subbagian: tuple[str, ...]) -> None:
    sek = r.unit(
        opd,
        f"{opd.kode}.SEK",
        "Sekretariat",
        "sekretariat",
        "III.a",
        tugas=_tugas_unit("Sekretariat"),
    )
    r.kepala(sek, "Sekretaris", "administrator", kosong=0.1)
    r.pelaksana_umum(sek)
    for i, nama in enumerate(subbagian, 1):
        # Budget and procurement support of the OPD as kepala satuan kerja (R25-03, C).
        sub = r.unit(
            sek,
            f"{sek.kode}.{i:02d}",
            f"Subbagian {nama}",
            "subbagian",
            "IV.a",
            kepala_satker=True,
            tugas=_tugas_unit(f"Subbagian {nama}"),
        )
        r.kepala(sub, f"Kepala Subbagian {nama}", "pengawas", kosong=0.05)
        r.pelaksana(sub, 2)


def _dinas(r: Rencana, d: k.OpdDef, urutan: int) -> None:
    tugas, fungsi = _tugas_opd(d.nama, d.urusan)
    opd = r.unit(
        None,
        d.kode,
        d.nama,
        d.jenis,
        "II.b",
        singkatan=d.singkatan,
        tugas=tugas,
        fungsi=fungsi,
        jf_penyetaraan=d.jf[0],
    )
    r.kepala(
        opd,
        f"{d.kepala} {d.nama.split(' ', 1)[1] if d.jenis != 'badan' else d.nama}"
        if d.kepala != "Kepala Satuan"
        else "Kepala Satuan Polisi Pamong Praja",
        "jpt_pratama",
    )
    if d.sekretariat:
        _sekretariat(r, opd, d.sekretariat)
    sub_jenis = "subbidang" if d.jenis == "badan" else "seksi"
    sub_label = "Subbidang" if d.jenis == "badan" else "Seksi"
    for i, (bidang, seksi_list) in enumerate(d.bidang, 1):
        bid = r.unit(
            opd,
            f"{d.kode}.B{i}",
            f"Bidang {bidang}",
            "bidang",
            "III.b",
            dialihkan=d.bidang_dialihkan,
            tugas=_tugas_unit(f"Bidang {bidang}"),
        )
        r.kepala(bid, f"Kepala Bidang {bidang}", "administrator", kosong=0.12)
        if d.jenis == "dinas" and len(seksi_list) == 2:
            # Most kota dinas had three seksi per bidang before 2021 (PP 18/2016 Pasal 46).
            seksi_list = (*seksi_list, f"Pengendalian dan Evaluasi {bidang}")
        for j, seksi in enumerate(seksi_list, 1):
            sek = r.unit(
                bid,
                f"{bid.kode}.{j:02d}",
                f"{sub_label} {seksi}",
                sub_jenis,
                "IV.a",
                otoritas_legalisasi=seksi in d.pengecualian_seksi,
                tugas=_tugas_unit(f"{sub_label} {seksi}"),
            )
            r.kepala(sek, f"Kepala {sub_label} {seksi}", "pengawas", kosong=0.05)
            r.pelaksana(sek, r.rng.randint(1, 2), 2)
            nama_jf = d.jf[(i + j) % len(d.jf)]
            _jf_teknis(r, sek, nama_jf)
    for i, nama in enumerate(d.uptd, 1):
        _uptd(r, opd, f"{d.kode}.U{i:02d}", nama, d)


def _jf_teknis(r: Rencana, unit: UnitR, nama_jf: str) -> None:
    if nama_jf in k.JF_KETERAMPILAN:
        r.jf(unit, nama_jf, r.rng.choice(("terampil", "mahir")), r.rng.randint(1, 2))
    else:
        r.jf(unit, nama_jf, r.rng.choice(("ahli_pertama", "ahli_muda")), r.rng.randint(1, 2))


PUSKESMAS_JF = (
    ("Dokter", "ahli_pertama", 2),
    ("Dokter", "ahli_muda", 1),
    ("Dokter Gigi", "ahli_pertama", 1),
    ("Perawat", "terampil", 6),
    ("Perawat", "ahli_pertama", 3),
    ("Bidan", "terampil", 6),
    ("Bidan", "ahli_pertama", 2),
    ("Apoteker", "ahli_pertama", 1),
    ("Sanitarian", "terampil", 1),
    ("Nutrisionis", "terampil", 1),
    ("Pranata Laboratorium Kesehatan", "terampil", 1),
    ("Perekam Medis", "terampil", 1),
)


def _uptd(r: Rencana, opd: UnitR, kode: str, nama: str, d: k.OpdDef) -> None:
    nama_unit = nama if nama.startswith("Puskesmas") else f"UPTD {nama}"
    uptd = r.unit(
        opd, kode, nama_unit, "uptd", "IV.a", upt_pelayanan=True, tugas=_tugas_unit(f"UPTD {nama}")
    )
    r.kepala(uptd, f"Kepala {nama_unit}", "pengawas")
    if nama.startswith("Puskesmas"):
        for nama_jf, jenjang, n in PUSKESMAS_JF:
            r.jf(uptd, nama_jf, jenjang, n + r.rng.randint(0, 2), pppk=int(nama_jf == "Perawat"))
    else:
        r.jf(uptd, d.jf[-1], "terampil" if d.jf[-1] in k.JF_KETERAMPILAN else "ahli_pertama", 2)
    # Small UPTD kept an eselon V Kasubbag TU in 2021; eselon V is abolished by 25/2021.
    if r.rng.random() < 0.6:
        tu = r.unit(uptd, f"{kode}.TU", "Subbagian Tata Usaha", "subbagian", "V.a")
        # UU 5/2014: an eselon V post is a jabatan pelaksana that heads a unit.
        r.kepala(tu, "Kepala Subbagian Tata Usaha", "pelaksana")
        r.pelaksana(tu, 1, 2)
    else:
        r.pelaksana(uptd, 2, 2)


def _setda(r: Rencana) -> None:
    tugas, fungsi = _tugas_opd(
        "Sekretariat Daerah", "penyusunan kebijakan dan koordinasi administratif"
    )
    setda = r.unit(
        None,
        "SETDA",
        "Sekretariat Daerah",
        "setda",
        "II.a",
        singkatan="Setda",
        tugas=tugas,
        fungsi=fungsi,
        jf_penyetaraan="Analis Kebijakan",
    )
    r.kepala(setda, "Sekretaris Daerah", "jpt_pratama")
    for nama in k.STAF_AHLI:
        r.jabatan.append(
            JabatanR(
                unit="SETDA",
                nama=nama,
                jenis="jpt_pratama",
                kelas=k.KELAS_STRUKTURAL["II.b"],
                pendidikan=("S-2",),
            )
        )
    for i, (asisten, bagian_list) in enumerate(k.SETDA_ASISTEN, 1):
        asi = r.unit(setda, f"SETDA.A{i}", asisten, "asisten", "II.b")
        r.kepala(asi, asisten, "jpt_pratama")
        for j, bagian in enumerate(bagian_list, 1):
            bag = r.unit(
                asi,
                f"{asi.kode}.{j:02d}",
                f"Bagian {bagian}",
                "bagian",
                "III.a",
                jf_penyetaraan=k.SETDA_JF.get(bagian, "Analis Kebijakan"),
                tugas=_tugas_unit(f"Bagian {bagian}"),
            )
            r.kepala(bag, f"Kepala Bagian {bagian}", "administrator", kosong=0.1)
            if bagian == "Umum":
                r.pelaksana_umum(bag)
            for n, sub in enumerate(k.SETDA_SUBBAGIAN[bagian], 1):
                unit = r.unit(
                    bag,
                    f"{bag.kode}.{n:02d}",
                    f"Subbagian {sub}",
                    "subbagian",
                    "IV.a",
                    kepala_satker=sub == "Keuangan",
                )
                r.kepala(unit, f"Kepala Subbagian {sub}", "pengawas", kosong=0.05)
                r.pelaksana(unit, 2, 2)


def _setwan_inspektorat(r: Rencana) -> None:
    tugas, fungsi = _tugas_opd("Sekretariat DPRD", "administrasi kesekretariatan DPRD")
    setwan = r.unit(
        None,
        "SETWAN",
        "Sekretariat DPRD",
        "setwan",
        "II.b",
        singkatan="Setwan",
        tugas=tugas,
        fungsi=fungsi,
        jf_penyetaraan="Analis Kebijakan",
    )
    r.kepala(setwan, "Sekretaris DPRD", "jpt_pratama")
    for i, (bagian, subs) in enumerate(k.SETWAN_BAGIAN, 1):
        bag = r.unit(setwan, f"SETWAN.{i:02d}", f"Bagian {bagian}", "bagian", "III.a")
        r.kepala(bag, f"Kepala Bagian {bagian}", "administrator")
        for j, sub in enumerate(subs, 1):
            unit = r.unit(
                bag,
                f"{bag.kode}.{j:02d}",
                f"Subbagian {sub}",
                "subbagian",
                "IV.a",
                kepala_satker=sub == "Keuangan",
            )
            r.kepala(unit, f"Kepala Subbagian {sub}", "pengawas")
            r.pelaksana(unit, 2, 3)
    tugas, fungsi = _tugas_opd("Inspektorat", "pengawasan penyelenggaraan pemerintahan daerah")
    insp = r.unit(
        None,
        "INSPEKTORAT",
        "Inspektorat",
        "inspektorat",
        "II.b",
        tugas=tugas,
        fungsi=fungsi,
        jf_penyetaraan="Auditor",
    )
    r.kepala(insp, "Inspektur", "jpt_pratama")
    _sekretariat(
        r, insp, ("Umum dan Kepegawaian", "Perencanaan dan Keuangan", "Evaluasi dan Pelaporan")
    )
    for i, wilayah in enumerate(k.INSPEKTORAT_IRBAN, 1):
        irban = r.unit(
            insp, f"INSPEKTORAT.IR{i}", f"Inspektur Pembantu Wilayah {wilayah}", "irban", "III.a"
        )
        r.kepala(irban, f"Inspektur Pembantu Wilayah {wilayah}", "administrator")
    kjf = r.unit(insp, "INSPEKTORAT.KJF", "Kelompok Jabatan Fungsional", "kelompok_jf")
    for nama_jf, jenjang, n in (
        ("Auditor", "ahli_pertama", 6),
        ("Auditor", "ahli_muda", 5),
        ("Auditor", "ahli_madya", 2),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli_pertama", 4),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli_muda", 3),
    ):
        r.jf(kjf, nama_jf, jenjang, n)


def _guru(r: Rencana) -> None:
    for kode, nama, jumlah in (
        ("SD", "Sekolah Dasar", 0.62),
        ("SMP", "Sekolah Menengah Pertama", 0.38),
    ):
        kjf = r.unit(
            r.units[[u.kode for u in r.units].index("DISDIK")],
            f"DISDIK.GURU{kode}",
            f"Kelompok Jabatan Fungsional Guru {nama}",
            "kelompok_jf",
        )
        for jenjang, porsi, pppk in (
            ("ahli_pertama", 0.28, 0.2),
            ("ahli_muda", 0.40, 0),
            ("ahli_madya", 0.32, 0),
        ):
            n = round(1567 * jumlah * porsi)
            r.jf(kjf, "Guru", jenjang, n, pppk=round(n * pppk), pendidikan=("S-1",) * 4 + ("S-2",))


def _rsud(r: Rencana) -> None:
    d = k.RSUD
    tugas, fungsi = _tugas_opd(d.nama, d.urusan)
    rs = r.unit(
        None,
        d.kode,
        d.nama,
        "rsud",
        "II.b",
        singkatan="RSUD",
        tugas=tugas,
        fungsi=fungsi,
        jf_penyetaraan="Administrator Kesehatan",
    )
    r.kepala(rs, "Direktur Rumah Sakit Umum Daerah Cilegon", "jpt_pratama")
    for i, (wadir, subs) in enumerate(d.bidang, 1):
        w = r.unit(rs, f"RSUD.W{i}", f"Wakil Direktur {wadir}", "bidang", "III.a")
        r.kepala(w, f"Wakil Direktur {wadir}", "administrator")
        for j, sub in enumerate(subs, 1):
            jenis, label = ("bidang", "Bidang") if i == 1 else ("bagian", "Bagian")
            b = r.unit(w, f"{w.kode}.{j:02d}", f"{label} {sub}", jenis, "III.b")
            r.kepala(b, f"Kepala {label} {sub}", "administrator")
            for n, seksi in enumerate(("Perencanaan", "Pengendalian"), 1):
                s = r.unit(
                    b,
                    f"{b.kode}.{n:02d}",
                    f"Seksi {seksi} {sub}" if i == 1 else f"Subbagian {seksi} {sub}",
                    "seksi" if i == 1 else "subbagian",
                    "IV.a",
                    kepala_satker=sub == "Keuangan",
                )
                r.kepala(s, f"Kepala {s.nama}", "pengawas")
                r.pelaksana(s, 2, 3)
    kjf = r.unit(rs, "RSUD.KJF", "Kelompok Jabatan Fungsional", "kelompok_jf")
    besar = {"Perawat": 110, "Bidan": 35, "Dokter": 14}
    for nama_jf in d.jf:
        n = besar.get(nama_jf, 8)
        for jenjang in (
            ("ahli_pertama", "ahli_muda")
            if nama_jf in {"Dokter", "Apoteker"}
            else ("terampil", "ahli_pertama")
        ):
            r.jf(kjf, nama_jf, jenjang, n + r.rng.randint(0, n // 4), pppk=n // 10)
    r.pelaksana_umum(kjf)


def _kecamatan(r: Rencana) -> None:
    for i, (kec, kelurahan) in enumerate(k.KECAMATAN.items(), 1):
        kode = f"KEC{i:02d}"
        tugas, fungsi = _tugas_opd(f"Kecamatan {kec}", "pemerintahan umum di wilayah kecamatan")
        unit = r.unit(
            None,
            kode,
            f"Kecamatan {kec}",
            "kecamatan",
            "III.a",
            kewilayahan=True,
            tugas=tugas,
            fungsi=fungsi,
            jf_penyetaraan="Analis Kebijakan",
        )
        r.kepala(unit, f"Camat {kec}", "administrator")
        sek = r.unit(
            unit, f"{kode}.SEK", "Sekretariat Kecamatan", "sekretariat", "III.b", kewilayahan=True
        )
        r.kepala(sek, "Sekretaris Kecamatan", "administrator")
        r.pelaksana(sek, 2, 2)
        for j, seksi in enumerate(k.KECAMATAN_SEKSI, 1):
            s = r.unit(unit, f"{kode}.S{j}", f"Seksi {seksi}", "seksi", "IV.a", kewilayahan=True)
            r.kepala(s, f"Kepala Seksi {seksi}", "pengawas", kosong=0.05)
            r.pelaksana(s, 1, 2)
        for j, kel in enumerate(kelurahan, 1):
            ku = r.unit(
                unit, f"{kode}.K{j:02d}", f"Kelurahan {kel}", "kelurahan", "IV.a", kewilayahan=True
            )
            r.kepala(ku, f"Lurah {kel}", "pengawas")
            sekel = r.unit(
                ku,
                f"{ku.kode}.SEK",
                "Sekretariat Kelurahan",
                "sekretariat",
                "IV.b",
                kewilayahan=True,
            )
            r.kepala(sekel, "Sekretaris Kelurahan", "pengawas", kosong=0.1)
            r.pelaksana(ku, 2, 2)


def rencana_2021(seed: int = 2021) -> Rencana:
    """The demo agency's structure before simplification."""
    r = Rencana(rng=random.Random(seed))
    _setda(r)
    _setwan_inspektorat(r)
    for i, d in enumerate(k.DINAS_BADAN):
        _dinas(r, d, i)
    _guru(r)
    _rsud(r)
    _kecamatan(r)
    return r
