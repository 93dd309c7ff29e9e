"""Structured Indonesian error bodies, the same for every endpoint.

{"kode": "tidak_ditemukan", "pesan": "Jabatan tidak ditemukan.", "field": null,
 "galat": []}
"""

import math

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from ramping.akun.token import TokenDitolak
from ramping.api.skema import TEKS_TIDAK_DAPAT_DICETAK
from ramping.errors import (
    GalatIsian,
    KonflikPerubahan,
    RampingError,
    TidakBerhak,
    TidakDitemukan,
)

# Pydantic error types → Indonesian wording (anything else falls back to a generic text).
PESAN_PYDANTIC = {
    "missing": "wajib diisi",
    "int_parsing": "harus bilangan bulat",
    "int_type": "harus bilangan bulat",
    "decimal_parsing": "harus angka",
    "decimal_type": "harus angka",
    "float_parsing": "harus angka",
    "string_type": "harus teks",
    "bool_parsing": "harus true atau false",
    "date_from_datetime_parsing": "harus tanggal (YYYY-MM-DD)",
    "date_parsing": "harus tanggal (YYYY-MM-DD)",
    "literal_error": "bukan salah satu pilihan yang sah",
    "enum": "bukan salah satu pilihan yang sah",
    "greater_than_equal": "terlalu kecil",
    "greater_than": "harus lebih dari nol",
    "less_than": "terlalu besar",
    "string_too_short": "tidak boleh kosong",
    "decimal_max_places": "paling banyak dua angka desimal",
    "decimal_max_digits": "terlalu banyak digit",
    "decimal_whole_digits": "terlalu banyak digit",
    "less_than_equal": "terlalu besar",
    "string_too_long": "terlalu panjang",
    "json_invalid": "bukan JSON yang sah",
    "model_attributes_type": "bentuk data tidak sesuai",
    "dict_type": "harus objek JSON",
    "list_type": "harus daftar",
}


def _pesan_skema(e: dict) -> str:
    # A rule of ramping.aturan raised inside a schema carries its own Indonesian message.
    if e.get("type") == TEKS_TIDAK_DAPAT_DICETAK:
        return e.get("msg", "tidak valid")
    return PESAN_PYDANTIC.get(e.get("type", ""), "tidak valid")


def _badan(kode: str, pesan: str, field: str | None = None, galat: list | None = None) -> dict:
    return {"kode": kode, "pesan": pesan, "field": field, "galat": galat or []}


def pasang(api: NinjaAPI) -> None:
    """Register the handlers on the API."""

    @api.exception_handler(TokenDitolak)
    def _token(request, exc):
        # Before RampingError (400): a token that cannot be used is an authentication failure.
        return api.create_response(request, _badan("tidak_terautentikasi", exc.pesan), status=401)

    @api.exception_handler(Throttled)
    def _terlalu_banyak(request, exc):
        # ninja adds the Retry-After header to this response.
        detik = math.ceil(exc.wait) if exc.wait is not None else 60
        pesan = (
            f"Terlalu banyak permintaan dengan token ini (paling banyak "
            f"{settings.RAMPING_API_BATAS_PER_MENIT} per menit). Coba lagi dalam {detik} detik."
        )
        badan = _badan("terlalu_banyak_permintaan", pesan) | {"coba_lagi_detik": detik}
        return api.create_response(request, badan, status=429)

    @api.exception_handler(TidakDitemukan)
    def _tidak_ditemukan(request, exc):
        return api.create_response(request, _badan("tidak_ditemukan", exc.pesan), status=404)

    @api.exception_handler(TidakBerhak)
    def _tidak_berhak(request, exc):
        return api.create_response(request, _badan("tidak_berhak", exc.pesan), status=403)

    @api.exception_handler(KonflikPerubahan)
    def _konflik(request, exc):
        return api.create_response(request, _badan("konflik", exc.pesan), status=409)

    @api.exception_handler(GalatIsian)
    def _isian(request, exc):
        # Several fields wrong at once: 422 with every one, like a schema error.
        galat = [
            {"lokasi": [field], "pesan": pesan}
            for field, daftar in exc.galat.items()
            for pesan in daftar
        ]
        badan = _badan("tidak_valid", exc.pesan, exc.field, galat)
        return api.create_response(request, badan, status=422)

    @api.exception_handler(RampingError)
    def _aturan(request, exc):
        return api.create_response(request, _badan("tidak_valid", exc.pesan, exc.field), status=400)

    @api.exception_handler(DjangoValidationError)
    def _model(request, exc):
        galat = [
            {"lokasi": [field], "pesan": pesan}
            for field, pesans in exc.message_dict.items()
            for pesan in pesans
        ]
        pertama = galat[0]["pesan"] if galat else "Data tidak valid."
        return api.create_response(request, _badan("tidak_valid", pertama, None, galat), status=400)

    @api.exception_handler(NinjaValidationError)
    def _skema(request, exc):
        galat = [
            {
                "lokasi": [str(x) for x in e.get("loc", [])],
                "pesan": _pesan_skema(e),
            }
            for e in exc.errors
        ]
        return api.create_response(
            request, _badan("tidak_valid", "Permintaan tidak valid.", None, galat), status=422
        )

    @api.exception_handler(AuthenticationError)
    def _auth(request, exc):
        pesan = "Token API tidak ada. Kirim header Authorization: Bearer <token>."
        return api.create_response(request, _badan("tidak_terautentikasi", pesan), status=401)

    @api.exception_handler(HttpError)
    def _http(request, exc):
        return api.create_response(request, _badan("galat_http", str(exc)), status=exc.status_code)
