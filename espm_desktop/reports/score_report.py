"""The score report: one property's ENERGY STAR score over 12 months, modelled on ESPM's Statement of Energy
Performance, with the five steps of NRCan's bank-branch method (seed 002) and where every input came from.

The data are gathered the way the Score page gathers them (ui/pages/score_data.py, which has no Qt), in one
short session; the PDF is drawn with reportlab (vector bar and chart) and written atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from espm_desktop.core import energy
from espm_desktop.core import formatting as fmt
from espm_desktop.core.calendarize import Period, calendarize_property, month_start
from espm_desktop.core.checks import Finding
from espm_desktop.core.score.bank_branch import BankBranchResult
from espm_desktop.core.score.bank_branch_target import TargetResult, find_target
from espm_desktop.db import models
from espm_desktop.db.weather import PropertyDegreeDaysResult
from espm_desktop.fs.atomic_files import atomic_output_path
from espm_desktop.reports.fonts import FontFamily, printable, register_fonts
from espm_desktop.ui.pages.score_data import StationView, load_score_view

TARGET_SCORE = 75
PAGE_SIZES = {"letter": LETTER, "a4": A4}
_ACCENT = colors.HexColor("#1F4E79")
_LIGHT = colors.HexColor("#E8EEF5")
_MUTED = colors.HexColor("#555555")
_SERIES = (
    colors.HexColor("#1F77B4"),
    colors.HexColor("#E07B1A"),
    colors.HexColor("#2CA02C"),
    colors.HexColor("#9467BD"),
    colors.HexColor("#8C564B"),
    colors.HexColor("#7F7F7F"),
)


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


def score_report_data(
    session_or_engine: Session | Engine, property_id: int, language: str, period_end: date | None = None
) -> ScoreReportData:
    """Load, calendarise, check and score like the Score page; raises NoResultFound for an unknown id."""
    if isinstance(session_or_engine, Engine):
        with Session(session_or_engine) as session:
            return _gather(session, property_id, language, period_end)
    return _gather(session_or_engine, property_id, language, period_end)


def _gather(session: Session, property_id: int, language: str, period_end: date | None) -> ScoreReportData:
    view = load_score_view(session, property_id, period_end)
    row = session.get(models.Property, property_id)
    assert row is not None  # load_score_view raised otherwise
    address = ", ".join(
        p for p in (row.street_address, row.city, f"{row.province} {row.postal_code}".strip()) if p
    )
    types: list[str] = []
    monthly: list[MonthSource] = []
    if view.period is not None:
        months = calendarize_property(view.prop)
        for m in months.meters:
            if m.energy_type not in types:
                types.append(m.energy_type)
        for i in view.period.month_indexes():
            sums = [0.0] * len(types)
            for m in months.meters:
                sums[types.index(m.energy_type)] += m.source_gj_in(i)
            monthly.append(MonthSource(month_start(i), tuple(sums)))
    result = view.result
    target = None
    if result is not None and result.score is not None:
        target = find_target(result, TARGET_SCORE)
    meters = tuple((m.meter_name, m.energy_type) for m in view.totals.meters) if view.totals else ()
    return ScoreReportData(
        property_id=property_id,
        name=row.name,
        address=address,
        espm_property_id=row.espm_property_id,
        property_type=row.property_type,
        is_bank_branch=view.is_bank_branch,
        gross_floor_area_m2=row.gross_floor_area_m2,
        period=view.period,
        result=result,
        degree_days=view.degree_days,
        station=view.station,
        findings=view.findings,
        energy_types=tuple(types),
        monthly=tuple(monthly),
        meters=meters,
        target=target,
        language=language,
    )


# --- texts -----------------------------------------------------------------------------------------------------
T: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Relevé de la cote ENERGY STAR", "short_title": "Relevé de la cote ENERGY STAR",
        "subtitle": "Succursales bancaires au Canada – méthode de RNCan (août 2023), calculée par ESPM Desktop "
        "sur le modèle du « Statement of Energy Performance » d'ENERGY STAR Portfolio Manager.",
        "property": "Propriété", "address": "Adresse", "espm_id": "N° de propriété ESPM", "type": "Type",
        "bank_branch": "Succursale bancaire", "gfa": "Superficie brute", "period": "Période de 12 mois",
        "period_value": "du {start} au {end}", "no_period": "aucune période de 12 mois complets",
        "report_date": "Date du relevé", "score_heading": "Cote ENERGY STAR (1 à 100)",
        "median": "50 : médiane", "certifiable": "75 : admissible à la certification",
        "no_score": "Aucune cote", "site_energy": "Énergie de site", "source_energy": "Énergie à la source",
        "source_eui": "Intensité énergétique (IE) à la source", "predicted_eui": "IE à la source prévue",
        "ratio": "Ratio d'efficacité (réelle ÷ prévue)", "score": "Cote ENERGY STAR",
        "no_period_text": "Aucune période de 12 mois complets : la cote ne peut pas être calculée.",
        "eligibility": "Admissibilité", "reason": "Motif :", "warning": "Avertissement :",
        "not_bank": "Cette propriété n'est pas une succursale bancaire : la méthode ne s'applique pas.",
        "eligible_ok": "La propriété satisfait aux filtres de la figure 1 ; aucun avertissement.",
        "steps": "Les cinq étapes de la méthode de RNCan",
        "step1": "Étape 1 – Données du bâtiment et leur provenance",
        "col_input": "Donnée", "col_value": "Valeur", "col_source": "Provenance",
        "step2": "Étape 2 – Énergie de site et à la source, IE à la source",
        "col_fuel": "Énergie", "col_qty": "Quantité", "col_site_mult": "GJ de site par unité",
        "col_site": "Site (GJ)", "col_src_mult": "Facteur source", "col_src": "Source (GJ)", "total": "Total",
        "step3": "Étape 3 – IE à la source prévue (régression centrée)",
        "col_var": "Variable", "col_building": "Bâtiment", "col_centre": "Centrage", "col_centred": "Centrée",
        "col_coef": "Coefficient", "col_product": "Produit",
        "step3_source": "Coefficients : RNCan, figure 3 (138 observations). Valeurs de centrage : les moyennes "
        "de l'exemple (la colonne « Moyenne » de la figure 2 répète la médiane).",
        "step4": "Étape 4 – Ratio d'efficacité = IE réelle ÷ IE prévue",
        "no_ratio": "Le ratio ne peut pas être calculé (voir l'admissibilité).",
        "step5": "Étape 5 – Cote selon la table de la figure 5",
        "step5_text": "Le ratio {ratio} se trouve dans la rangée {lo} ≤ ratio < {hi} de la figure 5 : cote "
        "{score} (pourcentage cumulatif {pct}).",
        "no_score_text": "Aucune cote : voir les motifs d'admissibilité.",
        "findings": "Qualité des données de la période", "no_findings": "Aucun problème relevé dans les données.",
        "col_severity": "Gravité", "col_meter": "Compteur", "col_message": "Constat",
        "error": "Erreur", "warning_s": "Avertissement", "info": "Information",
        "monthly": "Énergie à la source par mois et par type d'énergie", "chart_unit": "GJ (source)",
        "target": "Cible : cote {score}", "no_target": "Aucune cible : la cote ne peut pas être calculée.",
        "target_row": "La cote {score} correspond aux ratios {lo} ≤ ratio < {hi} (figure 5).",
        "target_max": "Énergie à la source visée : au plus {gj} (IE à la source {eui}).",
        "target_met": "Cible déjà atteinte : le ratio {ratio} est inférieur à {hi}; aucune réduction requise.",
        "col_cut_as": "Réduction à faire, exprimée en", "col_cut": "Quantité", "col_feasible": "Possible seule",
        "cut_source": "Énergie à la source", "yes": "Oui", "no": "Non",
        "target_note": "Chaque quantité suppose que toute la réduction porte sur ce seul type d'énergie, la "
        "superficie, les détails d'utilisation et les degrés-jours restant les mêmes; arrondi à l'unité supérieure.",
        "dd": "Degrés-jours utilisés (base 18 °C)", "hdd": "Degrés-jours de chauffage (DJC)",
        "cdd": "Degrés-jours de refroidissement (DJR)", "dd_period": "Période", "dd_source": "Provenance",
        "station": "Station météo liée",
        "dd_none": "Aucun degré-jour pour cette période.",
        "dd_typed": "Saisis à la page Météo pour cette période",
        "dd_station": "Calculés à partir des données quotidiennes de la station {station} ({climate_id}).",
        "dd_missing": "{days} jour(s) manquant(s) : chaque mois a été majoré pour ses jours manquants.",
        "eccc": "Source des données : Environnement et Changement climatique Canada.",
        "signatures": "Préparé par / vérifié par",
        "sig_note": "ESPM Desktop calcule la cote selon la méthode publiée; seule ENERGY STAR Portfolio Manager "
        "délivre la certification.",
        "prepared": "Préparé par", "verified": "Vérifié par", "sig_name": "Nom", "sig_title": "Titre",
        "sig_signature": "Signature", "sig_date": "Date",
        "page": "Page {n} de {total}",
        "src_form": "Fiche de la propriété (détails d'utilisation)",
        "src_bills": "Factures calendarisées sur la période : {meters}",
    },
    "en": {
        "title": "ENERGY STAR Score Report", "short_title": "ENERGY STAR Score Report",
        "subtitle": "Bank branches in Canada – NRCan method (Aug 2023), computed by ESPM Desktop after ENERGY STAR "
        "Portfolio Manager's Statement of Energy Performance.",
        "property": "Property", "address": "Address", "espm_id": "ESPM property ID", "type": "Type",
        "bank_branch": "Bank branch", "gfa": "Gross floor area", "period": "12-month period",
        "period_value": "{start} to {end}", "no_period": "no period of 12 full months",
        "report_date": "Report date", "score_heading": "ENERGY STAR score (1 to 100)",
        "median": "50: median", "certifiable": "75: eligible for certification",
        "no_score": "No score", "site_energy": "Site energy", "source_energy": "Source energy",
        "source_eui": "Source energy use intensity (EUI)", "predicted_eui": "Predicted source EUI",
        "ratio": "Efficiency ratio (actual ÷ predicted)", "score": "ENERGY STAR score",
        "no_period_text": "No period of 12 full months: the score cannot be computed.",
        "eligibility": "Eligibility", "reason": "Reason:", "warning": "Warning:",
        "not_bank": "This property is not a bank branch: the method does not apply.",
        "eligible_ok": "The property meets the filters of Figure 1; no warning.",
        "steps": "The five steps of the NRCan method",
        "step1": "Step 1 – The building's inputs and where they came from",
        "col_input": "Input", "col_value": "Value", "col_source": "Came from",
        "step2": "Step 2 – Site and source energy, source EUI",
        "col_fuel": "Energy", "col_qty": "Quantity", "col_site_mult": "Site GJ per unit",
        "col_site": "Site (GJ)", "col_src_mult": "Source factor", "col_src": "Source (GJ)", "total": "Total",
        "step3": "Step 3 – Predicted source EUI (centred regression)",
        "col_var": "Variable", "col_building": "Building", "col_centre": "Centring", "col_centred": "Centred",
        "col_coef": "Coefficient", "col_product": "Product",
        "step3_source": "Coefficients: NRCan, Figure 3 (138 observations). Centring values: the means of the "
        "worked example (Figure 2's \"Mean\" column repeats the median).",
        "step4": "Step 4 – Efficiency ratio = actual EUI ÷ predicted EUI",
        "no_ratio": "The ratio cannot be computed (see eligibility).",
        "step5": "Step 5 – Score from the Figure 5 table",
        "step5_text": "The ratio {ratio} falls in the row {lo} ≤ ratio < {hi} of Figure 5: score {score} "
        "(cumulative percent {pct}).",
        "no_score_text": "No score: see the eligibility reasons.",
        "findings": "Data quality of the period", "no_findings": "No problem found in the data.",
        "col_severity": "Severity", "col_meter": "Meter", "col_message": "Finding",
        "error": "Error", "warning_s": "Warning", "info": "Information",
        "monthly": "Monthly source energy by energy type", "chart_unit": "GJ (source)",
        "target": "Target: score {score}", "no_target": "No target: the score cannot be computed.",
        "target_row": "Score {score} is given to ratios {lo} ≤ ratio < {hi} (Figure 5).",
        "target_max": "Source energy aimed at: at most {gj} (source EUI {eui}).",
        "target_met": "Target already met: the ratio {ratio} is below {hi}; no cut needed.",
        "col_cut_as": "Cut needed, expressed as", "col_cut": "Quantity", "col_feasible": "Possible alone",
        "cut_source": "Source energy", "yes": "Yes", "no": "No",
        "target_note": "Each quantity assumes the whole cut is taken on that one energy type, with the floor area, "
        "the use details and the degree days unchanged; rounded up to whole units.",
        "dd": "Degree days used (base 18 °C)", "hdd": "Heating degree days (HDD)",
        "cdd": "Cooling degree days (CDD)", "dd_period": "Period", "dd_source": "Came from",
        "station": "Linked weather station",
        "dd_none": "No degree days for this period.",
        "dd_typed": "Typed on the Weather page for this period",
        "dd_station": "Computed from the daily data of station {station} ({climate_id}).",
        "dd_missing": "{days} missing day(s): each month was scaled up for its missing days.",
        "eccc": "Data Source: Environment and Climate Change Canada.",
        "signatures": "Prepared by / verified by",
        "sig_note": "ESPM Desktop computes the score with the published method; only ENERGY STAR Portfolio "
        "Manager grants certification.",
        "prepared": "Prepared by", "verified": "Verified by", "sig_name": "Name", "sig_title": "Title",
        "sig_signature": "Signature", "sig_date": "Date",
        "page": "Page {n} of {total}",
        "src_form": "Property record (use details)",
        "src_bills": "Bills calendarised over the period: {meters}",
    },
}  # fmt: skip


def severity_label(severity: str, lang: str) -> str:
    return T[lang]["warning_s" if severity == "warning" else severity]


def input_source(key: str, lang: str, meters: Sequence[tuple[str, str]], degree_days: str) -> str:
    """Where a step-1 input came from: the bills of which meters, the property record, or the degree days."""
    if key.startswith("energy:"):
        names = ", ".join(name for name, et in meters if et == key.split(":", 1)[1]) or "—"
        return T[lang]["src_bills"].format(meters=names)
    if key in ("hdd", "cdd"):
        return degree_days
    return T[lang]["src_form"]


# --- rendering -------------------------------------------------------------------------------------------------
class _Doc:
    """Styles, fonts and the number helpers of one rendering."""

    def __init__(self, data: ScoreReportData, language: str, family: FontFamily) -> None:
        self.data, self.lang, self.f = data, "fr" if fmt.is_french(language) else "en", family
        self.t = T[self.lang]
        base = ParagraphStyle("base", fontName=family.regular, fontSize=9, leading=11.5)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=_MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
        self.h1 = ParagraphStyle(
            "h1", parent=base, fontName=family.bold, fontSize=16, leading=20, textColor=_ACCENT
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=family.bold,
            fontSize=11.5,
            leading=14,
            textColor=_ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        )

    def s(self, text: str) -> str:
        return printable(text, self.f)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped); `**` is not parsed: use `pm` for markup."""
        return Paragraph(escape(self.s(text)), style or self.body)

    def pm(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(self.s(markup), style or self.body)

    def n(self, value: float | None, decimals: int = 0) -> str:
        return "—" if value is None else fmt.number(value, self.lang, decimals)

    def q(self, value: float | None, unit: str, decimals: int = 0) -> str:
        return "—" if value is None else fmt.quantity(value, unit, self.lang, decimals)

    def d(self, day: date) -> str:
        return fmt.date_text(day, self.lang)

    def lab(self, name: str, value: str) -> str:
        return fmt.labelled(name, value, self.lang)

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        header: bool = True,
        right_from: int = 99,
    ) -> Table:
        cells = [[self.p(c, self.cell) if isinstance(c, str) else c for c in r] for r in rows]
        t = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Table sets its cells' font even for paragraphs; Helvetica here would be a font not embedded.
            ("FONT", (0, 0), (-1, -1), self.f.regular, 8),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#B0B8C4")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), _LIGHT))
        t.setStyle(TableStyle(style))
        for r in cells:
            for c in r[right_from:]:
                if isinstance(c, Paragraph):
                    c.style = ParagraphStyle("r", parent=self.cell, alignment=2)
        return t


def _score_bar(doc: _Doc, width: float, score: int | None) -> Drawing:
    """The 1–100 scale as a coloured bar, 50 and 75 marked, and a pointer at the score."""
    t, f = doc.t, doc.f
    height = 32 * mm
    d = Drawing(width, height, initialFontName=f.regular)
    x0, x1, y0, bar_h = 6 * mm, width - 6 * mm, 12 * mm, 7 * mm

    def x_of(v: float) -> float:
        return float(x0 + (v - 1) / 99 * (x1 - x0))

    steps = 33
    for i in range(steps):
        frac = i / (steps - 1)
        colour = colors.Color(0.85 - 0.65 * frac, 0.3 + 0.45 * frac, 0.25, 1)
        left = x0 + i * (x1 - x0) / steps
        d.add(Rect(left, y0, (x1 - x0) / steps + 0.3, bar_h, fillColor=colour, strokeColor=None))
    d.add(Rect(x0, y0, x1 - x0, bar_h, fillColor=None, strokeColor=colors.black, strokeWidth=0.5))
    for v in (1, 25, 50, 75, 100):
        d.add(Line(x_of(v), y0 - 1.5 * mm, x_of(v), y0, strokeWidth=0.5))
        d.add(String(x_of(v), y0 - 5 * mm, doc.n(v), fontName=f.regular, fontSize=7.5, textAnchor="middle"))
    for v, text in ((50, t["median"]), (75, t["certifiable"])):
        # The marks cross the bar; their labels sit under the scale, clear of the pointer above it.
        d.add(Line(x_of(v), y0, x_of(v), y0 + bar_h, strokeWidth=1.2, strokeDashArray=(2, 1.5)))
        d.add(
            String(
                x_of(v),
                y0 - 9 * mm,
                doc.s(text),
                fontName=f.regular,
                fontSize=7,
                fillColor=_MUTED,
                textAnchor="middle",
            )
        )
    if score is None:
        d.add(
            String(
                width / 2,
                y0 + bar_h + 8 * mm,
                doc.s(t["no_score"]),
                fontName=f.bold,
                fontSize=10,
                textAnchor="middle",
            )
        )
        return d
    sx = x_of(score)
    d.add(
        Polygon(
            [sx, y0 + bar_h, sx - 2.2 * mm, y0 + bar_h + 4 * mm, sx + 2.2 * mm, y0 + bar_h + 4 * mm],
            fillColor=colors.black,
            strokeColor=None,
        )
    )
    d.add(String(sx, y0 + bar_h + 5.5 * mm, doc.n(score), fontName=f.bold, fontSize=14, textAnchor="middle"))
    return d


def _monthly_chart(doc: _Doc, width: float) -> Drawing:
    data, f = doc.data, doc.f
    height = 72 * mm
    d = Drawing(width, height, initialFontName=f.regular)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 16 * mm, 18 * mm, width - 22 * mm, height - 26 * mm
    chart.data = [[m.source_gj[i] for m in data.monthly] for i in range(len(data.energy_types))]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [
        doc.s(f"{fmt.month_name(m.month.month, doc.lang)}\n{m.month.year % 100:02d}") for m in data.monthly
    ]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = f.regular, 7
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: doc.s(doc.n(v))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barSpacing = 0
    chart.groupSpacing = 4
    legend_pairs = []
    for i, et in enumerate(data.energy_types):
        colour = _SERIES[i % len(_SERIES)]
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
        legend_pairs.append((colour, doc.s(_energy_label(et, doc.lang))))
    d.add(chart)
    d.add(
        String(
            2 * mm,
            height - 4 * mm,
            doc.s(doc.t["chart_unit"]),
            fontName=f.regular,
            fontSize=7.5,
            fillColor=_MUTED,
        )
    )
    legend = Legend()
    legend.x, legend.y = 16 * mm, 4 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 45 * mm
    legend.fontName, legend.fontSize = f.regular, 7.5
    legend.colorNamePairs = legend_pairs
    d.add(legend)
    return d


def _energy_label(energy_type: str, lang: str) -> str:
    et = energy.energy_type(energy_type)
    return et.label_fr if lang == "fr" else et.label_en


def _dd_source(doc: _Doc) -> str:
    t, dd = doc.t, doc.data.degree_days
    if dd is None or dd.origin == "none":
        return t["dd_none"]
    if dd.origin == "typed":
        return t["dd_typed"] + (f" ({dd.note})" if dd.note else "")
    text = t["dd_station"].format(station=dd.station_name, climate_id=dd.climate_id)
    if dd.missing_days:
        text += " " + t["dd_missing"].format(days=doc.n(dd.missing_days))
    return text + " " + t["eccc"]


def _identification(doc: _Doc, width: float) -> list[Any]:
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
        (t["type"], t["bank_branch"] if data.is_bank_branch else data.property_type),
        (t["gfa"], fmt.area_m2(data.gross_floor_area_m2, doc.lang)),
        (t["period"], period),
        (t["report_date"], doc.d(data.report_date)),
    ]
    cells = [[doc.pm(f"<b>{escape(doc.s(fmt.label(k, doc.lang)))}</b>", doc.cell), v] for k, v in rows]
    table = doc.table(cells, (0.3 * width, 0.7 * width), header=False)
    return [table]


def _key_figures(doc: _Doc, width: float) -> list[Any]:
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


def _eligibility(doc: _Doc) -> list[Any]:
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


def _steps(doc: _Doc, width: float) -> list[Any]:
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
                _energy_label(fr.energy_type, doc.lang),
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


def _findings(doc: _Doc, width: float) -> list[Any]:
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


def _target(doc: _Doc, width: float) -> list[Any]:
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
                _energy_label(o.energy_type, doc.lang),
                doc.q(o.quantity, unit),
                t["yes"] if o.feasible else t["no"],
            ]
        )
    out.append(doc.table(rows, (0.4 * width, 0.35 * width, 0.25 * width)))
    out.append(doc.p(t["target_note"], doc.small))
    return out


def _degree_days(doc: _Doc, width: float) -> list[Any]:
    t, dd = doc.t, doc.data.degree_days
    out: list[Any] = [doc.p(t["dd"], doc.h2)]
    if dd is None:
        return [*out, doc.p(t["dd_none"])]
    rows = [
        [t["hdd"], doc.q(dd.hdd, "°C·j" if doc.lang == "fr" else "°C·d")],
        [t["cdd"], doc.q(dd.cdd, "°C·j" if doc.lang == "fr" else "°C·d")],
        [t["dd_period"], t["period_value"].format(start=doc.d(dd.period.start), end=doc.d(dd.period.end))],
        [t["dd_source"], _dd_source(doc)],
    ]
    st = doc.data.station
    if st is not None:
        rows.append([t["station"], f"{st.name} ({st.climate_id}, {st.province})"])
    out.append(doc.table(rows, (0.3 * width, 0.7 * width), header=False))
    return out


def _signatures(doc: _Doc, width: float) -> list[Any]:
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


def _numbered_canvas(draw_footer: Callable[[Canvas, int, int], None], font: str) -> type[Canvas]:
    """A canvas that holds every page until the end, so each footer can say "page n of N"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this, every page names Helvetica (reportlab's default), a font that is not embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render_score_report(
    data: ScoreReportData,
    out: Path | str,
    language: str,
    page_size: str = "letter",
    protected: Iterable[Path | str] = (),
) -> None:
    """Write the score report PDF to `out` atomically; `page_size` is "letter" or "a4"."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, got {page_size!r}")
    size = PAGE_SIZES[page_size]
    doc = _Doc(data, language, register_fonts())
    t, f = doc.t, doc.f
    margin = 16 * mm
    width = size[0] - 2 * margin
    story: list[Any] = [
        doc.p(t["title"], doc.h1),
        doc.p(t["subtitle"], doc.small),
        Spacer(1, 4 * mm),
        *_identification(doc, width),
        doc.p(t["score_heading"], doc.h2),
        _score_bar(doc, width, data.result.score if data.result else None),
        Spacer(1, 2 * mm),
        *_key_figures(doc, width),
        *_eligibility(doc),
        *_steps(doc, width),
        *_findings(doc, width),
    ]
    if data.monthly:
        story.append(KeepTogether([doc.p(t["monthly"], doc.h2), _monthly_chart(doc, width)]))
    story += [
        KeepTogether(_target(doc, width)),
        KeepTogether(_degree_days(doc, width)),
        KeepTogether(_signatures(doc, width)),
    ]

    def header(canvas: Canvas, _doc: Any) -> None:
        w, h = size
        canvas.saveState()
        canvas.setFont(f.bold, 8)
        canvas.setFillColor(_ACCENT)
        canvas.drawString(margin, h - 10 * mm, doc.s(data.name))
        canvas.setFont(f.regular, 8)
        canvas.setFillColor(_MUTED)
        canvas.drawRightString(
            w - margin, h - 10 * mm, doc.s(f"{t['short_title']} – {doc.d(data.report_date)}")
        )
        canvas.setStrokeColor(_ACCENT)
        canvas.setLineWidth(0.5)
        canvas.line(margin, h - 11.5 * mm, w - margin, h - 11.5 * mm)
        canvas.restoreState()

    def footer(canvas: Canvas, page: int, total: int) -> None:
        w, _ = size
        canvas.saveState()
        canvas.setFont(f.regular, 7.5)
        canvas.setFillColor(_MUTED)
        canvas.drawString(margin, 9 * mm, doc.s(f"{data.name} – {doc.d(data.report_date)}"))
        canvas.drawRightString(w - margin, 9 * mm, doc.s(t["page"].format(n=doc.n(page), total=doc.n(total))))
        canvas.restoreState()

    with atomic_output_path(out, protected=protected) as partial:
        pdf = SimpleDocTemplate(
            str(partial),
            pagesize=size,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=16 * mm,
            bottomMargin=16 * mm,
            title=doc.s(f"{t['title']} – {data.name}"),
            author="ESPM Desktop",
            lang=doc.lang,
        )
        pdf.build(
            story, onFirstPage=header, onLaterPages=header, canvasmaker=_numbered_canvas(footer, f.regular)
        )
