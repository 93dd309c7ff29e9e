"""Penyetaraan register (PermenPAN-RB 17/2021) and the agency's allowance table (R17-10)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import Berversi, MilikInstansi, pengguna_opsional
from ramping.jabatan.models import Jenjang


class Penyetaraan(MilikInstansi, Berversi):
    """One official's conversion from an administrative post into a JF (17/2021).

    The old post is kept as text too (name, unit, eselon, kelas), so the register still reads
    right after the old version is archived or its positions are renamed.
    """

    class Status(models.TextChoices):
        TERIDENTIFIKASI = "teridentifikasi", _("Teridentifikasi")
        DIPETAKAN = "dipetakan", _("Dipetakan")
        DIUSULKAN = "diusulkan", _("Diusulkan")
        DISETUJUI = "disetujui", _("Disetujui")
        SK_TERBIT = "sk_terbit", _("SK terbit")
        DILANTIK = "dilantik", _("Dilantik")

    class Ukom(models.TextChoices):
        TIDAK_PERLU = "", _("Tidak perlu")
        BELUM = "belum", _("Belum uji kompetensi")
        LULUS = "lulus", _("Lulus")
        TIDAK_LULUS = "tidak_lulus", _("Tidak lulus")
        TIDAK_IKUT = "tidak_ikut", _("Tidak mengikuti")

    # The version in which the official holds the JF (the simplified one).
    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    jabatan_lama = models.ForeignKey(
        "jabatan.Jabatan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="jabatan lama",
    )
    jabatan_baru = models.ForeignKey(
        "jabatan.Jabatan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="jabatan fungsional",
    )
    nama_jabatan_lama = models.CharField("jabatan lama", max_length=250)
    unit_lama = models.CharField("unit lama", max_length=250, blank=True)
    eselon_lama = models.CharField("eselon lama", max_length=5, blank=True)
    kelas_lama = models.PositiveSmallIntegerField("kelas lama", null=True, blank=True)
    nama_jf = models.CharField("JF tujuan", max_length=200)
    jenjang = models.CharField("jenjang", max_length=20, choices=Jenjang.choices)
    kelas_baru = models.PositiveSmallIntegerField("kelas JF", null=True, blank=True)
    # R17-06: the analyst's judgement; R17-07/08: the competence-test path.
    relevan = models.BooleanField("tugas/pengalaman relevan", default=True)
    status_ukom = models.CharField(
        "uji kompetensi", max_length=12, choices=Ukom.choices, blank=True, default=""
    )
    jf_lain = models.CharField("JF lain (tidak lulus ukom)", max_length=200, blank=True)
    status = models.CharField(
        "tahap", max_length=16, choices=Status.choices, default=Status.TERIDENTIFIKASI
    )
    tanggal_dipetakan = models.DateField("tanggal dipetakan", null=True, blank=True)
    tanggal_diusulkan = models.DateField("tanggal diusulkan", null=True, blank=True)
    tanggal_disetujui = models.DateField("tanggal disetujui", null=True, blank=True)
    tanggal_sk = models.DateField("tanggal SK", null=True, blank=True)
    tanggal_dilantik = models.DateField("tanggal pelantikan", null=True, blank=True)
    nomor_sk = models.CharField("nomor SK", max_length=120, blank=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "penyetaraan jabatan"
        verbose_name_plural = "penyetaraan jabatan"
        ordering = ["unit_lama", "nama_jabatan_lama", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["struktur", "pegawai"], name="penyetaraan_satu_per_pegawai_per_versi"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["sk_terbit", "dilantik"]) | ~Q(nomor_sk=""),
                name="penyetaraan_sk_bernomor",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "status"])]

    def __str__(self) -> str:
        return f"{self.nama_jabatan_lama} → {self.nama_jf} {self.get_jenjang_display()}"


class TabelTunjangan(MilikInstansi):
    """The agency's allowance amounts for the income comparison (R17-10/R17-11).

    Seeded from ramping/aturan/data/tunjangan_contoh.toml, which is EXAMPLE data: `contoh` and
    `verified` say so until the agency enters its Perpres/Perkada amounts.
    """

    instansi = models.OneToOneField(
        "organisasi.Instansi",
        on_delete=models.CASCADE,
        related_name="tabel_tunjangan",
        verbose_name="instansi",
    )
    dasar_hukum = models.CharField("dasar hukum", max_length=300, blank=True)
    contoh = models.BooleanField("data contoh", default=True)
    verified = models.BooleanField("sudah diverifikasi", default=False)
    diubah = models.DateTimeField("terakhir diubah", auto_now=True)

    class Meta:
        verbose_name = "tabel tunjangan"
        verbose_name_plural = "tabel tunjangan"

    def __str__(self) -> str:
        return f"Tabel tunjangan {self.instansi_id}"


class TarifTunjangan(MilikInstansi):
    """One monthly amount: per eselon, per JF jenjang (optionally one JF), or per kelas."""

    class Jenis(models.TextChoices):
        JABATAN = "jabatan", "Tunjangan jabatan (eselon)"
        FUNGSIONAL = "fungsional", "Tunjangan fungsional (jenjang)"
        TPP = "tpp", "TPP per kelas"

    tabel = models.ForeignKey(
        TabelTunjangan, on_delete=models.CASCADE, related_name="tarif", verbose_name="tabel"
    )
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    kunci = models.CharField("eselon / jenjang / kelas", max_length=20)
    nama_jf = models.CharField("khusus JF", max_length=200, blank=True)
    jumlah = models.DecimalField("jumlah per bulan (Rp)", max_digits=14, decimal_places=0)

    class Meta:
        verbose_name = "tarif tunjangan"
        verbose_name_plural = "tarif tunjangan"
        ordering = ["jenis", "kunci", "nama_jf"]
        constraints = [
            models.UniqueConstraint(
                fields=["tabel", "jenis", "kunci", "nama_jf"], name="tarif_unik"
            ),
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="tarif_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.kunci}: {self.jumlah}"


class LangkahSkenario(MilikInstansi):
    """One step of the scenario's change log ("riwayat perubahan skenario"), in order.

    A step keeps what it needs to be undone (`balik`: the rows it deleted, their state before it
    changed them and after, the rows it created; see `penyederhanaan.langkah`) and the objects it
    touched (`kunci`), so that undoing it first undoes the later steps sharing one of them.
    """

    struktur = models.ForeignKey(
        "organisasi.Struktur",
        on_delete=models.CASCADE,
        related_name="langkah_set",
        verbose_name="versi struktur",
    )
    urutan = models.PositiveIntegerField("urutan")
    aksi = models.CharField("aksi", max_length=60)
    ringkasan = models.CharField("ringkasan", max_length=500)
    balik = models.JSONField("data pembatalan", default=dict)
    kunci = models.JSONField("objek tersentuh", default=list)
    dibuat = models.DateTimeField("waktu", auto_now_add=True)
    dibuat_oleh = pengguna_opsional("oleh")
    dibatalkan = models.DateTimeField("dibatalkan", null=True, blank=True)
    dibatalkan_oleh = pengguna_opsional("dibatalkan oleh")

    class Meta:
        verbose_name = "langkah skenario"
        verbose_name_plural = "riwayat perubahan skenario"
        ordering = ["struktur", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["struktur", "urutan"], name="langkah_urutan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.urutan}. {self.ringkasan}"
