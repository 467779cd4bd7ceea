"""The score report: one property's ENERGY STAR score over 12 months, modelled on ESPM's Statement of Energy
Performance, with the five steps of NRCan's bank-branch method (seed 002) and where every input came from.

The data are gathered the way the Score page gathers them (app/report_data.py: `score_report_data`); the PDF is
drawn with reportlab (vector bar and chart) and written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, TableStyle

from espm_desktop.core import energy
from espm_desktop.core import formatting as fmt
from espm_desktop.core.calendarize import Period
from espm_desktop.core.degree_days import PropertyDegreeDaysResult
from espm_desktop.core.findings import Finding
from espm_desktop.core.i18n import _
from espm_desktop.core.score.bank_branch import BankBranchResult
from espm_desktop.core.score.bank_branch_target import TargetResult
from espm_desktop.core.score.weather_station import StationView
from espm_desktop.core.types import property_type_label
from espm_desktop.reports.fonts import FontFamily, register_fonts
from espm_desktop.reports.pdf_doc import MARGIN, ReportDoc, page_size_of, write_pdf
from espm_desktop.reports.score_report_charts import monthly_chart, score_bar
from espm_desktop.reports.score_report_texts import energy_label, input_source, severity_label, texts

TARGET_SCORE = 75


@dataclass(frozen=True, slots=True)
class MonthSource:
    """Source GJ of one calendar month, per energy type (same order as ScoreReportData.energy_types)."""

    month: date
    source_gj: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class ScoreReportData:
    """What the score report shows for one property and one period of 12 full months."""

    property_id: int
    name: str
    address: str
    espm_property_id: str | None
    property_type: str
    is_bank_branch: bool
    gross_floor_area_m2: float
    period: Period | None
    result: BankBranchResult | None
    degree_days: PropertyDegreeDaysResult | None
    station: StationView | None
    findings: tuple[Finding, ...]
    energy_types: tuple[str, ...]
    monthly: tuple[MonthSource, ...]
    meters: tuple[tuple[str, str], ...]
    """(meter name, energy type) of the meters summed into the period's totals."""
    target: TargetResult | None
    language: str
    report_date: date = field(default_factory=date.today)


# --- rendering -------------------------------------------------------------------------------------------------
class ScoreDoc(ReportDoc):
    """The shared page (pdf_doc.ReportDoc) with this report's data and texts."""

    def __init__(self, data: ScoreReportData, language: str, family: FontFamily) -> None:
        super().__init__(language, family)
        self.data = data
        self.t = texts(self.lang)


def _dd_source(doc: ScoreDoc) -> str:
    t, dd = doc.t, doc.data.degree_days
    if dd is None or dd.origin == "none":
        return t["dd_none"]
    if dd.origin == "typed":
        return t["dd_typed"] + (f" ({dd.note})" if dd.note else "")
    text = t["dd_station"].format(station=dd.station_name, climate_id=dd.climate_id)
    if dd.missing_days:
        text += " " + t["dd_missing"].format(days=doc.n(dd.missing_days))
    return text + " " + t["eccc"]


def _identification(doc: ScoreDoc, width: float) -> list[Any]:
    t, data = doc.t, doc.data
    period = (
        t["period_value"].format(start=doc.d(data.period.start), end=doc.d(data.period.end))
        if data.period
        else t["no_period"]
    )
    rows = [
        (t["property"], data.name),
        (t["address"], data.address or "—"),
        (t["espm_id"], data.espm_property_id or "—"),
        (t["type"], property_type_label(data.property_type, doc.lang)),
        (t["gfa"], fmt.area_m2(data.gross_floor_area_m2, doc.lang)),
        (t["period"], period),
        (t["report_date"], doc.d(data.report_date)),
    ]
    cells = [[doc.pm(f"<b>{escape(doc.s(fmt.label(k, doc.lang)))}</b>", doc.cell), v] for k, v in rows]
    table = doc.table(cells, (0.3 * width, 0.7 * width), header=False)
    return [table]


def _key_figures(doc: ScoreDoc, width: float) -> list[Any]:
    t, r = doc.t, doc.data.result
    if r is None:
        return [doc.p(t["no_period_text"])]
    rows = [
        (t["site_energy"], doc.q(r.site_energy_gj, "GJ", 1)),
        (t["source_energy"], doc.q(r.source_energy_gj, "GJ", 1)),
        (t["source_eui"], doc.q(r.source_eui_gj_per_m2, "GJ/m²", 3)),
        (t["predicted_eui"], doc.q(r.predicted_source_eui_gj_per_m2, "GJ/m²", 3)),
        (t["ratio"], doc.n(r.efficiency_ratio, 3)),
        (t["score"], doc.n(r.score) if r.score is not None else t["no_score"]),
    ]
    return [doc.table([[k, v] for k, v in rows], (0.6 * width, 0.4 * width), header=False, right_from=1)]


def _eligibility(doc: ScoreDoc) -> list[Any]:
    t, r = doc.t, doc.data.result
    out: list[Any] = [doc.p(t["eligibility"], doc.h2)]
    if r is None:
        return [*out, doc.p(t["no_period_text"])]
    if not doc.data.is_bank_branch:
        out.append(doc.p(t["not_bank"]))
    for note in r.reasons:
        out.append(
            doc.pm(
                f"<b>{escape(doc.s(t['reason']))}</b> "
                f"{escape(doc.s(note.message_fr if doc.lang == 'fr' else note.message_en))}"
            )
        )
    for note in r.warnings if doc.data.is_bank_branch else ():
        out.append(
            doc.pm(
                f"<b>{escape(doc.s(t['warning']))}</b> "
                f"{escape(doc.s(note.message_fr if doc.lang == 'fr' else note.message_en))}"
            )
        )
    if r.eligible and not r.warnings:
        out.append(doc.p(t["eligible_ok"]))
    return out


_BLOCK = object()
"""Where a block that must not be split across pages begins, in a list of flowables."""


def _kept_together(flowables: list[Any]) -> list[Any]:
    """Each run of flowables after a _BLOCK marker, wrapped in one KeepTogether."""
    out: list[Any] = []
    block: list[Any] | None = None
    for item in flowables:
        if item is _BLOCK:
            if block:
                out.append(KeepTogether(block))
            block = []
        elif block is None:
            out.append(item)
        else:
            block.append(item)
    if block:
        out.append(KeepTogether(block))
    return out


def _steps(doc: ScoreDoc, width: float) -> list[Any]:
    t, data, r = doc.t, doc.data, doc.data.result
    out: list[Any] = [doc.p(t["steps"], doc.h2)]
    if r is None:
        return [*out, doc.p(t["no_period_text"])]
    out.append(doc.p(t["step1"], doc.body))
    rows: list[list[Any]] = [[t["col_input"], t["col_value"], t["col_source"]]]
    for ir in r.input_rows:
        label = ir.label_fr if doc.lang == "fr" else ir.label_en
        decimals = 0 if ir.value is None or float(ir.value).is_integer() else 1
        unit = (
            energy.unit(ir.key.split(":", 1)[1], ir.unit).label_fr.split(" ")[0]
            if ir.key.startswith("energy:")
            else ir.unit
        )
        value = doc.q(ir.value, unit, decimals) if unit else doc.n(ir.value, decimals)
        rows.append([label, value, input_source(ir.key, doc.lang, data.meters, _dd_source(doc))])
    out.append(doc.table(rows, (0.34 * width, 0.2 * width, 0.46 * width)))
    out += [Spacer(1, 3 * mm), _BLOCK, doc.p(t["step2"])]
    rows = [[t[c] for c in ("col_fuel", "col_qty", "col_site_mult", "col_site", "col_src_mult", "col_src")]]
    for fr in r.fuel_rows:
        u = energy.unit(fr.energy_type, fr.unit)
        rows.append(
            [
                energy_label(fr.energy_type, doc.lang),
                doc.q(fr.quantity, u.label_fr.split(" ")[0]),
                doc.n(fr.site_multiplier, 5),
                doc.n(fr.site_gj, 1),
                doc.n(fr.source_multiplier, 2),
                doc.n(fr.source_gj, 1),
            ]
        )
    rows.append([t["total"], "", "", doc.n(r.site_energy_gj, 1), "", doc.n(r.source_energy_gj, 1)])
    w6 = (0.26, 0.16, 0.14, 0.14, 0.14, 0.16)
    out.append(doc.table(rows, [x * width for x in w6], right_from=1))
    out.append(
        doc.p(
            doc.lab(
                t["source_eui"],
                f"{doc.n(r.source_energy_gj, 1)} GJ ÷ "
                f"{fmt.area_m2(data.gross_floor_area_m2, doc.lang)} = "
                f"{doc.q(r.source_eui_gj_per_m2, 'GJ/m²', 3)}",
            )
        )
    )
    for fr in r.fuel_rows:
        out.append(doc.p(energy.unit(fr.energy_type, fr.unit).source_text(doc.lang), doc.small))
    out += [Spacer(1, 3 * mm), _BLOCK, doc.p(t["step3"])]
    rows = [
        [t[c] for c in ("col_var", "col_building", "col_centre", "col_centred", "col_coef", "col_product")]
    ]
    for v in r.variable_rows:
        rows.append(
            [
                v.label_fr if doc.lang == "fr" else v.label_en,
                doc.n(v.building_value, 3),
                doc.n(v.centring_value, 3),
                doc.n(v.centred_value, 3),
                fmt.number(v.coefficient, doc.lang, 7).rstrip("0"),
                doc.n(v.product, 4),
            ]
        )
    rows.append([t["predicted_eui"], "", "", "", "", doc.n(r.predicted_source_eui_gj_per_m2, 3)])
    out.append(doc.table(rows, [x * width for x in (0.3, 0.14, 0.14, 0.14, 0.14, 0.14)], right_from=1))
    out.append(doc.p(t["step3_source"], doc.small))
    out += [Spacer(1, 3 * mm), _BLOCK, doc.p(t["step4"])]
    if r.efficiency_ratio is not None:
        out.append(
            doc.p(
                doc.lab(
                    t["ratio"],
                    f"{doc.n(r.source_eui_gj_per_m2, 3)} ÷ "
                    f"{doc.n(r.predicted_source_eui_gj_per_m2, 3)} = {doc.n(r.efficiency_ratio, 3)}",
                )
            )
        )
    else:
        out.append(doc.p(t["no_ratio"]))
    out += [Spacer(1, 3 * mm), _BLOCK, doc.p(t["step5"])]
    if r.lookup_row is not None:
        lr = r.lookup_row
        out.append(
            doc.p(
                t["step5_text"].format(
                    lo=doc.n(lr.ratio_min, 4),
                    hi=doc.n(lr.ratio_max, 4),
                    ratio=doc.n(r.efficiency_ratio, 3),
                    score=doc.n(lr.score),
                    pct=fmt.percent(lr.cumulative_percent, doc.lang),
                )
            )
        )
    else:
        out.append(doc.p(t["no_score_text"]))
    return _kept_together(out)


def _findings(doc: ScoreDoc, width: float) -> list[Any]:
    t = doc.t
    out: list[Any] = [doc.p(t["findings"], doc.h2)]
    if not doc.data.findings:
        return [*out, doc.p(t["no_findings"])]
    rows: list[list[Any]] = [[t["col_severity"], t["col_meter"], t["col_message"]]]
    for f in doc.data.findings:
        rows.append(
            [
                severity_label(f.severity, doc.lang),
                f.meter_name or "—",
                f.message_fr if doc.lang == "fr" else f.message_en,
            ]
        )
    out.append(doc.table(rows, (0.13 * width, 0.2 * width, 0.67 * width)))
    return out


def _target(doc: ScoreDoc, width: float) -> list[Any]:
    t, tg, r = doc.t, doc.data.target, doc.data.result
    out: list[Any] = [doc.p(t["target"].format(score=doc.n(TARGET_SCORE)), doc.h2)]
    if tg is None or r is None:
        return [*out, doc.p(t["no_target"])]
    gfa = doc.data.gross_floor_area_m2
    out.append(
        doc.p(
            t["target_row"].format(
                score=doc.n(TARGET_SCORE),
                lo=doc.n(tg.target_row.ratio_min, 4),
                hi=doc.n(tg.target_row.ratio_max, 4),
            )
        )
    )
    out.append(
        doc.p(
            t["target_max"].format(
                gj=doc.q(tg.target_source_eui_gj_per_m2 * gfa, "GJ", 1),
                eui=doc.q(tg.target_source_eui_gj_per_m2, "GJ/m²", 3),
            )
        )
    )
    if tg.already_met:
        out.append(
            doc.p(
                t["target_met"].format(
                    ratio=doc.n(r.efficiency_ratio, 3), hi=doc.n(tg.target_row.ratio_max, 4)
                )
            )
        )
    rows: list[list[Any]] = [[t["col_cut_as"], t["col_cut"], t["col_feasible"]]]
    share = fmt.percent(tg.source_cut_fraction * 100, doc.lang, 1)
    rows.append([t["cut_source"], f"{doc.q(tg.source_cut_gj, 'GJ', 1)} ({share})", "—"])
    for o in tg.options:
        unit = energy.unit(o.energy_type, o.unit).label_fr.split(" ")[0]
        rows.append(
            [
                energy_label(o.energy_type, doc.lang),
                doc.q(o.quantity, unit),
                t["yes"] if o.feasible else t["no"],
            ]
        )
    out.append(doc.table(rows, (0.4 * width, 0.35 * width, 0.25 * width)))
    out.append(doc.p(t["target_note"], doc.small))
    return out


def _degree_days(doc: ScoreDoc, width: float) -> list[Any]:
    t, dd = doc.t, doc.data.degree_days
    out: list[Any] = [doc.p(t["dd"], doc.h2)]
    if dd is None:
        return [*out, doc.p(t["dd_none"])]
    rows = [
        [t["hdd"], doc.q(dd.hdd, _("°C·d", doc.lang))],
        [t["cdd"], doc.q(dd.cdd, _("°C·d", doc.lang))],
        [t["dd_period"], t["period_value"].format(start=doc.d(dd.period.start), end=doc.d(dd.period.end))],
        [t["dd_source"], _dd_source(doc)],
    ]
    st = doc.data.station
    if st is not None:
        rows.append([t["station"], f"{st.name} ({st.climate_id}, {st.province})"])
    out.append(doc.table(rows, (0.3 * width, 0.7 * width), header=False))
    return out


def _signatures(doc: ScoreDoc, width: float) -> list[Any]:
    t = doc.t
    line = "_" * 34
    rows = [[t["prepared"], t["verified"]]]
    for k in ("sig_name", "sig_title", "sig_signature", "sig_date"):
        label = fmt.label(t[k], doc.lang)
        rows.append([f"{label} {line}", f"{label} {line}"])
    table = doc.table(rows, (width / 2, width / 2))
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0, colors.white), ("TOPPADDING", (0, 1), (-1, -1), 7)])
    )
    return [doc.p(t["signatures"], doc.h2), doc.p(t["sig_note"], doc.small), Spacer(1, 2 * mm), table]


def render_score_report(
    data: ScoreReportData,
    out: Path | str,
    language: str,
    page_size: str = "letter",
    protected: Iterable[Path | str] = (),
) -> None:
    """Write the score report PDF to `out` atomically; `page_size` is "letter" or "a4"."""
    size = page_size_of(page_size)
    doc = ScoreDoc(data, language, register_fonts())
    t = doc.t
    margin = MARGIN
    width = size[0] - 2 * margin
    story: list[Any] = [
        doc.p(t["title"], doc.h1),
        doc.p(t["subtitle"], doc.small),
        Spacer(1, 4 * mm),
        *_identification(doc, width),
        doc.p(t["score_heading"], doc.h2),
        score_bar(doc, width, data.result.score if data.result else None),
        Spacer(1, 2 * mm),
        *_key_figures(doc, width),
        *_eligibility(doc),
        *_steps(doc, width),
        *_findings(doc, width),
    ]
    if data.monthly:
        story.append(KeepTogether([doc.p(t["monthly"], doc.h2), monthly_chart(doc, width)]))
    story += [
        KeepTogether(_target(doc, width)),
        KeepTogether(_degree_days(doc, width)),
        KeepTogether(_signatures(doc, width)),
    ]

    write_pdf(
        doc,
        story,
        out,
        size,
        data.name,
        t["short_title"],
        data.report_date,
        t["page"],
        protected,
        document_title=t["title"],
    )
