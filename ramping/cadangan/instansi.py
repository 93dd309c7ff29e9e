"""Moving one agency between installations: `ramping instansi ekspor` / `instansi impor`.

The export holds every row of every tenant model (`MilikInstansi`) of one agency, read with
`values()` inside that agency's scope, plus the Instansi row, the people it refers to and its
uploaded files (the logo), in the same checked archive as a full backup. The rows are plain
JSON, so an export from SQLite imports into PostgreSQL and back.

The import writes everything in one transaction, model by model in foreign-key order, giving
every row a new primary key and remapping every foreign key through the ids given so far
(self-references such as UnitKerja.induk, Struktur.turunan_dari, Jabatan.asal and
Penempatan.asal are written level by level, parents first, because the unit tree's check
constraint forbids a child without its parent). What is not remapped, on purpose:

- `Cuplikan.data` (the frozen penataan snapshots) keeps the ids of the exporting installation:
  it is a record of what was submitted, read as a document, never joined on;
- `JejakAudit.perubahan` (before/after values of an audit entry) likewise; the entry's own
  `objek_id`/`induk_id` *are* remapped, so an object's history stays attached to it (an entry
  about an object that no longer exists loses its id);
- API tokens are not exported: a token is a credential of one installation, issue new ones.

People: usernames, names, e-mail addresses and preferences travel; password hashes, staff and
superuser flags do not. A username that already exists in the target installation is that
person (single sign-on accounts match by username); a new one gets an unusable password and
must be given one (`ramping changepassword USER`) or log in through SSO.
"""

import json
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connection, models, transaction

from ramping.akun.models import Pengguna
from ramping.cadangan.arsip import PenulisArsip, buka_arsip, manifest_dasar
from ramping.cadangan.penuh import status_migrasi
from ramping.inti.lingkup import lingkup_instansi, semua_instansi
from ramping.inti.models import MilikInstansi
from ramping.organisasi.models import Instansi

JENIS = "ekspor-instansi"
DATA = "data.json"
# Credentials of one installation: not moved (see the module docstring).
TIDAK_DIEKSPOR = {"akun.TokenApi"}
# Audit entries name other rows by (label, id) without a foreign key: written after every
# other model, so those ids can be remapped.
TERAKHIR = "audit.JejakAudit"
KOLOM_PENGGUNA = ("username", "first_name", "last_name", "email", "is_active", "terima_surel")


class _Json(json.JSONEncoder):
    """Full precision (Django's encoder cuts datetimes to milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | date | time):
            return o.isoformat()
        if isinstance(o, Decimal | UUID):
            return str(o)
        return super().default(o)


def _fk(model: type[models.Model]) -> list[models.ForeignKey]:
    return [
        f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)
    ]


def model_instansi() -> list[type[models.Model]]:
    """Every exported tenant model, each after the models its foreign keys point at."""
    semua = {
        m._meta.label: m
        for m in apps.get_models()
        if issubclass(m, MilikInstansi) and m._meta.label not in TIDAK_DIEKSPOR
    }
    urutan: list[type[models.Model]] = []
    sudah: set[str] = set()

    def kunjungi(label: str, jejak: tuple[str, ...]) -> None:
        if label in sudah:
            return
        if label in jejak:
            raise RuntimeError(f"siklus kunci asing antarmodel: {' → '.join((*jejak, label))}")
        for f in _fk(semua[label]):
            target = f.related_model._meta.label
            if target in semua and target != label:
                kunjungi(target, (*jejak, label))
        sudah.add(label)
        urutan.append(semua[label])

    for label in sorted(semua):
        if label != TERAKHIR:
            kunjungi(label, ())
    if TERAKHIR in semua:
        urutan.append(semua[TERAKHIR])
    return urutan


def _kolom(model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _berkas_field(model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


@dataclass
class HasilEkspor:
    berkas: Path
    ukuran: int
    jumlah: dict[str, int]
    pengguna: int
    jumlah_berkas: int
    berkas_hilang: list[str]


def ekspor_instansi(kode: str, tujuan: Path) -> HasilEkspor:
    instansi = Instansi.objects.filter(kode=kode).first()
    if instansi is None:
        raise CommandError(f"Instansi {kode!r} tidak ditemukan.")
    tujuan = tujuan.resolve()
    baris: dict[str, list[dict[str, Any]]] = {}
    id_pengguna: set[int] = set()
    berkas: set[str] = set()
    luar = not connection.in_atomic_block
    with transaction.atomic(), lingkup_instansi(instansi.pk):
        # One transaction: on PostgreSQL a REPEATABLE READ snapshot, so the rows agree (only
        # settable as the transaction's first statement, not inside a caller's transaction).
        if connection.vendor == "postgresql" and luar:
            with connection.cursor() as kursor:
                kursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for model in model_instansi():
            isi = list(model.objects.order_by("pk").values(*_kolom(model)))
            baris[model._meta.label] = isi
            for f in _fk(model):
                if f.related_model is Pengguna:
                    id_pengguna |= {b[f.attname] for b in isi if b[f.attname] is not None}
            for nama in _berkas_field(model):
                berkas |= {b[nama] for b in isi if b[nama]}
        pengguna = list(
            Pengguna.objects.filter(pk__in=id_pengguna)
            .order_by("pk")
            .values("id", "date_joined", *KOLOM_PENGGUNA)
        )
        migrasi = status_migrasi()
    data = {
        "instansi": {
            "id": instansi.pk,
            "kode": instansi.kode,
            "nama": instansi.nama,
            "jenis": instansi.jenis,
            "dibuat": instansi.dibuat,
        },
        "pengguna": pengguna,
        "model": baris,
    }
    hilang = []
    with PenulisArsip(tujuan) as arsip:
        arsip.tambah_bytes(DATA, json.dumps(data, cls=_Json, ensure_ascii=False).encode())
        for nama in sorted(berkas):
            if default_storage.exists(nama):
                with default_storage.open(nama, "rb") as f:
                    arsip.tambah_bytes(f"media/{nama}", f.read())
            else:
                hilang.append(nama)
        jumlah = {label: len(isi) for label, isi in baris.items()}
        arsip.selesai(
            {
                **manifest_dasar(JENIS),
                "vendor": connection.vendor,
                "instansi": {"kode": instansi.kode, "nama": instansi.nama},
                "migrasi": migrasi,
                "jumlah_baris": jumlah,
                "pengguna": len(pengguna),
                "berkas_hilang": hilang,
            }
        )
    return HasilEkspor(
        berkas=tujuan,
        ukuran=tujuan.stat().st_size,
        jumlah=jumlah,
        pengguna=len(pengguna),
        jumlah_berkas=len(berkas) - len(hilang),
        berkas_hilang=hilang,
    )


# --- import ----------------------------------------------------------------------------------


@contextmanager
def _waktu_apa_adanya(daftar: list[type[models.Model]]) -> Iterator[None]:
    """Keep the exported timestamps: auto_now/auto_now_add would stamp the import's time."""
    simpan = []
    for model in daftar:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                simpan.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in simpan:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


@dataclass
class HasilImpor:
    instansi: Instansi
    jumlah: dict[str, int]
    pengguna_baru: list[str] = field(default_factory=list)
    pengguna_ada: list[str] = field(default_factory=list)
    jumlah_berkas: int = 0


class _Peta:
    """old id → new id, per model label."""

    def __init__(self) -> None:
        self.id: dict[str, dict[int, int]] = defaultdict(dict)

    def baru(self, label: str, lama: int | None, *, wajib: bool = True) -> int | None:
        if lama is None:
            return None
        try:
            return self.id[label][lama]
        except KeyError:
            if not wajib:
                return None
            raise CommandError(
                f"Ekspor tidak utuh: {label} #{lama} dirujuk tetapi tidak ada di berkas."
            ) from None


def _periksa_kolom(data: dict[str, Any]) -> list[type[models.Model]]:
    urutan = model_instansi()
    dikenal = {m._meta.label for m in urutan}
    asing = sorted(set(data["model"]) - dikenal)
    beda = [
        m._meta.label
        for m in urutan
        if data["model"].get(m._meta.label)
        and set(data["model"][m._meta.label][0]) != set(_kolom(m))
    ]
    if asing or beda:
        raise CommandError(
            "Ekspor ini dibuat oleh versi ramping dengan skema berbeda ("
            + ", ".join(asing + beda)
            + "). Perbarui kedua instalasi ke versi yang sama dan jalankan `ramping migrate`, "
            "lalu ekspor ulang."
        )
    return urutan


def _pengguna(data: dict[str, Any], peta: _Peta, hasil: HasilImpor) -> None:
    semua = data["pengguna"]
    ada = {
        p.username: p.pk
        for p in Pengguna.objects.filter(username__in=[p["username"] for p in semua])
    }
    baru = []
    for p in semua:
        if p["username"] in ada:
            peta.id["akun.Pengguna"][p["id"]] = ada[p["username"]]
            hasil.pengguna_ada.append(p["username"])
        else:
            baru.append(p)
    dibuat = Pengguna.objects.bulk_create(
        [
            Pengguna(
                **{k: p[k] for k in KOLOM_PENGGUNA},
                date_joined=datetime.fromisoformat(p["date_joined"]),
                # No password hash travels: a new account cannot log in with a password until
                # the administrator sets one (or the person signs in through SSO).
                password=make_password(None),
            )
            for p in baru
        ]
    )
    for p, obj in zip(baru, dibuat, strict=True):
        peta.id["akun.Pengguna"][p["id"]] = obj.pk
        hasil.pengguna_baru.append(p["username"])


def _tulis_model(
    model: type[models.Model], isi: list[dict[str, Any]], peta: _Peta, instansi: Instansi
) -> None:
    label = model._meta.label
    kolom = {f.attname: f for f in model._meta.concrete_fields}
    fk = {f.attname: f.related_model._meta.label for f in _fk(model)}
    diri = [a for a, target in fk.items() if target == label]
    audit = label == TERAKHIR
    menunggu = isi
    while menunggu:
        siap = [b for b in menunggu if all(b[a] is None or b[a] in peta.id[label] for a in diri)]
        if not siap:
            raise CommandError(f"Ekspor tidak utuh: rujukan {label} ke dirinya sendiri berputar.")
        objek = []
        for b in siap:
            nilai = {}
            for attname, v in b.items():
                f = kolom[attname]
                if f.primary_key:
                    continue
                if attname == "instansi_id":
                    nilai[attname] = instansi.pk
                elif attname in fk:
                    nilai[attname] = peta.baru(fk[attname], v)
                else:
                    nilai[attname] = f.to_python(v)
            if audit:
                for tipe, kol in (("objek_tipe", "objek_id"), ("induk_tipe", "induk_id")):
                    nilai[kol] = _id_audit(peta, instansi, b[tipe], b[kol])
            objek.append(model(**nilai))
        model._base_manager.bulk_create(objek, batch_size=1000)
        for b, obj in zip(siap, objek, strict=True):
            peta.id[label][b[model._meta.pk.attname]] = obj.pk
        sisa = {id(b) for b in siap}
        menunggu = [b for b in menunggu if id(b) not in sisa]


def _id_audit(peta: _Peta, instansi: Instansi, tipe: str, lama: int | None) -> int | None:
    if lama is None or not tipe:
        return lama
    if tipe == "organisasi.Instansi":
        return instansi.pk
    if tipe in peta.id or tipe == "akun.Pengguna":
        # An entry about an object that is gone keeps no id: the old one means nothing here.
        return peta.baru(tipe, lama, wajib=False)
    return None


def impor_instansi(
    berkas: Path, *, kode_baru: str | None = None, lapor: Callable[[str], None] = lambda _: None
) -> HasilImpor:
    with tempfile.TemporaryDirectory(prefix="ramping-impor-") as kerja:
        folder = Path(kerja)
        manifest = buka_arsip(berkas.resolve(), folder, jenis=JENIS)
        try:
            data = json.loads((folder / DATA).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise CommandError(f"{berkas}: {DATA} tidak terbaca; berkas ditolak.") from None
        urutan = _periksa_kolom(data)
        asal = data["instansi"]
        kode = kode_baru or asal["kode"]
        with semua_instansi():
            if Instansi.objects.filter(kode=kode).exists():
                raise CommandError(
                    f"Instansi dengan kode {kode!r} sudah ada di instalasi ini. Pilih kode lain "
                    "dengan --kode-baru KODE."
                )
        instansi = Instansi(nama=asal["nama"], kode=kode, jenis=asal["jenis"])
        try:
            instansi.full_clean()
        except ValidationError as exc:
            pesan = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise CommandError(f"Instansi tidak valid: {pesan}") from None
        instansi.dibuat = datetime.fromisoformat(asal["dibuat"])
        disimpan: list[str] = []
        try:
            with transaction.atomic(), _waktu_apa_adanya([Instansi, *urutan]):
                instansi.save()
                hasil = HasilImpor(instansi=instansi, jumlah={})
                peta = _Peta()
                peta.id["organisasi.Instansi"][asal["id"]] = instansi.pk
                with semua_instansi():
                    _pengguna(data, peta, hasil)
                _salin_berkas(data, urutan, folder, disimpan)
                with lingkup_instansi(instansi.pk):
                    for model in urutan:
                        isi = data["model"].get(model._meta.label, [])
                        _tulis_model(model, isi, peta, instansi)
                        hasil.jumlah[model._meta.label] = len(isi)
                    if kode != asal["kode"]:
                        _tautan_notifikasi(asal["kode"], kode)
                hasil.jumlah_berkas = len(disimpan)
        except BaseException:
            for nama in disimpan:
                default_storage.delete(nama)
            raise
    harapan = manifest.get("jumlah_baris", {})
    if harapan and harapan != hasil.jumlah:
        lapor("Peringatan: jumlah baris tidak sama dengan manifest ekspor.")
    return hasil


def _salin_berkas(
    data: dict[str, Any], urutan: list[type[models.Model]], folder: Path, disimpan: list[str]
) -> None:
    """Save the exported files under fresh names (the same installation may already hold a
    file of that name: another agency's logo) and point the rows at them."""
    for model in urutan:
        kolom = _berkas_field(model)
        for b in data["model"].get(model._meta.label, []):
            for k in kolom:
                if b[k] and (folder / "media" / b[k]).is_file():
                    isi = (folder / "media" / b[k]).read_bytes()
                    b[k] = default_storage.save(b[k], ContentFile(isi))
                    disimpan.append(b[k])


def _tautan_notifikasi(lama: str, baru: str) -> None:
    """Links in notices point at the agency's pages (/i/<kode>/…), which moved with the kode."""
    model = apps.get_model("penataan", "Notifikasi")
    awalan = f"/i/{lama}/"
    ubah = []
    for n in model.objects.filter(tautan__contains=awalan):
        n.tautan = n.tautan.replace(awalan, f"/i/{baru}/")
        ubah.append(n)
    model.objects.bulk_update(ubah, ["tautan"], batch_size=1000)
