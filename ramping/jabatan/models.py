from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import Berversi, MilikInstansi


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


class Jabatan(MilikInstansi):
    """A position (a seat, not a person) in a unit; it may have several holders (B)."""

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
            # Only a structural post heads a unit, or a pelaksana for a former eselon V unit
            # (UU 5/2014 made eselon V posts jabatan pelaksana).
            models.CheckConstraint(
                condition=Q(is_kepala=False) | Q(jenis__in=sorted(STRUKTURAL | {"pelaksana"})),
                name="jabatan_kepala_struktural",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "struktur", "jenis"])]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_struktural(self) -> bool:
        return self.jenis in STRUKTURAL


class SatuanWaktu(models.TextChoices):
    JAM = "jam", "jam"
    MENIT = "menit", "menit"


class Tugas(MilikInstansi, Berversi):
    """One uraian tugas of a position with its ABK inputs (PermenPAN-RB 1/2020, item 6)."""

    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.CASCADE, related_name="tugas_set", verbose_name="jabatan"
    )
    urutan = models.PositiveIntegerField("urutan", default=0)
    uraian = models.TextField("uraian tugas")
    tahapan = models.TextField("tahapan", blank=True, help_text="Satu tahapan per baris.")
    hasil_kerja = models.CharField("hasil kerja", max_length=200)
    satuan_hasil = models.CharField("satuan hasil", max_length=60)
    volume = models.DecimalField("jumlah hasil per tahun", max_digits=12, decimal_places=2)
    # Four places (issue #11): a norm is stored exactly as the agency wrote it (0,0833 jam;
    # 2,5 menit); a 20-minute norm is exact in minutes (satuan_waktu), never 0,33 jam.
    waktu = models.DecimalField("waktu penyelesaian", max_digits=12, decimal_places=4)
    satuan_waktu = models.CharField(
        "satuan waktu", max_length=5, choices=SatuanWaktu.choices, default=SatuanWaktu.JAM
    )

    class Meta:
        verbose_name = "tugas"
        verbose_name_plural = "tugas"
        ordering = ["jabatan", "urutan", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(volume__gte=0), name="tugas_volume_tidak_negatif"),
            models.CheckConstraint(condition=Q(waktu__gte=0), name="tugas_waktu_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return self.uraian[:80]


def _daftar() -> list:
    return []


class Anjab(MilikInstansi, Berversi):
    """Informasi jabatan, 2020 format (PermenPAN-RB 1/2020; Peraturan BKN 9/2022 Pasal 3).

    Items 1–3 (nama, kode, unit), 6 (tugas pokok) and 17 (kelas) are read from the position,
    its unit chain and its tasks; the other items are stored here. Table items are lists of
    small dicts so the form can edit them as rows.
    """

    jabatan = models.OneToOneField(
        Jabatan, on_delete=models.CASCADE, related_name="anjab", verbose_name="jabatan"
    )
    ikhtisar = models.TextField("ikhtisar jabatan", blank=True)
    # 5. Kualifikasi jabatan
    pendidikan_formal = models.CharField("pendidikan formal", max_length=250, blank=True)
    pelatihan = models.JSONField("pendidikan dan pelatihan", default=_daftar, blank=True)
    pengalaman = models.JSONField("pengalaman kerja", default=_daftar, blank=True)
    # 7–9: [{"hasil": .., "satuan": ..}], [{"bahan": .., "penggunaan": ..}], [{"perangkat", ..}]
    hasil_kerja = models.JSONField("hasil kerja", default=_daftar, blank=True)
    bahan_kerja = models.JSONField("bahan kerja", default=_daftar, blank=True)
    perangkat_kerja = models.JSONField("perangkat kerja", default=_daftar, blank=True)
    # 10–11: lists of sentences
    tanggung_jawab = models.JSONField("tanggung jawab", default=_daftar, blank=True)
    wewenang = models.JSONField("wewenang", default=_daftar, blank=True)
    # 12–14: [{"jabatan", "unit", "dalam_hal"}], [{"aspek", "faktor"}], [{"risiko", "penyebab"}]
    korelasi_jabatan = models.JSONField("korelasi jabatan", default=_daftar, blank=True)
    kondisi_lingkungan = models.JSONField("kondisi lingkungan kerja", default=_daftar, blank=True)
    risiko_bahaya = models.JSONField("risiko bahaya", default=_daftar, blank=True)
    # 15. Syarat jabatan: {"keterampilan": [...], "bakat": [...], "temperamen": [...],
    # "minat": [...], "upaya_fisik": [...], "kondisi_fisik": {...}, "fungsi_pekerjaan": [...]}
    syarat_jabatan = models.JSONField("syarat jabatan", default=dict, blank=True)
    prestasi_kerja = models.TextField("prestasi kerja yang diharapkan", blank=True)

    class Meta:
        verbose_name = "informasi jabatan (ANJAB)"
        verbose_name_plural = "informasi jabatan (ANJAB)"

    def __str__(self) -> str:
        return f"ANJAB {self.jabatan_id}"


class EvaluasiJabatan(MilikInstansi, Berversi):
    """Evaluasi jabatan of one position (PermenPAN-RB 34/2011): level per factor, nilai, kelas."""

    class Jenis(models.TextChoices):
        STRUKTURAL = "struktural", "Struktural"
        FUNGSIONAL = "fungsional", "Fungsional"

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DITETAPKAN = "ditetapkan", _("Ditetapkan")

    jabatan = models.OneToOneField(
        Jabatan, on_delete=models.CASCADE, related_name="evaluasi", verbose_name="jabatan"
    )
    jenis = models.CharField("kelompok faktor", max_length=10, choices=Jenis.choices)
    tingkat = models.JSONField("tingkat per faktor", default=dict)  # {"F1": "1-2", ...}
    alasan = models.JSONField("alasan per faktor", default=dict, blank=True)  # {"F1": "..."}
    nilai = models.PositiveIntegerField("nilai jabatan", null=True, blank=True)
    kelas = models.PositiveSmallIntegerField("kelas jabatan", null=True, blank=True)
    tim_evaluator = models.TextField("tim evaluator", blank=True)
    tanggal = models.DateField("tanggal evaluasi", null=True, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="draf")
    # Why a kelas that differs from its reference or from its superior is right (issue #17:
    # the warning then reads "dicatat: <alasan>"); see `jabatan.kewajaran`.
    alasan_kelas = models.TextField("alasan perbedaan kelas", blank=True)

    class Meta:
        verbose_name = "evaluasi jabatan"
        verbose_name_plural = "evaluasi jabatan"
        constraints = [
            models.CheckConstraint(
                condition=Q(kelas__isnull=True) | Q(kelas__gte=1, kelas__lte=17),
                name="evaluasi_kelas_1_sampai_17",
            ),
            models.CheckConstraint(
                condition=Q(status="draf") | (Q(nilai__isnull=False) & Q(kelas__isnull=False)),
                name="evaluasi_ditetapkan_bernilai",
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluasi {self.jabatan_id}: {self.nilai} / kelas {self.kelas}"


class KelasInstansi(MilikInstansi, Berversi):
    """The agency's own kelas for a JF jenjang or a pelaksana name, where its decision differs
    from the catalogue (published kelas differ between agencies: PermenPAN-RB 41/2018 lets each
    agency set kelas by its own evaluation, approved by KemenPAN-RB). `dasar_hukum` names that
    decision; without it an override is refused. Read through `jabatan.selectors.kelas_acuan`."""

    class Jenis(models.TextChoices):
        FUNGSIONAL = "fungsional", _("Jabatan fungsional")
        PELAKSANA = "pelaksana", _("Jabatan pelaksana")

    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    # JF name without jenjang ("Analis Kebijakan") or the pelaksana name.
    nama = models.CharField("nama jabatan", max_length=250)
    jenjang = models.CharField("jenjang", max_length=20, choices=Jenjang.choices, blank=True)
    kelas = models.PositiveSmallIntegerField("kelas jabatan")
    dasar_hukum = models.CharField("dasar hukum", max_length=250)
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "kelas jabatan instansi"
        verbose_name_plural = "kelas jabatan instansi"
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "jenis", "nama", "jenjang"], name="kelas_instansi_unik"
            ),
            models.CheckConstraint(
                condition=Q(kelas__gte=1, kelas__lte=17), name="kelas_instansi_rentang"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} {self.jenjang} → {self.kelas}".strip()
