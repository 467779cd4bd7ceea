"""Which stored property and meter a file's row means, or which new ones the import creates.

Properties are matched by ESPM property ID, else by name; meters by ESPM meter ID, else by name and energy
type within their property; names compare in normalised form, case ignored, stored names too. A new meter gets
a name no sibling has (ESPM lets a gas meter be called 'Electric Grid Meter').
"""

from __future__ import annotations

import itertools
from array import array

from sqlalchemy.orm import Session

from espm_desktop.app.bill_import_plan import ImportPlan, PlannedMeter, PlannedProperty, period_key
from espm_desktop.core.energy import UnknownUnitError, energy_type
from espm_desktop.db.import_store import stored_meters, stored_periods, stored_properties
from espm_desktop.io.parse_values import NAME_MAX_CHARS, name_key, normalise_name

_fold = name_key


class Matcher:
    """Stored properties and meters, indexed for matching, plus the ones the plan creates."""

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.by_espm: dict[str, PlannedProperty] = {}
        self.by_name: dict[str, list[PlannedProperty]] = {}
        self.prop_by_key: dict[str, PlannedProperty] = {}
        props: dict[int, PlannedProperty] = {}
        for stored in stored_properties(session):
            p = PlannedProperty(
                key=stored.espm_id or stored.name, name=stored.name, espm_id=stored.espm_id, id=stored.id
            )
            props[stored.id] = p
            if stored.espm_id:
                self.by_espm[stored.espm_id] = p
            self.by_name.setdefault(_fold(stored.name), []).append(p)
        self.meter_by_espm: dict[str, PlannedMeter] = {}
        self.meters_of: dict[int, list[PlannedMeter]] = {}
        for sm in stored_meters(session):
            prop = props[sm.property_id]
            m = PlannedMeter(prop, sm.name, sm.energy_type, sm.unit, sm.espm_id, id=sm.id)
            if sm.espm_id:
                self.meter_by_espm[sm.espm_id] = m
            self.meters_of.setdefault(id(prop), []).append(m)
        self.meter_by_key: dict[tuple[str, str], PlannedMeter] = {}
        self.loaded: set[int] = set()

    def prop(self, key: str, name: str, espm_id: str | None) -> PlannedProperty:
        found = self.prop_by_key.get(key)
        if found is not None:
            return found
        name = normalise_name(name)
        p: PlannedProperty | None = self.by_espm.get(espm_id) if espm_id else None
        if p is None:
            # A property typed in by hand (no ESPM ID yet) is the one the file means when the name is unique.
            same = [q for q in self.by_name.get(_fold(name), []) if espm_id is None or q.espm_id is None]
            if len(same) == 1 or (same and espm_id is None):
                p = same[0]
                if espm_id and p.id is not None:
                    p.espm_id, p.adopt_espm_id = espm_id, True
                    self.by_espm[espm_id] = p
        if p is None:
            p = PlannedProperty(key=key, name=name or (espm_id or key), espm_id=espm_id)
            if espm_id:
                self.by_espm[espm_id] = p
            self.by_name.setdefault(_fold(p.name), []).append(p)
        if p not in self.plan.properties:
            self.plan.properties.append(p)
        self.prop_by_key[key] = p
        return p

    def meter(
        self, prop: PlannedProperty, name: str, etype: str, unit: str, espm_id: str | None
    ) -> PlannedMeter:
        key = (espm_id or "", "" if espm_id else f"{id(prop)}|{_fold(name)}|{etype}")
        found = self.meter_by_key.get(key)
        if found is not None:
            return found
        name = normalise_name(name)
        m: PlannedMeter | None = self.meter_by_espm.get(espm_id) if espm_id else None
        siblings = self.meters_of.setdefault(id(prop), [])
        if m is None:
            same = [
                s
                for s in siblings
                if s.energy_type == etype
                and _fold(s.name) in (_fold(name), _fold(_disambiguated(name, etype)))
                and (espm_id is None or s.espm_id is None)
            ]
            if same:
                m = same[0]
                if espm_id and m.id is not None:
                    m.espm_id, m.adopt_espm_id = espm_id, True
                    self.meter_by_espm[espm_id] = m
        if m is None:
            m = PlannedMeter(prop, _free_name(name, etype, espm_id, siblings), etype, unit, espm_id)
            siblings.append(m)
            if espm_id:
                self.meter_by_espm[espm_id] = m
        if m not in self.plan.meters:
            self.plan.meters.append(m)
        self.meter_by_key[key] = m
        return m

    def load_periods(self) -> None:
        """Stored bills of the matched meters, for the duplicate, conflict and overlap checks."""
        stored = {m.id: m for m in self.plan.meters if m.id is not None and m.id not in self.loaded}
        if not stored:
            return
        found: dict[int, list[tuple[int, int, int, float, float]]] = {}
        for period in stored_periods(self.session, stored):
            cost = period.cost if period.cost is not None else float("nan")
            found.setdefault(period.meter_id, []).append(
                (period_key(period.start, period.end), 0, period.bill_id, period.usage, cost)
            )
        for meter_id, periods in found.items():
            m = stored[meter_id]
            periods.sort()
            m.periods = array("q", [p[0] for p in periods])
            m.holders = array("q", range(-1, -len(periods) - 1, -1))
            m.stored_ids = array("q", [p[2] for p in periods])
            m.stored_usages = array("d", [p[3] for p in periods])
            m.stored_costs = array("d", [p[4] for p in periods])
        self.loaded.update(stored)


def _with_suffix(base: str, suffix: str) -> str:
    """`base` + `suffix`, the base shortened so the whole fits the name column (a cut suffix would clash)."""
    room = NAME_MAX_CHARS - len(suffix)
    return (base if len(base) <= room else base[:room].rstrip()) + suffix


def _disambiguated(name: str, etype: str) -> str:
    try:
        label = energy_type(etype).label_en
    except UnknownUnitError:
        label = etype
    return _with_suffix(name, f" ({label})")


def _free_name(name: str, etype: str, espm_id: str | None, siblings: list[PlannedMeter]) -> str:
    """A meter name not yet used in the property (ESPM lets a gas meter be called 'Electric Grid Meter')."""
    taken = {_fold(s.name) for s in siblings}
    base = name or _disambiguated("Meter", etype)
    candidates = itertools.chain(
        (base, _disambiguated(base, etype)),
        (_with_suffix(base, f" ({espm_id})"),) if espm_id else (),
        (_with_suffix(base, f" ({n})") for n in itertools.count(2)),
    )
    return next(c for c in candidates if _fold(c) not in taken)
