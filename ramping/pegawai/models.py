from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ramping.aturan.tampil import tanggal
from ramping.inti.models import MilikInstansi, manajer_instansi
from ramping.pegawai.golongan import GOLONGAN_PNS, GOLONGAN_PPPK
from ramping.pegawai.nip import NipTidakValid, urai_nip


class Pendidikan(models.TextChoices):
    SD = "SD", "SD"
    SMP = "SMP", "SMP"
    SLTA = "SLTA", "SLTA/sederajat"
    D1 = "D-I", "D-I"
    D2 = "D-II", "D-II"
    D3 = "D-III", "D-III"
    D4 = "D-IV", "D-IV"
    S1 = "S-1", "S-1"
    S2 = "S-2", "S-2"
    S3 = "S-3", "S-3"


class Pegawai(MilikInstansi):
    """An ASN (PNS or PPPK) of one agency."""

    class Status(models.TextChoices):
        PNS = "PNS", "PNS"
        PPPK = "PPPK", "PPPK"

    class JenisKelamin(models.TextChoices):
        L = "L", _("Laki-laki")
        P = "P", _("Perempuan")

    nip = models.CharField("NIP", max_length=18)
    nama = models.CharField("nama", max_length=200)
    gelar_depan = models.CharField("gelar depan", max_length=40, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=60, blank=True)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tanggal_lahir = models.DateField("tanggal lahir")
    status_asn = models.CharField("status ASN", max_length=4, choices=Status.choices)
    # PNS: TMT CPNS (always the 1st of a month). PPPK: TMT of the first contract.
    tmt_pengangkatan = models.DateField("TMT CPNS/PPPK")
    golongan = models.CharField(
        "golongan", max_length=6, choices=[(g, g) for g in GOLONGAN_PNS + GOLONGAN_PPPK]
    )
    pendidikan = models.CharField("pendidikan terakhir", max_length=5, choices=Pendidikan.choices)
    jurusan = models.CharField("jurusan/program studi", max_length=150, blank=True)

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]
        constraints = [
            # Unique per agency (with the shard key), not globally: a person moving agency
            # is a new row in the receiving agency.
            models.UniqueConstraint(fields=["instansi", "nip"], name="pegawai_nip_unik"),
            models.CheckConstraint(
                condition=Q(tmt_pengangkatan__gt=F("tanggal_lahir")),
                name="pegawai_tmt_setelah_lahir",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip})"

    @property
    def nama_lengkap(self) -> str:
        nama = f"{self.gelar_depan} {self.nama}".strip()
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama

    def clean(self) -> None:
        golongan_sah = GOLONGAN_PPPK if self.status_asn == "PPPK" else GOLONGAN_PNS
        if self.golongan and self.golongan not in golongan_sah:
            raise ValidationError(
                {"golongan": f"Golongan {self.golongan} tidak berlaku untuk {self.status_asn}."}
            )
        if not self.nip:
            return
        try:
            isi = urai_nip(self.nip, status_asn=self.status_asn)
        except NipTidakValid as exc:
            raise ValidationError({"nip": exc.pesan}) from None
        errors = {}
        if self.tanggal_lahir and isi.tanggal_lahir != self.tanggal_lahir:
            errors["tanggal_lahir"] = (
                "Tanggal lahir tidak sama dengan yang tertera di NIP "
                f"({tanggal(isi.tanggal_lahir)})."
            )
        if self.jenis_kelamin and isi.jenis_kelamin != self.jenis_kelamin:
            errors["jenis_kelamin"] = "Jenis kelamin tidak sama dengan digit ke-15 NIP."
        if self.tmt_pengangkatan and (
            self.tmt_pengangkatan.year != isi.tmt_tahun
            or (isi.tmt_bulan is not None and self.tmt_pengangkatan.month != isi.tmt_bulan)
        ):
            errors["tmt_pengangkatan"] = "TMT pengangkatan tidak sama dengan yang tertera di NIP."
        if errors:
            raise ValidationError(errors)


# The one rule for "active placement": no end date. B (bezetting) counts these rows.
AKTIF = Q(tmt_selesai__isnull=True)


class PenempatanQuerySet(models.QuerySet):
    def aktif(self) -> "PenempatanQuerySet":
        return self.filter(AKTIF)

    def bezetting(self, *, struktur_id: int) -> dict[int, int]:
        """B per position of one version: one grouped query on the version index."""
        rows = (
            self.aktif()
            .filter(struktur_id=struktur_id)
            .values("jabatan_id")
            .annotate(b=models.Count("id"))
            .values_list("jabatan_id", "b")
        )
        return dict(rows)


def b_jabatan() -> models.Count:
    """B as an annotation on Jabatan rows: `Jabatan.objects.annotate(b=b_jabatan())`."""
    return models.Count("penempatan_set", filter=Q(penempatan_set__tmt_selesai__isnull=True))


class Penempatan(MilikInstansi):
    """A person holding a Jabatan over time. B (bezetting) is counted from these rows.

    Placements belong to one Struktur version: a version is a snapshot of who sits where, so
    an archived version keeps its placements and a scenario copy gets its own. "Active" means
    `tmt_selesai` is empty; a person has at most one active placement per version.
    """

    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.CASCADE, related_name="penempatan_set", verbose_name="pegawai"
    )
    jabatan = models.ForeignKey(
        "jabatan.Jabatan",
        on_delete=models.CASCADE,
        related_name="penempatan_set",
        verbose_name="jabatan",
    )
    tmt_mulai = models.DateField("TMT mulai")
    tmt_selesai = models.DateField("TMT selesai", null=True, blank=True)
    nomor_sk = models.CharField("nomor SK", max_length=100, blank=True)
    asal = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="salinan",
        verbose_name="disalin dari",
    )

    class Meta:
        verbose_name = "penempatan"
        verbose_name_plural = "penempatan"
        ordering = ["-tmt_mulai", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["struktur", "pegawai"],
                condition=Q(tmt_selesai__isnull=True),
                name="penempatan_satu_aktif_per_pegawai",
            ),
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gte=F("tmt_mulai")),
                name="penempatan_selesai_setelah_mulai",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "jabatan", "tmt_selesai"])]

    objects = manajer_instansi(PenempatanQuerySet)

    def __str__(self) -> str:
        return f"{self.pegawai_id} → {self.jabatan_id} ({self.tmt_mulai})"
