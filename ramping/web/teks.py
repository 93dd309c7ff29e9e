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


class TeksTercetak:
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
