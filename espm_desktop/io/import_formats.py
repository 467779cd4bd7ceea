"""A file's formats, decided while its rows are read: the day/month order and the decimal mark.

A file's text dates and numbers are read with the order and mark its own values prove (core.dates and
core.numbers: the one rule for each), in one pass over the rows. Until a value proves the order, an ambiguous
date like 03/04/2021 is read day first; until one proves the mark, an ambiguous '1,234' is read with the
fallback mark (the importer's language, core.numbers rule 6). Each reader notes what it gave an ambiguous value:
when the file, read to its end, decides otherwise (a later 25/12/2021 proves month first), `consistent` is
False and the reader reads the file again with the decided formats fixed. Files that prove their formats early
or not at all — nearly all — are read once.

Both readers are made for one import run and remember what they read: a file repeats its dates on every meter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from espm_desktop.core.dates import DateOrder, DateOrderGuess, DateOrderTally, day_month_parts
from espm_desktop.core.numbers import AMBIGUOUS, DecimalMark, decimal_mark_shown, read_number_text
from espm_desktop.io.parse_values import CellValue, parse_date


@dataclass(frozen=True, slots=True)
class FileFormats:
    """What a file's values decided: the day/month order (None: nothing to decide) and the decimal mark."""

    date_order: DateOrder | None
    decimal_mark: DecimalMark
    decimal_comma: bool | None
    """ImportBatch.decimal_comma: True ',' , False '.', None when no value showed a mark."""


class DateCells:
    """Date cells of one run read as day ordinals, with the order their texts prove (or the one chosen)."""

    __slots__ = ("_ambiguous", "_current", "_fixed", "_guess", "_noted", "_tally", "_used", "ordinals")

    def __init__(self, order: DateOrder | None, guess: bool = True) -> None:
        """`order` the one chosen, else None: the dates decide; `guess` False reads a date both orders read
        as an error instead (a row read on its own, with no file to decide)."""
        self._fixed = order
        self._guess = guess
        self._current = order
        self._tally = DateOrderTally()
        self._used: set[DateOrder] = set()
        self._ambiguous: list[str] = []
        self._noted: set[str] = set()
        self.ordinals: dict[CellValue, int] = {}
        """Each cell value read so far and its day ordinal: the rows' fast path looks here first."""

    def ordinal(self, cell: CellValue) -> int:
        """The day ordinal of a non-blank cell; ValueParseError when it holds no date."""
        found = self.ordinals.get(cell)
        if found is not None:
            return found
        if isinstance(cell, datetime):
            value = cell.date()
        elif isinstance(cell, date):
            value = cell
        elif isinstance(cell, str):
            return self._text(cell)
        else:
            value = parse_date(cell)
        return self._remember(cell, value.toordinal())

    def _remember(self, cell: CellValue, ordinal: int) -> int:
        if len(self.ordinals) < 100_000:
            self.ordinals[cell] = ordinal
        return ordinal

    def _text(self, text: str) -> int:
        if self._fixed is not None or not self._guess:
            return self._remember(text, parse_date(text, self._fixed).toordinal())
        parts = day_month_parts(text)
        if parts is None:
            return self._remember(text, parse_date(text).toordinal())
        self.note(text)
        first, second, _ = parts
        if first > 12 or second > 12 or first == second:
            return self._remember(text, parse_date(text).toordinal())
        order = self._current or DateOrder.DMY
        self._used.add(order)
        ordinal = parse_date(text, order).toordinal()
        if len(self.ordinals) < 100_000:
            self._ambiguous.append(text)
        return self._remember(text, ordinal)

    def note(self, cell: CellValue) -> None:
        """Count a text date as evidence of the order without reading it (a skipped row's)."""
        if self._fixed is not None or not isinstance(cell, str) or cell in self._noted:
            return
        self._noted.add(cell)
        self._tally.add(cell)
        current = self._tally.guess().order
        if current is not self._current:
            self._current = current
            # Ambiguous texts read with the old order are read again with the new one when met again.
            for text in self._ambiguous:
                self.ordinals.pop(text, None)
            self._ambiguous.clear()

    def guess(self) -> DateOrderGuess:
        """The order the file's dates prove, with ambiguous examples (core.dates.guess_date_order)."""
        if self._fixed is not None:
            return DateOrderGuess(self._fixed)
        return self._tally.guess()

    def consistent(self, order: DateOrder | None) -> bool:
        """True when every ambiguous date was read in `order`."""
        return not self._used or self._used == {order}


class NumberCells:
    """Text numbers of one run read with the decimal mark the file's numbers show (core.numbers rule 6)."""

    __slots__ = ("_commas", "_fallback", "_fixed", "_points", "_semicolons", "_used", "mark")

    def __init__(self, fixed: DecimalMark | None, fallback: DecimalMark, semicolons: bool = False) -> None:
        self._fixed = fixed
        self._fallback = fallback
        self._semicolons = semicolons
        self._commas = self._points = 0
        self._used: set[DecimalMark] = set()
        self.mark = self._decided()

    def _decided(self) -> DecimalMark:
        if self._fixed is not None:
            return self._fixed
        shown = decimal_mark_shown(self._commas, self._points)
        if shown is not None:
            return shown
        # French Excel writes ';'-separated CSV files, with decimal commas.
        return DecimalMark.COMMA if self._semicolons else self._fallback

    def text(self, text: str) -> str:
        """The canonical '1234.5' of a text number; ValueParseError when it is none."""
        canonical, shown = read_number_text(text, self.mark)
        # Only whether each mark was shown counts: the mark is decided again the first time one is.
        if shown == ".":
            if not self._points:
                self._points = 1
                self.mark = self._decided()
        elif shown == ",":
            if not self._commas:
                self._commas = 1
                self.mark = self._decided()
        elif shown == AMBIGUOUS:
            self._used.add(self.mark)
        return canonical

    def note(self, cell: CellValue) -> None:
        """Count what a text number shows of the mark without keeping it (a skipped row's)."""
        if isinstance(cell, str):
            try:
                self.text(cell)
            except ValueError:
                pass

    def decided(self) -> tuple[DecimalMark, bool | None]:
        """The file's mark, and what ImportBatch.decimal_comma says of it."""
        mark = self._decided()
        shown = self._fixed is not None or self._semicolons or bool(self._commas or self._points)
        return mark, (mark is DecimalMark.COMMA) if shown else None

    def consistent(self, mark: DecimalMark) -> bool:
        """True when every ambiguous number was read with `mark`."""
        return not self._used or self._used == {mark}
