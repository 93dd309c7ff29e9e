"""The agency-wide penataan cycle: a round asks every OPD for its ANJAB/ABK/evaluasi/nomenklatur,
each OPD fills and submits, the Bagian Organisasi verifies with notes, returns or approves.

Findings (`Temuan`) are computed, not stored (`ramping.penataan.temuan`); what is stored is the
state of each OPD, its dated history, the verifier's notes, the acknowledged warnings and the
frozen snapshots of what was submitted and approved.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import Berversi, MilikInstansi, pengguna_opsional


class Bagian(models.TextChoices):
    """What a round asks the OPD for."""

    ANJAB = "anjab", _("ANJAB")
    ABK = "abk", _("ABK")
    EVALUASI = "evaluasi", _("Evaluasi jabatan")
    NOMENKLATUR = "nomenklatur", _("Nomenklatur pelaksana")


class KegiatanPenataan(MilikInstansi, Berversi):
    """A round opened by the Bagian Organisasi for one structure version."""

    class Status(models.TextChoices):
        BERJALAN = "berjalan", _("Berjalan")
        DITUTUP = "ditutup", _("Ditutup")

    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    nama = models.CharField("nama kegiatan", max_length=200)
    dasar_hukum = models.CharField("dasar hukum", max_length=400, blank=True)
    # The parts asked, a subset of Bagian (kept as a list: order is the one of Bagian).
    diminta = models.JSONField("yang diminta", default=list)
    tenggat = models.DateField("batas waktu")
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.BERJALAN
    )
    # The Surat Edaran that opens the round.
    nomor_surat = models.CharField("nomor surat edaran", max_length=120, blank=True)
    tanggal_surat = models.DateField("tanggal surat edaran", null=True, blank=True)
    perihal = models.CharField("perihal", max_length=300, blank=True)
    isi_surat = models.TextField("isi tambahan surat edaran", blank=True)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    dibuat_oleh = pengguna_opsional("dibuat oleh")

    class Meta:
        verbose_name = "kegiatan penataan"
        verbose_name_plural = "kegiatan penataan"
        ordering = ["-dibuat", "-id"]

    def __str__(self) -> str:
        return self.nama

    def bagian_diminta(self) -> list[str]:
        return [b for b in Bagian.values if b in self.diminta]


class PesertaPenataan(MilikInstansi, Berversi):
    """One OPD in a round: its state, deadline, assigned analyst and lock."""

    class Status(models.TextChoices):
        BELUM = "belum", _("Belum dimulai")
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        REVISI = "revisi", _("Revisi")
        DISETUJUI = "disetujui", _("Disetujui")

    kegiatan = models.ForeignKey(
        KegiatanPenataan,
        on_delete=models.CASCADE,
        related_name="peserta_set",
        verbose_name="kegiatan",
    )
    opd = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="perangkat daerah",
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default="belum")
    # Empty: the round's deadline. An analyst may extend one OPD's.
    tenggat = models.DateField("batas waktu OPD", null=True, blank=True)
    # An analyst may lock an OPD (e.g. past its deadline); a locked OPD cannot be edited or
    # submitted by its operator until unlocked.
    dikunci = models.BooleanField("dikunci analis", default=False)
    analis = pengguna_opsional("analis penanggung jawab")
    terakhir_aktif = models.DateTimeField("aktivitas terakhir", null=True, blank=True)

    class Meta:
        verbose_name = "peserta penataan"
        verbose_name_plural = "peserta penataan"
        ordering = ["kegiatan", "opd__path"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "opd"], name="peserta_satu_per_opd"),
        ]

    def __str__(self) -> str:
        return f"{self.opd_id} dalam {self.kegiatan_id}: {self.status}"

    def batas(self):
        """The OPD's own deadline, else the round's (load `kegiatan` with it for lists)."""
        return self.tenggat or self.kegiatan.tenggat


class RiwayatPengajuan(MilikInstansi):
    """One transition of an OPD's state: who, when, from → to, with the note given."""

    class Aksi(models.TextChoices):
        MULAI = "mulai", _("memulai")
        AJUKAN = "ajukan", _("mengajukan")
        KEMBALIKAN = "kembalikan", _("mengembalikan untuk revisi")
        SETUJUI = "setujui", _("menyetujui")
        BUKA_KEMBALI = "buka_kembali", _("membuka kembali")

    peserta = models.ForeignKey(
        PesertaPenataan,
        on_delete=models.CASCADE,
        related_name="riwayat_set",
        verbose_name="peserta",
    )
    aksi = models.CharField("aksi", max_length=20, choices=Aksi.choices)
    dari = models.CharField(
        "dari", max_length=10, blank=True, choices=PesertaPenataan.Status.choices
    )
    ke = models.CharField("ke", max_length=10, choices=PesertaPenataan.Status.choices)
    oleh = pengguna_opsional("oleh")
    pada = models.DateTimeField("pada", default=timezone.now)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "riwayat pengajuan"
        verbose_name_plural = "riwayat pengajuan"
        ordering = ["peserta", "pada", "id"]

    def __str__(self) -> str:
        return f"{self.aksi}: {self.dari} → {self.ke}"


class Catatan(MilikInstansi, Berversi):
    """A verifier's note on a position, one of its ANJAB items, a task or its evaluation.

    The operator marks it resolved; the verifier sees which notes remain open.
    """

    class Sasaran(models.TextChoices):
        JABATAN = "jabatan", _("Jabatan")
        ANJAB = "anjab", _("Butir ANJAB")
        TUGAS = "tugas", _("Uraian tugas")
        EVALUASI = "evaluasi", _("Evaluasi jabatan")

    peserta = models.ForeignKey(
        PesertaPenataan,
        on_delete=models.CASCADE,
        related_name="catatan_set",
        verbose_name="peserta",
    )
    jabatan = models.ForeignKey(
        "jabatan.Jabatan", on_delete=models.CASCADE, related_name="+", verbose_name="jabatan"
    )
    sasaran = models.CharField("sasaran", max_length=10, choices=Sasaran.choices)
    butir = models.CharField("butir ANJAB", max_length=40, blank=True)
    tugas = models.ForeignKey(
        "jabatan.Tugas",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="tugas",
    )
    isi = models.TextField("catatan")
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    dibuat_oleh = pengguna_opsional("dibuat oleh")
    selesai_pada = models.DateTimeField("diselesaikan pada", null=True, blank=True)
    selesai_oleh = pengguna_opsional("diselesaikan oleh")
    tanggapan = models.TextField("tanggapan operator", blank=True)

    class Meta:
        verbose_name = "catatan verifikasi"
        verbose_name_plural = "catatan verifikasi"
        ordering = ["peserta", "jabatan", "dibuat", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sasaran="anjab") | ~Q(butir=""), name="catatan_anjab_bernama_butir"
            ),
        ]

    def __str__(self) -> str:
        return self.isi[:80]

    @property
    def selesai(self) -> bool:
        return self.selesai_pada is not None

    @property
    def label_butir(self) -> str:
        """The ANJAB item as the form names it ("ikhtisar jabatan"), not its field name."""
        if not self.butir:
            return ""
        from ramping.jabatan.models import Anjab

        return str(Anjab._meta.get_field(self.butir).verbose_name)


class PengakuanTemuan(MilikInstansi):
    """A warning the operator acknowledged with a note before submitting."""

    peserta = models.ForeignKey(
        PesertaPenataan,
        on_delete=models.CASCADE,
        related_name="pengakuan_set",
        verbose_name="peserta",
    )
    kode = models.CharField("kode temuan", max_length=20)
    # Which object the finding is about ("jabatan:12", "unit:4", or "" for the OPD).
    objek = models.CharField("objek", max_length=40, blank=True)
    catatan = models.TextField("catatan")
    oleh = pengguna_opsional("oleh")
    pada = models.DateTimeField("pada", default=timezone.now)

    class Meta:
        verbose_name = "pengakuan temuan"
        verbose_name_plural = "pengakuan temuan"
        constraints = [
            models.UniqueConstraint(
                fields=["peserta", "kode", "objek"], name="pengakuan_satu_per_temuan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.objek}"


class Cuplikan(MilikInstansi):
    """What an OPD submitted (or what was approved), frozen as data: later edits never change
    it. The verifier reads the submitted one; the approved one is the round's result."""

    class Jenis(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")

    peserta = models.ForeignKey(
        PesertaPenataan,
        on_delete=models.CASCADE,
        related_name="cuplikan_set",
        verbose_name="peserta",
    )
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    data = models.JSONField("data")

    class Meta:
        verbose_name = "cuplikan pengajuan"
        verbose_name_plural = "cuplikan pengajuan"
        ordering = ["peserta", "-dibuat", "-id"]

    def __str__(self) -> str:
        return f"{self.jenis} {self.peserta_id} {self.dibuat:%Y-%m-%d}"


class Notifikasi(MilikInstansi):
    """An in-app notice for one person (the header shows the unread count)."""

    penerima = models.ForeignKey(
        "akun.Pengguna",
        on_delete=models.CASCADE,
        related_name="notifikasi_set",
        verbose_name="penerima",
    )
    judul = models.CharField("judul", max_length=200)
    isi = models.TextField("isi", blank=True)
    tautan = models.CharField("tautan", max_length=300, blank=True)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    dibaca = models.DateTimeField("dibaca", null=True, blank=True)

    class Meta:
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["penerima", "dibaca"])]

    def __str__(self) -> str:
        return self.judul
