"""Measures and IPÉ tab: the register of measures (planned and done) and the energy performance indicators
with their objective per significant energy use and their yearly results."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_participants
from espm_desktop.app.sge_participants import Indicator, Measure
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import message
from espm_desktop.core.numbers import parse_decimal_text
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import SgeTab, day_text, fill, lang, number, selected_id, table

_RESULT = re.compile(r"^\s*(\d{4})\s*[:=]\s*(.+?)\s*$")


def parse_results(text: str) -> tuple[dict[int, float], str]:
    """'2025: 78,4; 2026: 76.9' → {2025: 78.4, 2026: 76.9}, or the piece that cannot be read."""
    out: dict[int, float] = {}
    for piece in filter(None, (p.strip() for p in text.split(";"))):
        match = _RESULT.match(piece)
        value = None
        if match is not None:
            try:
                value = parse_decimal_text(match.group(2))
            except ValueError:
                value = None
        if match is None or value is None:
            return {}, piece
        out[int(match.group(1))] = float(value)
    return out, ""


def format_results(results: dict[int, float]) -> str:
    return "; ".join(f"{year}: {number(value, 2)}" for year, value in sorted(results.items()))


class IndicatorDialog(FormDialog):
    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        _, bad = parse_results(values.get("results", ""))
        if bad:
            return [FieldError("results", message("Results: “{value}” cannot be read; write year: value; e.g. "
                                                  "2025: 78.4; 2026: 76.9", value=bad))]  # fmt: skip
        return []


class MeasuresTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.measures = table(
            "sge_measures",
            [self.tr("Measure"), self.tr("Significant energy use"), self.tr("Status"), self.tr("Planned"),
             self.tr("Done"), self.tr("Expected savings (m³/yr)"), self.tr("Notes")],
        )  # fmt: skip
        self.indicators = table(
            "sge_indicators",
            [self.tr("Indicator (IPÉ)"), self.tr("Significant energy use"), self.tr("Unit"), self.tr("Baseline"),
             self.tr("Objective"), self.tr("By"), self.tr("Results by year"), self.tr("Objective met?")],
        )  # fmt: skip
        boxes = []
        self.buttons: dict[str, QPushButton] = {}
        for key, title, widget in (
            ("measure", self.tr("Register of measures"), self.measures),
            ("indicator", self.tr("Energy performance indicators (IPÉ) and objectives"), self.indicators),
        ):
            box = QGroupBox(title)
            layout = QVBoxLayout(box)
            row = QHBoxLayout()
            for action, text in (
                ("add", self.tr("Add…")),
                ("edit", self.tr("Edit…")),
                ("delete", self.tr("Delete")),
            ):
                button = QPushButton(text)
                button.setObjectName(f"sge_{action}_{key}")
                self.buttons[f"{action}_{key}"] = button
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(widget)
            boxes.append(box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for box in boxes:
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.buttons["add_measure"].clicked.connect(lambda: self._edit_measure(None))
        self.buttons["edit_measure"].clicked.connect(lambda: self._edit_measure(selected_id(self.measures)))
        self.measures.itemDoubleClicked.connect(lambda _i: self._edit_measure(selected_id(self.measures)))
        self.buttons["delete_measure"].clicked.connect(lambda: self._delete("measure", self.measures))
        self.buttons["add_indicator"].clicked.connect(lambda: self._edit_indicator(None))
        self.buttons["edit_indicator"].clicked.connect(
            lambda: self._edit_indicator(selected_id(self.indicators))
        )
        self.indicators.itemDoubleClicked.connect(
            lambda _i: self._edit_indicator(selected_id(self.indicators))
        )
        self.buttons["delete_indicator"].clicked.connect(lambda: self._delete("indicator", self.indicators))

    def status_label(self, status: str) -> str:
        return self.tr("Done") if status == "done" else self.tr("Planned")

    def objective_met(self, indicator: Indicator) -> str:
        if not indicator.results or indicator.objective_value is None or indicator.baseline_value is None:
            return ""
        latest_year = max(indicator.results)
        latest = indicator.results[latest_year]
        # An IPÉ goes down when it improves if its objective is below the baseline, up otherwise.
        lower_is_better = indicator.objective_value <= indicator.baseline_value
        met = latest <= indicator.objective_value if lower_is_better else latest >= indicator.objective_value
        return (self.tr("Yes ({0})") if met else self.tr("Not yet ({0})")).format(latest_year)

    def refresh(self) -> None:
        if self.file is None:
            return
        f = self.file
        fill(
            self.measures,
            [[m.name, m.significant_use, self.status_label(m.status), day_text(m.planned_date), day_text(m.done_date),
              number(m.expected_m3), m.notes] for m in f.measures],
            [m.measure_id or 0 for m in f.measures],
            right=(5,),
        )  # fmt: skip
        fill(
            self.indicators,
            [[i.name, i.significant_use, i.unit, number(i.baseline_value, 2), number(i.objective_value, 2),
              "" if i.objective_year is None else str(i.objective_year), format_results(i.results),
              self.objective_met(i)] for i in f.indicators],
            [i.indicator_id or 0 for i in f.indicators],
            right=(3, 4, 5),
        )  # fmt: skip

    def _edit_measure(self, measure_id: int | None) -> None:
        pid = self.participant_id
        if pid is None or self.file is None:
            return
        current = next((m for m in self.file.measures if m.measure_id == measure_id), None)
        dialog = FormDialog(
            self.tr("Measure"),
            [
                FieldSpec("name", self.tr("Measure"), required=True),
                FieldSpec("significant_use", self.tr("Significant energy use (UES)")),
                FieldSpec("status", self.tr("Status"), kind="combo",
                          choices=[("planned", self.tr("Planned")), ("done", self.tr("Done"))]),
                FieldSpec("planned_date", self.tr("Planned for"), kind="optional_date"),
                FieldSpec("done_date", self.tr("Put in place on"), kind="optional_date"),
                FieldSpec("expected_m3", self.tr("Expected savings (m³/yr)"), kind="float"),
                FieldSpec("notes", self.tr("Notes")),
            ],
            self,
        )  # fmt: skip
        dialog.setObjectName("sge_measure_dialog")
        if current is not None:
            for key in (
                "name",
                "significant_use",
                "status",
                "planned_date",
                "done_date",
                "expected_m3",
                "notes",
            ):
                dialog.form.set_value(key, getattr(current, key))
        if not dialog.exec():
            return
        v = dialog.result_values
        status = "done" if v["done_date"] is not None else v["status"]
        measure = Measure(v["name"], v["significant_use"], status, v["planned_date"], v["done_date"],
                          v["expected_m3"], v["notes"], measure_id)  # fmt: skip
        self.run(lambda: sge_participants.save_measure(self.ctx.engine, pid, measure))

    def _edit_indicator(self, indicator_id: int | None) -> None:
        pid = self.participant_id
        if pid is None or self.file is None:
            return
        current = next((i for i in self.file.indicators if i.indicator_id == indicator_id), None)
        dialog = IndicatorDialog(
            self.tr("Energy performance indicator (IPÉ)"),
            [
                FieldSpec("name", self.tr("Indicator"), required=True),
                FieldSpec("significant_use", self.tr("Significant energy use (UES)")),
                FieldSpec("unit", self.tr("Unit (e.g. m³/t)")),
                FieldSpec("baseline_value", self.tr("Baseline value"), kind="float"),
                FieldSpec("objective_value", self.tr("Objective"), kind="float"),
                FieldSpec("objective_year", self.tr("Objective year"), kind="int"),
                FieldSpec("results", self.tr("Results by year"), placeholder="2025: 78.4; 2026: 76.9"),
            ],
            self,
        )
        dialog.setObjectName("sge_indicator_dialog")
        if current is not None:
            for key in (
                "name",
                "significant_use",
                "unit",
                "baseline_value",
                "objective_value",
                "objective_year",
            ):
                dialog.form.set_value(key, getattr(current, key))
            dialog.form.set_value("results", format_results(current.results).replace("\u00a0", " "))
        if not dialog.exec():
            return
        v = dialog.result_values
        results, _ = parse_results(v["results"])
        indicator = Indicator(v["name"], v["significant_use"], v["unit"], v["baseline_value"],
                              v["objective_value"], v["objective_year"], results,
                              current.notes if current else "", indicator_id)  # fmt: skip
        self.run(lambda: sge_participants.save_indicator(self.ctx.engine, pid, indicator))

    def _delete(self, kind: str, widget: QTableWidget) -> None:
        record_id = selected_id(widget)
        if record_id is not None:
            self.run(lambda: sge_participants.delete_record(self.ctx.engine, kind, record_id))

    def language(self) -> str:
        return lang()
