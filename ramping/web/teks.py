"""Free text from forms must be printable: one validator and one form mixin for every form.

The rule is ramping.aturan.periksa_teks (control characters and their Excel escapes); it is
checked where text enters, because one such character stored in a task makes the OPD's whole
DOCX and ZIP fail later, far from the form that let it in.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from ramping import aturan


def validasi_teks(nilai: object) -> None:
    """Django validator: the rules engine's message on the field."""
    if isinstance(nilai, str):
        try:
            aturan.periksa_teks(nilai)
        except aturan.TeksTidakDapatDicetak as exc:
            raise ValidationError(exc.pesan, code="karakter_kontrol") from None


# Django's generic messages ("Bidang ini tidak boleh kosong.", "Pastikan nilai ini …") do not say
# which field they are about; shown in a list or read by a screen reader they must.
KODE_UMUM = frozenset({
    "required", "invalid", "invalid_choice", "invalid_list", "invalid_pk_value", "max_length",
    "min_length", "max_value", "min_value", "max_digits", "max_decimal_places",
    "max_whole_digits", "step_size", "null", "blank", "unique",
})  # fmt: skip


def _menyebut(pesan: str, label: str) -> bool:
    """Does the message already name the field (its label, or the label's first two words:
    "Jumlah hasil wajib diisi." names "Jumlah hasil per tahun")?"""
    pesan, kata = pesan.casefold(), label.casefold().split()
    return bool(kata) and (" ".join(kata) in pesan or " ".join(kata[:2]) in pesan)


class GalatBernama:
    """Form mixin: every generic field error names its field ("Kelas jabatan: Pastikan nilai
    ini kurang dari atau sama dengan 17."), in the page language; the project's own messages
    that already name the field are left as they are. All errors of a form come in one round
    (Django validates every field); services add theirs through `web.galat.layanan`."""

    def full_clean(self):
        super().full_clean()
        galat = getattr(self, "_errors", None) or {}
        for nama in list(galat):
            field = self.fields.get(nama)
            if field is None or not field.label:
                continue
            label = str(field.label)
            baru = []
            for e in galat[nama].as_data():
                for pesan in e.messages:
                    if e.code in KODE_UMUM and not _menyebut(pesan, label):
                        pesan = f"{label}: {pesan}"
                    baru.append(ValidationError(pesan, code=e.code))
            galat[nama] = self.error_class(baru, renderer=self.renderer)


class TeksTercetak(GalatBernama):
    """Form mixin: every text field (CharField and subclasses) refuses unprintable text.

    Django's own NUL check is replaced, so a NUL gets the one message the API and the import
    give too, not two messages.
    """

    fields: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                # self.fields are per-instance copies: this never touches the class's fields.
                field.validators = [
                    v
                    for v in field.validators
                    if not isinstance(v, ProhibitNullCharactersValidator)
                ] + [validasi_teks]
