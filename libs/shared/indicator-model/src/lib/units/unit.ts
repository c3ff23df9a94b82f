/**
 * Units that report figures: departments at every level, service centres of townships and
 * villages, and windows in a government-service hall (including stationed companies).
 *
 * A unit id is `<county code>:<slug>` (640106:spj is 金凤区审批服务管理局), or the city code
 * for a city without counties. Ids never change; names do, so every spelling a source has
 * used is kept as an alias.
 */
export type UnitKind = 'department' | 'service-centre' | 'hall-window';

export interface Unit {
  readonly id: string;
  readonly kind: UnitKind;
  readonly nameZh: string;
  readonly nameEn?: string;
  /** Region the unit belongs to unless effective-dated links say otherwise. */
  readonly regionCode: string;
  /** Other spellings seen in sources, e.g. 残联, 殷都区残疾人联合会. */
  readonly aliases: readonly string[];
  /** Inclusive ISO date; open when absent. */
  readonly validFrom?: string;
  /** Exclusive ISO date (e.g. the day of a merge); open when absent. */
  readonly validTo?: string;
}

/** An effective-dated move of a unit to another region. */
export interface UnitRegionLink {
  readonly unitId: string;
  readonly regionCode: string;
  readonly validFrom: string;
  readonly validTo?: string;
}

/**
 * A reorganisation. Figures recorded before it stay with the unit they were recorded for;
 * a merge or rename lets the successor be compared with its predecessors, a split cannot
 * (the old figures cannot be divided between the new units).
 */
export interface UnitSuccession {
  readonly kind: 'merge' | 'split' | 'rename';
  /** ISO date the change took effect: predecessors' validTo, successors' validFrom. */
  readonly date: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly note?: string;
}

const UNIT_ID = /^\d{6}(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*$/;

export function isUnitId(id: string): boolean {
  return UNIT_ID.test(id);
}

export function unitId(countyCode: string, slug: string): string {
  const id = `${countyCode}:${slug}`;
  if (!isUnitId(id)) throw new RangeError(`"${id}" does not follow <county code>:<slug>`);
  return id;
}
