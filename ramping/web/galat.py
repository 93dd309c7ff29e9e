"""One mapping from service errors to what a web page shows (the web twin of `api/galat.py`).

A view calls its service inside `layanan`; a business error never escapes as a 500:

    with layanan(form=form) as hasil:
        unit_ubah(akses=h.akses, unit=u, **form.cleaned_data)
    if hasil.berhasil:
        ...

- `TidakDitemukan` and `TidakBerhak` propagate by default, so `halaman_instansi` answers 404
  and 403 as for any other page (`lolos` narrows that where a page shows them as a message).
- A `RampingError` whose field (after `peta`) is a field of `form` lands next to that field.
- Any other message is "general" and goes to `umum`: the form's non-field errors ("form",
  the default with a form), a flash message ("pesan", the default with a request only) or
  nowhere (None, the default with neither): the caller then shows `hasil.pesan` itself.
- A `GalatIsian` (several fields wrong at once) puts every message beside its field; messages
  for fields the form lacks go to `umum`, so nothing is said one round later.
- A Django `ValidationError` (a model's `full_clean()`) lands next to the fields it names,
  the rest among the form's non-field errors; without a form its messages are joined by "; ".
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from ramping.errors import (
    GalatIsian,
    KonflikPerubahan,
    RampingError,
    TidakBerhak,
    TidakDitemukan,
)

AKSES = (TidakBerhak, TidakDitemukan)
UMUM_FORM = "form"
UMUM_PESAN = "pesan"
_OTOMATIS = "otomatis"  # `umum` follows from what was given (see the module docstring)


class layanan:  # lower case: used as a statement, like `with transaction.atomic():`
    """Run a service call; on a business error remember it and show it where it belongs."""

    def __init__(
        self,
        request: HttpRequest | None = None,
        *,
        form=None,
        peta: dict[str, str] | None = None,
        medan: str | None = None,
        umum: str | None = _OTOMATIS,
        lolos: tuple[type[Exception], ...] = AKSES,
        juga: tuple[type[Exception], ...] = (),
    ):
        """`peta` maps service fields to form fields; `medan` is the form field for a message
        that names no field of the form; `juga` are further (non-service) errors with a
        `pesan`, e.g. an unreadable upload, handled like a service error naming no field."""
        self.request = request
        self.form = form
        self.peta = peta or {}
        self.medan = medan
        if umum == _OTOMATIS:
            umum = UMUM_FORM if form is not None else UMUM_PESAN if request is not None else None
        self.umum = umum
        self.lolos = lolos
        self.juga = juga
        self.galat: Exception | None = None
        self.field: str | None = None  # the field the service named, before `peta`
        self.pesan = ""  # the general message, when there was one

    @property
    def berhasil(self) -> bool:
        return self.galat is None

    @property
    def gagal(self) -> bool:
        return self.galat is not None

    @property
    def konflik(self) -> bool:
        """Someone else saved the record first (optimistic locking)."""
        return isinstance(self.galat, KonflikPerubahan)

    def per_medan(self, *, umum: tuple[str | None, ...] = (None,)) -> dict[str, str]:
        """{field: message} of a failed call, for pages that place messages themselves (one
        entry per wrong field of a `GalatIsian`); a conflict and a message naming no field
        (or one of `umum`) go under "_". Empty after success."""
        if self.berhasil:
            return {}
        if isinstance(self.galat, GalatIsian):
            return {field: " ".join(pesan) for field, pesan in self.galat.galat.items()}
        if self.konflik or self.field in umum:
            return {"_": self.pesan or str(getattr(self.galat, "pesan", self.galat))}
        return {self.field: getattr(self.galat, "pesan", str(self.galat))}

    def __enter__(self) -> "layanan":
        return self

    def __exit__(self, tipe, exc, tb) -> bool:
        if exc is None or isinstance(exc, self.lolos):
            return False
        if isinstance(exc, GalatIsian):
            self.galat, self.field = exc, exc.field
            self._banyak(exc)
            return True
        if isinstance(exc, RampingError):
            self.galat, self.field = exc, exc.field
            self._tempatkan(exc.field, exc.pesan)
            return True
        if isinstance(exc, ValidationError):
            self.galat = exc
            self._validasi(exc)
            return True
        if self.juga and isinstance(exc, self.juga):
            self.galat = exc
            self._tempatkan(None, getattr(exc, "pesan", str(exc)))
            return True
        return False

    def _medan_form(self, field: str | None) -> str | None:
        if self.form is None:
            return None
        medan = self.peta.get(field or "", field)
        if medan in self.form.fields:
            return medan
        return self.medan

    def _tempatkan(self, field: str | None, pesan) -> None:
        medan = self._medan_form(field)
        if medan is not None:
            self.form.add_error(medan, pesan)
        else:
            self._umum(pesan)

    def _banyak(self, exc: GalatIsian) -> None:
        umum = []
        for field, daftar in exc.galat.items():
            medan = self._medan_form(field)
            for pesan in daftar:
                if medan is not None:
                    self.form.add_error(medan, pesan)
                else:
                    umum.append(pesan)
        if umum:
            self._umum(" ".join(umum))

    def _umum(self, pesan: str) -> None:
        self.pesan = pesan
        if self.umum == UMUM_FORM:
            self.form.add_error(None, pesan)
        elif self.umum == UMUM_PESAN:
            messages.error(self.request, pesan)

    def _validasi(self, exc: ValidationError) -> None:
        if self.form is None:
            self._umum("; ".join(exc.messages))
            return
        galat = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
        for field, pesan in galat.items():
            self.form.add_error(self._medan_form(field), pesan)


def jalankan(form, fungsi, peta: dict[str, str] | None = None, **kwargs):
    """Call `fungsi(**kwargs)` under `layanan(form=form)`: its result, or None on an error."""
    with layanan(form=form, peta=peta):
        return fungsi(**kwargs)
    return None
