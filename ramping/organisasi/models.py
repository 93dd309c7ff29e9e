from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import MilikInstansi


class Instansi(models.Model):
    """The agency: the tenant. Every tenant-owned row carries its id (the future shard key)."""

    class Jenis(models.TextChoices):
        KOTA = "kota", "Pemerintah Kota"
        KABUPATEN = "kabupaten", "Pemerintah Kabupaten"
        PROVINSI = "provinsi", "Pemerintah Provinsi"
        KEMENTERIAN = "kementerian", "Kementerian"
        LEMBAGA = "lembaga", "Lembaga"

    nama = models.CharField("nama", max_length=200)
    kode = models.SlugField("kode", max_length=40, unique=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class Struktur(MilikInstansi):
    """One version of the SOTK. Before/after and what-if scenarios are all rows here."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        USULAN = "usulan", _("Usulan")
        BERLAKU = "berlaku", _("Berlaku")
        ARSIP = "arsip", _("Arsip")

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="struktur_set", verbose_name="instansi"
    )
    nama = models.CharField("nama versi", max_length=200)
    # What the scenario is for, in the analyst's words; shown in the app, never printed.
    keterangan = models.TextField("keterangan", blank=True)
    dasar_hukum_nomor = models.CharField("nomor dasar hukum", max_length=200, blank=True)
    dasar_hukum_tanggal = models.DateField("tanggal dasar hukum", null=True, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="draft")
    berlaku_mulai = models.DateField("berlaku mulai", null=True, blank=True)
    turunan_dari = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="turunan",
        verbose_name="diturunkan dari",
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "struktur (versi SOTK)"
        verbose_name_plural = "struktur (versi SOTK)"
        ordering = ["instansi", "-berlaku_mulai", "-id"]
        constraints = [
            # Only one version of an agency's SOTK can be in force at a time.
            models.UniqueConstraint(
                fields=["instansi"],
                condition=Q(status="berlaku"),
                name="struktur_satu_berlaku_per_instansi",
            ),
            models.CheckConstraint(
                condition=~Q(status="berlaku") | Q(berlaku_mulai__isnull=False),
                name="struktur_berlaku_punya_tanggal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_status_display()})"


class Eselon(models.TextChoices):
    I_A = "I.a", "I.a"
    I_B = "I.b", "I.b"
    II_A = "II.a", "II.a"
    II_B = "II.b", "II.b"
    III_A = "III.a", "III.a"
    III_B = "III.b", "III.b"
    IV_A = "IV.a", "IV.a"
    IV_B = "IV.b", "IV.b"
    V_A = "V.a", "V.a"


class UnitKerja(MilikInstansi):
    """A node of the unit tree inside one Struktur.

    The tree is stored as a materialized path (`path`, fixed-width segments of 4 characters
    from the root, e.g. "0003" + "0012"): a whole subtree is one indexed
    `path LIKE 'prefix%'` query on SQLite and PostgreSQL alike, needs no recursive CTE (so it
    also works on a Citus-distributed table), and the path can be computed in memory before a
    bulk insert. Moves are rare (a scenario edit) and rewrite only the moved subtree's paths.
    """

    SEGMEN = 4  # characters per level in `path`; up to 9,999 siblings per parent

    class Jenis(models.TextChoices):
        SETDA = "setda", "Sekretariat Daerah"
        SETWAN = "setwan", "Sekretariat DPRD"
        INSPEKTORAT = "inspektorat", "Inspektorat"
        BADAN = "badan", "Badan"
        DINAS = "dinas", "Dinas"
        RSUD = "rsud", "Rumah Sakit Umum Daerah"
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"
        ASISTEN = "asisten", "Asisten"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        BAGIAN = "bagian", "Bagian"
        BIDANG = "bidang", "Bidang"
        INSPEKTUR_PEMBANTU = "irban", "Inspektur Pembantu"
        SUBBAGIAN = "subbagian", "Subbagian"
        SUBBIDANG = "subbidang", "Subbidang"
        SEKSI = "seksi", "Seksi"
        UPTD = "uptd", "UPT Daerah"
        KELOMPOK_JF = "kelompok_jf", "Kelompok Jabatan Fungsional"
        # Central agencies (kementerian, lembaga); eselon rules: aturan/data/jenis_unit.toml
        SEKRETARIAT_JENDERAL = "sekretariat_jenderal", "Sekretariat Jenderal"
        DIREKTORAT_JENDERAL = "direktorat_jenderal", "Direktorat Jenderal"
        INSPEKTORAT_JENDERAL = "inspektorat_jenderal", "Inspektorat Jenderal"
        DEPUTI = "deputi", "Kedeputian"
        BIRO = "biro", "Biro"
        ASISTEN_DEPUTI = "asisten_deputi", "Asisten Deputi"
        DIREKTORAT = "direktorat", "Direktorat"
        PUSAT = "pusat", "Pusat"
        INSPEKTORAT_UTAMA = "inspektorat_utama", "Inspektorat Utama"
        SUBDIREKTORAT = "subdirektorat", "Subdirektorat"
        BALAI_BESAR = "balai_besar", "Balai Besar"
        BALAI = "balai", "Balai"
        LOKA = "loka", "Loka"

    struktur = models.ForeignKey(
        Struktur, on_delete=models.CASCADE, related_name="unit_set", verbose_name="struktur"
    )
    induk = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="anak",
        verbose_name="unit induk",
    )
    path = models.CharField("path pohon", max_length=255)
    kedalaman = models.PositiveSmallIntegerField("kedalaman")
    urutan = models.PositiveIntegerField("urutan", default=0)
    # Stable across versions (copied with the unit): identifies "the same OPD" in every Struktur.
    kode = models.CharField("kode unit", max_length=40)
    nama = models.CharField("nama unit", max_length=250)
    singkatan = models.CharField("singkatan", max_length=40, blank=True)
    jenis = models.CharField("jenis unit", max_length=20, choices=Jenis.choices)
    eselon = models.CharField(
        "eselon kepala unit", max_length=5, choices=Eselon.choices, blank=True
    )
    # Tipologi of a perangkat daerah (PP 18/2016 as amended by PP 72/2019; PP 17/2018 for a
    # Kecamatan) or the class of a UPTD (Permendagri 12/2017): decides which limits the 25/2021
    # check applies (ramping.aturan.tipologi). Blank: not recorded, the widest limits (tipe A).
    tipe = models.CharField(
        _("tipe/kelas"),
        max_length=1,
        choices=[("A", "A"), ("B", "B"), ("C", "C")],
        blank=True,
        help_text=_("Tipe perangkat daerah A/B/C atau kelas UPTD A/B menurut Perda/Perkada."),
    )
    tugas = models.TextField("tugas", blank=True)
    fungsi = models.TextField("fungsi", blank=True)
    # Exception criteria of PermenPAN-RB 25/2021 (R25-03, confidence C) that keep a unit.
    otoritas_legalisasi = models.BooleanField("otoritas/legalisasi dokumen", default=False)
    kewilayahan = models.BooleanField("kewenangan kewilayahan", default=False)
    kepala_satker = models.BooleanField("kepala satuan kerja", default=False)
    upt_pelayanan = models.BooleanField("UPT pelayanan langsung", default=False)
    asal = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="salinan",
        verbose_name="disalin dari",
    )

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["struktur", "path"]
        constraints = [
            models.UniqueConstraint(fields=["struktur", "path"], name="unit_path_unik"),
            models.UniqueConstraint(fields=["struktur", "kode"], name="unit_kode_unik"),
            models.CheckConstraint(
                condition=(Q(induk__isnull=True) & Q(kedalaman=0))
                | (Q(induk__isnull=False) & Q(kedalaman__gt=0)),
                name="unit_kedalaman_sesuai_induk",
            ),
            models.CheckConstraint(
                condition=~Q(jenis="kelompok_jf") | Q(eselon=""),
                name="unit_kelompok_jf_tanpa_eselon",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "kedalaman"])]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_opd(self) -> bool:
        return self.induk_id is None

    @property
    def path_opd(self) -> str:
        """The path of the perangkat daerah (top-level unit) this unit belongs to."""
        return self.path[: self.SEGMEN]

    @property
    def punya_pengecualian(self) -> bool:
        return (
            self.otoritas_legalisasi or self.kewilayahan or self.kepala_satker or self.upt_pelayanan
        )

    @classmethod
    def segmen(cls, nomor: int) -> str:
        if not 0 < nomor < 10**cls.SEGMEN:
            raise ValueError(f"nomor urut unit di luar batas: {nomor}")
        return f"{nomor:0{cls.SEGMEN}d}"

    def clean(self) -> None:
        if len(self.path) != self.SEGMEN * (self.kedalaman + 1):
            raise ValidationError({"path": "Panjang path tidak sesuai kedalaman unit."})


class PengaturanInstansi(MilikInstansi):
    """An agency's choices for rules the sources leave open (ramping.aturan.Pengaturan).

    Defaults come from ramping/aturan/data/pengaturan.toml, where each carries its legal basis
    and confidence; an agency sets its own value here (e.g. by its Perkada on ABK).
    """

    class ModePembulatan(models.TextChoices):
        HALF_UP = "half_up", _("Pembulatan biasa (0,5 ke atas)")
        CEIL = "ceil", _("Selalu ke atas")

    instansi = models.OneToOneField(
        Instansi, on_delete=models.CASCADE, related_name="pengaturan", verbose_name="instansi"
    )
    wke_jam = models.DecimalField(
        "waktu kerja efektif (jam/tahun)",
        max_digits=6,
        decimal_places=0,
        # Said beside the field on the settings form (the check constraint below is the floor).
        validators=[MinValueValidator(1)],
        help_text="PermenPAN-RB 1/2020: 1.250 jam per tahun.",
    )
    mode_pembulatan = models.CharField(
        "pembulatan kebutuhan pegawai", max_length=10, choices=ModePembulatan.choices
    )
    minimal_satu = models.BooleanField(
        "kebutuhan minimal satu bila ada beban kerja",
        help_text="Dengan pembulatan biasa, kebutuhan 0,1–0,49 menjadi 1, bukan 0.",
    )
    dasar_hukum = models.CharField("dasar hukum pengaturan", max_length=250, blank=True)
    # Imports (issue #11): per-period volumes and the plausibility ceiling; blank = default.
    hari_kerja_tahun = models.PositiveSmallIntegerField(
        "hari kerja efektif setahun",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text="Kepmenpan 75/2004: volume per hari dikalikan nilai ini. Kosong: 235.",
    )
    minggu_kerja_tahun = models.PositiveSmallIntegerField(
        "minggu kerja efektif setahun",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(53)],
        help_text="Volume per minggu dikalikan nilai ini. Kosong: 47.",
    )
    batas_k_wajar = models.DecimalField(
        "batas wajar kebutuhan pegawai per jabatan",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="K di atas ini diperingatkan pada pratinjau impor. Kosong: 50.",
    )

    # Letterhead and officials, printed by every official document (`ramping.laporan.kop`).
    # Blank values fall back to what the agency's name gives (`organisasi.pengaturan.kop_instansi`).
    kop_pemerintah = models.CharField(
        "baris kop: pemerintah", max_length=120, blank=True, help_text="PEMERINTAH KOTA CILEGON"
    )
    kop_unit = models.CharField(
        "baris kop: unit", max_length=120, blank=True, help_text="SEKRETARIAT DAERAH"
    )
    alamat = models.CharField(
        "alamat kantor", max_length=250, blank=True, help_text="Jalan, nomor telepon, laman, surel"
    )
    kota = models.CharField(
        "tempat penetapan", max_length=60, blank=True, help_text='"Cilegon" untuk "Cilegon, 5 …"'
    )
    logo = models.ImageField("logo", upload_to="logo/", blank=True)
    # Blank: from the agency's kind (a kota's "Peraturan Wali Kota", a kabupaten's "Peraturan
    # Bupati"), so a migrated kabupaten row does not print "Wali Kota" by default.
    jenis_peraturan = models.CharField(
        "jenis peraturan kepala daerah",
        max_length=60,
        blank=True,
        help_text="Kosong: menurut jenis instansi (Peraturan Wali Kota, Peraturan Bupati, …)",
    )
    jabatan_kepala_daerah = models.CharField(
        "jabatan kepala daerah", max_length=120, blank=True, help_text="Wali Kota Cilegon"
    )
    nama_kepala_daerah = models.CharField("nama kepala daerah", max_length=120, blank=True)
    penandatangan_nama = models.CharField("nama penandatangan surat", max_length=120, blank=True)
    penandatangan_jabatan = models.CharField(
        "jabatan penandatangan surat", max_length=120, blank=True, help_text="Sekretaris Daerah"
    )
    penandatangan_nip = models.CharField("NIP penandatangan", max_length=18, blank=True)
    penandatangan_pangkat = models.CharField(
        "pangkat penandatangan", max_length=80, blank=True, help_text="Pembina Utama Madya (IV/d)"
    )

    class Meta:
        verbose_name = "pengaturan instansi"
        verbose_name_plural = "pengaturan instansi"
        constraints = [
            models.CheckConstraint(condition=Q(wke_jam__gt=0), name="pengaturan_wke_positif"),
        ]

    def __str__(self) -> str:
        return f"Pengaturan {self.instansi}"
