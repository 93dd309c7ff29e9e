from django.db import models
from django.db.models import Q


class JenisJabatan(models.TextChoices):
    JPT_UTAMA = "jpt_utama", "JPT Utama"
    JPT_MADYA = "jpt_madya", "JPT Madya"
    JPT_PRATAMA = "jpt_pratama", "JPT Pratama"
    ADMINISTRATOR = "administrator", "Administrator"
    PENGAWAS = "pengawas", "Pengawas"
    PELAKSANA = "pelaksana", "Pelaksana"
    FUNGSIONAL = "fungsional", "Fungsional"


STRUKTURAL = {"jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"}


class Jenjang(models.TextChoices):
    """Jenjang of a jabatan fungsional (keahlian, then keterampilan)."""

    AHLI_UTAMA = "ahli_utama", "Ahli Utama"
    AHLI_MADYA = "ahli_madya", "Ahli Madya"
    AHLI_MUDA = "ahli_muda", "Ahli Muda"
    AHLI_PERTAMA = "ahli_pertama", "Ahli Pertama"
    PENYELIA = "penyelia", "Penyelia"
    MAHIR = "mahir", "Mahir"
    TERAMPIL = "terampil", "Terampil"
    PEMULA = "pemula", "Pemula"


class Jabatan(models.Model):
    """A position (a seat, not a person) in a unit; it may have several holders (B)."""

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="+", verbose_name="instansi"
    )
    # Denormalised from unit.struktur so per-version aggregates need no join.
    struktur = models.ForeignKey(
        "organisasi.Struktur",
        on_delete=models.CASCADE,
        related_name="jabatan_set",
        verbose_name="struktur",
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="jabatan_set",
        verbose_name="unit kerja",
    )
    nama = models.CharField("nama jabatan", max_length=250)
    jenis = models.CharField("jenis jabatan", max_length=20, choices=JenisJabatan.choices)
    # For a jabatan fungsional: the JF's name without jenjang ("Analis Kebijakan").
    nama_jf = models.CharField("nama jabatan fungsional", max_length=200, blank=True)
    jenjang = models.CharField("jenjang", max_length=20, choices=Jenjang.choices, blank=True)
    kode = models.CharField("kode jabatan", max_length=40, blank=True)
    kelas = models.PositiveSmallIntegerField("kelas jabatan", null=True, blank=True)
    # ABK results, recomputed by the ABK service from the tasks (never typed by hand):
    # yearly workload, need before rounding (beban ÷ WKE) and K (rounded once per position).
    beban_kerja_jam = models.DecimalField(
        "beban kerja (jam/tahun)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    kebutuhan_desimal = models.DecimalField(
        "kebutuhan sebelum pembulatan", max_digits=10, decimal_places=4, null=True, blank=True
    )
    kebutuhan = models.PositiveIntegerField("kebutuhan pegawai (K)", null=True, blank=True)
    is_kepala = models.BooleanField("kepala unit", default=False)
    urutan = models.PositiveIntegerField("urutan", default=0)
    asal = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="salinan",
        verbose_name="disalin dari",
    )

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["unit", "-is_kepala", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=Q(is_kepala=True), name="jabatan_satu_kepala_per_unit"
            ),
            models.CheckConstraint(
                condition=Q(kelas__isnull=True) | Q(kelas__gte=1, kelas__lte=17),
                name="jabatan_kelas_1_sampai_17",
            ),
            # A JF always has a jenjang and a JF name; no other kind has a jenjang.
            models.CheckConstraint(
                condition=(Q(jenis="fungsional") & ~Q(jenjang="") & ~Q(nama_jf=""))
                | (~Q(jenis="fungsional") & Q(jenjang="") & Q(nama_jf="")),
                name="jabatan_jenjang_hanya_fungsional",
            ),
            # Only a structural post heads a unit.
            models.CheckConstraint(
                condition=Q(is_kepala=False) | Q(jenis__in=sorted(STRUKTURAL)),
                name="jabatan_kepala_struktural",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "jenis"])]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_struktural(self) -> bool:
        return self.jenis in STRUKTURAL
