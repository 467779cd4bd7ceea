"""Read a CSV file of bills as one sheet of text cells, streamed: its encoding and delimiter detected first.

The file passes `file_limits.check_csv_file` (its size) before any of it is read. Its encoding is decided over
the whole file, a block at a time (`detect_text_encoding`); then its rows are read from the file each time they
are iterated (`CsvRows`), the first ones kept for the header search, so that the rows of a million-line file
are never all in memory: the reader turns each into a bill as it comes.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

from espm_desktop.core.i18n import message
from espm_desktop.io.file_limits import ImportFileError, cannot_open, check_csv_file
from espm_desktop.io.parse_values import CellValue
from espm_desktop.io.tables import Sheet, TableFile, is_reader_crash, reader_failure, sniff_kind

__all__ = ["CsvRows", "detect_text_encoding", "read_csv"]

_SAMPLE_BYTES = 64 * 1024
_BLOCK_BYTES = 1 << 20
HEAD_ROWS = 64
"""Rows kept in memory from the top of the file: where the header search looks."""
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MAC_ROMAN_TELLS = frozenset("Žˆ‰™žƒ")
"""cp1252's reading of Mac Roman's é à â ô û É: letters no French or English CSV writes in cp1252."""
_CP1252_ACCENTS = re.compile("[À-ÿ]")
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the sample is NUL (ASCII text in UTF-16)."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nul = head[0 : pairs * 2 : 2].count(0)
    odd_nul = head[1 : pairs * 2 : 2].count(0)
    if odd_nul >= 0.6 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.6 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _utf8_without_nul(blocks: Iterable[bytes]) -> bool:
    """True when the blocks are UTF-8; ValueError at the first NUL byte (not text)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    for block in blocks:
        if b"\x00" in block:
            raise ValueError("NUL bytes")
        if utf8:
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return utf8


def _looks_mac_roman(blocks: Iterable[bytes]) -> bool:
    decoder = codecs.getincrementaldecoder("cp1252")()
    tells = accents = False
    try:
        for block in blocks:
            text = decoder.decode(block)
            tells = tells or any(ch in _MAC_ROMAN_TELLS for ch in text)
            accents = accents or _CP1252_ACCENTS.search(text) is not None
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return True
    return tells and not accents


def detect_text_encoding(data: bytes | Iterable[bytes]) -> str:
    """The encoding of a CSV file's bytes (or of its blocks, in order); raises ValueError when they are not text.

    UTF-8 (with or without BOM) and UTF-16 (BOM, or NUL every other byte: Excel's "Unicode Text") are
    recognised. Anything else is cp1252: it is what Excel for Windows writes for "CSV" in Québec (and
    Latin-1 bytes read the same for letters). Mac Roman (Excel for Mac's old "CSV") is recognised when its
    bytes are not valid cp1252 (è ç ê ë î) or read as Ž ˆ ™ ž with no cp1252 accent at all ("MontrŽal");
    a Mac Roman file that passes both tests is read as cp1252 with wrong accents.
    """
    blocks = [data] if isinstance(data, bytes) else data
    return _encoding_of(lambda: iter(blocks))


def _encoding_of(blocks: Callable[[], Iterator[bytes]]) -> str:
    head = next(blocks(), b"")[:_SAMPLE_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return utf16
    if _utf8_without_nul(blocks()):
        return "utf-8"
    return "mac_roman" if _looks_mac_roman(blocks()) else "cp1252"


def _file_blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK_BYTES):
            yield block


def _not_text(path: Path) -> ImportFileError:
    return ImportFileError(
        path.name,
        message(
            "The file does not look like a text CSV file (it holds binary data). Expected a CSV file saved "
            "from a spreadsheet, or an .xlsx workbook."
        ),
    )


def _delimiter(sample: str) -> str:
    """, ; or tab, sniffed on the first 50 lines of the sample, else the most frequent in them."""
    lines = "\n".join(sample.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(lines, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: lines.count(d) for d in (",", ";", "\t")}
        return max(counts, key=lambda d: counts[d])


def unquote(value: str) -> str:
    """A cell without the quote our export (and OWASP advice) puts before text a spreadsheet would run."""
    if value.startswith("'") and len(value) > 1 and value[1:2].startswith(_FORMULA_TRIGGERS):
        return value[1:]
    return value


class CsvRows(Sequence[list[CellValue]]):
    """A CSV file's rows, read from the file on each iteration; the first HEAD_ROWS are kept (unquoted).

    Streamed rows are the csv module's lists as they are: the row reader drops a formula quote itself
    (io.import_rows.unquote), on the few cells where it matters.
    """

    __slots__ = ("_count", "delimiter", "encoding", "head", "path")

    def __init__(self, path: Path, encoding: str, delimiter: str) -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self._count: int | None = None
        self.head: list[list[CellValue]] = [
            [unquote(v) if isinstance(v, str) else v for v in row]
            for row in itertools.islice(self.iter_from(0), HEAD_ROWS)
        ]

    def iter_from(self, start: int) -> Iterator[list[CellValue]]:
        """The rows from index `start` on (0-based); ImportFileError for a line the csv module refuses."""
        try:
            with self.path.open(encoding=self.encoding, newline="") as fh:
                reader = csv.reader(fh, delimiter=self.delimiter)
                try:
                    yield from itertools.islice(reader, start, None)
                except csv.Error as exc:
                    raise ImportFileError(
                        self.path.name,
                        message(
                            "Line {line} cannot be read as CSV ({error}). Check that line in a text editor (a "
                            "cell longer than 128,000 characters or a stray quote) and save the file again.",
                            line=str(reader.line_num),
                            error=str(exc),
                        ),
                    ) from None
        except OSError as exc:
            raise cannot_open(self.path, exc) from None
        except UnicodeDecodeError:
            raise _not_text(self.path) from None
        except BaseException as exc:
            if not is_reader_crash(exc):
                raise
            raise reader_failure(self.path, exc) from None

    def __iter__(self) -> Iterator[list[CellValue]]:
        return itertools.chain(self.head, self.iter_from(len(self.head)))

    def __len__(self) -> int:
        if self._count is None:
            self._count = len(self.head) + sum(1 for _ in self.iter_from(len(self.head)))
        return self._count

    @overload
    def __getitem__(self, index: int) -> list[CellValue]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[CellValue]]: ...

    def __getitem__(self, index: int | slice) -> list[CellValue] | list[list[CellValue]]:
        head = self.head
        if isinstance(index, slice):
            if index.stop is not None and 0 <= index.stop <= len(head) and (index.start or 0) >= 0:
                return head[index]
            return list(self)[index]
        if 0 <= index < len(head):
            return head[index]
        if index < 0:
            return list(self)[index]
        found = next(itertools.islice(self.iter_from(index), 1), None)
        if found is None:
            raise IndexError(index)
        return found


def read_csv(path: Path) -> TableFile:
    """A CSV file as one sheet of text cells; the encoding and the delimiter (, ; tab) are detected."""
    kind = sniff_kind(path)
    if kind != "text":
        raise ImportFileError(
            path.name,
            message(
                "The file has a .csv name but holds a workbook or binary data. Rename it to .xlsx or export it "
                "again as CSV."
            ),
        )
    check_csv_file(path)
    try:
        try:
            encoding = _encoding_of(lambda: _file_blocks(path))
        except ValueError:
            raise _not_text(path) from None
        with path.open("rb") as fh:
            head = fh.read(_SAMPLE_BYTES)
        sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head).removeprefix("\ufeff")
        if "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 1000):
            raise _not_text(path)
        delimiter = _delimiter(sample)
        rows = CsvRows(path, encoding, delimiter)
    except BaseException as exc:
        if not is_reader_crash(exc):
            raise
        raise reader_failure(path, exc) from None
    return TableFile(
        path,
        [Sheet(path.stem, rows)],
        is_csv=True,
        csv_delimiter=delimiter,
        csv_encoding=encoding.removesuffix("-sig"),
    )
