"""Write endpoints: the same services as the web, so the same rules and audit trail. Each
operation's id is its service's name (`tugas_buat` here, in the web's URL names and in Python)."""

from ninja import Router
from ninja.responses import Status

from ramping.api.skema import Galat, PenempatanIn, PenempatanOut, TugasIn, TugasOut, TugasUbah
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Tugas
from ramping.jabatan.selectors import jabatan_ambil
from ramping.jabatan.services import tugas_buat, tugas_hapus, tugas_ubah
from ramping.pegawai.selectors import pegawai_ambil
from ramping.pegawai.services import penempatan_buat

router = Router(tags=["ubah"])
GALAT = {400: Galat, 403: Galat, 404: Galat, 409: Galat, 422: Galat}


def _tugas(request, tugas_id: int) -> Tugas:
    tugas = (
        Tugas.objects.filter(instansi_id=request.auth.instansi_id, pk=tugas_id)
        .select_related("jabatan__unit", "jabatan__struktur")
        .first()
    )
    if tugas is None:
        raise TidakDitemukan("Tugas tidak ditemukan.")
    return tugas


@router.post(
    "/jabatan/{jabatan_id}/tugas",
    response={201: TugasOut, **GALAT},
    summary="Tambah uraian tugas (K dihitung ulang)",
    operation_id="tugas_buat",
)
def tugas_tambah(request, jabatan_id: int, data: TugasIn):
    jabatan = jabatan_ambil(akses=request.auth, jabatan_id=jabatan_id)
    return Status(201, tugas_buat(akses=request.auth, jabatan=jabatan, **data.dict()))


@router.patch(
    "/tugas/{tugas_id}",
    response={200: TugasOut, **GALAT},
    summary="Ubah uraian tugas (dengan versi)",
    operation_id="tugas_ubah",
)
def tugas_perbarui(request, tugas_id: int, data: TugasUbah):
    nilai = data.dict(exclude_unset=True, exclude_none=True)
    versi = nilai.pop("versi")
    return tugas_ubah(akses=request.auth, tugas=_tugas(request, tugas_id), versi=versi, **nilai)


@router.delete(
    "/tugas/{tugas_id}",
    response={204: None, **GALAT},
    summary="Hapus uraian tugas",
    operation_id="tugas_hapus",
)
def tugas_buang(request, tugas_id: int, versi: int):
    tugas_hapus(akses=request.auth, tugas=_tugas(request, tugas_id), versi=versi)
    return Status(204, None)


@router.post(
    "/penempatan",
    response={201: PenempatanOut, **GALAT},
    summary="Tempatkan pegawai pada jabatan",
    operation_id="penempatan_buat",
)
def penempatan(request, data: PenempatanIn):
    pegawai = pegawai_ambil(akses=request.auth, pegawai_id=data.pegawai_id)
    jabatan = jabatan_ambil(akses=request.auth, jabatan_id=data.jabatan_id)
    penempatan = penempatan_buat(
        akses=request.auth,
        pegawai=pegawai,
        jabatan=jabatan,
        tmt_mulai=data.tmt_mulai,
        nomor_sk=data.nomor_sk,
    )
    return Status(201, penempatan)
