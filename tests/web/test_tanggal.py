"""One date formatter on every page (issue #17 item 3): the `tanggal`, `tanggal_waktu`, `jam`,
`waktu_iso` filters and `hari_ini` tag in both interface languages, moments converted to the
local time zone (settings.TIME_ZONE, Asia/Jakarta = UTC+7) first, and no template under
`ramping/` left with Django's own `date`/`time`/`now`/`naturaltime`/`timesince`."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

import ramping

# 02.00 UTC is 09.00 in Jakarta; 20.30 UTC on 16 August is already 17 August there.
PAGI = datetime(2026, 11, 11, 2, 0, tzinfo=UTC)
MALAM = datetime(2026, 8, 16, 20, 30, tzinfo=UTC)


def _render(teks: str, bahasa: str, **nilai) -> str:
    with translation.override(bahasa):
        return Template("{% load ramping_web %}" + teks).render(Context(nilai))


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [
        (PAGI, "11 November 2026 pukul 09.00", "11 November 2026 at 09:00"),
        (MALAM, "17 Agustus 2026 pukul 03.30", "17 August 2026 at 03:30"),
        (date(2026, 12, 6), "6 Desember 2026", "6 December 2026"),
        (None, "–", "–"),
        ("", "–", "–"),
    ],
)
def test_tanggal_waktu(nilai, indonesia, inggris):
    assert _render("{{ x|tanggal_waktu }}", "id", x=nilai) == indonesia
    assert _render("{{ x|tanggal_waktu }}", "en", x=nilai) == inggris


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [
        (PAGI, "11 November 2026", "11 November 2026"),
        (MALAM, "17 Agustus 2026", "17 August 2026"),  # the local date, not the UTC one
        (date(2027, 1, 5), "5 Januari 2027", "5 January 2027"),
        (None, "–", "–"),
    ],
)
def test_tanggal(nilai, indonesia, inggris):
    assert _render("{{ x|tanggal }}", "id", x=nilai) == indonesia
    assert _render("{{ x|tanggal }}", "en", x=nilai) == inggris


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [(PAGI, "09.00", "09:00"), (MALAM, "03.30", "03:30"), (None, "–", "–")],
)
def test_jam(nilai, indonesia, inggris):
    assert _render("{{ x|jam }}", "id", x=nilai) == indonesia
    assert _render("{{ x|jam }}", "en", x=nilai) == inggris


@pytest.mark.parametrize(
    "nilai, iso",
    [
        (PAGI, "2026-11-11T09:00:00+07:00"),
        (MALAM.replace(microsecond=123), "2026-08-17T03:30:00+07:00"),
        (date(2026, 12, 6), "2026-12-06"),
        (None, ""),
    ],
)
def test_waktu_iso_untuk_atribut_time(nilai, iso):
    html = _render('<time datetime="{{ x|waktu_iso }}">{{ x|tanggal_waktu }}</time>', "en", x=nilai)
    assert html.startswith(f'<time datetime="{iso}">')
    if isinstance(nilai, datetime):  # the same instant, written in local time
        assert datetime.fromisoformat(iso) == nilai.replace(microsecond=0)


def test_zona_waktu_yang_aktif_dipakai():
    with timezone.override("Asia/Makassar"):  # WITA, UTC+8
        assert _render("{{ x|tanggal_waktu }}", "id", x=PAGI) == "11 November 2026 pukul 10.00"


def test_hari_ini():
    hari = timezone.localdate()
    bulan = (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    )  # fmt: skip
    assert _render("{% hari_ini %}", "id") == f"{hari.day} {bulan[hari.month - 1]} {hari.year}"


# Django's own date formatting in a template: the `date`/`time` filters, `{% now %}`, and the
# humanize filters. Anything matching here bypasses the one formatter (ramping.aturan.tampil).
DJANGO_TANGGAL = re.compile(
    r"\|\s*(date|time|naturaltime|naturalday|timesince|timeuntil)\b|\{%\s*now\b"
)


def test_tidak_ada_templat_yang_memakai_filter_tanggal_django():
    akar = Path(ramping.__file__).parent
    templat = [p for p in akar.rglob("*") if p.suffix in {".html", ".txt", ".xml"}]
    assert len(templat) > 50  # the walk found the templates
    pelanggaran = [
        f"{p.relative_to(akar)}:{n}: {m.group(0)}"
        for p in templat
        for n, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        for m in DJANGO_TANGGAL.finditer(baris)
    ]
    assert pelanggaran == [], "pakai |tanggal, |tanggal_waktu, |jam, |waktu_iso atau {% hari_ini %}"


@pytest.mark.parametrize(
    "teks, cocok",
    [
        ('{{ x|date:"j M Y" }}', True),
        ("{{ x|time:'H.i' }}", True),
        ("{{ x|timesince }}", True),
        ('{% now "j F Y" %}', True),
        ("{{ x|tanggal_waktu }}", False),
        ("{{ x|waktu_iso }}", False),
        ("{{ x|jam }}", False),
        ("{{ isian.tanggal }}", False),
    ],
)
def test_pola_pemeriksa_templat(teks, cocok):
    assert bool(DJANGO_TANGGAL.search(teks)) is cocok
