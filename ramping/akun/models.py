from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import MilikInstansi


class Pengguna(AbstractUser):
    """A person who logs in. What they may see comes from their Keanggotaan rows."""

    # Notices of the penataan cycle always appear in the app; e-mail only when the person wants
    # it (and has an address).
    terima_surel = models.BooleanField("terima notifikasi lewat surel", default=True)
    # Single sign-on (ramping.akun.sso): the provider's stable `sub` links the account once it
    # has logged in through SSO; the NIP lets a first SSO login find an existing local account.
    # Both are unique only when filled in (local accounts leave them empty).
    oidc_sub = models.CharField(
        "ID SSO (sub)",
        max_length=255,
        blank=True,
        editable=False,
        help_text="Pengenal akun pada penyedia SSO; diisi saat pertama kali masuk dengan SSO.",
    )
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        help_text="Untuk mencocokkan akun ini saat pertama kali masuk dengan SSO.",
    )
    # Set when an agency admin gives a temporary password (new account or reset): every page
    # leads to the password form until the person chooses their own.
    wajib_ganti_sandi = models.BooleanField("wajib mengganti kata sandi", default=False)

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.UniqueConstraint(
                fields=["oidc_sub"], condition=~Q(oidc_sub=""), name="pengguna_oidc_sub_unik"
            ),
            models.UniqueConstraint(fields=["nip"], condition=~Q(nip=""), name="pengguna_nip_unik"),
        ]


class Peran(models.TextChoices):
    ADMIN_INSTANSI = "admin_instansi", _("Admin instansi")
    ANALIS = "analis", _("Analis organisasi")
    OPERATOR = "operator", _("Operator OPD")
    PIMPINAN = "pimpinan", _("Pimpinan")


class Keanggotaan(MilikInstansi):
    """A user's role in one agency; an operator is also bound to one perangkat daerah (OPD).

    The OPD is stored by its stable unit `kode` rather than a unit row, because every
    Struktur version has its own unit rows while "Dinas Kesehatan" stays the same OPD.
    """

    instansi = models.ForeignKey(
        "organisasi.Instansi",
        on_delete=models.CASCADE,
        related_name="keanggotaan_set",
        verbose_name="instansi",
    )
    pengguna = models.ForeignKey(
        Pengguna,
        on_delete=models.CASCADE,
        related_name="keanggotaan_set",
        verbose_name="pengguna",
    )
    peran = models.CharField("peran", max_length=20, choices=Peran.choices)
    opd_kode = models.CharField(
        "kode OPD (untuk operator)",
        max_length=40,
        blank=True,
        help_text="Kode unit perangkat daerah yang boleh diubah oleh operator.",
    )

    class Meta:
        verbose_name = "keanggotaan instansi"
        verbose_name_plural = "keanggotaan instansi"
        ordering = ["instansi", "pengguna"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "pengguna"], name="keanggotaan_satu_per_instansi"
            ),
            models.CheckConstraint(
                condition=(Q(peran="operator") & ~Q(opd_kode=""))
                | (~Q(peran="operator") & Q(opd_kode="")),
                name="keanggotaan_opd_hanya_operator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pengguna} — {self.get_peran_display()} ({self.instansi})"


class TokenApi(MilikInstansi):
    """An API token of one user in one agency. Only a SHA-256 digest is stored: the token
    itself is shown once, when it is created."""

    pengguna = models.ForeignKey(
        Pengguna, on_delete=models.CASCADE, related_name="token_api_set", verbose_name="pengguna"
    )
    nama = models.CharField("nama token", max_length=100)
    awalan = models.CharField("awalan", max_length=8, help_text="Untuk mengenali token di daftar.")
    digest = models.CharField("digest SHA-256", max_length=64, unique=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    terakhir_dipakai = models.DateTimeField("terakhir dipakai", null=True, blank=True)
    dicabut = models.DateTimeField("dicabut", null=True, blank=True)
    kedaluwarsa = models.DateTimeField("kedaluwarsa")

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"
        ordering = ["-dibuat"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    def status(self, sekarang) -> str:
        if self.dicabut is not None:
            return "dicabut"
        if self.kedaluwarsa <= sekarang:
            return "kedaluwarsa"
        return "aktif"
