"""The JSON API under /api/v1/: token authentication, OpenAPI at /api/v1/openapi.json and an
interactive documentation page at /api/v1/docs (served from ninja's bundled static files)."""

from ninja import NinjaAPI

from ramping.api import baca, galat, tulis
from ramping.api.auth import TokenBearer

api = NinjaAPI(
    title="ramping API",
    version="1",
    description=(
        "API ramping: struktur organisasi, jabatan, ABK, evaluasi jabatan, pegawai dan peta "
        "jabatan satu instansi. Autentikasi: header `Authorization: Bearer <token>`; token "
        "dibuat dengan `ramping token-api`. Semua galat berbentuk "
        '`{"kode", "pesan", "field", "galat"}` dalam bahasa Indonesia.'
    ),
    auth=TokenBearer(),
    urls_namespace="api",
)
galat.pasang(api)
api.add_router("/", baca.router)
api.add_router("/", tulis.router)
