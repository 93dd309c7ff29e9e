"""The JSON API under /api/v1/: token authentication, OpenAPI at /api/v1/openapi.json and an
interactive documentation page at /api/v1/docs (served from ninja's bundled static files)."""

from ninja import NinjaAPI

from ramping.api import baca, galat, kelas, penataan, pimpinan, skenario, tulis
from ramping.api.auth import BatasPerToken, TokenBearer
from ramping.inti.lingkup import konteks_sendiri
from ramping.nomenklatur import api as nomenklatur

api = NinjaAPI(
    title="ramping API",
    version="1",
    description=(
        "API ramping: struktur organisasi, jabatan, ABK, evaluasi jabatan, pegawai dan peta "
        "jabatan satu instansi. Autentikasi: header `Authorization: Bearer <token>`; token "
        "dibuat di halaman Token API atau dengan `ramping token_api`, berlaku terbatas (bawaan "
        "90 hari). Setiap token dibatasi sejumlah permintaan per menit (bawaan 120); lewat dari "
        "itu jawabannya 429 dengan header `Retry-After`. Semua galat berbentuk "
        '`{"kode", "pesan", "field", "galat"}` dalam bahasa Indonesia.'
    ),
    auth=TokenBearer(),
    throttle=BatasPerToken(),
    urls_namespace="api",
)
galat.pasang(api)
# Each request runs in its own context: the token's agency scope, opened by authentication
# (`token_periksa`), covers the operation and the serialisation of its result, then ends.
api.add_decorator(konteks_sendiri, mode="view")
api.add_router("/", baca.router)
api.add_router("/", tulis.router)
api.add_router("/", penataan.router)
api.add_router("/", skenario.router)
api.add_router("/", pimpinan.router)
api.add_router("/", kelas.router)
api.add_router("/", nomenklatur.router)
