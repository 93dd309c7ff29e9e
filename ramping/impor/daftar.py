"""The kinds of import, by the name used in URLs and on the command line."""

from ramping.impor.jenis.anjab import ImporAnjab
from ramping.impor.jenis.anjab_docx import ImporAnjabDocx
from ramping.impor.jenis.jabatan import ImporJabatan
from ramping.impor.jenis.pegawai import ImporPegawai
from ramping.impor.jenis.tugas import ImporTugas
from ramping.nomenklatur.impor import ImporNomenklatur

JENIS_IMPOR = {
    k.jenis: k
    for k in (
        ImporJabatan,
        ImporTugas,
        ImporAnjab,
        ImporPegawai,
        ImporAnjabDocx,
        ImporNomenklatur,
    )
}
