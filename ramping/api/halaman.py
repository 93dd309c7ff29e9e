"""Pagination with bounds: an absurd page number must be a 422, not an SQL overflow."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

UKURAN_MAKS = 500


class Halaman(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000, description="Nomor halaman, mulai 1")
        page_size: int | None = Field(None, ge=1, le=UKURAN_MAKS, description="Baris per halaman")

    def __init__(self, page_size: int = 100, **kwargs):
        super().__init__(page_size=page_size, max_page_size=UKURAN_MAKS, **kwargs)
