"""Sistem kerja (PermenPAN-RB 7/2022): tim kerja, members, assignments and coordination.

Every row carries `instansi` (the shard key) and, where it points at units or positions, the
Struktur version those units belong to: teams are formed in the version in force. Writes go
through `ramping.sistemkerja.services`; these models only hold fields and constraints.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import Berversi, MilikInstansi, pengguna_opsional


class TimKerja(MilikInstansi, Berversi):
    """A team for a program/activity and period, owned by one unit (R7-04, R7-05)."""

    class Status(models.TextChoices):
        AKTIF = "aktif", _("Aktif")
        SELESAI = "selesai", _("Selesai")

    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="tim_kerja_set",
        verbose_name="unit pemilik",
    )
    nama = models.CharField("nama tim", max_length=200)
    program = models.CharField("program/kegiatan", max_length=250)
    periode_mulai = models.DateField("periode mulai")
    periode_selesai = models.DateField("periode selesai")
    # Decided by Pejabat Level 2 when planning (R7-05): a team may work without a Ketua Tim.
    perlu_ketua = models.BooleanField("memerlukan Ketua Tim", default=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="aktif")
    keterangan = models.TextField("keterangan", blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    dibuat_oleh = pengguna_opsional("dibuat oleh")

    class Meta:
        verbose_name = "tim kerja"
        verbose_name_plural = "tim kerja"
        ordering = ["nama", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_selesai__gte=F("periode_mulai")),
                name="tim_periode_selesai_setelah_mulai",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "status"])]

    def __str__(self) -> str:
        return self.nama


class AnggotaTim(MilikInstansi, Berversi):
    """A member of a team: a pegawai of the agency or, flagged, a person of another agency.

    A member from another unit counts only once the head of their unit agrees (R7-08).
    """

    class Peran(models.TextChoices):
        KETUA = "ketua", _("Ketua Tim")
        ANGGOTA = "anggota", _("Anggota")

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Menunggu persetujuan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    tim = models.ForeignKey(
        TimKerja, on_delete=models.CASCADE, related_name="anggota_set", verbose_name="tim"
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="anggota_tim_set",
        verbose_name="pegawai",
    )
    # Another agency's person (R7-04 "if needed, from other agencies"): name and agency as text.
    eksternal = models.BooleanField("dari instansi lain", default=False)
    nama_eksternal = models.CharField("nama (instansi lain)", max_length=200, blank=True)
    instansi_eksternal = models.CharField("instansi asal", max_length=200, blank=True)
    # The member's unit when added (their active placement in the team's version).
    unit_asal = models.ForeignKey(
        "organisasi.UnitKerja",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="unit asal",
    )
    peran = models.CharField("peran", max_length=10, choices=Peran.choices, default="anggota")
    jam_per_tahun = models.DecimalField("alokasi jam per tahun", max_digits=7, decimal_places=2)
    status = models.CharField(
        "status persetujuan", max_length=10, choices=Status.choices, default="diajukan"
    )
    diajukan_oleh = pengguna_opsional("diajukan oleh")
    diajukan_pada = models.DateTimeField("diajukan pada", auto_now_add=True)
    diputuskan_oleh = pengguna_opsional("diputuskan oleh")
    diputuskan_pada = models.DateTimeField("diputuskan pada", null=True, blank=True)
    catatan_keputusan = models.CharField("catatan keputusan", max_length=300, blank=True)

    class Meta:
        verbose_name = "anggota tim"
        verbose_name_plural = "anggota tim"
        ordering = ["tim", "-peran", "id"]  # "ketua" sorts after "anggota": ketua first
        constraints = [
            models.CheckConstraint(
                condition=Q(jam_per_tahun__gte=0), name="anggota_jam_tidak_negatif"
            ),
            models.UniqueConstraint(
                fields=["tim"],
                condition=Q(peran="ketua") & ~Q(status="ditolak"),
                name="anggota_satu_ketua_per_tim",
            ),
            models.UniqueConstraint(
                fields=["tim", "pegawai"],
                condition=Q(pegawai__isnull=False),
                name="anggota_pegawai_sekali_per_tim",
            ),
            models.CheckConstraint(
                condition=(Q(pegawai__isnull=False) & Q(eksternal=False))
                | (Q(pegawai__isnull=True) & Q(eksternal=True) & ~Q(nama_eksternal="")),
                name="anggota_pegawai_atau_eksternal",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def nama(self) -> str:
        if self.eksternal:
            return f"{self.nama_eksternal} ({self.instansi_eksternal or 'instansi lain'})"
        return self.pegawai.nama_lengkap if self.pegawai_id else ""

    @property
    def dihitung(self) -> bool:
        """Only an agreed membership counts (hours, team counts)."""
        return self.status == self.Status.DISETUJUI


class Penugasan(MilikInstansi, Berversi):
    """Work planned by Level 2 for a team or a person (R7-10..R7-12).

    States: direncanakan → berjalan → diserahkan → diterima | dikembalikan (→ berjalan).
    Done only when Level 1 accepts it (R7-12).
    """

    class Status(models.TextChoices):
        DIRENCANAKAN = "direncanakan", _("Direncanakan")
        BERJALAN = "berjalan", _("Berjalan")
        DISERAHKAN = "diserahkan", _("Diserahkan")
        DITERIMA = "diterima", _("Diterima")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")

    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    # The unit whose Level-2 official plans the work (the team's unit for team work).
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="unit perencana",
    )
    tim = models.ForeignKey(
        TimKerja,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="penugasan_set",
        verbose_name="tim",
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="penugasan_set",
        verbose_name="pegawai",
    )
    judul = models.CharField("judul penugasan", max_length=250)
    target_output = models.CharField("target output", max_length=250)
    volume = models.DecimalField("volume", max_digits=10, decimal_places=2)
    satuan = models.CharField("satuan", max_length=60)
    tenggat = models.DateField("tenggat")
    catatan_anggaran = models.CharField("catatan anggaran", max_length=300, blank=True)
    status = models.CharField(
        "status", max_length=15, choices=Status.choices, default="direncanakan"
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    dibuat_oleh = pengguna_opsional("dibuat oleh")

    class Meta:
        verbose_name = "penugasan"
        verbose_name_plural = "penugasan"
        ordering = ["tenggat", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(tim__isnull=False) & Q(pegawai__isnull=True))
                | (Q(tim__isnull=True) & Q(pegawai__isnull=False)),
                name="penugasan_tim_atau_pegawai",
            ),
            models.CheckConstraint(condition=Q(volume__gte=0), name="penugasan_volume_positif"),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "status"])]

    def __str__(self) -> str:
        return self.judul

    @property
    def selesai(self) -> bool:
        return self.status == self.Status.DITERIMA


class RiwayatPenugasan(MilikInstansi):
    """One dated, attributed step of an assignment: who, when, from which state to which."""

    penugasan = models.ForeignKey(
        Penugasan, on_delete=models.CASCADE, related_name="riwayat_set", verbose_name="penugasan"
    )
    dari = models.CharField(
        "dari status", max_length=15, choices=Penugasan.Status.choices, blank=True
    )
    ke = models.CharField("ke status", max_length=15, choices=Penugasan.Status.choices)
    oleh = pengguna_opsional("oleh")
    sebagai = models.CharField("bertindak sebagai", max_length=40)
    pada = models.DateTimeField("pada")
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "riwayat penugasan"
        verbose_name_plural = "riwayat penugasan"
        ordering = ["penugasan", "pada", "id"]

    def __str__(self) -> str:
        return f"{self.penugasan_id}: {self.dari or '-'} → {self.ke}"


class Kegiatan(MilikInstansi, Berversi):
    """An activity members break an assignment into, with its progress (R7-11)."""

    penugasan = models.ForeignKey(
        Penugasan, on_delete=models.CASCADE, related_name="kegiatan_set", verbose_name="penugasan"
    )
    nama = models.CharField("kegiatan", max_length=250)
    pelaksana = models.CharField("pelaksana", max_length=200, blank=True)
    progres = models.PositiveSmallIntegerField("progres (%)", default=0)
    catatan = models.CharField("catatan", max_length=300, blank=True)

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["penugasan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progres__gte=0, progres__lte=100), name="kegiatan_progres_0_100"
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class RelasiKoordinasi(MilikInstansi, Berversi):
    """A relation between two units, as in an agency's pola koordinasi regulation."""

    class Jenis(models.TextChoices):
        MENGOORDINASIKAN = "mengoordinasikan", _("Mengoordinasikan")
        DIKOORDINASIKAN = "dikoordinasikan", _("Dikoordinasikan oleh")
        BEKERJA_SAMA = "bekerja_sama", _("Bekerja sama dengan")

    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    unit_dari = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.CASCADE, related_name="+", verbose_name="unit"
    )
    unit_ke = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="unit mitra",
    )
    jenis = models.CharField("jenis relasi", max_length=20, choices=Jenis.choices)
    dasar_hukum = models.CharField("dasar hukum", max_length=250, blank=True)
    keterangan = models.CharField("keterangan", max_length=300, blank=True)

    class Meta:
        verbose_name = "relasi koordinasi"
        verbose_name_plural = "relasi koordinasi"
        ordering = ["unit_dari", "unit_ke", "jenis"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit_dari=F("unit_ke")), name="relasi_bukan_diri_sendiri"
            ),
            models.UniqueConstraint(fields=["unit_dari", "unit_ke", "jenis"], name="relasi_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_dari} {self.get_jenis_display().lower()} {self.unit_ke}"
