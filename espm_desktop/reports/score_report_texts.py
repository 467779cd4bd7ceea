"""The score report's texts: English catalog ids, their French in resources/translations/espm_desktop_fr.po."""

from __future__ import annotations

from collections.abc import Sequence

from espm_desktop.core import energy
from espm_desktop.core.i18n import N_, _, pgettext

TEXTS: dict[str, str] = {
    "title": N_("ENERGY STAR Score Report"),
    "short_title": N_("ENERGY STAR Score Report"),
    "subtitle": N_(
        "Bank branches in Canada – NRCan method (Aug 2023), computed by ESPM Desktop after ENERGY STAR "
        "Portfolio Manager's Statement of Energy Performance."
    ),
    "property": N_("Property"),
    "address": N_("Address"),
    "espm_id": N_("ESPM property ID"),
    "type": N_("Type"),
    "gfa": N_("Gross floor area"),
    "period": N_("12-month period"),
    "period_value": N_("{start} to {end}"),
    "no_period": N_("no period of 12 full months"),
    "score_heading": N_("ENERGY STAR score (1 to 100)"),
    "median": N_("50: median"),
    "certifiable": N_("75: eligible for certification"),
    "no_score": N_("No score"),
    "site_energy": N_("Site energy"),
    "source_energy": N_("Source energy"),
    "source_eui": N_("Source energy use intensity (EUI)"),
    "predicted_eui": N_("Predicted source EUI"),
    "ratio": N_("Efficiency ratio (actual ÷ predicted)"),
    "score": N_("ENERGY STAR score"),
    "no_period_text": N_("No period of 12 full months: the score cannot be computed."),
    "eligibility": N_("Eligibility"),
    "reason": N_("Reason:"),
    "warning": N_("Warning:"),
    "not_bank": N_("This property is not a bank branch: the method does not apply."),
    "eligible_ok": N_("The property meets the filters of Figure 1; no warning."),
    "steps": N_("The five steps of the NRCan method"),
    "step1": N_("Step 1 – The building's inputs and where they came from"),
    "col_input": N_("Input"),
    "col_value": N_("Value"),
    "col_source": N_("Came from"),
    "step2": N_("Step 2 – Site and source energy, source EUI"),
    "col_fuel": N_("Energy"),
    "col_qty": N_("Quantity"),
    "col_site": N_("Site (GJ)"),
    "col_src_mult": N_("Source factor"),
    "col_src": N_("Source (GJ)"),
    "total": N_("Total"),
    "step3": N_("Step 3 – Predicted source EUI (centred regression)"),
    "col_var": N_("Variable"),
    "col_building": N_("Building"),
    "col_centre": N_("Centring"),
    "col_centred": N_("Centred"),
    "col_coef": N_("Coefficient"),
    "col_product": N_("Product"),
    "step3_source": N_(
        "Coefficients: NRCan, Figure 3 (138 observations). Centring values: the means of the worked "
        'example (Figure 2\'s "Mean" column repeats the median).'
    ),
    "step4": N_("Step 4 – Efficiency ratio = actual EUI ÷ predicted EUI"),
    "no_ratio": N_("The ratio cannot be computed (see eligibility)."),
    "step5": N_("Step 5 – Score from the Figure 5 table"),
    "step5_text": N_(
        "The ratio {ratio} falls in the row {lo} ≤ ratio < {hi} of Figure 5: score {score} (cumulative "
        "percent {pct})."
    ),
    "no_score_text": N_("No score: see the eligibility reasons."),
    "findings": N_("Data quality of the period"),
    "no_findings": N_("No problem found in the data."),
    "col_severity": N_("Severity"),
    "col_meter": N_("Meter"),
    "col_message": N_("Finding"),
    "error": N_("Error"),
    "warning_s": N_("Warning"),
    "info": N_("Information"),
    "monthly": N_("Monthly source energy by energy type"),
    "chart_unit": N_("GJ (source)"),
    "target": N_("Target: score {score}"),
    "no_target": N_("No target: the score cannot be computed."),
    "target_row": N_("Score {score} is given to ratios {lo} ≤ ratio < {hi} (Figure 5)."),
    "target_max": N_("Source energy aimed at: at most {gj} (source EUI {eui})."),
    "target_met": N_("Target already met: the ratio {ratio} is below {hi}; no cut needed."),
    "col_cut_as": N_("Cut needed, expressed as"),
    "col_cut": N_("Quantity"),
    "col_feasible": N_("Possible alone"),
    "cut_source": N_("Source energy"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "target_note": N_(
        "Each quantity assumes the whole cut is taken on that one energy type, with the floor area, the "
        "use details and the degree days unchanged; rounded up to whole units."
    ),
    "dd": N_("Degree days used (base 18 °C)"),
    "hdd": N_("Heating degree days (HDD)"),
    "cdd": N_("Cooling degree days (CDD)"),
    "dd_period": N_("Period"),
    "dd_source": N_("Came from"),
    "station": N_("Linked weather station"),
    "dd_none": N_("No degree days for this period."),
    "dd_typed": N_("Typed on the Weather page for this period"),
    "dd_station": N_("Computed from the daily data of station {station} ({climate_id})."),
    "dd_missing": N_("{days} missing day(s): each month was scaled up for its missing days."),
    "eccc": N_("Data Source: Environment and Climate Change Canada."),
    "signatures": N_("Prepared by / verified by"),
    "sig_note": N_(
        "ESPM Desktop computes the score with the published method; only ENERGY STAR Portfolio Manager "
        "grants certification."
    ),
    "prepared": N_("Prepared by"),
    "verified": N_("Verified by"),
    "sig_name": N_("Name"),
    "sig_title": N_("Title"),
    "sig_signature": N_("Signature"),
    "sig_date": N_("Date"),
    "page": N_("Page {n} of {total}"),
    "src_form": N_("Property record (use details)"),
    "src_bills": N_("Bills calendarised over the period: {meters}"),
}


def texts(language: str) -> dict[str, str]:
    """The report's texts in `language` ('fr' or 'en')."""
    t = {key: _(text, language) for key, text in TEXTS.items()}
    # Where the window and the other reports say « Date du rapport » and « GJ du site par unité ».
    t["report_date"] = pgettext("score report", "Report date", language)
    t["col_site_mult"] = pgettext("score report", "Site GJ per unit", language)
    return t


def severity_label(severity: str, lang: str) -> str:
    return _(TEXTS["warning_s" if severity == "warning" else severity], lang)


def input_source(key: str, lang: str, meters: Sequence[tuple[str, str]], degree_days: str) -> str:
    """Where a step-1 input came from: the bills of which meters, the property record, or the degree days."""
    if key.startswith("energy:"):
        names = ", ".join(name for name, et in meters if et == key.split(":", 1)[1]) or "—"
        return _(TEXTS["src_bills"], lang).format(meters=names)
    if key in ("hdd", "cdd"):
        return degree_days
    return _(TEXTS["src_form"], lang)


def energy_label(energy_type: str, lang: str) -> str:
    et = energy.energy_type(energy_type)
    return et.label_fr if lang == "fr" else et.label_en
