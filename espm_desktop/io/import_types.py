"""What an import reader hands back: parsed rows, row errors, skipped rows, properties and meters found.

Nothing here touches the database: the import use case (app.bill_import) matches `property_key`/`meter_key`
to stored properties and meters and stores each ImportRow as a bill.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from espm_desktop.core.i18n import Message, message
from espm_desktop.core.types import Bill, BillSource
from espm_desktop.io.file_limits import ImportFileError
from espm_desktop.io.parse_values import DateOrder
from espm_desktop.io.tables import FileNotice


class FileKind(StrEnum):
    METER_ENTRIES = "meter_entries"
    """ESPM 'Meter Entries' export (PM_Meter_Data.xlsx)."""
    BILL_TEMPLATE = "bill_template"
    """ESPM 'Add Bills to Existing Meters' upload template."""
    GENERIC = "generic"
    """Any other CSV or workbook, read through a ColumnMapping."""


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One bill read from a file. `row_number` is the row as Excel shows it (1-based)."""

    file: str
    sheet: str
    row_number: int
    property_key: str
    """ESPM property ID when the file has one, else the property name."""
    property_name: str
    meter_key: str
    """ESPM meter ID when the file has one, else 'meter name|energy type'."""
    meter_name: str
    energy_type: str
    unit: str
    start: date
    end: date
    usage: float
    cost: Decimal | None = None
    estimated: bool = False
    consumption_id: str | None = None
    property_espm_id: str | None = None
    meter_espm_id: str | None = None
    delivery: bool = False
    """A fuel delivery (one date): start == end == delivery date."""

    def to_bill(self, source: BillSource = BillSource.IMPORT) -> Bill:
        return Bill(self.start, self.end, self.usage, self.cost, self.estimated, source)


def _language(language: str | None) -> str | None:
    return None if language is None else "fr" if language.startswith("fr") else "en"


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that could not be read; `column` is the header text as the file writes it, `reason` why (no
    language yet: core.i18n renders it)."""

    file: str
    sheet: str
    row: int
    column: str
    value: str
    reason: Message

    def text(self, language: str | None = None) -> str:
        """The reason alone, in `language` (the current one when None)."""
        return self.reason.text(_language(language))

    def message(self, language: str) -> str:
        """The reason with the file, sheet, row and column it is about."""
        return message(
            "{file}, sheet '{sheet}', row {row}, column '{column}': {reason}",
            file=self.file,
            sheet=self.sheet,
            row=str(self.row),
            column=self.column,
            reason=self.reason,
        ).text(_language(language))

    @property
    def reason_en(self) -> str:
        return self.reason.text("en")

    @property
    def reason_fr(self) -> str:
        return self.reason.text("fr")


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row left out on purpose (water or waste meter, existing ESPM entry), with the reason."""

    file: str
    sheet: str
    row: int
    reason: Message

    def text(self, language: str | None = None) -> str:
        return self.reason.text(_language(language))

    @property
    def reason_en(self) -> str:
        return self.reason.text("en")

    @property
    def reason_fr(self) -> str:
        return self.reason.text("fr")


@dataclass(frozen=True, slots=True)
class ImportedProperty:
    """A property described in a 'Properties' sheet."""

    espm_id: str | None
    name: str
    street_address: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""
    gross_floor_area_m2: float | None = None


@dataclass(frozen=True, slots=True)
class ImportedMeter:
    """A meter described in a 'Meters' sheet (or implied by bill rows)."""

    espm_meter_id: str | None
    property_key: str
    name: str
    meter_type_label: str
    energy_type: str | None
    unit: str | None
    active_date: date | None = None
    inactive_date: date | None = None


@dataclass(slots=True)
class ImportBatch:
    """Everything read from one file."""

    file: str
    kind: FileKind
    rows: Sequence[ImportRow] = field(default_factory=list)
    """The bills read: a RowStore from the readers (io.row_store), a list when made by other means."""
    errors: list[RowError] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    properties: list[ImportedProperty] = field(default_factory=list)
    meters: list[ImportedMeter] = field(default_factory=list)
    date_order: DateOrder | None = None
    decimal_comma: bool | None = None
    notices: list[FileNotice] = field(default_factory=list)
    """What the user should know about the file although it was read (hidden sheets left out)."""


class AmbiguousDateFormat(ImportFileError):
    """Every slash date of the file reads both as DD/MM/YYYY and MM/DD/YYYY: the user must choose.

    Call the reader again with `date_order=DateOrder.DMY` or `DateOrder.MDY`.
    """

    def __init__(self, file: str, examples: tuple[str, ...], conflicting: bool = False) -> None:
        shown = ", ".join(examples[:5])
        if conflicting:
            reason = message(
                "The dates mix day/month and month/day orders (e.g. {examples}). Choose the order most rows "
                "use; rows that do not fit it will be listed as errors.",
                examples=shown,
            )
        else:
            reason = message(
                "Dates such as {examples} read as day/month/year or month/day/year. Choose the file's format.",
                examples=shown,
            )
        super().__init__(file, reason)
        self.examples = examples
        self.conflicting = conflicting


class MappingRequired(ImportFileError):
    """The file is not an ESPM spreadsheet: the user must say which column holds what.

    `headers` are the header texts found and `proposed` a mapping guessed from them.
    """

    def __init__(self, file: str, sheet: str, headers: list[str], proposed: dict[str, str]) -> None:
        super().__init__(
            file,
            message(
                "This file is not an ESPM spreadsheet. Choose which column holds the start date, end date and "
                "usage."
            ),
        )
        self.sheet = sheet
        self.headers = headers
        self.proposed = proposed


class ConflictChoice(StrEnum):
    """What to do with a bill whose meter and period are already held with a different usage or cost."""

    KEEP = "keep"
    """The stored bill (or the file's earlier row) stays; the conflicting row is not imported."""
    REPLACE = "replace"
    """The row's values replace the stored bill (which keeps its id) or the file's earlier row."""
    FAIL = "fail"
    """Nothing is imported: the person or script must choose."""


RowRef = tuple[str, str, int]
"""(file, sheet, row as Excel shows it): how a choice names the row it is for."""


@dataclass(frozen=True, slots=True)
class BillConflict:
    """A row whose meter and period match a stored bill, or an earlier row of the import, with other values.

    Usages are in the meter's unit (`unit`), so the two sides compare; `earlier_row` is None when the other
    side is the stored bill, else the row (of `earlier_file`) the import had accepted for that period.
    """

    file: str
    sheet: str
    row: int
    property_name: str
    meter_name: str
    unit: str
    start: date
    end: date
    stored_usage: float
    stored_cost: Decimal | None
    file_usage: float
    file_cost: Decimal | None
    choice: ConflictChoice
    earlier_file: str | None = None
    earlier_row: int | None = None

    @property
    def ref(self) -> RowRef:
        return (self.file, self.sheet, self.row)
