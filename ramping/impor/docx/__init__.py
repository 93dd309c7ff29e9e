"""Reading the informasi jabatan (ANJAB) Word documents agencies already hold.

`arsip` opens an upload (one .docx or a ZIP of them) safely; `baca` turns one document, in the
PermenPAN-RB 1/2020 layout or the older PermenPAN-RB 33/2011 one, into plain data; the importer
(`ramping.impor.jenis.anjab_docx`) matches each document to a position and writes through the
ANJAB and task services.
"""
