import type { Unit, UnitRegionLink, UnitSuccession } from '../units/unit';
import { isActiveOn, type Region, type RegionParentLink } from './region';

/** Everything known about regions and units over time; persisted by the API as rows. */
export interface Registry {
  readonly regions: readonly Region[];
  readonly regionLinks?: readonly RegionParentLink[];
  readonly units: readonly Unit[];
  readonly unitLinks?: readonly UnitRegionLink[];
  readonly successions?: readonly UnitSuccession[];
}

/**
 * The regions and units in force on one date. Aggregation walks this tree, so choosing the
 * date chooses which reorganisation the totals follow.
 */
export interface Hierarchy {
  readonly asOf: string;
  region(code: string): Region | undefined;
  unit(id: string): Unit | undefined;
  parentOf(code: string): string | undefined;
  /** Region codes from the parent up to the root. */
  ancestorsOf(code: string): string[];
  childRegions(code: string): Region[];
  /** Active units attached directly to the region. */
  unitsOf(code: string): Unit[];
  /** The active unit's region. */
  regionOfUnit(id: string): string | undefined;
  /** True when `code` is `ancestor` or lies below it. */
  isWithin(code: string, ancestor: string): boolean;
  /**
   * Units no longer active whose figures still belong to this unit: predecessors merged or
   * renamed into it, transitively.
   */
  absorbedUnits(id: string): Unit[];
  /**
   * Units no longer active and not absorbed by a successor (split or closed), placed in the
   * region they last belonged to: their old figures still count in that region's totals.
   */
  retiredUnitsOf(code: string): Unit[];
  /** Every region in force. */
  regions(): Region[];
  /** Every active unit. */
  units(): Unit[];
}

function unitRegionOn(registry: Registry, unit: Unit, date: string): string {
  const link = registry.unitLinks?.find((l) => l.unitId === unit.id && isActiveOn(l, date));
  return link?.regionCode ?? unit.regionCode;
}

/** The day before an exclusive end date, for "where did it last belong". */
function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (day > 1)
    return `${year}-${String(month).padStart(2, '0')}-${String(day - 1).padStart(2, '0')}`;
  const prevMonth = month === 1 ? 12 : month - 1;
  const prevYear = month === 1 ? year - 1 : year;
  const leap = (prevYear % 4 === 0 && prevYear % 100 !== 0) || prevYear % 400 === 0;
  const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][prevMonth - 1];
  return `${prevYear}-${String(prevMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export function hierarchyAsOf(registry: Registry, date: string): Hierarchy {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new RangeError(`"as of" must be an ISO date, got "${date}"`);
  const regionsByCode = new Map<string, Region>();
  for (const region of registry.regions) {
    if (isActiveOn(region, date)) regionsByCode.set(region.code, region);
  }
  const parents = new Map<string, string>();
  for (const region of regionsByCode.values()) {
    const link = registry.regionLinks?.find(
      (l) => l.childCode === region.code && isActiveOn(l, date),
    );
    const parent = link?.parentCode ?? region.parentCode;
    if (parent !== undefined && regionsByCode.has(parent)) parents.set(region.code, parent);
  }
  const childrenByCode = new Map<string, Region[]>();
  for (const [child, parent] of parents) {
    const list = childrenByCode.get(parent) ?? [];
    list.push(regionsByCode.get(child) as Region);
    childrenByCode.set(parent, list);
  }

  const unitsById = new Map<string, Unit>();
  const allUnitsById = new Map(registry.units.map((u) => [u.id, u]));
  const unitRegion = new Map<string, string>();
  const unitsByRegion = new Map<string, Unit[]>();
  for (const unit of registry.units) {
    if (!isActiveOn(unit, date)) continue;
    const regionCode = unitRegionOn(registry, unit, date);
    unitsById.set(unit.id, unit);
    unitRegion.set(unit.id, regionCode);
    const list = unitsByRegion.get(regionCode) ?? [];
    list.push(unit);
    unitsByRegion.set(regionCode, list);
  }

  // Successions that already happened decide where an inactive unit's figures go.
  const absorbedBy = new Map<string, Unit[]>();
  const absorbed = new Set<string>();
  for (const succession of registry.successions ?? []) {
    if (succession.date > date || succession.kind === 'split') continue;
    for (const successor of succession.to) {
      const list = absorbedBy.get(successor) ?? [];
      for (const predecessor of succession.from) {
        const unit = allUnitsById.get(predecessor);
        if (unit && !unitsById.has(predecessor)) {
          list.push(unit);
          absorbed.add(predecessor);
        }
      }
      absorbedBy.set(successor, list);
    }
  }
  const retiredByRegion = new Map<string, Unit[]>();
  for (const unit of registry.units) {
    if (unitsById.has(unit.id) || absorbed.has(unit.id)) continue;
    if (unit.validTo === undefined || unit.validTo > date) continue;
    const lastRegion = unitRegionOn(registry, unit, dayBefore(unit.validTo));
    const list = retiredByRegion.get(lastRegion) ?? [];
    list.push(unit);
    retiredByRegion.set(lastRegion, list);
  }

  const ancestorsOf = (code: string): string[] => {
    const result: string[] = [];
    let current = parents.get(code);
    while (current !== undefined && !result.includes(current)) {
      result.push(current);
      current = parents.get(current);
    }
    return result;
  };

  const absorbedUnits = (id: string): Unit[] => {
    const result: Unit[] = [];
    const queue = [...(absorbedBy.get(id) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as Unit;
      if (result.some((u) => u.id === next.id)) continue;
      result.push(next);
      queue.push(...(absorbedBy.get(next.id) ?? []));
    }
    return result;
  };

  return {
    asOf: date,
    region: (code) => regionsByCode.get(code),
    unit: (id) => unitsById.get(id),
    parentOf: (code) => parents.get(code),
    ancestorsOf,
    childRegions: (code) => [...(childrenByCode.get(code) ?? [])],
    unitsOf: (code) => [...(unitsByRegion.get(code) ?? [])],
    regionOfUnit: (id) => unitRegion.get(id),
    isWithin: (code, ancestor) => code === ancestor || ancestorsOf(code).includes(ancestor),
    absorbedUnits,
    retiredUnitsOf: (code) => [...(retiredByRegion.get(code) ?? [])],
    regions: () => [...regionsByCode.values()],
    units: () => [...unitsById.values()],
  };
}

/** A unit's predecessors through merges and renames, for comparisons across a reorganisation. */
export function predecessorsOf(registry: Registry, id: string): string[] {
  const result: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const succession of registry.successions ?? []) {
      if (succession.kind === 'split' || !succession.to.includes(current)) continue;
      for (const predecessor of succession.from) {
        if (!result.includes(predecessor)) {
          result.push(predecessor);
          queue.push(predecessor);
        }
      }
    }
  }
  return result;
}
