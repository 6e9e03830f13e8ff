"""A small PDF text extractor for the tests (pypdf is not a dependency of Kinerja).

It reads what Typst writes: indirect objects, Flate streams, Type0 fonts with a ToUnicode CMap,
page content and form XObjects. Good enough to prove that a text is printed on a page.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_OBJ = re.compile(rb"(\d+) 0 obj\b")
_REF = rb"(\d+) 0 R"
_PEMISAH = re.compile(rb"\s*(<<|>>|\[|\]|/)\s*")


def _normal(kamus: bytes) -> bytes:
    """A dictionary with one space around every delimiter: Typst writes them without any."""
    return b" ".join(_PEMISAH.sub(lambda m: b" " + m.group(1) + b" ", kamus).split())


@dataclass
class _Obj:
    kamus: bytes
    stream: bytes | None


def _objek(pdf: bytes) -> dict[int, _Obj]:
    hasil: dict[int, _Obj] = {}
    pos = 0
    while m := _OBJ.search(pdf, pos):
        nomor = int(m.group(1))
        awal = m.end()
        akhir = pdf.index(b"endobj", awal)
        s = pdf.find(b"stream", awal, akhir)
        if s == -1:
            hasil[nomor] = _Obj(_normal(pdf[awal:akhir]), None)
            pos = akhir
            continue
        kamus = _normal(pdf[awal:s])
        panjang = int(re.search(rb"/ Length (\d+)", kamus).group(1))
        mulai = s + len(b"stream")
        mulai += 2 if pdf[mulai : mulai + 2] == b"\r\n" else 1
        data = pdf[mulai : mulai + panjang]
        if b"/ FlateDecode" in kamus:
            if b"/ ASCIIHexDecode" in kamus:
                data = bytes.fromhex(data.rstrip(b">").decode().replace("\n", ""))
            data = zlib.decompress(data)
        hasil[nomor] = _Obj(kamus, data)
        pos = pdf.index(b"endobj", mulai + panjang) + len(b"endobj")
    return hasil


def _cmap(data: bytes) -> dict[int, str]:
    peta: dict[int, str] = {}

    def uni(h: bytes) -> str:
        return bytes.fromhex(h.decode()).decode("utf-16-be")

    for blok in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for kode, nilai in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", blok):
            peta[int(kode, 16)] = uni(nilai)
    for blok in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b, nilai in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blok
        ):
            dasar = int(nilai, 16)
            for i, kode in enumerate(range(int(a, 16), int(b, 16) + 1)):
                peta[kode] = chr(dasar + i)
    return peta


def _kamus_bagian(kamus: bytes, kunci: bytes) -> bytes:
    """The text of `/kunci << ... >>` inside a dictionary (balanced), or b""."""
    i = kamus.find(b"/ " + kunci + b" ")
    if i == -1:
        return b""
    j = kamus.find(b"<<", i)
    if j == -1 or kamus[i + len(kunci) + 2 : j].strip():
        return b""
    kedalaman, k = 0, j
    while k < len(kamus):
        if kamus.startswith(b"<<", k):
            kedalaman += 1
            k += 2
        elif kamus.startswith(b">>", k):
            kedalaman -= 1
            k += 2
            if kedalaman == 0:
                return kamus[j:k]
        else:
            k += 1
    return b""


_TOKEN = re.compile(
    rb"<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[-+]?[\d.]+|[A-Za-z'\"*]+",
    re.S,
)


def _token(isi: bytes) -> list[bytes]:
    """Content-stream tokens; literal strings may hold balanced unescaped parentheses."""
    hasil: list[bytes] = []
    i = 0
    while i < len(isi):
        if isi[i : i + 1] == b"(":
            kedalaman, j = 0, i
            while True:
                c = isi[j : j + 1]
                if c == b"\\":
                    j += 2
                    continue
                if c == b"(":
                    kedalaman += 1
                elif c == b")":
                    kedalaman -= 1
                    if kedalaman == 0:
                        break
                j += 1
            hasil.append(isi[i : j + 1])
            i = j + 1
            continue
        m = _TOKEN.match(isi, i)
        if m:
            hasil.append(m.group(0))
            i = m.end()
        else:
            i += 1
    return hasil


def _string(tok: bytes) -> bytes:
    if tok.startswith(b"<"):
        return bytes.fromhex(tok[1:-1].decode().replace(" ", "").replace("\n", ""))
    isi, hasil, i = tok[1:-1], bytearray(), 0
    escapes = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
    while i < len(isi):
        c = isi[i : i + 1]
        if c != b"\\":
            hasil += c
            i += 1
            continue
        n = isi[i + 1 : i + 2]
        if n in escapes:
            hasil.append(escapes[n])
            i += 2
        elif n.isdigit():
            m = re.match(rb"[0-7]{1,3}", isi[i + 1 :])
            hasil.append(int(m.group(0), 8))
            i += 1 + len(m.group(0))
        else:
            hasil += n
            i += 2
    return bytes(hasil)


class _Pembaca:
    def __init__(self, pdf: bytes) -> None:
        self.obj = _objek(pdf)
        self._peta: dict[int, dict[int, str]] = {}

    def peta_font(self, nomor: int) -> dict[int, str]:
        if nomor not in self._peta:
            m = re.search(rb"/ ToUnicode " + _REF, self.obj[nomor].kamus)
            self._peta[nomor] = _cmap(self.obj[int(m.group(1))].stream or b"") if m else {}
        return self._peta[nomor]

    def sumber(self, kamus: bytes) -> tuple[dict[bytes, int], dict[bytes, int]]:
        m = re.search(rb"/ Resources " + _REF, kamus)
        res = self.obj[int(m.group(1))].kamus if m else _kamus_bagian(kamus, b"Resources")
        font = dict(
            (n, int(r)) for n, r in re.findall(rb"/ ([^\s/]+) " + _REF, _kamus_bagian(res, b"Font"))
        )
        xobj = dict(
            (n, int(r))
            for n, r in re.findall(rb"/ ([^\s/]+) " + _REF, _kamus_bagian(res, b"XObject"))
        )
        return font, xobj

    def teks(self, isi: bytes, kamus: bytes, keluar: list[str], dalam: int = 0) -> None:
        font, xobj = self.sumber(kamus)
        peta: dict[int, str] = {}
        tumpukan: list[bytes] = []
        for tok in _token(isi):
            if tok == b"Tf":
                nama = tumpukan[-2][1:]
                peta = self.peta_font(font[nama]) if nama in font else {}
            elif tok in (b"Tj", b"TJ", b"'", b'"'):
                for t in tumpukan:
                    if t.startswith((b"(", b"<")):
                        s = _string(t)
                        keluar.extend(
                            peta.get(int.from_bytes(s[i : i + 2], "big"), "")
                            for i in range(0, len(s) - 1, 2)
                        )
            elif tok == b"ET":
                keluar.append("\n")
            elif tok == b"Do" and dalam < 8:
                nama = tumpukan[-1][1:]
                o = self.obj[xobj[nama]] if nama in xobj else None
                if o is not None and o.stream is not None and b"/ Form" in o.kamus:
                    self.teks(o.stream, o.kamus, keluar, dalam + 1)
            operator = tok.isalpha() or tok in (b"'", b'"', b"*")
            if operator and tok not in (b"true", b"false", b"null"):
                tumpukan = []
                continue
            if tok not in (b"[", b"]"):
                tumpukan.append(tok)

    def halaman(self) -> list[str]:
        akar = next(o for o in self.obj.values() if re.search(rb"/ Type / Pages\b", o.kamus))
        kids = re.search(rb"/ Kids \[([^\]]*)\]", akar.kamus).group(1)
        hasil = []
        for r in re.findall(_REF, kids):
            kamus = self.obj[int(r)].kamus
            m = re.search(rb"/ Contents (?:\[([^\]]*)\]|" + _REF + rb")", kamus)
            refs = re.findall(_REF, m.group(1)) if m.group(1) else [m.group(2)]
            keluar: list[str] = []
            for c in refs:
                self.teks(self.obj[int(c)].stream or b"", kamus, keluar)
            hasil.append("".join(keluar))
        return hasil


def teks_halaman(pdf: bytes) -> list[str]:
    """The text of each page of a Typst PDF, one string per page, one text run per line."""
    return _Pembaca(pdf).halaman()


def rapat(teks: str) -> str:
    """Text without any whitespace, to find phrases that wrap across lines."""
    return re.sub(r"\s+", "", teks)


def ukuran_halaman(pdf: bytes) -> list[tuple[int, int]]:
    """Width and height of each page in whole millimetres, from its MediaBox."""
    r = _Pembaca(pdf)
    akar = next(o for o in r.obj.values() if re.search(rb"/ Type / Pages\b", o.kamus))
    kids = re.search(rb"/ Kids \[([^\]]*)\]", akar.kamus).group(1)
    hasil = []
    for ref in re.findall(_REF, kids):
        m = re.search(rb"/ MediaBox \[ ([\d.\s-]+) \]", r.obj[int(ref)].kamus)
        x0, y0, x1, y1 = (float(v) for v in m.group(1).split())
        hasil.append((round((x1 - x0) / 72 * 25.4), round((y1 - y0) / 72 * 25.4)))
    return hasil
